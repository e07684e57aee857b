/// Display width of text in terminal columns, and truncation that respects it.
///
/// GraphLayout has no terminal code, so the caller supplies the width of one
/// character (the dashboard passes its own `wcwidth`-like function: `wcwidth`
/// itself is hidden from Swift on Linux and wrong in the C locale). `simple`
/// is good enough for ASCII, box drawing and the common wide ranges.
public struct TextWidth: Sendable {
    /// Columns one grapheme occupies: 0 (combining, control), 1 or 2 (wide).
    public let characterWidth: @Sendable (Character) -> Int

    public init(characterWidth: @escaping @Sendable (Character) -> Int) {
        self.characterWidth = characterWidth
    }

    /// ASCII and box drawing are one column; CJK, Hangul, full-width forms and
    /// most emoji are two; controls and combining marks are zero.
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

    @Sendable
    public static func simpleWidth(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v) {
            return 0
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }
}
