/// Which sides of a grid cell a line leaves from.
public struct LineBits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let north = LineBits(rawValue: 1)
    public static let east = LineBits(rawValue: 2)
    public static let south = LineBits(rawValue: 4)
    public static let west = LineBits(rawValue: 8)

    /// Only east and/or west: a plain horizontal line (`─`), the kind of cell
    /// an inline edge label may cover.
    public var isHorizontalOnly: Bool { !isEmpty && isDisjoint(with: [.north, .south]) }
}
