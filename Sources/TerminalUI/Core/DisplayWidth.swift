/// Display width of text in terminal columns.
///
/// Glibc's `wcwidth` is hidden from Swift and answers -1 in the C locale, so the
/// terminal-free code carries its own table: combining marks and zero-width characters
/// take 0 columns, East Asian wide and fullwidth characters and most emoji take 2,
/// everything else (box drawing, arrows, ‼ ▲ ✓ ✗) takes 1.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        // Zero width: combining marks, ZWJ/ZWNJ, variation selectors.
        if (0x0300...0x036F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v) || (0x200B...0x200F).contains(v)
            || (0xFE00...0xFE0F).contains(v) || v == 0x2060
        {
            return 0
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        return 1
    }

    public static func of(_ character: Character) -> Int {
        var w = 0
        for s in character.unicodeScalars { w = max(w, of(s)) }
        // A grapheme of only zero-width scalars still needs a cell to live in.
        return character.unicodeScalars.count > 0 && w == 0 ? 0 : w
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var w = 0
        for c in text { w += of(c) }
        return w
    }

    /// The longest prefix that fits in `width` columns, with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces (or truncated) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let t = truncate(text, to: width)
        return t + String(repeating: " ", count: max(0, width - of(t)))
    }
}
