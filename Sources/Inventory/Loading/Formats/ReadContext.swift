import PolicyEngine

/// What a format reader says about one file while reading it, placed by path.
///
/// Readers report problems by the path of the value at fault; positions are found
/// once, at the end, for all of them together.
final class ReadContext {
    let file: String
    let document: SourceDocument
    /// One diagnostic not yet placed on a line.
    struct Pending: Sendable {
        var path: [JSONPathComponent]
        var field: String?
        var message: String
        var isError: Bool
    }

    private var pending: [Pending] = []
    /// Managed policy ARNs already found well formed in this file (the same few are attached to thousands of roles).
    var wellFormedPolicyARNs: Set<String> = []
    /// Documents given as text (JSON strings, URL-encoded) already read from this file, by their text.
    /// Documents given as objects are not remembered: hashing the tree costs more than reading it.
    private var documents: [String: PolicyDocument] = [:]

    init(file: String, document: SourceDocument) {
        self.file = file
        self.document = document
    }

    var hasErrors: Bool { pending.contains { $0.isError } }

    func error(_ path: [JSONPathComponent], _ message: String, field: String? = nil) {
        pending.append(Pending(path: path, field: field ?? path.fieldName, message: message, isError: true))
    }

    func warning(_ path: [JSONPathComponent], _ message: String, field: String? = nil) {
        pending.append(Pending(path: path, field: field ?? path.fieldName, message: message, isError: false))
    }

    /// Runs `body`, turning the errors it reports into warnings that end with `consequence` (one bad item
    /// of a list that is read item by item costs that item, not the file).
    func errorsAsWarnings<T>(_ consequence: String, _ body: () -> T) -> T {
        let before = pending.count
        let result = body()
        for i in before..<pending.count where pending[i].isError {
            pending[i].isError = false
            pending[i].message += "; \(consequence)"
        }
        return result
    }

    /// The diagnostics reported so far, handed over (for a reader working on part of a file).
    func takePending() -> [Pending] {
        defer { pending.removeAll() }
        return pending
    }

    /// Diagnostics reported by a reader of part of this file, as if reported here now.
    func append(_ diagnostics: [Pending]) {
        pending.append(contentsOf: diagnostics)
    }

    /// Every diagnostic with its line and column.
    func finish() -> (warnings: [LoadDiagnostic], errors: [LoadDiagnostic]) {
        guard !pending.isEmpty else { return ([], []) }
        let positions = document.positions(of: pending.map(\.path))
        var warnings: [LoadDiagnostic] = []
        var errors: [LoadDiagnostic] = []
        // In file order, so a user can work down the file; ties keep the order they were found in.
        let ordered = pending.enumerated().sorted { a, b in
            let pa = positions[a.element.path].map { ($0.line, $0.column) } ?? (Int.max, Int.max)
            let pb = positions[b.element.path].map { ($0.line, $0.column) } ?? (Int.max, Int.max)
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
        for p in ordered {
            let d = LoadDiagnostic(file: file, position: positions[p.path], field: p.field, message: p.message)
            if p.isError { errors.append(d) } else { warnings.append(d) }
        }
        return (warnings, errors)
    }

    /// Positions for paths the merge step may need later (first descriptions of roles, duplicates).
    func positions(of paths: [[JSONPathComponent]]) -> [[JSONPathComponent]: SourcePosition] {
        document.positions(of: paths)
    }

    /// A policy document in any of the forms exports use (`PolicyText`), read once per distinct JSON.
    func policyDocument(_ value: JSONValue) -> Result<PolicyDocument, PolicyTextProblem> {
        guard case .string(let text) = value else { return PolicyText.document(from: value) }
        if let known = documents[text] { return .success(known) }
        let result = PolicyText.document(from: value)
        if case .success(let d) = result { documents[text] = d }
        return result
    }

    // MARK: - Typed access with messages a user can act on

    /// The object at `path`, or an error saying what was expected.
    func object(_ value: JSONValue, at path: @autoclosure () -> [JSONPathComponent], expected: @autoclosure () -> String) -> JSONObject? {
        if case .object(let o) = value { return o }
        error(path(), "expected \(expected()), found \(value.kindDescription)")
        return nil
    }

    /// A list; `null` reads as empty. A single object where a list belongs is read as a list of one,
    /// with a warning (AWS's own CLI example dump does this).
    func list(_ value: JSONValue, at path: @autoclosure () -> [JSONPathComponent], expected: @autoclosure () -> String, lenient: Bool = false) -> [JSONValue]? {
        switch value {
        case .array(let a): return a
        case .null: return []
        case .object where lenient:
            warning(path(), "expected a list of \(expected()), found a single object; read as a list of one (this is off-schema: AWS returns a list here)")
            return [value]
        default:
            error(path(), "expected a list of \(expected()), found \(value.kindDescription)")
            return nil
        }
    }

    func string(_ value: JSONValue, at path: @autoclosure () -> [JSONPathComponent], expected: @autoclosure () -> String = "a string") -> String? {
        if case .string(let s) = value { return s }
        if case .number(let n) = value, document.syntax == .yaml {
            error(path(), "expected \(expected()), found the number \(n); quote it (\"\(n)\") so YAML keeps it as text")
            return nil
        }
        error(path(), "expected \(expected()), found \(value.kindDescription)")
        return nil
    }

    func bool(_ value: JSONValue, at path: @autoclosure () -> [JSONPathComponent]) -> Bool? {
        if case .bool(let b) = value { return b }
        error(path(), "expected true or false, found \(value.kindDescription)")
        return nil
    }

    func integer(_ value: JSONValue, at path: @autoclosure () -> [JSONPathComponent], expected: @autoclosure () -> String) -> Int? {
        if case .number(let n) = value, let i = Int(n) { return i }
        if case .number(let n) = value {
            let digits = n.hasPrefix("-") ? n.dropFirst() : Substring(n)
            if !digits.isEmpty, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }) {
                // A whole number too large for any count or duration here (a 400-digit number, say).
                let shown = n.count > 24 ? "\(n.prefix(20))… (\(digits.count) digits)" : n
                error(path(), "expected \(expected()) as a whole number, found \(shown): out of range (the largest accepted is \(Int.max))")
            } else {
                error(path(), "expected \(expected()) as a whole number, found \(n.count > 24 ? String(n.prefix(20)) + "…" : n)")
            }
            return nil
        }
        if case .string(let s) = value, let i = Int(s) {
            error(path(), "expected \(expected()) as a number, found the string \"\(s)\"; write \(i) without quotes")
            return nil
        }
        error(path(), "expected \(expected()) as a whole number, found \(value.kindDescription)")
        return nil
    }

    /// Warns about an ARN with control or bidi characters: no AWS ARN has them, and they are how a
    /// hostile inventory would drive the terminal of whoever reads its findings (every output shows
    /// them escaped, as this message does).
    func warnIfUnprintable(_ arn: String, at path: @autoclosure () -> [JSONPathComponent], what: String) {
        guard TerminalSafe.needsEscape(arn) else { return }
        warning(path(), "\(what) '\(arn.terminalSafe)' contains control or bidi characters, which no AWS ARN has; read as given, shown escaped")
    }

    /// A 12-digit account id.
    func accountID(_ value: JSONValue, at path: @autoclosure () -> [JSONPathComponent]) -> String? {
        switch value {
        case .string(let s):
            guard AccountID.isValid(s) else {
                error(path(), "account id '\(s)' is not 12 digits; an AWS account id is exactly 12 digits, written as a string such as \"111111111111\"")
                return nil
            }
            return s
        case .number(let n):
            if AccountID.isValid(n) {
                error(path(), "account id \(n) is a number; write it as a string (\"\(n)\") — as a number, leading zeros are lost")
            } else {
                error(path(), "account id \(n) is not 12 digits; an AWS account id is exactly 12 digits, written as a string such as \"111111111111\"")
            }
            return nil
        default:
            error(path(), "expected an account id (12 digits, as a string such as \"111111111111\"), found \(value.kindDescription)")
            return nil
        }
    }

    /// A date (ISO-8601) as seconds since 1970.
    func date(_ value: JSONValue, at path: @autoclosure () -> [JSONPathComponent]) -> Int64? {
        guard case .string(let s) = value else {
            error(path(), "expected a date such as 2026-10-01T00:00:00Z, found \(value.kindDescription)")
            return nil
        }
        guard let t = IAMDate.parse(s) else {
            error(path(), "'\(s)' is not a date; expected ISO-8601 such as 2026-10-01T00:00:00Z")
            return nil
        }
        return t
    }

    /// Warns about keys not in `known`, suggesting the closest known one.
    func checkKeys(_ object: JSONObject, at path: [JSONPathComponent], known: [String], what: String) {
        for m in object.members where !known.contains(m.key) {
            var message = "unknown key '\(m.key)' in \(what) (ignored)"
            if let suggestion = Self.closest(to: m.key, in: known) { message += "; did you mean '\(suggestion)'?" }
            warning(path + [.key(m.key)], message)
        }
    }

    /// The known key a typo most likely meant: same letters ignoring case, or at most two edits away.
    static func closest(to key: String, in known: [String]) -> String? {
        let lower = key.lowercased()
        if let same = known.first(where: { $0.lowercased() == lower }) { return same }
        var best: (String, Int)?
        for k in known {
            let d = editDistance(lower, k.lowercased())
            if d <= 2, d < (best?.1 ?? Int.max) { best = (k, d) }
        }
        return best?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Array where Element == JSONPathComponent {
    /// The field name diagnostics show; nil for the whole file.
    var fieldName: String? { isEmpty ? nil : dottedPath }

}
