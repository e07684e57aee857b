/// The one scanner over JSON bytes: every other part of the parser, the position finder and the duplicate
/// check read through these, so that a byte means the same thing (and fails with the same message) everywhere.
extension JSONParser {
    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: index, position: SourcePosition.of(offset: index, in: bytes), message: message)
    }

    mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// After a member or an item: white space, then true past a `,` (another follows) or false past
    /// `closing` (`}` or `]`: the container ends); anything else, or the end of the input, is the error.
    @inline(__always)
    mutating func continues(closing: UInt8) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        let object = closing == UInt8(ascii: "}")
        guard index < count else { throw error(object ? "unexpected end of input inside an object" : "unexpected end of input inside a list") }
        if base[index] == UInt8(ascii: ",") {
            index += 1
            return true
        }
        if base[index] == closing {
            index += 1
            return false
        }
        throw error(object ? "expected ',' or '}' in an object" : "expected ',' or ']' in a list")
    }

    mutating func expectLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard index + n <= count else { throw error("unexpected end of input") }
        let p = word.utf8Start
        for i in 0..<n where base[index + i] != p[i] {
            throw error("invalid literal, expected '\(word)'")
        }
        index += n
    }

    /// Checks one value exactly as `parseValue` reads it (same errors, same places) without building it.
    mutating func skipValue() throws(JSONSyntaxError) {
        guard index < count else { throw error("unexpected end of input, expected a value") }
        switch base[index] {
        case UInt8(ascii: "{"):
            depth += 1
            defer { depth -= 1 }
            if depth > 512 { throw error("nesting deeper than 512 levels") }
            let objectStart = index
            index += 1
            skipWhitespace()
            if index < count, base[index] == UInt8(ascii: "}") {
                index += 1
                return
            }
            var keys: [String] = []
            var keySet: Set<String>?
            while true {
                skipWhitespace()
                guard index < count, base[index] == UInt8(ascii: "\"") else {
                    throw error("expected a quoted member name")
                }
                let keyStart = index
                let key = try parseString()
                if keySet != nil {
                    if !keySet!.insert(key).inserted { throw duplicateKey(key, at: keyStart, inObjectAt: objectStart) }
                } else {
                    if keys.contains(key) { throw duplicateKey(key, at: keyStart, inObjectAt: objectStart) }
                    keys.append(key)
                    if keys.count == 16 { keySet = Set(keys) }
                }
                skipWhitespace()
                guard index < count, base[index] == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
                index += 1
                skipWhitespace()
                try skipValue()
                if try continues(closing: UInt8(ascii: "}")) { continue }
                return
            }
        case UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            if depth > 512 { throw error("nesting deeper than 512 levels") }
            index += 1
            skipWhitespace()
            if index < count, base[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                try skipValue()
                if try continues(closing: UInt8(ascii: "]")) { continue }
                return
            }
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        default: throw error("unexpected character '\(Character(Unicode.Scalar(base[index])))', expected a value")
        }
    }

    /// Checks a string exactly as `parseString` reads it, without building it.
    mutating func skipString() throws(JSONSyntaxError) {
        index += 1
        while index < count {
            let b = base[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return
            }
            if b < 0x20 { throw error("control character inside a string") }
            if b != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            index += 1
            guard index < count else { break }
            let e = base[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                continue
            case UInt8(ascii: "u"):
                let scalar = try parseHex4()
                if (0xD800...0xDBFF).contains(scalar), index + 1 < count, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    _ = try parseHex4()
                }
            default:
                index -= 1
                throw error("invalid escape sequence in a string")
            }
        }
        throw error("unterminated string")
    }

    // MARK: - Scalars

    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        try scanNumber()
        return String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
    }

    mutating func scanNumber() throws(JSONSyntaxError) {
        if base[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ p: inout JSONParser) -> Int {
            let s = p.index
            while p.index < p.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.base[p.index]) { p.index += 1 }
            return p.index - s
        }
        guard index < count else { throw error("unexpected end of input in a number") }
        if base[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits(&self) == 0 {
            throw error("invalid number")
        }
        if index < count, base[index] == UInt8(ascii: ".") {
            index += 1
            if digits(&self) == 0 { throw error("invalid number: digits expected after '.'") }
        }
        if index < count, base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index += 1 }
            if digits(&self) == 0 { throw error("invalid number: digits expected in the exponent") }
        }
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < count {
            let b = base[index]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("control character inside a string") }
            index += 1
        }
        var out = Array(UnsafeBufferPointer(start: base + start, count: index - start))
        while index < count {
            let b = base[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw error("control character inside a string") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                index += 1
                continue
            }
            index += 1
            guard index < count else { break }
            let e = base[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    if index + 1 < count, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try parseHex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
            default:
                index -= 1
                throw error("invalid escape sequence in a string")
            }
        }
        throw error("unterminated string")
    }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= count else { throw error("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = base[index]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in a \\u escape")
            }
            v = v * 16 + d
            index += 1
        }
        return v
    }
}
