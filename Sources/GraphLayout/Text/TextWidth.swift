import TerminalText

/// Display width of text in terminal columns, and truncation that respects it.
///
/// GraphLayout has no terminal code; it measures with TerminalText's `DisplayWidth` (`simple`),
/// the table the dashboard's screen buffer draws with, so labels land where they are drawn.
/// A caller may still supply another width function (tests do).
public struct TextWidth: Sendable {
    /// Columns one grapheme occupies: 0 (combining, control), 1 or 2 (wide).
    public let characterWidth: @Sendable (Character) -> Int

    public init(characterWidth: @escaping @Sendable (Character) -> Int) {
        self.characterWidth = characterWidth
    }

    /// `DisplayWidth`, by grapheme cluster: ASCII and box drawing are one column; CJK, Hangul,
    /// full-width forms and emoji (sequences and flags included) are two; combining marks and
    /// zero-width characters are zero; control and bidi characters are as wide as their escapes.
    public static let simple = TextWidth(characterWidth: TextWidth.simpleWidth(of:))

    /// Total display width of `text`.
    public func width(of text: String) -> Int {
        var total = 0
        for character in text { total += max(0, characterWidth(character)) }
        return total
    }

    /// `text` cut to at most `maxWidth` columns, ending with `ellipsis` when
    /// something was cut. Never returns more than `maxWidth` columns (an
    /// ellipsis wider than the room is itself cut), and "" for `maxWidth <= 0`.
    public func truncate(_ text: String, toWidth maxWidth: Int, ellipsis: String = "…") -> String {
        guard maxWidth > 0 else { return "" }
        if width(of: text) <= maxWidth { return text }
        let ellipsisWidth = width(of: ellipsis)
        if ellipsisWidth > maxWidth { return prefix(of: ellipsis, fitting: maxWidth) }
        return prefix(of: text, fitting: maxWidth - ellipsisWidth) + ellipsis
    }

    /// The longest prefix of `text` whose width is at most `room`.
    public func prefix(of text: String, fitting room: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let w = max(0, characterWidth(character))
            if used + w > room { break }
            used += w
            result.append(character)
        }
        return result
    }

    /// The terminal's width of one grapheme cluster: `DisplayWidth`, the same table the screen buffer
    /// draws with (a label measured with another table would be laid out in the wrong columns).
    @Sendable
    public static func simpleWidth(of character: Character) -> Int {
        DisplayWidth.of(character)
    }
}
