/// Text as people's tools save it: UTF-8 with or without a byte-order mark, or UTF-16 with one
/// (PowerShell 5's `>` and `Out-File` write UTF-16 LE with a BOM). Everything past this point reads UTF-8.
enum TextEncoding {
    enum Outcome: Equatable {
        /// UTF-8 without a byte-order mark (unchanged when it already was).
        case utf8([UInt8])
        /// Not text trustmap can read, and why.
        case unreadable(String)
    }

    static func utf8(_ bytes: [UInt8]) -> Outcome {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8(Array(bytes[3...])) }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            return .unreadable("the file is UTF-32 text, which trustmap does not read; save it as UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes, littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes, littleEndian: false) }
        return .utf8(bytes)
    }

    /// UTF-16 after its byte-order mark, to UTF-8. A lone surrogate or an odd byte at the end is an error
    /// naming its byte offset (truncated for a prefix read to recognise a file: `allowTruncated`).
    static func utf16(_ bytes: [UInt8], littleEndian: Bool, allowTruncated: Bool = false) -> Outcome {
        let name = littleEndian ? "UTF-16 LE" : "UTF-16 BE"
        var end = bytes.count
        if end % 2 == 1 {
            guard allowTruncated else { return .unreadable("the file is \(name) text but has an odd number of bytes (\(bytes.count)): it is truncated") }
            end -= 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(end / 2 + end / 8)
        var i = 2
        func unit(_ at: Int) -> UInt32 {
            littleEndian ? UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 : UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
        }
        while i < end {
            var scalar = unit(i)
            let at = i
            i += 2
            if (0xD800...0xDBFF).contains(scalar) {
                guard i < end else {
                    if allowTruncated { break }
                    return .unreadable("the file is \(name) text with a lone surrogate at byte \(at): it is corrupt")
                }
                let low = unit(i)
                guard (0xDC00...0xDFFF).contains(low) else {
                    return .unreadable("the file is \(name) text with a lone surrogate at byte \(at): it is corrupt")
                }
                i += 2
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                return .unreadable("the file is \(name) text with a lone surrogate at byte \(at): it is corrupt")
            }
            switch scalar {
            case 0..<0x80:
                out.append(UInt8(scalar))
            case 0x80..<0x800:
                out.append(UInt8(0xC0 | scalar >> 6))
                out.append(UInt8(0x80 | scalar & 0x3F))
            case 0x800..<0x10000:
                out.append(UInt8(0xE0 | scalar >> 12))
                out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
                out.append(UInt8(0x80 | scalar & 0x3F))
            default:
                out.append(UInt8(0xF0 | scalar >> 18))
                out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
                out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
                out.append(UInt8(0x80 | scalar & 0x3F))
            }
        }
        return .utf8(out)
    }

    /// Why bytes that are not empty still hold nothing to read, or nil when they may be text.
    /// UTF-16 without a byte-order mark is named as such (its ASCII has a NUL beside every character).
    static func notText(_ bytes: [UInt8]) -> String? {
        guard let nul = bytes.prefix(8192).firstIndex(of: 0) else { return nil }
        func printable(_ b: UInt8) -> Bool { (0x20..<0x7F).contains(b) || b == 0x09 || b == 0x0A || b == 0x0D }
        if bytes.count >= 4, (bytes[0] == 0) != (bytes[1] == 0), (bytes[2] == 0) == (bytes[0] == 0), (bytes[3] == 0) == (bytes[1] == 0),
           printable(bytes[0] | bytes[1]), printable(bytes[2] | bytes[3]) {
            return "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"
        }
        return "the file holds a NUL byte at byte \(nul): binary data, not text"
    }
}
