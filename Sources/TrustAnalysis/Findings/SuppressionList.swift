import Inventory
import PolicyEngine

/// The user's allow-list of accepted findings. Suppressed findings stay in every output, marked
/// with the reason; they are never hidden without trace (findings.md).
///
/// The file is JSON, kept beside the inventory (`trustmap.suppressions.json`, or `--suppressions FILE`):
///
/// ```json
/// { "suppressions": [
///     { "rule": "TM-ACCOUNT-ROOT-TRUST",
///       "subject": "arn:aws:iam::111111111111:role/Audit",
///       "reason": "audit account delegation, reviewed 2026-03 (SEC-142)" },
///     { "rule": "TM-LONG-SESSION", "subject": "arn:aws:iam::*:role/vendor-*",
///       "from": "222222222222", "reason": "vendor batch jobs run for 6 hours" } ] }
/// ```
///
/// `rule` is a rule id or `*`; `subject` an ARN where `*` and `?` are wildcards; `from` (optional)
/// limits the entry to findings on edges from that node; `reason` is required: an accepted risk
/// without a reason cannot be reviewed.
public struct SuppressionList: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var rule: String
        public var subject: String
        public var from: String?
        public var reason: String

        public init(rule: String, subject: String, from: String? = nil, reason: String) {
            self.rule = rule
            self.subject = subject
            self.from = from
            self.reason = reason
        }

        public func matches(_ f: Finding) -> Bool {
            guard rule == "*" || rule == f.rule, Glob.matches(subject, f.subject) else { return false }
            if let from { return f.edge.map { Glob.matches(from, $0.from) } ?? false }
            return true
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public static let none = SuppressionList()

    /// The reason of the first entry that matches, or nil.
    public func reason(for f: Finding) -> String? {
        entries.first { $0.matches(f) }?.reason
    }

    /// Parses a suppression file; errors name the file, line, column and field.
    public static func parse(_ bytes: [UInt8], fileName: String) throws(LoadDiagnostic) -> SuppressionList {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw LoadDiagnostic(file: fileName, position: error.position, field: nil, message: "not valid JSON: \(error.message)")
        }
        let items: [JSONValue]
        var base: [JSONPathComponent] = []
        if let list = root.arrayValue {
            items = list
        } else if let list = root["suppressions"]?.arrayValue {
            items = list
            base = [.key("suppressions")]
        } else {
            throw LoadDiagnostic(file: fileName, line: 1, column: 1, field: "suppressions",
                                 message: "expected an object with a \"suppressions\" list (or a list of entries)")
        }
        var entries: [Entry] = []
        for (i, item) in items.enumerated() {
            let path = base + [.index(i)]
            func fail(_ field: String, _ message: String) -> LoadDiagnostic {
                let at = JSONParser.position(of: item[field] == nil ? path : path + [.key(field)], in: bytes)
                return LoadDiagnostic(file: fileName, position: at, field: (path + [.key(field)]).dottedPath, message: message)
            }
            guard item.objectValue != nil else {
                throw LoadDiagnostic(file: fileName, position: JSONParser.position(of: path, in: bytes), field: path.dottedPath,
                                     message: "each suppression must be an object with rule, subject and reason")
            }
            guard let rule = item["rule"]?.stringValue, !rule.isEmpty else { throw fail("rule", "a suppression needs a rule id (TM-…) or \"*\"") }
            guard rule == "*" || FindingRule.named(rule) != nil else { throw fail("rule", "unknown rule id '\(rule)'") }
            guard let subject = item["subject"]?.stringValue, !subject.isEmpty else { throw fail("subject", "a suppression needs a subject ARN (wildcards * and ? allowed)") }
            guard let reason = item["reason"]?.stringValue, reason.contains(where: { !$0.isWhitespace }) else {
                throw fail("reason", "a suppression needs a reason, so that the accepted risk can be reviewed")
            }
            let from = item["from"]?.stringValue
            entries.append(Entry(rule: rule, subject: subject, from: from, reason: reason))
        }
        return SuppressionList(entries: entries)
    }
}
