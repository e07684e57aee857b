/// Display width of text in terminal columns: the one table the screen buffer, every view and
/// the graph layout measure with, so a label is laid out in exactly the columns it is drawn in.
///
/// Glibc's `wcwidth` is hidden from Swift and answers -1 in the C locale, so the terminal-free
/// code carries its own table, applied per grapheme cluster (a `Character`), as terminals draw:
/// - a character that `TerminalSafe` escapes is as wide as its escape (`\e` is 2 columns);
/// - combining marks, zero-width spaces and joiners, variation selectors and tag characters
///   alone take 0 columns (the screen buffer skips them);
/// - an emoji sequence (a ZWJ sequence, an emoji presentation selector U+FE0F, a keycap, a
///   flag of two regional indicators) takes 2, whatever its base alone would take;
/// - East Asian wide and fullwidth characters and emoji-presentation symbols take 2;
/// - everything else (box drawing, arrows, ‼ ▲ ✓ ✗) takes 1.
public enum DisplayWidth {
    /// Width of one scalar on its own (an escaped scalar: the width of its escape).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if TerminalSafe.needsEscape(scalar) { return TerminalSafe.escape(scalar).utf8.count }
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        let first = scalars.first!
        // The common case: one printable ASCII scalar.
        if first.value >= 0x20 && first.value < 0x7F && scalars.count == 1 { return 1 }
        var escaped = false
        for s in scalars where TerminalSafe.needsEscape(s) { escaped = true; break }
        if escaped {
            // Drawn as the escapes of its control scalars beside the rest.
            var w = 0
            for s in scalars { w += TerminalSafe.needsEscape(s) ? TerminalSafe.escape(s).utf8.count : of(s) }
            return w
        }
        var width = 0
        var regionalIndicators = 0
        var emojiSequence = false
        for s in scalars {
            let v = s.value
            if v == 0xFE0F || v == 0x200D || v == 0x20E3 { emojiSequence = true }
            if (0x1F1E6...0x1F1FF).contains(v) { regionalIndicators += 1 }
            width = max(width, of(s))
        }
        if width == 0 { return 0 }
        if emojiSequence || regionalIndicators >= 2 { return 2 }
        return width
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

    /// Combining marks, zero-width spaces and joiners, word joiner and invisible operators,
    /// the BOM, variation selectors, Hangul medial and final jamo, tag characters.
    static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x05BF, 0x05C1...0x05C2, 0x05C4...0x05C5, 0x05C7,
             0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7...0x06E8,
             0x06EA...0x06ED, 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E, 0x1160...0x11FF, 0x1AB0...0x1AFF,
             0x1DC0...0x1DFF, 0x200B...0x200D, 0x2060...0x2064, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F,
             0xFEFF, 0xE0000...0xE007F, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    /// East Asian wide and fullwidth ranges, and the symbols drawn as emoji by default.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
             0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
             0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705,
             0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
             0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF,
             0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
             0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
