/// A finished drawing as plain data: where each node, "… N more" row, stub
/// and edge went, and the whole picture as a character grid. The dashboard
/// copies the grid onto its screen buffer, then styles from the placements:
/// it paints risky routes last in their severity's style and the selected
/// edge's whole path highlighted, using `EdgeRoute.cells`.
public struct LayoutResult: Sendable {
    /// Stored in the cell after a two-column character; skip it when copying.
    public static let wideContinuation: Character = "\u{0}"

    public var width: Int
    public var height: Int
    public var columns: [ColumnPlacement]
    public var nodes: [NodePlacement]
    public var overflows: [OverflowPlacement]
    public var backEdges: [BackEdgeStub]
    public var routes: [EdgeRoute]
    /// `height` rows of `width` characters: labels, lines, arrowheads and stubs.
    public var grid: [[Character]]
    /// Edge crossings between columns in the chosen order (bilayer count).
    public var crossings: Int

    public init(
        width: Int, height: Int, columns: [ColumnPlacement], nodes: [NodePlacement], overflows: [OverflowPlacement],
        backEdges: [BackEdgeStub], routes: [EdgeRoute], grid: [[Character]], crossings: Int
    ) {
        self.width = width
        self.height = height
        self.columns = columns
        self.nodes = nodes
        self.overflows = overflows
        self.backEdges = backEdges
        self.routes = routes
        self.grid = grid
        self.crossings = crossings
    }

    public static let empty = LayoutResult(
        width: 0, height: 0, columns: [], nodes: [], overflows: [], backEdges: [], routes: [], grid: [], crossings: 0)

    /// The grid as lines of text without trailing blanks (snapshots, debugging, plain output).
    public var text: String {
        grid.map { row in
            var line = String(row.filter { $0 != Self.wideContinuation })
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// The placement of a node, if it is drawn.
    public func placement(ofNode id: Int) -> NodePlacement? {
        nodes.first { $0.id == id }
    }

    /// The route that draws the edge with this id (possibly shared with other
    /// edges of the same two ends, or merged into a "… N more" row).
    public func route(forEdge id: Int) -> EdgeRoute? {
        routes.first { $0.edgeIDs.contains(id) }
    }

    /// The node whose label covers a cell (mouse clicks).
    public func node(atX x: Int, y: Int) -> NodePlacement? {
        nodes.first { $0.y == y && x >= $0.x && x < $0.x + max(1, $0.width) }
    }

    /// Indices into `routes` of the routes passing through a cell (mouse
    /// clicks on an edge); several where lines share or cross.
    public func routeIndices(atX x: Int, y: Int) -> [Int] {
        routes.indices.filter { routes[$0].cells.contains { $0.x == x && $0.y == y } }
    }
}
