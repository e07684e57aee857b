/// How one style role looks: colours and attributes.
public struct ThemeStyle: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault, bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    public static let plain = ThemeStyle()

    /// This style with a cell's extra emphasis applied.
    public func applying(_ e: Emphasis) -> ThemeStyle {
        var s = self
        if e.contains(.bold) { s.bold = true }
        if e.contains(.underline) { s.underline = true }
        if e.contains(.reverse) { s.reverse.toggle() }
        return s
    }
}
