/// A policy document as a dictionary key, so that work that depends on the document only (compiling it,
/// judging it) is done once per distinct document: inventories repeat a few hundred documents over tens
/// of thousands of principals.
///
/// Two keys are equal when their raw JSON is the same byte for byte (every parsed field of a
/// `PolicyDocument` follows from `raw`: documents are only made by `init(json:)`), so documents that are
/// merged are interchangeable in every respect. The raw JSON is walked once, into a compact encoding
/// (a tag per value, lengths and counts, the strings' UTF-8 bytes) and its `ByteHash` digest: a
/// dictionary of keys then hashes a number (when probing, and when it grows) and compares two documents
/// with one comparison of bytes, never walking a document again.
package struct PolicyDocumentKey: Hashable, Sendable {
    package let document: PolicyDocument
    private let digest: UInt64
    private let encoding: [UInt8]

    package init(_ document: PolicyDocument) {
        self.document = document
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        Self.encode(document.raw, into: &bytes)
        encoding = bytes
        var h = ByteHash()
        bytes.withUnsafeBufferPointer { h.combine($0) }
        digest = h.value
    }

    package static func == (a: PolicyDocumentKey, b: PolicyDocumentKey) -> Bool {
        a.digest == b.digest && a.encoding == b.encoding
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    /// One value: a tag byte, then a length or count where there is one, then the contents. Injective:
    /// two encodings are equal exactly when the values are equal byte for byte.
    static func encode(_ v: JSONValue, into out: inout [UInt8]) {
        switch v {
        case .null: out.append(1)
        case .bool(let b): out.append(b ? 2 : 3)
        case .number(let n):
            out.append(4)
            append(n, to: &out)
        case .string(let s):
            out.append(5)
            append(s, to: &out)
        case .array(let items):
            out.append(6)
            appendCount(items.count, to: &out)
            for i in items.indices { encode(items[i], into: &out) }
        case .object(let o):
            out.append(7)
            appendCount(o.members.count, to: &out)
            for i in o.members.indices {
                append(o.members[i].key, to: &out)
                encode(o.members[i].value, into: &out)
            }
        }
    }

    @inline(__always)
    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { b in
            appendCount(b.count, to: &out)
            out.append(contentsOf: b)
        }
    }

    @inline(__always)
    static func appendCount(_ n: Int, to out: inout [UInt8]) {
        var x = UInt64(n)
        // LEB128: seven bits a byte, the high bit set on all but the last.
        while x >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: x) | 0x80)
            x >>= 7
        }
        out.append(UInt8(x))
    }
}
