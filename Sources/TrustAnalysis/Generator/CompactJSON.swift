import PolicyEngine

/// `JSONWriter.write(value, pretty: false)`, byte for byte, written as UTF-8 bytes: the generator writes
/// 130 MB of JSON at 1,000 accounts, and appending it to a String one Unicode scalar at a time took most
/// of `trustmap generate`'s time. Runs of characters that need no escape are copied whole.
enum CompactJSON {
    static func write(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(value, into: &out)
        return out
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: append("null", to: &out)
        case .bool(let b): append(b ? "true" : "false", to: &out)
        case .number(let n): append(n, to: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            writeMembers(object, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// An object's members without its braces.
    static func writeMembers(_ object: JSONObject, into out: inout [UInt8]) {
        for (i, m) in object.members.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            writeString(m.key, into: &out)
            out.append(UInt8(ascii: ":"))
            write(m.value, into: &out)
        }
    }

    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// As `JSONWriter.writeString`: `"` `\` and control characters escaped (`\n` `\r` `\t`, the others as
    /// `\u00xx`), everything else as is (UTF-8 bytes of non-ASCII characters are all 0x80 or above).
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b == 0x22 || b == 0x5C || b < 0x20 else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                switch b {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, UInt8(ascii: "n")]
                case 0x0D: out += [0x5C, UInt8(ascii: "r")]
                case 0x09: out += [0x5C, UInt8(ascii: "t")]
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
                }
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
