/// An IAM policy document, parsed once from JSON.
///
/// Parsing never fails: IAM's grammar accepts a string or a list for most elements
/// (`Statement`, `Action`, `Principal` values, condition values), and inventories hold
/// documents that IAM would refuse to store. Such defects are kept as `issues` so that
/// the evaluator can answer `invalid` and the findings can say why, while the rest of
/// the document stays usable.
public struct PolicyDocument: Sendable, Hashable {
    /// The document as it was read, for pretty-printing and exports.
    public var raw: JSONValue
    /// `Version`, or nil when absent (IAM then uses 2008-10-17, without policy variables).
    public var version: String?
    public var id: String?
    public var statements: [PolicyStatement]
    /// Grammar problems, in document order.
    public var issues: [PolicyIssue]

    public init(json: JSONValue) {
        raw = json
        version = nil
        id = nil
        statements = []
        issues = []
        guard case .object(let object) = json else {
            issues.append(PolicyIssue(statementIndex: nil, element: "document", message: "a policy document must be a JSON object, found \(json.kindDescription)"))
            return
        }
        for m in object.members {
            switch m.key {
            case "Version":
                version = m.value.stringValue
                if let v = version, v != "2012-10-17", v != "2008-10-17" {
                    issues.append(PolicyIssue(statementIndex: nil, element: "Version", message: "unknown policy Version '\(v)': IAM accepts 2012-10-17 or 2008-10-17", makesUnstorable: true))
                } else if version == nil {
                    issues.append(PolicyIssue(statementIndex: nil, element: "Version", message: "Version must be a string", makesUnstorable: true))
                }
            case "Id":
                id = m.value.scalarText
            case "Statement":
                let items: [JSONValue]
                switch m.value {
                case .array(let a): items = a
                case .object: items = [m.value]
                default:
                    issues.append(PolicyIssue(statementIndex: nil, element: "Statement", message: "Statement must be an object or a list of objects, found \(m.value.kindDescription)", makesUnstorable: true))
                    items = []
                }
                for (i, item) in items.enumerated() {
                    let s = PolicyStatement(json: item, index: i)
                    issues.append(contentsOf: s.issues)
                    statements.append(s)
                }
            default:
                issues.append(PolicyIssue(statementIndex: nil, element: m.key, message: "unknown top-level element '\(m.key)'", makesUnstorable: true))
            }
        }
        if object["Statement"] == nil {
            issues.append(PolicyIssue(statementIndex: nil, element: "Statement", message: "the document has no Statement", makesUnstorable: true))
        }
    }

    /// Policy variables (`${aws:username}`) are substituted only in 2012-10-17 documents.
    public var supportsPolicyVariables: Bool { version == "2012-10-17" }

    /// An empty document (no statements): allows nothing, denies nothing.
    public static let empty = PolicyDocument(json: ["Version": "2012-10-17", "Statement": []])
}

/// A defect in a policy document's grammar.
public struct PolicyIssue: Sendable, Hashable, CustomStringConvertible {
    /// The statement's position in `Statement`, from 0; nil for document-level defects.
    public var statementIndex: Int?
    /// The element at fault (`Principal`, `Condition`, `Effect`...).
    public var element: String
    public var message: String
    /// True when IAM would refuse to store a document with this defect.
    public var makesUnstorable: Bool

    public init(statementIndex: Int?, element: String, message: String, makesUnstorable: Bool = false) {
        self.statementIndex = statementIndex
        self.element = element
        self.message = message
        self.makesUnstorable = makesUnstorable
    }

    public var description: String {
        if let i = statementIndex { return "statement \(i): \(element): \(message)" }
        return "\(element): \(message)"
    }
}

public enum PolicyEffect: Sendable, Hashable {
    case allow
    case deny
    /// Anything else: IAM refuses the document; the statement never applies.
    case invalid(String)
}

/// One statement of a policy document.
public struct PolicyStatement: Sendable, Hashable {
    public var index: Int
    public var sid: String?
    public var effect: PolicyEffect
    public var principal: PrincipalElement?
    public var notPrincipal: PrincipalElement?
    /// `Action` values, or nil when the statement uses `NotAction` (or has neither).
    public var actions: [String]?
    public var notActions: [String]?
    public var resources: [String]?
    public var notResources: [String]?
    /// The Condition block, flattened: one clause per (operator, key), in document order.
    public var conditions: [ConditionClause]
    public var issues: [PolicyIssue]
    public var raw: JSONValue

    /// `Sid` when present, otherwise `#index` — how explanations name a statement.
    public var label: String { sid.map { "'\($0)'" } ?? "#\(index)" }

    public init(json: JSONValue, index: Int) {
        self.index = index
        raw = json
        sid = nil
        effect = .invalid("")
        conditions = []
        issues = []
        guard case .object(let object) = json else {
            issues.append(PolicyIssue(statementIndex: index, element: "Statement", message: "a statement must be an object, found \(json.kindDescription)", makesUnstorable: true))
            return
        }
        var sawEffect = false
        for m in object.members {
            switch m.key {
            case "Sid":
                sid = m.value.scalarText
            case "Effect":
                sawEffect = true
                switch m.value.stringValue {
                case "Allow": effect = .allow
                case "Deny": effect = .deny
                default:
                    let text = m.value.scalarText ?? m.value.kindDescription
                    effect = .invalid(text)
                    issues.append(PolicyIssue(statementIndex: index, element: "Effect", message: "Effect must be \"Allow\" or \"Deny\", found '\(text)'", makesUnstorable: true))
                }
            case "Principal":
                principal = PrincipalElement(json: m.value, statementIndex: index, element: "Principal", issues: &issues)
            case "NotPrincipal":
                notPrincipal = PrincipalElement(json: m.value, statementIndex: index, element: "NotPrincipal", issues: &issues)
            case "Action":
                actions = Self.stringList(m.value, element: "Action", index: index, issues: &issues)
            case "NotAction":
                notActions = Self.stringList(m.value, element: "NotAction", index: index, issues: &issues)
            case "Resource":
                resources = Self.stringList(m.value, element: "Resource", index: index, issues: &issues)
            case "NotResource":
                notResources = Self.stringList(m.value, element: "NotResource", index: index, issues: &issues)
            case "Condition":
                conditions = ConditionClause.parseBlock(m.value, statementIndex: index, issues: &issues)
            default:
                issues.append(PolicyIssue(statementIndex: index, element: m.key, message: "unknown statement element '\(m.key)'", makesUnstorable: true))
            }
        }
        if !sawEffect {
            issues.append(PolicyIssue(statementIndex: index, element: "Effect", message: "the statement has no Effect", makesUnstorable: true))
        }
        if actions == nil && notActions == nil {
            issues.append(PolicyIssue(statementIndex: index, element: "Action", message: "the statement has neither Action nor NotAction", makesUnstorable: true))
        }
    }

    /// A string or a list of strings; other scalars are kept as their text with an issue.
    static func stringList(_ value: JSONValue, element: String, index: Int, issues: inout [PolicyIssue]) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .array(let items):
            var out: [String] = []
            for item in items {
                if let s = item.stringValue {
                    out.append(s)
                } else {
                    issues.append(PolicyIssue(statementIndex: index, element: element, message: "\(element) values must be strings, found \(item.kindDescription)", makesUnstorable: true))
                    if let t = item.scalarText { out.append(t) }
                }
            }
            return out
        default:
            issues.append(PolicyIssue(statementIndex: index, element: element, message: "\(element) must be a string or a list of strings, found \(value.kindDescription)", makesUnstorable: true))
            return value.scalarText.map { [$0] } ?? []
        }
    }
}

/// The `Principal` (or `NotPrincipal`) element: either the bare string `"*"`,
/// or an object from principal type (`AWS`, `Service`, `Federated`, `CanonicalUser`) to values.
public struct PrincipalElement: Sendable, Hashable {
    /// True for `"Principal": "*"`: every caller of every type.
    public var isAnyone: Bool
    /// Type → values, in document order; several types are ORed.
    public var entries: [(type: String, values: [String])]

    public init(isAnyone: Bool, entries: [(type: String, values: [String])]) {
        self.isAnyone = isAnyone
        self.entries = entries
    }

    public static func == (a: PrincipalElement, b: PrincipalElement) -> Bool {
        a.isAnyone == b.isAnyone && a.entries.count == b.entries.count
            && zip(a.entries, b.entries).allSatisfy { $0.type == $1.type && $0.values == $1.values }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(isAnyone)
        for e in entries {
            hasher.combine(e.type)
            hasher.combine(e.values)
        }
    }

    public func values(ofType type: String) -> [String] {
        entries.filter { $0.type == type }.flatMap(\.values)
    }

    init(json: JSONValue, statementIndex: Int, element: String, issues: inout [PolicyIssue]) {
        isAnyone = false
        entries = []
        switch json {
        case .string(let s):
            if s == "*" {
                isAnyone = true
            } else {
                // Only "*" may stand alone; IAM refuses any other bare string.
                issues.append(PolicyIssue(statementIndex: statementIndex, element: element, message: "a bare \(element) string must be \"*\"; found '\(s)' (write {\"AWS\": \"\(s)\"})", makesUnstorable: true))
                entries = [("AWS", [s])]
            }
        case .object(let object):
            for m in object.members {
                let values = PolicyStatement.stringList(m.value, element: "\(element).\(m.key)", index: statementIndex, issues: &issues)
                entries.append((m.key, values))
                switch m.key {
                case "AWS", "Service", "Federated": break
                case "CanonicalUser":
                    issues.append(PolicyIssue(statementIndex: statementIndex, element: element, message: "CanonicalUser principals exist only for S3 and match nothing here"))
                default:
                    issues.append(PolicyIssue(statementIndex: statementIndex, element: element, message: "unknown principal type '\(m.key)'", makesUnstorable: true))
                }
            }
        default:
            issues.append(PolicyIssue(statementIndex: statementIndex, element: element, message: "\(element) must be \"*\" or an object, found \(json.kindDescription)", makesUnstorable: true))
        }
    }
}

/// One (operator, key) pair of a Condition block with its values, normalised to strings.
public struct ConditionClause: Sendable, Hashable {
    /// The operator as written (`StringEquals`, `ForAnyValue:StringLike`, `BoolIfExists`).
    public var operatorName: String
    /// The context key as written (compared ignoring case).
    public var key: String
    /// Values as strings: JSON booleans become "true"/"false", numbers their decimal text.
    public var values: [String]

    public init(operatorName: String, key: String, values: [String]) {
        self.operatorName = operatorName
        self.key = key
        self.values = values
    }

    static func parseBlock(_ json: JSONValue, statementIndex: Int, issues: inout [PolicyIssue]) -> [ConditionClause] {
        guard case .object(let ops) = json else {
            issues.append(PolicyIssue(statementIndex: statementIndex, element: "Condition", message: "Condition must be an object, found \(json.kindDescription)", makesUnstorable: true))
            return []
        }
        var out: [ConditionClause] = []
        for op in ops.members {
            guard case .object(let keys) = op.value else {
                issues.append(PolicyIssue(statementIndex: statementIndex, element: "Condition", message: "Condition operator '\(op.key)' must map keys to values, found \(op.value.kindDescription)", makesUnstorable: true))
                continue
            }
            for k in keys.members {
                var values: [String] = []
                switch k.value {
                case .array(let items):
                    for item in items {
                        if let t = item.scalarText {
                            values.append(t)
                        } else {
                            issues.append(PolicyIssue(statementIndex: statementIndex, element: "Condition", message: "value of '\(k.key)' under '\(op.key)' must be a string, number or boolean, found \(item.kindDescription)", makesUnstorable: true))
                        }
                    }
                default:
                    if let t = k.value.scalarText {
                        values = [t]
                    } else {
                        issues.append(PolicyIssue(statementIndex: statementIndex, element: "Condition", message: "value of '\(k.key)' under '\(op.key)' must be a string, number, boolean or a list of them, found \(k.value.kindDescription)", makesUnstorable: true))
                    }
                }
                out.append(ConditionClause(operatorName: op.key, key: k.key, values: values))
            }
        }
        return out
    }
}
