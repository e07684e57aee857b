/// The "… N more" row at the bottom of a capped column.
public struct OverflowPlacement: Sendable, Hashable {
    public var column: Int
    public var x: Int
    public var y: Int
    public var width: Int
    public var text: String
    /// The nodes it stands for, by sort key: the list it opens.
    public var hiddenNodeIDs: [Int]

    public init(column: Int, x: Int, y: Int, width: Int, text: String, hiddenNodeIDs: [Int]) {
        self.column = column
        self.x = x
        self.y = y
        self.width = width
        self.text = text
        self.hiddenNodeIDs = hiddenNodeIDs
    }
}
