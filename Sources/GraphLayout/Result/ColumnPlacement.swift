/// Where a column was put.
public struct ColumnPlacement: Sendable, Hashable {
    /// The neighbourhood's column index (signed hop distance, 0 = focus).
    public var index: Int
    public var x: Int
    public var width: Int

    public init(index: Int, x: Int, width: Int) {
        self.index = index
        self.x = x
        self.width = width
    }
}
