extension TrustGraph {
    /// The neighbourhood of `focus`: every node within `depth` hops along edges in either direction,
    /// with the edges between them. The whole graph when `focus` is nil; an empty graph when it is unknown.
    public func neighbourhood(of focus: String?, depth: Int) -> TrustGraph {
        guard let focus else { return self }
        guard node(id: focus) != nil else { return TrustGraph(nodes: [], edges: []) }
        var keep: Set<String> = [focus]
        var frontier = [focus]
        for _ in 0..<max(0, depth) {
            var next: [String] = []
            for id in frontier {
                for e in outgoing(from: id) where keep.insert(e.to).inserted { next.append(e.to) }
                for e in incoming(to: id) where keep.insert(e.from).inserted { next.append(e.from) }
            }
            frontier = next.sorted()
            if frontier.isEmpty { break }
        }
        return TrustGraph(nodes: nodes.filter { keep.contains($0.id) },
                          edges: edges.filter { keep.contains($0.from) && keep.contains($0.to) })
    }
}
