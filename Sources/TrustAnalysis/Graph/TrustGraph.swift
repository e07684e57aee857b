/// The cross-account trust graph: nodes, `can-assume` edges, and precomputed adjacency so that
/// `node(id:)`, `outgoing(from:)` and `incoming(to:)` cost one dictionary lookup.
public struct TrustGraph: Sendable {
    /// Sorted by id.
    public private(set) var nodes: [GraphNode]
    /// Sorted by (from, to, action).
    public private(set) var edges: [TrustEdge]
    private var nodeIndex: [String: Int]
    /// Node position → its outgoing edges, a range of `edges` (sorted by `from`, so they are contiguous).
    private var outgoingStart: [Int32]
    /// Node position → a range of `incomingOrder`, which lists edge positions by (to, from, action).
    private var incomingStart: [Int32]
    private var incomingOrder: [Int32]
    /// Edge position → the node position of its target (the node count when it is not a node).
    private var edgeTargets: [Int32]
    /// Edges whose ends are not nodes of the graph (a hand-built graph may have them), by id.
    private var strayOutgoing: [String: [Int]] = [:]
    private var strayIncoming: [String: [Int]] = [:]

    public init(nodes: [GraphNode], edges: [TrustEdge]) {
        // Positions are sorted rather than the values, which are large to move; ids and (from, to, action)
        // are unique, so the order is the same as sorting the values.
        let sortedNodes = nodes.enumerated().map { ($0.element.id, $0.offset) }.sorted { $0.0 < $1.0 }.map { nodes[$0.1] }
        var index: [String: Int] = [:]
        index.reserveCapacity(sortedNodes.count)
        for (i, n) in sortedNodes.enumerated() { index[n.id] = i }
        // Edges sort by their ends' node positions, which follow the ids: integers compared instead of ARNs.
        let stray = Int32(sortedNodes.count)
        let ends = edges.map { (from: index[$0.from].map(Int32.init) ?? stray, to: index[$0.to].map(Int32.init) ?? stray) }
        let order = edges.indices.sorted { a, b in
            let ea = ends[a], eb = ends[b]
            if ea.from != eb.from { return ea.from < eb.from }
            if ea.from == stray && edges[a].from != edges[b].from { return edges[a].from < edges[b].from }
            if ea.to != eb.to { return ea.to < eb.to }
            if ea.to == stray && edges[a].to != edges[b].to { return edges[a].to < edges[b].to }
            return edges[a].action < edges[b].action
        }
        self.nodes = sortedNodes
        self.edges = order.map { edges[$0] }
        nodeIndex = index
        let n = sortedNodes.count
        var outStart = [Int32](repeating: 0, count: n + 2)
        var inCount = [Int32](repeating: 0, count: n + 2)
        for i in order {
            outStart[Int(ends[i].from) + 1] += 1
            inCount[Int(ends[i].to) + 1] += 1
        }
        for v in 0..<(n + 1) {
            outStart[v + 1] += outStart[v]
            inCount[v + 1] += inCount[v]
        }
        incomingStart = inCount
        var fill = inCount
        var inOrder = [Int32](repeating: 0, count: self.edges.count)
        for (position, i) in order.enumerated() {
            let to = Int(ends[i].to)
            inOrder[Int(fill[to])] = Int32(position)
            fill[to] += 1
        }
        outgoingStart = outStart
        incomingOrder = inOrder
        edgeTargets = order.map { ends[$0].to }
        if outStart[n + 1] > outStart[n] || inCount[n + 1] > inCount[n] {
            for (position, e) in self.edges.enumerated() {
                if index[e.from] == nil { strayOutgoing[e.from, default: []].append(position) }
                if index[e.to] == nil { strayIncoming[e.to, default: []].append(position) }
            }
        }
    }

    public func node(id: String) -> GraphNode? { nodeIndex[id].map { nodes[$0] } }

    /// Position of a node in `nodes`, for algorithms that work on integers.
    public func index(ofNode id: String) -> Int? { nodeIndex[id] }

    public func outgoing(from id: String) -> [TrustEdge] { outgoingIndices(from: id).map { edges[$0] } }
    public func incoming(to id: String) -> [TrustEdge] { incomingIndices(to: id).map { edges[$0] } }

    /// Edge positions, for callers that want to avoid copying edges.
    public func outgoingIndices(from id: String) -> [Int] {
        guard let v = nodeIndex[id] else { return strayOutgoing[id] ?? [] }
        return Array(Int(outgoingStart[v])..<Int(outgoingStart[v + 1]))
    }

    public func incomingIndices(to id: String) -> [Int] {
        guard let v = nodeIndex[id] else { return strayIncoming[id] ?? [] }
        return incomingOrder[Int(incomingStart[v])..<Int(incomingStart[v + 1])].map { Int($0) }
    }

    /// Each annotated edge's position, worst severity and sorted rules. Reads only, so it can run beside
    /// other work; `apply` then writes them. Each finding finds its edge within its source's range of
    /// edges by the target's node position; nothing is grouped by ARN.
    func annotations(for findings: [Finding]) -> [(edge: Int, severity: Severity, rules: [String])] {
        var worst: [Int: Severity] = [:]
        var rules: [Int: [String]] = [:]
        for i in findings.indices where findings[i].suppression == nil {
            guard let ref = findings[i].edge else { continue }
            let range: [Int]
            if let v = nodeIndex[ref.from], let t = nodeIndex[ref.to].map(Int32.init) {
                // A source's edges are sorted by their target's position: binary search, not a scan (anyone
                // and account nodes have an edge to every role they can get into, and findings on many).
                var lo = Int(outgoingStart[v]), hi = Int(outgoingStart[v + 1])
                let end = hi
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if edgeTargets[mid] < t { lo = mid + 1 } else { hi = mid }
                }
                var upper = lo
                while upper < end && edgeTargets[upper] == t { upper += 1 }
                range = Array(lo..<upper)
            } else if let v = nodeIndex[ref.from] {
                range = Array(Int(outgoingStart[v])..<Int(outgoingStart[v + 1])).filter { edges[$0].to == ref.to }
            } else {
                range = (strayOutgoing[ref.from] ?? []).filter { edges[$0].to == ref.to }
            }
            let severity = findings[i].severity
            for e in range {
                if worst[e].map({ severity > $0 }) ?? true { worst[e] = severity }
                rules[e, default: []].append(findings[i].rule)
            }
        }
        return worst.keys.sorted().map { e in (e, worst[e]!, Array(Set(rules[e]!)).sorted()) }
    }

    /// Sets each edge's worst severity and rule list, as `annotations(for:)` worked them out.
    mutating func apply(_ annotations: [(edge: Int, severity: Severity, rules: [String])]) {
        for a in annotations {
            edges[a.edge].severity = a.severity
            edges[a.edge].findingRules = a.rules
        }
    }
}
