/// The cross-account trust graph: nodes, `can-assume` edges, and precomputed adjacency so that
/// `node(id:)`, `outgoing(from:)` and `incoming(to:)` are dictionary lookups.
public struct TrustGraph: Sendable {
    /// Sorted by id.
    public private(set) var nodes: [GraphNode]
    /// Sorted by (from, to, action).
    public private(set) var edges: [TrustEdge]
    private var nodeIndex: [String: Int]
    private var outgoingIndex: [String: [Int]]
    private var incomingIndex: [String: [Int]]

    public init(nodes: [GraphNode], edges: [TrustEdge]) {
        // Positions are sorted rather than the values, which are large to move; ids and (from, to, action)
        // are unique, so the order is the same as sorting the values.
        self.nodes = nodes.indices.sorted { nodes[$0].id < nodes[$1].id }.map { nodes[$0] }
        self.edges = edges.indices.sorted { (edges[$0].from, edges[$0].to, edges[$0].action) < (edges[$1].from, edges[$1].to, edges[$1].action) }.map { edges[$0] }
        nodeIndex = [:]
        nodeIndex.reserveCapacity(self.nodes.count)
        for (i, n) in self.nodes.enumerated() { nodeIndex[n.id] = i }
        outgoingIndex = [:]
        incomingIndex = [:]
        for (i, e) in self.edges.enumerated() {
            outgoingIndex[e.from, default: []].append(i)
            incomingIndex[e.to, default: []].append(i)
        }
    }

    public func node(id: String) -> GraphNode? { nodeIndex[id].map { nodes[$0] } }

    /// Position of a node in `nodes`, for algorithms that work on integers.
    public func index(ofNode id: String) -> Int? { nodeIndex[id] }

    public func outgoing(from id: String) -> [TrustEdge] { (outgoingIndex[id] ?? []).map { edges[$0] } }
    public func incoming(to id: String) -> [TrustEdge] { (incomingIndex[id] ?? []).map { edges[$0] } }

    /// Edge positions, for callers that want to avoid copying edges.
    public func outgoingIndices(from id: String) -> [Int] { outgoingIndex[id] ?? [] }
    public func incomingIndices(to id: String) -> [Int] { incomingIndex[id] ?? [] }

    /// Sets each edge's worst severity and rule list from the findings about it.
    mutating func annotate(with findings: [Finding]) {
        var byEdge: [EdgeRef: [Finding]] = [:]
        for f in findings where !f.isSuppressed { if let e = f.edge { byEdge[e, default: []].append(f) } }
        for (ref, fs) in byEdge {
            for i in outgoingIndex[ref.from] ?? [] where edges[i].to == ref.to {
                edges[i].severity = fs.map(\.severity).max()
                edges[i].findingRules = Array(Set(fs.map(\.rule))).sorted()
            }
        }
    }
}
