/// A condition operator name parsed into its parts: the base comparison, `IfExists`, and the
/// set qualifier (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
public struct ConditionOperator: Sendable, Hashable {
    /// The comparison itself.
    public enum Base: String, Sendable, Hashable, CaseIterable {
        case stringEquals = "StringEquals", stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase", stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike", stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals", numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan", numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan", numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals", dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan", dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan", dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress", notIpAddress = "NotIpAddress"
        case arnEquals = "ArnEquals", arnLike = "ArnLike", arnNotEquals = "ArnNotEquals", arnNotLike = "ArnNotLike"
        case null = "Null"

        /// Negated operators are true when the key is absent, and NOR their values [OPS][MULTI].
        public var isNegated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals, .dateNotEquals,
                 .notIpAddress, .arnNotEquals, .arnNotLike:
                return true
            default:
                return false
            }
        }

        /// The positive comparison a negated operator negates (itself for positive operators).
        public var positive: Base {
            switch self {
            case .stringNotEquals: return .stringEquals
            case .stringNotEqualsIgnoreCase: return .stringEqualsIgnoreCase
            case .stringNotLike: return .stringLike
            case .numericNotEquals: return .numericEquals
            case .dateNotEquals: return .dateEquals
            case .notIpAddress: return .ipAddress
            case .arnNotEquals: return .arnEquals
            case .arnNotLike: return .arnLike
            default: return self
            }
        }

        /// Policy variables are substituted only in string and ARN operators (assume-role.md §e.7, A3).
        public var acceptsPolicyVariables: Bool {
            switch positive {
            case .stringEquals, .stringEqualsIgnoreCase, .stringLike, .arnEquals, .arnLike: return true
            default: return false
            }
        }

        static let byLowercasedName: [String: Base] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue.lowercased(), $0) })
    }

    /// `ForAnyValue:` / `ForAllValues:`.
    public enum SetQualifier: String, Sendable, Hashable {
        case forAnyValue = "ForAnyValue"
        case forAllValues = "ForAllValues"
    }

    /// Nil for an operator name IAM does not know: its condition is false (assume-role.md §e.1).
    public let base: Base?
    public let ifExists: Bool
    public let qualifier: SetQualifier?
    /// The name as written.
    public let written: String

    /// Parses an operator name ignoring case (`forAnyValue:stringlikeIfExists`).
    public init(_ name: String) {
        written = name
        var rest = Substring(name)
        var q: SetQualifier?
        if let colon = rest.firstIndex(of: ":") {
            let prefix = rest[..<colon].lowercased()
            if prefix == "foranyvalue" { q = .forAnyValue } else if prefix == "forallvalues" { q = .forAllValues }
            rest = q == nil ? rest : rest[rest.index(after: colon)...]
        }
        var lower = rest.lowercased()
        var ifExists = false
        if lower.hasSuffix("ifexists") {
            ifExists = true
            lower.removeLast(8)
        }
        let b = Base.byLowercasedName[lower]
        // `NullIfExists` is not an operator: Null already speaks about presence.
        if b == .null && ifExists {
            base = nil
        } else {
            base = b
        }
        self.ifExists = ifExists
        qualifier = q
    }

    /// The canonical spelling (`ForAnyValue:StringLikeIfExists`), or the written name when unknown.
    public var canonicalName: String {
        guard let base else { return written }
        return (qualifier.map { $0.rawValue + ":" } ?? "") + base.rawValue + (ifExists ? "IfExists" : "")
    }

    public var isNegated: Bool { base?.isNegated ?? false }

    /// A positive test that a request without the key fails: not negated, not `…IfExists`, not
    /// `ForAllValues` (true for an empty set), not `Null`. An unknown operator counts: its condition is
    /// false whatever the request holds.
    public var isStrictPositive: Bool { !isNegated && !ifExists && qualifier != .forAllValues && base != .null }

    /// `StringEquals`, `StringEqualsIgnoreCase`, `ArnEquals`: an exact comparison, no wildcards.
    public var isExactString: Bool { base == .stringEquals || base == .stringEqualsIgnoreCase || base == .arnEquals }

    /// `StringLike`, `ArnLike`: `*` and `?` are wildcards.
    public var isLike: Bool { base == .stringLike || base == .arnLike }

    /// A positive string or ARN comparison.
    public var isString: Bool { isExactString || isLike }
}

extension ConditionClause {
    /// The operator name parsed (`ConditionOperator(operatorName)`).
    public var parsedOperator: ConditionOperator { ConditionOperator(operatorName) }
    /// The context key lower-cased: keys compare ignoring case.
    public var lowercasedKey: String { key.lowercased() }
}
