/// The characters a layout is drawn with: box drawing when the terminal's
/// locale supports UTF-8, plain ASCII otherwise (dashboard.md, "Terminal
/// behaviour").
public struct GlyphSet: Sendable, Hashable {
    /// Indexed by `LineBits.rawValue` (N = 1, E = 2, S = 4, W = 8).
    public var lines: [Character]
    /// Drawn in the cell just before a target's label.
    public var arrow: Character
    /// Ends a truncated label.
    public var ellipsis: String
    /// Starts a back-edge stub (`↺ B`).
    public var backEdge: String

    public init(lines: [Character], arrow: Character, ellipsis: String, backEdge: String) {
        precondition(lines.count == 16, "one glyph per combination of the four line bits")
        self.lines = lines
        self.arrow = arrow
        self.ellipsis = ellipsis
        self.backEdge = backEdge
    }

    public static let unicode = GlyphSet(
        lines: [" ", "│", "─", "└", "│", "│", "┌", "├", "─", "┘", "─", "┴", "┐", "┤", "┬", "┼"],
        arrow: "▶", ellipsis: "…", backEdge: "↺")

    public static let ascii = GlyphSet(
        lines: [" ", "|", "-", "+", "|", "|", "+", "+", "-", "+", "-", "+", "+", "+", "+", "+"],
        arrow: ">", ellipsis: "~", backEdge: "^")

    /// The glyph for a cell whose line segments leave towards `bits`.
    public func glyph(for bits: LineBits) -> Character {
        lines[Int(bits.rawValue & 0xF)]
    }
}
