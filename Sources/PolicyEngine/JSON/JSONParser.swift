import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// Written for speed on large authorization-details dumps (no Foundation bridging),
/// and so that errors carry a line and column. By concern:
/// - this file builds values (documents, objects, lists) and rejects duplicate member names;
/// - `JSONParser+Scanning.swift` is the one scanner: whitespace, literals, numbers, strings, and a value
///   checked without being built — used by the shortcuts below, the duplicate check and the position finder;
/// - `JSONParser+TwoThreads.swift`: a large list parsed on two threads (`JSONParseOptions.parallel`);
/// - `JSONParser+PolicyVersions.swift`: policy versions a reader never takes, left unbuilt;
/// - `JSONParser+Positions.swift`: where values start, by path, for messages about a parsed document.
///
/// `@unchecked Sendable`: a parser holds an unsafe pointer into `bytes`, which it keeps alive and never
/// changes; the only parser handed to another thread is the two-thread parse's worker, which reads alone.
public struct JSONParser: @unchecked Sendable {
    let bytes: [UInt8]
    /// `bytes`' storage, read without bounds checks (every read is after an `index < count` test).
    /// Valid while `bytes` is held, which this parser does; the array is never changed.
    let base: UnsafePointer<UInt8>
    let count: Int
    var index = 0
    var depth = 0
    let options: JSONParseOptions
    /// A parser working on the second half of a split list: it splits nothing itself.
    var isWorker = false

    init(bytes: [UInt8], options: JSONParseOptions = JSONParseOptions()) {
        self.bytes = bytes
        self.count = bytes.count
        self.base = bytes.withUnsafeBufferPointer { $0.baseAddress } ?? UnsafePointer(bitPattern: 1)!
        self.options = options
    }

    /// Parses a whole document. A UTF-8 byte-order mark is accepted and skipped.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(bytes: bytes)
        return try p.parseDocument()
    }

    /// Parses a whole document with the given shortcuts (see `JSONParseOptions`).
    public static func parse(_ bytes: [UInt8], options: JSONParseOptions) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(bytes: bytes, options: options)
        return try p.parseDocument()
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { index = 3 }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if index != count { throw error("unexpected text after the end of the JSON value") }
        return value
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < count else { throw error("unexpected end of input, expected a value") }
        switch base[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character '\(Character(Unicode.Scalar(base[index])))', expected a value")
        }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        if depth > 512 { throw error("nesting deeper than 512 levels") }
        let objectStart = index
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        var keys = KeySet()
        /// Lists of policy versions whose documents were left for later: (member, what was left).
        var versionLists: [(member: Int, deferred: [DeferredDocuments])] = []
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject(members))
        }
        while true {
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: "\"") else {
                throw error("expected a quoted member name")
            }
            let keyStart = index
            let key = try parseString()
            if !keys.insert(key, among: members) { throw duplicateKey(key, at: keyStart, inObjectAt: objectStart) }
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            if options.onlyDefaultPolicyVersionDocuments, key == "PolicyVersionList",
               index < count, base[index] == UInt8(ascii: "[") {
                let (list, deferred) = try parseVersionList()
                if !deferred.isEmpty { versionLists.append((members.count, deferred)) }
                members.append((key, list))
            } else {
                members.append((key, try parseValue()))
            }
            if try continues(closing: UInt8(ascii: "}")) { continue }
            if !versionLists.isEmpty { try keepDefaultVersionDocument(&members, versionLists) }
            return .object(JSONObject(members))
        }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        if depth > 512 { throw error("nesting deeper than 512 levels") }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        // Only the lists of the document or of its top-level object (a native inventory's roles and users):
        // a guess costs a thread hand-off, worth it for megabytes, not for a role's list of policies.
        let mayGuess = options.parallel && !isWorker && depth <= 2 && count - index >= options.minimumSplitBytes
        var guess: Speculation?
        defer { guess?.abandon() }
        var endOfFirst = 0
        while true {
            skipWhitespace()
            if let g = guess, index >= g.start {
                guess = nil
                if index == g.start {
                    // The guess was an element boundary of this list: the rest is the worker's.
                    let (rest, end) = try g.result()
                    items.append(contentsOf: rest)
                    index = end
                    return .array(items)
                }
                g.abandon()
            }
            if mayGuess, items.count == 1, guess == nil {
                guess = speculate(firstEnd: endOfFirst)
            }
            let i = items.count
            items.append(try parseValue())
            if i == 0 { endOfFirst = index }
            if try continues(closing: UInt8(ascii: "]")) { continue }
            return .array(items)
        }
    }

    // MARK: - Duplicate member names

    /// The member names of one object so far. Small objects (nearly all of them) are checked against their
    /// members directly; a large one keeps a set, so that checking stays linear in the object's size.
    struct KeySet {
        private var set: Set<String>?

        /// False when `key` is already among `members` (or is `also`).
        mutating func insert(_ key: String, among members: [(key: String, value: JSONValue)], also: String? = nil) -> Bool {
            if key == also { return false }
            if set == nil {
                if members.count < 16 {
                    for m in members where m.key == key { return false }
                    return true
                }
                set = Set(members.map(\.key))
            }
            return set!.insert(key).inserted
        }
    }

    /// A member name given twice in one object: RFC 8259 leaves the meaning open and most readers keep the last
    /// silently (`"Effect":"Deny","Effect":"Allow"` would read as Allow), so it is an error naming both places.
    func duplicateKey(_ key: String, at second: Int, inObjectAt objectStart: Int) -> JSONSyntaxError {
        var p = JSONParser(bytes: bytes)
        p.index = objectStart + 1
        var first = second
        // The members before the second one were read without error: read them again to find the first.
        while p.index < second {
            p.skipWhitespace()
            let start = p.index
            guard let name = try? p.parseString() else { break }
            if name == key {
                first = start
                break
            }
            p.skipWhitespace()
            p.index += 1  // ':'
            p.skipWhitespace()
            guard (try? p.skipValue()) != nil else { break }
            p.skipWhitespace()
            p.index += 1  // ','
        }
        let a = SourcePosition.of(offset: first, in: bytes)
        let b = SourcePosition.of(offset: second, in: bytes)
        let shown = key.count > 40 ? String(key.prefix(40)) + "…" : key
        return JSONSyntaxError(
            offset: second, position: b,
            message: "duplicate key '\(shown)' in one object, first at line \(a.line), column \(a.column) and again at line \(b.line), column \(b.column); each key may appear once")
    }
}
