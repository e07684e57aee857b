/// Extra emphasis a view may ask for on top of a role's theme style.
public struct Emphasis: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Emphasis(rawValue: 1)
    public static let underline = Emphasis(rawValue: 2)
    public static let reverse = Emphasis(rawValue: 4)
}

/// One terminal cell. A wide character occupies its cell and marks the next one as a continuation.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var role: StyleRole
    public var emphasis: Emphasis
    /// True for the right half of a wide character: drawn by its left neighbour.
    public var isContinuation: Bool

    public init(_ character: Character = " ", role: StyleRole = .text, emphasis: Emphasis = [], isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.emphasis = emphasis
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
