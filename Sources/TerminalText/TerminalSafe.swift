/// Text from an inventory made safe to show on a terminal.
///
/// Inventories come from other people, and a terminal obeys what it is sent: an ESC in a role
/// name can clear the screen, move the cursor over a critical finding or hide the rest of the
/// output; a bidi override (U+202E) makes `arn:…:role/nimda` read as something else. Every
/// control character (C0, DEL, C1) and every bidi control is therefore shown as an escape:
/// `\e` for ESC, `\n` `\r` `\t` for the usual three, `\xHH` for the other C0 characters and DEL,
/// `\uXXXX` for C1 and the bidi controls (and the Unicode line and paragraph separators).
/// Text without such characters comes back unchanged, so ordinary output stays byte-identical.
///
/// Backslashes are left alone: escaping them too would change every output that has one.
/// A name that literally contains `\e` therefore reads like one with an ESC in it — harmless.
public enum TerminalSafe {
    /// True when `scalar` must never reach a terminal raw.
    @inlinable
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        if v <= 0x9F { return true }  // C1: CSI (U+009B) alone is a whole escape sequence on some terminals.
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// True when some character of `text` must be escaped. Fast on the common case: it looks at
    /// bytes, and only decodes the lead bytes that can start an escapable scalar
    /// (0xC2: C1, 0xD8: U+061C, 0xE2: U+200E…U+2069).
    public static func needsEscape(_ text: some StringProtocol) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let b = utf8.next() {
            if b < 0x20 || b == 0x7F { return true }
            if b == 0xC2 || b == 0xD8 || b == 0xE2 {
                for s in text.unicodeScalars where needsEscape(s) { return true }
                return false
            }
        }
        return false
    }

    /// `text` with every character that must not reach a terminal written as an escape.
    public static func escape(_ text: some StringProtocol) -> String {
        guard needsEscape(text) else { return String(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for s in text.unicodeScalars {
            if needsEscape(s) { out += escape(s) } else { out.unicodeScalars.append(s) }
        }
        return out
    }

    /// The escape shown for one scalar (the scalar itself when it needs none).
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        guard needsEscape(scalar) else { return String(scalar) }
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case let v where v < 0x80: return "\\x" + hex(v, digits: 2)
        case let v: return "\\u" + hex(v, digits: 4)
        }
    }

    private static func hex(_ v: UInt32, digits: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}

extension StringProtocol {
    /// This text made safe for a terminal (`TerminalSafe.escape`).
    public var terminalSafe: String { TerminalSafe.escape(self) }
}
