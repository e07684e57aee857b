import PolicyEngine

/// A condition operator name taken apart: qualifier, base operator and `IfExists`
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
/// Names are compared ignoring case, as trustmap's engine accepts them.
struct ConditionOperatorName: Sendable, Hashable {
    enum Qualifier: Sendable, Hashable { case none, forAnyValue, forAllValues }

    var qualifier: Qualifier
    /// The base operator, lower-cased, without qualifier or `IfExists` (`stringequals`, `bool`).
    var base: String
    var ifExists: Bool

    init(_ name: String) {
        var lower = name.lowercased()
        qualifier = .none
        if lower.hasPrefix("foranyvalue:") {
            qualifier = .forAnyValue
            lower.removeFirst("foranyvalue:".count)
        } else if lower.hasPrefix("forallvalues:") {
            qualifier = .forAllValues
            lower.removeFirst("forallvalues:".count)
        }
        ifExists = lower.hasSuffix("ifexists") && lower != "ifexists"
        if ifExists { lower.removeLast("ifexists".count) }
        base = lower
    }

    /// Negated operators are true when the key is absent ([OPS]).
    var isNegated: Bool {
        switch base {
        case "stringnotequals", "stringnotequalsignorecase", "stringnotlike", "numericnotequals", "datenotequals",
             "arnnotequals", "arnnotlike", "notipaddress":
            return true
        default:
            return false
        }
    }

    /// A positive test a caller without the key fails: not negated, not `…IfExists`, not `ForAllValues`, not `Null`.
    var isStrictPositive: Bool { !isNegated && !ifExists && qualifier != .forAllValues && base != "null" }

    /// `StringEquals`-like exact comparison (no wildcards).
    var isExactString: Bool { base == "stringequals" || base == "stringequalsignorecase" || base == "arnequals" }

    /// `StringLike`/`ArnLike`: `*` and `?` are wildcards.
    var isLike: Bool { base == "stringlike" || base == "arnlike" }

    var isString: Bool { isExactString || isLike }
}

extension ConditionClause {
    var parsedOperator: ConditionOperatorName { ConditionOperatorName(operatorName) }
    var lowercasedKey: String { key.lowercased() }
}
