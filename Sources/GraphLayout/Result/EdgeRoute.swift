/// The drawn path of one connection, from its source's label to its arrowhead.
public struct EdgeRoute: Sendable, Hashable {
    /// The graph edges drawn by this path, sorted: parallel edges, and all
    /// edges to or from hidden nodes of one "… N more" row, share a path.
    public var edgeIDs: [Int]
    public var from: RouteEndpoint
    public var to: RouteEndpoint
    /// Every cell of the path in order, with the character the grid holds
    /// there (junctions included), so restyling a path never changes glyphs.
    public var cells: [RouteCell]
    /// The arrowhead's cell (the last of `cells`).
    public var arrow: GridPoint
    /// The longest straight horizontal stretch of the path, preferring cells
    /// no other path uses: where an inline label (`ExtId`, `sub=repo:acme/*`)
    /// or the finding's glyph fits. Nil when the path has no plain `─` cell.
    public var labelRun: HorizontalRun?

    public init(edgeIDs: [Int], from: RouteEndpoint, to: RouteEndpoint, cells: [RouteCell], arrow: GridPoint, labelRun: HorizontalRun?) {
        self.edgeIDs = edgeIDs
        self.from = from
        self.to = to
        self.cells = cells
        self.arrow = arrow
        self.labelRun = labelRun
    }
}

/// One end of a drawn edge.
public enum RouteEndpoint: Sendable, Hashable {
    case node(Int)
    /// The "… N more" row of the column with this index.
    case overflow(column: Int)
}

public struct RouteCell: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var character: Character

    public init(x: Int, y: Int, character: Character) {
        self.x = x
        self.y = y
        self.character = character
    }
}

public struct GridPoint: Sendable, Hashable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

public struct HorizontalRun: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var length: Int

    public init(x: Int, y: Int, length: Int) {
        self.x = x
        self.y = y
        self.length = length
    }
}
