extension Analysis {
    /// The nodes a search from `from` starts at: the node itself, or for an account id the account node
    /// and every user and role of that account (a foothold anywhere in it).
    public func startNodes(_ from: String) -> [String] {
        var starts: [String] = []
        if graph.node(id: from) != nil { starts.append(from) }
        if from.count == 12, from.allSatisfy(\.isNumber) {
            for n in graph.nodes where n.account == from && (n.kind == .user || n.kind == .role) { starts.append(n.id) }
        }
        return starts
    }

    /// Role chains from a principal or account, hop by hop, each hop with what it requires.
    ///
    /// With `to`: every simple path of at most `maxHops` hops that ends at `to` (at most `limit`), shortest
    /// first. Without: one shortest path to every role reachable in at most `maxHops` hops, nearest first.
    /// The first hop may be any assume operation; later hops are sts:AssumeRole by role sessions.
    public func paths(from: String, to: String? = nil, maxHops: Int = 5, limit: Int = 200) -> [[TrustEdge]] {
        let starts = startNodes(from)
        guard !starts.isEmpty, maxHops > 0 else { return [] }
        if let to { return allPaths(from: starts, to: to, maxHops: maxHops, limit: limit) }
        var best: [String: [TrustEdge]] = [:]
        var frontier: [(node: String, path: [TrustEdge])] = starts.map { ($0, []) }
        var seen = Set(starts)
        for _ in 0..<maxHops {
            var nextFrontier: [(node: String, path: [TrustEdge])] = []
            for (node, path) in frontier {
                if !path.isEmpty && graph.node(id: node)?.kind != .role { continue }
                for e in outgoingEdges(from: node) where path.isEmpty || e.action == AssumeRole.action {
                    guard seen.insert(e.to).inserted else { continue }
                    let p = path + [e]
                    best[e.to] = p
                    nextFrontier.append((e.to, p))
                }
            }
            frontier = nextFrontier.sorted { $0.node < $1.node }
            if frontier.isEmpty { break }
        }
        return best.values.sorted { ($0.count, $0.last!.to) < ($1.count, $1.last!.to) }
    }

    private func allPaths(from starts: [String], to: String, maxHops: Int, limit: Int) -> [[TrustEdge]] {
        var results: [[TrustEdge]] = []
        var path: [TrustEdge] = []
        var onPath = Set<String>()
        func walk(_ node: String) {
            if results.count >= limit { return }
            if node == to && !path.isEmpty { results.append(path); return }
            if path.count >= maxHops { return }
            if !path.isEmpty && graph.node(id: node)?.kind != .role { return }
            for e in outgoingEdges(from: node) where (path.isEmpty || e.action == AssumeRole.action) && !onPath.contains(e.to) {
                onPath.insert(e.to)
                path.append(e)
                walk(e.to)
                path.removeLast()
                onPath.remove(e.to)
            }
        }
        for s in starts {
            onPath = [s]
            walk(s)
        }
        return results.sorted { a, b in
            if a.count != b.count { return a.count < b.count }
            return a.map(\.from).joined(separator: "\u{1}") < b.map(\.from).joined(separator: "\u{1}")
        }
    }
}
