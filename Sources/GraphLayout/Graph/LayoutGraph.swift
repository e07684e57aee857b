import TerminalText

/// A directed graph on integer ids `0..<nodes.count`, as the layout sees it:
/// each node has a label (with its display width) and a sort key, each edge a
/// caller-chosen id. No trust concepts: the dashboard maps roles, users and
/// accounts to node ids and trust relations to edge ids.
///
/// Adjacency is built once (compressed rows) and every neighbour list is
/// sorted by the neighbour's sort key, then node id, then edge id, so nothing
/// downstream depends on the order edges were given in.
public struct LayoutGraph: Sendable {
    public struct Node: Sendable, Hashable {
        /// The text drawn for the node (truncated when there is no room).
        public var label: String
        /// Display columns of `label`.
        public var labelWidth: Int
        /// Breaks every tie (column order, which nodes a cap hides): smaller first.
        public var sortKey: String

        /// Control and bidi characters in `label` are kept as their escapes (`TerminalSafe`): the grid
        /// is drawn on a terminal, and `labelWidth` measured with `DisplayWidth` already counts them so.
        public init(label: String, labelWidth: Int, sortKey: String) {
            self.label = TerminalSafe.escape(label)
            self.labelWidth = max(0, labelWidth)
            self.sortKey = sortKey
        }

        /// A node whose width is measured with `textWidth` and whose sort key
        /// defaults to its label.
        public init(label: String, sortKey: String? = nil, textWidth: TextWidth = .simple) {
            self.init(label: label, labelWidth: textWidth.width(of: label), sortKey: sortKey ?? label)
        }
    }

    public struct Edge: Sendable, Hashable, Comparable {
        public var from: Int
        public var to: Int
        /// The caller's id for the relation; returned in routes and stubs.
        public var id: Int

        public init(from: Int, to: Int, id: Int) {
            self.from = from
            self.to = to
            self.id = id
        }

        public static func < (a: Edge, b: Edge) -> Bool {
            (a.from, a.to, a.id) < (b.from, b.to, b.id)
        }
    }

    public let nodes: [Node]
    /// Valid edges (both ends in range), without exact duplicates, sorted by (from, to, id).
    public let edges: [Edge]
    /// Position of each node when all are sorted by (sortKey, id).
    let rank: [Int]
    private let outOffsets: [Int]
    private let outEdges: [Int]
    private let inOffsets: [Int]
    private let inEdges: [Int]

    /// Edges whose ends are not node ids are dropped rather than trapping:
    /// the layout must never crash on what the analysis hands it.
    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        let n = nodes.count
        var valid = edges.filter { $0.from >= 0 && $0.from < n && $0.to >= 0 && $0.to < n }
        valid.sort()
        var unique: [Edge] = []
        unique.reserveCapacity(valid.count)
        for edge in valid where unique.last != edge { unique.append(edge) }
        self.edges = unique

        let order = (0..<n).sorted { (nodes[$0].sortKey, $0) < (nodes[$1].sortKey, $1) }
        var rank = [Int](repeating: 0, count: n)
        for (position, node) in order.enumerated() { rank[node] = position }
        self.rank = rank

        (outOffsets, outEdges) = Self.compressedRows(
            count: n, edges: unique, key: { $0.from }, neighbour: { $0.to }, rank: rank)
        (inOffsets, inEdges) = Self.compressedRows(
            count: n, edges: unique, key: { $0.to }, neighbour: { $0.from }, rank: rank)
    }

    public var nodeCount: Int { nodes.count }

    /// Edges leaving `node`, ordered by target sort key, target id, edge id.
    public func outgoingEdges(of node: Int) -> [Edge] {
        guard node >= 0, node < nodes.count else { return [] }
        return outEdges[outOffsets[node]..<outOffsets[node + 1]].map { edges[$0] }
    }

    /// Edges entering `node`, ordered by source sort key, source id, edge id.
    public func incomingEdges(of node: Int) -> [Edge] {
        guard node >= 0, node < nodes.count else { return [] }
        return inEdges[inOffsets[node]..<inOffsets[node + 1]].map { edges[$0] }
    }

    /// Calls `body` with each outgoing edge without allocating.
    func forEachOutgoing(of node: Int, _ body: (Edge) -> Void) {
        for i in outOffsets[node]..<outOffsets[node + 1] { body(edges[outEdges[i]]) }
    }

    func forEachIncoming(of node: Int, _ body: (Edge) -> Void) {
        for i in inOffsets[node]..<inOffsets[node + 1] { body(edges[inEdges[i]]) }
    }

    private static func compressedRows(
        count n: Int, edges: [Edge], key: (Edge) -> Int, neighbour: (Edge) -> Int, rank: [Int]
    ) -> ([Int], [Int]) {
        var offsets = [Int](repeating: 0, count: n + 1)
        for edge in edges { offsets[key(edge) + 1] += 1 }
        for i in 0..<n { offsets[i + 1] += offsets[i] }
        var fill = offsets
        var slots = [Int](repeating: 0, count: edges.count)
        for (index, edge) in edges.enumerated() {
            slots[fill[key(edge)]] = index
            fill[key(edge)] += 1
        }
        for node in 0..<n where offsets[node + 1] - offsets[node] > 1 {
            slots[offsets[node]..<offsets[node + 1]].sort { a, b in
                let ea = edges[a], eb = edges[b]
                return (rank[neighbour(ea)], ea.id) < (rank[neighbour(eb)], eb.id)
            }
        }
        return (offsets, slots)
    }
}
