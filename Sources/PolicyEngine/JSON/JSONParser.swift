import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One step of a path into a JSON/YAML document, for error positions and field names.
public enum JSONPathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let k): return k
        case .index(let i): return "[\(i)]"
        }
    }
}

extension Array where Element == JSONPathComponent {
    /// `roles[3].trustPolicy.Statement[0]`: how a user reads a field's place.
    public var dottedPath: String {
        var out = ""
        for c in self {
            switch c {
            case .key(let k):
                if !out.isEmpty { out += "." }
                out += k
            case .index(let i):
                out += "[\(i)]"
            }
        }
        return out
    }
}

/// A line and column, both from 1, as editors show them.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// The position of a byte offset in UTF-8 text; the column counts characters, not bytes.
    public static func of(offset: Int, in bytes: some Collection<UInt8>) -> SourcePosition {
        var line = 1
        var column = 1
        var i = 0
        for b in bytes {
            if i >= offset { break }
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }
}

/// A JSON syntax error with the byte offset where the parser stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var offset: Int
    public var position: SourcePosition
    public var message: String
}

/// How `JSONParser.parse(_:options:)` may take shortcuts; the defaults take none.
public struct JSONParseOptions: Sendable {
    /// Parse the elements of a large list on two threads (the second half speculatively, from a place
    /// that looks like an element boundary, kept only when the first half proves it is one). The value,
    /// and any error with its offset, are exactly those of a parse on one thread.
    public var parallel: Bool
    /// In every object holding a `PolicyVersionList` list (authorization-details `Policies`), keep the
    /// `Document` of the one version a reader takes (the first whose `IsDefaultVersion` is true or whose
    /// `VersionId` is the object's `DefaultVersionId`, and that has a `Document`) and leave the others out.
    /// The others are still checked to be valid JSON, with the same errors at the same places.
    public var onlyDefaultPolicyVersionDocuments: Bool
    /// Lists whose rest of the document is shorter than this are never split.
    public var minimumSplitBytes: Int

    public init(parallel: Bool = false, onlyDefaultPolicyVersionDocuments: Bool = false, minimumSplitBytes: Int = 1 << 21) {
        self.parallel = parallel
        self.onlyDefaultPolicyVersionDocuments = onlyDefaultPolicyVersionDocuments
        self.minimumSplitBytes = minimumSplitBytes
    }
}

/// A strict RFC 8259 parser over UTF-8 bytes.
///
/// Written for speed on large authorization-details dumps (no Foundation bridging),
/// and so that errors carry a line and column. It can also report the position of
/// any value by its path, which loaders use to place errors found after parsing.
public struct JSONParser: @unchecked Sendable {
    private let bytes: [UInt8]
    /// `bytes`' storage, read without bounds checks (every read is after an `index < count` test).
    /// Valid while `bytes` is held, which this parser does; the array is never changed.
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private var index = 0
    private var target: [JSONPathComponent]?
    private(set) var foundOffset: Int?
    private var depth = 0
    private let options: JSONParseOptions
    /// A parser working on the second half of a split list: it splits nothing itself.
    private var isWorker = false

    private init(bytes: [UInt8], target: [JSONPathComponent]?, options: JSONParseOptions = JSONParseOptions()) {
        self.bytes = bytes
        self.count = bytes.count
        self.base = bytes.withUnsafeBufferPointer { $0.baseAddress } ?? UnsafePointer(bitPattern: 1)!
        self.target = target
        self.options = options
    }

    /// Parses a whole document. A UTF-8 byte-order mark is accepted and skipped.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(bytes: bytes, target: nil)
        return try p.parseDocument()
    }

    /// Parses a whole document with the given shortcuts (see `JSONParseOptions`).
    public static func parse(_ bytes: [UInt8], options: JSONParseOptions) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(bytes: bytes, target: nil, options: options)
        return try p.parseDocument()
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// The position where the value at `path` starts, or nil when the document has no such value.
    public static func position(of path: [JSONPathComponent], in bytes: [UInt8]) -> SourcePosition? {
        var p = JSONParser(bytes: bytes, target: path)
        _ = try? p.parseDocument()
        guard let offset = p.foundOffset else { return nil }
        return SourcePosition.of(offset: offset, in: bytes)
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { index = 3 }
        skipWhitespace()
        let value = try parseValue(path: [], matched: true)
        skipWhitespace()
        if index != count { throw error("unexpected text after the end of the JSON value") }
        return value
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: index, position: SourcePosition.of(offset: index, in: bytes), message: message)
    }

    private mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue(path: [JSONPathComponent], matched: Bool) throws(JSONSyntaxError) -> JSONValue {
        if matched, let target, path.count == target.count, foundOffset == nil { foundOffset = index }
        guard index < count else { throw error("unexpected end of input, expected a value") }
        switch base[index] {
        case UInt8(ascii: "{"): return try parseObject(path: path, matched: matched)
        case UInt8(ascii: "["): return try parseArray(path: path, matched: matched)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character '\(Character(Unicode.Scalar(base[index])))', expected a value")
        }
    }

    private mutating func expectLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard index + n <= count else { throw error("unexpected end of input") }
        let p = word.utf8Start
        for i in 0..<n where base[index + i] != p[i] {
            throw error("invalid literal, expected '\(word)'")
        }
        index += n
    }

    private mutating func parseObject(path: [JSONPathComponent], matched: Bool) throws(JSONSyntaxError) -> JSONValue {
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
            if options.onlyDefaultPolicyVersionDocuments, target == nil, key == "PolicyVersionList",
               index < count, base[index] == UInt8(ascii: "[") {
                let (list, deferred) = try parseVersionList()
                if !deferred.isEmpty { versionLists.append((members.count, deferred)) }
                members.append((key, list))
            } else {
                let childMatched = matched && target.map { path.count < $0.count && $0[path.count] == .key(key) } ?? false
                let value = try parseValue(path: childMatched ? path + [.key(key)] : path, matched: childMatched)
                members.append((key, value))
            }
            skipWhitespace()
            guard index < count else { throw error("unexpected end of input inside an object") }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if base[index] == UInt8(ascii: "}") {
                index += 1
                if !versionLists.isEmpty { try keepDefaultVersionDocument(&members, versionLists) }
                return .object(JSONObject(members))
            }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func parseArray(path: [JSONPathComponent], matched: Bool) throws(JSONSyntaxError) -> JSONValue {
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
        let mayGuess = options.parallel && !isWorker && target == nil && depth <= 2 && count - index >= options.minimumSplitBytes
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
            let childMatched = matched && target.map { path.count < $0.count && $0[path.count] == .index(i) } ?? false
            items.append(try parseValue(path: childMatched ? path + [.index(i)] : path, matched: childMatched))
            if i == 0 { endOfFirst = index }
            skipWhitespace()
            guard index < count else { throw error("unexpected end of input inside a list") }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if base[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            throw error("expected ',' or ']' in a list")
        }
    }

    /// The elements of a list from `index` (the start of an element) to its `]`, as `parseArray`'s loop reads them.
    private mutating func parseRestOfList(for guess: Speculation) throws(JSONSyntaxError) -> [JSONValue]? {
        var items: [JSONValue] = []
        while true {
            if guess.cancelled.load(ordering: .relaxed) { return nil }
            skipWhitespace()
            items.append(try parseValue(path: [], matched: false))
            skipWhitespace()
            guard index < count else { throw error("unexpected end of input inside a list") }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if base[index] == UInt8(ascii: "]") {
                index += 1
                return items
            }
            throw error("expected ',' or ']' in a list")
        }
    }

    // MARK: - Two threads on one list

    /// The second half of a list parsed on another thread from a guessed element start.
    private final class Speculation: @unchecked Sendable {
        let start: Int
        let cancelled = Atomic<Bool>(false)
        private let done = DispatchSemaphore(value: 0)
        private var outcome: Result<([JSONValue], Int), JSONSyntaxError>?

        init(start: Int) { self.start = start }

        func run(_ parser: JSONParser) {
            // A thread of its own: the caller will wait for it, and may itself be one of the pool's threads
            // (all of them could be waiting so, with the work queued behind them).
            Self.startThread { [self] in
                var p = parser
                do throws(JSONSyntaxError) {
                    if let items = try p.parseRestOfList(for: self) { outcome = .success((items, p.index)) }
                } catch {
                    outcome = .failure(error)
                }
                done.signal()
            }
        }

        /// The worker's elements and the offset after the list's `]`, or the first error it met.
        func result() throws(JSONSyntaxError) -> ([JSONValue], Int) {
            done.wait()
            switch outcome! {
            case .success(let r): return r
            case .failure(let e): throw e
            }
        }

        /// Not an element boundary after all (or the parse failed first): the worker's result is not wanted.
        func abandon() { cancelled.store(true, ordering: .relaxed) }

        private final class Body {
            let run: @Sendable () -> Void
            init(_ run: @escaping @Sendable () -> Void) { self.run = run }
        }

        private static func startThread(_ body: @escaping @Sendable () -> Void) {
            #if os(Linux)
            let context = Unmanaged.passRetained(Body(body)).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(&thread, nil, { raw in
                Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue().run()
                return nil
            }, context)
            if started == 0 {
                pthread_detach(thread)
            } else {
                Unmanaged<Body>.fromOpaque(context).release()
                DispatchQueue.global().async(execute: body)
            }
            #else
            DispatchQueue.global().async(execute: body)
            #endif
        }
    }

    /// After the first element (ending at `firstEnd`) and the separator: when the elements are objects, looks
    /// for the same separator and first member name (`},{"arn":`) half way through the rest of the document
    /// and starts a worker there.
    private func speculate(firstEnd: Int) -> Speculation? {
        let second = index
        guard firstEnd > 0, base[firstEnd - 1] == UInt8(ascii: "}"), second < count, base[second] == UInt8(ascii: "{") else { return nil }
        var k = second + 1
        while k < count, base[k] == 0x20 || base[k] == 0x0A || base[k] == 0x0D || base[k] == 0x09 { k += 1 }
        guard k < count, base[k] == UInt8(ascii: "\"") else { return nil }
        k += 1
        while k < count, base[k] != UInt8(ascii: "\""), base[k] != UInt8(ascii: "\\"), k - firstEnd < 256 { k += 1 }
        guard k < count, base[k] == UInt8(ascii: "\"") else { return nil }
        let pattern = bytes[(firstEnd - 1)...k]
        let braceOffset = second - (firstEnd - 1)
        let from = second + (count - second) / 2
        guard let hit = Self.find(pattern, in: bytes, from: from, within: 1 << 20) else { return nil }
        let guess = Speculation(start: hit + braceOffset)
        var worker = JSONParser(bytes: bytes, target: nil, options: options)
        worker.isWorker = true
        worker.index = guess.start
        worker.depth = depth
        guess.run(worker)
        return guess
    }

    /// The first place of `pattern` in `bytes` starting in `from ..< from + within`.
    private static func find(_ pattern: ArraySlice<UInt8>, in bytes: [UInt8], from: Int, within: Int) -> Int? {
        guard let first = pattern.first, from + pattern.count <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Int? in
            pattern.withUnsafeBufferPointer { p -> Int? in
                var i = from
                let last = min(b.count - p.count, from + within)
                while i <= last {
                    if b[i] == first {
                        var j = 1
                        while j < p.count, b[i + j] == p[j] { j += 1 }
                        if j == p.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    // MARK: - Policy versions kept unparsed

    /// Where the `Document` members of one policy version were, unparsed (validated only).
    private struct DeferredDocuments {
        var item: Int
        /// Place among the version's kept members, start offset, and depth there; in document order.
        var documents: [(member: Int, start: Int, depth: Int)]
    }

    /// A `PolicyVersionList` list: like `parseArray`, but each object element's `Document` members are only
    /// validated, and left out of the value.
    private mutating func parseVersionList() throws(JSONSyntaxError) -> (JSONValue, [DeferredDocuments]) {
        depth += 1
        defer { depth -= 1 }
        if depth > 512 { throw error("nesting deeper than 512 levels") }
        index += 1
        var items: [JSONValue] = []
        var deferred: [DeferredDocuments] = []
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "]") {
            index += 1
            return (.array(items), deferred)
        }
        while true {
            skipWhitespace()
            if index < count, base[index] == UInt8(ascii: "{") {
                let (version, documents) = try parseVersion()
                if !documents.isEmpty { deferred.append(DeferredDocuments(item: items.count, documents: documents)) }
                items.append(version)
            } else {
                items.append(try parseValue(path: [], matched: false))
            }
            skipWhitespace()
            guard index < count else { throw error("unexpected end of input inside a list") }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if base[index] == UInt8(ascii: "]") {
                index += 1
                return (.array(items), deferred)
            }
            throw error("expected ',' or ']' in a list")
        }
    }

    /// One policy version: `parseObject` without its `Document` members (validated, their places noted).
    private mutating func parseVersion() throws(JSONSyntaxError) -> (JSONValue, [(member: Int, start: Int, depth: Int)]) {
        depth += 1
        defer { depth -= 1 }
        if depth > 512 { throw error("nesting deeper than 512 levels") }
        let objectStart = index
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        var documents: [(member: Int, start: Int, depth: Int)] = []
        var keys = KeySet()
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "}") {
            index += 1
            return (.object(JSONObject(members)), documents)
        }
        while true {
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: "\"") else {
                throw error("expected a quoted member name")
            }
            let keyStart = index
            let key = try parseString()
            if !keys.insert(key, among: members, also: documents.isEmpty ? nil : "Document") {
                throw duplicateKey(key, at: keyStart, inObjectAt: objectStart)
            }
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            if key == "Document" {
                documents.append((members.count, index, depth))
                try skipValue()
            } else {
                members.append((key, try parseValue(path: [], matched: false)))
            }
            skipWhitespace()
            guard index < count else { throw error("unexpected end of input inside an object") }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if base[index] == UInt8(ascii: "}") {
                index += 1
                return (.object(JSONObject(members)), documents)
            }
            throw error("expected ',' or '}' in an object")
        }
    }

    /// Puts back the one `Document` a reader of this policy object takes (see `JSONParseOptions`).
    private func keepDefaultVersionDocument(
        _ members: inout [(key: String, value: JSONValue)], _ lists: [(member: Int, deferred: [DeferredDocuments])]
    ) throws(JSONSyntaxError) {
        // A reader sees the last member of a name.
        guard let listMember = members.lastIndex(where: { $0.key == "PolicyVersionList" }),
              let deferred = lists.first(where: { $0.member == listMember })?.deferred,
              case .array(var versions) = members[listMember].value else { return }
        let defaultId = members.last(where: { $0.key == "DefaultVersionId" })?.value.stringValue
        var documentsOf: [Int: [(member: Int, start: Int, depth: Int)]] = [:]
        for d in deferred { documentsOf[d.item] = d.documents }
        for (i, version) in versions.enumerated() {
            guard case .object(var o) = version else { continue }
            let isDefault = o["IsDefaultVersion"]?.boolValue == true || (defaultId != nil && o["VersionId"]?.stringValue == defaultId)
            guard isDefault else { continue }
            guard let place = documentsOf[i]?.last else {
                if o["Document"] != nil { return }
                continue
            }
            var p = JSONParser(bytes: bytes, target: nil, options: JSONParseOptions())
            p.index = place.start
            p.depth = place.depth
            let document = try p.parseValue(path: [], matched: false)
            o.members.insert(("Document", document), at: place.member)
            versions[i] = .object(o)
            members[listMember].value = .array(versions)
            return
        }
    }

    /// Checks one value exactly as `parseValue` reads it (same errors, same places) without building it.
    private mutating func skipValue() throws(JSONSyntaxError) {
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
                skipWhitespace()
                guard index < count else { throw error("unexpected end of input inside an object") }
                if base[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if base[index] == UInt8(ascii: "}") {
                    index += 1
                    return
                }
                throw error("expected ',' or '}' in an object")
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
                skipWhitespace()
                guard index < count else { throw error("unexpected end of input inside a list") }
                if base[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if base[index] == UInt8(ascii: "]") {
                    index += 1
                    return
                }
                throw error("expected ',' or ']' in a list")
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
    private mutating func skipString() throws(JSONSyntaxError) {
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

    // MARK: - Duplicate member names

    /// The member names of one object so far. Small objects (nearly all of them) are checked against their
    /// members directly; a large one keeps a set, so that checking stays linear in the object's size.
    private struct KeySet {
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
    private func duplicateKey(_ key: String, at second: Int, inObjectAt objectStart: Int) -> JSONSyntaxError {
        var p = JSONParser(bytes: bytes, target: nil)
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

    // MARK: - Scalars

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        try scanNumber()
        return String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
    }

    private mutating func scanNumber() throws(JSONSyntaxError) {
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

    private mutating func parseString() throws(JSONSyntaxError) -> String {
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

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
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
