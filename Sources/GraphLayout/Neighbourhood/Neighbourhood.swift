/// The part of a graph to draw, already split into columns: the nodes of each
/// column (visible ones and those hidden behind a "… N more" row), the edges
/// that go forward (left to right) and the edges drawn as stubs.
///
/// Built by `extract` around a focus (graph-layout.md: the default view) or by
/// `overview` for a whole small graph. A value: cache it per (focus, depth).
public struct Neighbourhood: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        /// Signed hop distance from the focus: callers are negative, what the
        /// focus can assume positive. For an overview, the layer (0, 1, 2 …).
        public var index: Int
        /// Nodes drawn in this column, in discovery order (the layout reorders them).
        public var nodes: [Int]
        /// Nodes beyond the cap, by sort key: the "… N more" row lists them.
        public var hiddenNodes: [Int]

        public init(index: Int, nodes: [Int], hiddenNodes: [Int] = []) {
            self.index = index
            self.nodes = nodes
            self.hiddenNodes = hiddenNodes
        }
    }

    /// The focus node, or nil for an overview (or when the focus was not a node).
    public var focus: Int?
    /// Columns sorted by `index`, without gaps.
    public var columns: [Column]
    /// Edges from a column to a later one. An end may be hidden: the layout then
    /// draws the edge to or from that column's "… N more" row.
    public var forwardEdges: [LayoutGraph.Edge]
    /// Edges between visible nodes that point backwards or stay inside a column
    /// (cycles such as A→B→A): drawn as stubs `↺ A` and listed in details.
    public var backEdges: [LayoutGraph.Edge]

    public init(focus: Int?, columns: [Column], forwardEdges: [LayoutGraph.Edge], backEdges: [LayoutGraph.Edge]) {
        self.focus = focus
        self.columns = columns
        self.forwardEdges = forwardEdges
        self.backEdges = backEdges
    }

    public static let empty = Neighbourhood(focus: nil, columns: [], forwardEdges: [], backEdges: [])

    /// The column a node was placed in, hidden or not; nil when outside.
    public func column(of node: Int) -> Int? {
        for column in columns where column.nodes.contains(node) || column.hiddenNodes.contains(node) {
            return column.index
        }
        return nil
    }

    /// Number of nodes drawn (not counting hidden ones).
    public var visibleNodeCount: Int { columns.reduce(0) { $0 + $1.nodes.count } }

    /// The neighbourhood of `focus`: callers up to `depthIn` hops to the left,
    /// what it can assume up to `depthOut` hops to the right.
    ///
    /// One breadth-first search on the adjacency lists, hop by hop, outgoing
    /// side first at each distance; a node is placed once, at its first hit.
    /// Within a hop, neighbours are visited by sort key, so when a column holds
    /// more than `capPerColumn` nodes the ones with the smallest keys are shown
    /// (put severity first in the key to keep risky nodes visible); the rest
    /// are hidden and not expanded further, which also bounds the work for a
    /// node with thousands of callers. `capPerColumn` nil means no cap.
    public static func extract(
        _ graph: LayoutGraph, focus: Int, depthIn: Int = 1, depthOut: Int = 1, capPerColumn: Int? = nil
    ) -> Neighbourhood {
        guard focus >= 0, focus < graph.nodeCount else { return .empty }
        let depthIn = max(0, depthIn), depthOut = max(0, depthOut)
        let cap = capPerColumn.map { max(0, $0) } ?? Int.max

        var columnOf: [Int: Int] = [focus: 0]
        var hidden: Set<Int> = []
        var visibleByColumn: [Int: [Int]] = [0: [focus]]
        var hiddenByColumn: [Int: [Int]] = [:]

        func place(_ node: Int, in column: Int, frontier: inout [Int]) {
            guard columnOf[node] == nil else { return }
            columnOf[node] = column
            if visibleByColumn[column, default: []].count < cap {
                visibleByColumn[column, default: []].append(node)
                frontier.append(node)
            } else {
                hidden.insert(node)
                hiddenByColumn[column, default: []].append(node)
            }
        }

        var outFrontier = [focus], inFrontier = [focus]
        for distance in 1...max(1, max(depthIn, depthOut)) {
            if distance <= depthOut {
                var next: [Int] = []
                for node in outFrontier { graph.forEachOutgoing(of: node) { place($0.to, in: distance, frontier: &next) } }
                outFrontier = next
            }
            if distance <= depthIn {
                var next: [Int] = []
                for node in inFrontier { graph.forEachIncoming(of: node) { place($0.from, in: -distance, frontier: &next) } }
                inFrontier = next
            }
        }

        var forward: [LayoutGraph.Edge] = []
        var back: [LayoutGraph.Edge] = []
        for (node, fromColumn) in columnOf {
            graph.forEachOutgoing(of: node) { edge in
                guard let toColumn = columnOf[edge.to] else { return }
                if fromColumn < toColumn {
                    forward.append(edge)
                } else if !hidden.contains(edge.from) && !hidden.contains(edge.to) {
                    back.append(edge)
                }
            }
        }
        forward.sort()
        back.sort()

        let indices = Set(visibleByColumn.keys).union(hiddenByColumn.keys).sorted()
        let columns = indices.map { index in
            Column(
                index: index, nodes: visibleByColumn[index] ?? [],
                hiddenNodes: (hiddenByColumn[index] ?? []).sorted { graph.rank[$0] < graph.rank[$1] })
        }
        return Neighbourhood(focus: focus, columns: columns, forwardEdges: forward, backEdges: back)
    }
}
