import TerminalUI
import TrustAnalysis

/// The key under the matrix: what each glyph and each outside column means, so a room reading it
/// on a projector (or in a mono theme) needs nothing else.
enum MatrixLegend {
    /// One entry: a symbol in its own style, then its meaning, in long and short words.
    struct Item {
        var symbol: String
        var role: StyleRole
        var long: String
        var short: String
    }

    static let items: [Item] = Severity.allCases.reversed().map { s in
        Item(symbol: s.glyph, role: SeverityStyle.role(s), long: s.name, short: s == .critical ? "crit" : (s == .medium ? "med" : s.name))
    } + [
        Item(symbol: MatrixGlyph.trust, role: .text, long: "trust, no finding", short: "no finding"),
        Item(symbol: "[ ]", role: .muted, long: "same account", short: "same"),
        Item(symbol: "3p", role: .text, long: "third parties", short: "3rd party"),
        Item(symbol: "ex", role: .text, long: "unknown externals", short: "unknown"),
        Item(symbol: "*", role: .text, long: "anyone", short: "anyone"),
    ]

    /// The legend flowed into lines of `width`, long words when they fit in two lines, at most `maxLines`;
    /// items that do not fit are left out whole rather than cut.
    static func lines(width: Int, maxLines: Int) -> [StyledLine] {
        guard width > 0, maxLines > 0 else { return [] }
        let long = flow(items.map { ($0, $0.long) }, width: width)
        let chosen = long.count <= 2 ? long : flow(items.map { ($0, $0.short) }, width: width)
        return Array(chosen.prefix(maxLines))
    }

    static func flow(_ entries: [(Item, String)], width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        var line: StyledLine = []
        var used = 0
        for (item, words) in entries {
            let w = DisplayWidth.of(item.symbol) + 1 + DisplayWidth.of(words)
            let gap = line.isEmpty ? 0 : 2
            if !line.isEmpty, used + gap + w > width {
                out.append(line)
                line = []
                used = 0
            }
            if !line.isEmpty {
                line.append(TextRun("  ", .muted))
                used += 2
            }
            line.append(TextRun(item.symbol, item.role))
            line.append(TextRun(" " + words, .muted))
            used += w
        }
        if !line.isEmpty { out.append(line) }
        return out
    }
}

/// The glyphs the matrix draws besides the severity glyphs.
enum MatrixGlyph {
    /// Trust that carries no finding (`·` is taken by low severity, so an empty cell stays blank).
    static let trust = "●"
    static let diagonalOpen: Character = "["
    static let diagonalClose: Character = "]"
    static let separator: Character = "│"
    static let selectedRow = "▸"
    static let moreAbove = "▴"
    static let moreBelow = "▾"
    static let moreLeft = "◂"
    static let moreRight = "▸"
}
