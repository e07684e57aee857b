/// A drawn node: its label starts at (x, y).
public struct NodePlacement: Sendable, Hashable {
    public var id: Int
    public var column: Int
    public var x: Int
    public var y: Int
    /// Display width of `text`.
    public var width: Int
    /// The label as drawn, truncated with the ellipsis when it did not fit.
    public var text: String
    public var isTruncated: Bool

    public init(id: Int, column: Int, x: Int, y: Int, width: Int, text: String, isTruncated: Bool) {
        self.id = id
        self.column = column
        self.x = x
        self.y = y
        self.width = width
        self.text = text
        self.isTruncated = isTruncated
    }
}
