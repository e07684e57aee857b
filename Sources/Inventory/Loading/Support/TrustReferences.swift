import PolicyEngine

/// The accounts a policy document's principals name.
///
/// An account that appears only here (`"AWS": "arn:aws:iam::222222222222:root"`, a bare
/// `"222222222222"`, a federated provider ARN) is still a node of the trust graph: an
/// unknown external account.
enum TrustReferences {
    static func accounts(in document: PolicyDocument) -> [String] {
        var out: [String] = []
        func add(_ element: PrincipalElement?) {
            guard let element else { return }
            for entry in element.entries where entry.type == "AWS" || entry.type == "Federated" {
                for value in entry.values {
                    if let account = AccountID.referenced(by: value) { out.append(account) }
                }
            }
        }
        for statement in document.statements {
            add(statement.principal)
            add(statement.notPrincipal)
        }
        return out
    }

    /// The first defects that would make IAM refuse to store the document, in words; nil when it is storable.
    static func unstorableSummary(_ document: PolicyDocument) -> String? {
        let issues = document.issues.filter(\.makesUnstorable)
        guard let first = issues.first else { return nil }
        let more = issues.count > 1 ? " (and \(issues.count - 1) more)" : ""
        return "\(first)\(more)"
    }

    /// IAM's quota on a role trust policy: 2,048 characters not counting white space by default, which an
    /// account may have raised to at most 4,096 (IAM User Guide, "IAM and AWS STS quotas").
    static let defaultTrustPolicyQuota = 2_048
    static let maximumTrustPolicyQuota = 4_096

    /// A warning when the trust policy is larger than IAM's default quota, naming its size; nil otherwise.
    /// Counting stops past the maximum quota, so a hostile policy costs no more than a legal one to check.
    static func sizeWarning(_ document: PolicyDocument) -> String? {
        guard PolicySize.upperBound(of: document.raw, stoppingAfter: defaultTrustPolicyQuota) > defaultTrustPolicyQuota else { return nil }
        let size = PolicySize.characters(of: document.raw, stoppingAfter: maximumTrustPolicyQuota)
        guard size > defaultTrustPolicyQuota else { return nil }
        if size > maximumTrustPolicyQuota {
            return "this trust policy is more than \(maximumTrustPolicyQuota.formatted) characters (not counting white space), above the most IAM allows for a role trust policy even with a raised quota (\(maximumTrustPolicyQuota.formatted); default \(defaultTrustPolicyQuota.formatted)): IAM would not store it, so this input is not what IAM holds"
        }
        return "this trust policy is \(size.formatted) characters (not counting white space), above IAM's default quota of \(defaultTrustPolicyQuota.formatted) for a role trust policy; IAM stores it only where the account's quota was raised (at most \(maximumTrustPolicyQuota.formatted))"
    }
}

/// How many characters IAM counts in a policy: its JSON text without white space.
enum PolicySize {
    /// The characters of `value` written as compact JSON, white space (even inside strings) not counted;
    /// stops counting once past `limit` (the result is then `limit + 1` or a little more).
    static func characters(of value: JSONValue, stoppingAfter limit: Int) -> Int {
        var total = 0
        count(value, &total, limit)
        return total
    }

    /// At least `characters(of:)`, found without reading any string (a string's UTF-8 length is at hand, and
    /// one byte is written as at most six characters): when this is within a quota, so is the policy. Nearly
    /// every trust policy is settled by it.
    static func upperBound(of value: JSONValue, stoppingAfter limit: Int) -> Int {
        var total = 0
        bound(value, &total, limit)
        return total
    }

    private static func bound(_ value: JSONValue, _ total: inout Int, _ limit: Int) {
        guard total <= limit else { return }
        switch value {
        case .null, .bool: total += 5
        case .number(let n): total += n.utf8.count
        case .string(let s): total += 2 + 6 * s.utf8.count
        case .array(let items):
            total += 1 + max(items.count, 1)
            for item in items {
                bound(item, &total, limit)
                if total > limit { return }
            }
        case .object(let o):
            total += 1 + max(o.members.count, 1) + o.members.count
            for m in o.members {
                total += 2 + 6 * m.key.utf8.count
                bound(m.value, &total, limit)
                if total > limit { return }
            }
        }
    }

    private static func count(_ value: JSONValue, _ total: inout Int, _ limit: Int) {
        guard total <= limit else { return }
        switch value {
        case .null: total += 4
        case .bool(let b): total += b ? 4 : 5
        case .number(let n): total += n.utf8.count
        case .string(let s): count(s, &total)
        case .array(let items):
            total += 1 + max(items.count, 1)  // brackets and commas
            for item in items {
                count(item, &total, limit)
                if total > limit { return }
            }
        case .object(let o):
            total += 1 + max(o.members.count, 1) + o.members.count  // braces, commas and colons
            for m in o.members {
                count(m.key, &total)
                count(m.value, &total, limit)
                if total > limit { return }
            }
        }
    }

    private static func count(_ s: String, _ total: inout Int) {
        total += 2
        var s = s
        s.makeContiguousUTF8()
        s.utf8.withContiguousStorageIfAvailable { count($0, &total) }
    }

    private static func count(_ bytes: UnsafeBufferPointer<UInt8>, _ total: inout Int) {
        for b in bytes {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D: continue  // white space is not counted (escaped or not)
            case 0x5C, 0x22: total += 2  // a backslash or a quote is escaped
            case 0..<0x20: total += 6
            case 0x80..<0xC0: continue  // a continuation byte: the same character
            default: total += 1
            }
        }
    }
}

extension Int {
    /// `2,048`: how messages show a count.
    var formatted: String {
        let digits = Array(String(self))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0, d != "-" { out.append(",") }
            out.append(d)
        }
        return out
    }
}
