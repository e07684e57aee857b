import PolicyEngine

/// Static judgements of single condition clauses, in the terms of findings.md.
enum ConditionJudgement {
    /// Keys whose value the caller's organization or account fixes (findings.md, *guard*).
    static let guardKeys: Set<String> = [
        "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
        "aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:userid",
    ]
    /// Network keys: a weak guard (a caller inside the network can be anyone).
    static let networkKeys: Set<String> = ["aws:sourceip", "aws:sourcevpc", "aws:sourcevpce"]
    /// Multivalued context keys (assume-role.md §e.5); every other `aws:`/`sts:` key is single-valued.
    static func isMultivalued(_ key: String) -> Bool {
        key == "aws:tagkeys" || key == "sts:transitivetagkeys" || key == "aws:principalorgpaths"
            || key == "aws:principalservicenameslist" || key == "aws:calledvia" || key.hasSuffix(":amr")
            || key.hasPrefix("saml:")
    }

    /// A positive test whose every value fixes the organization id or the account id
    /// (wildcards after that part are fine).
    static func isGuard(_ c: ConditionClause) -> Bool {
        let key = c.lowercasedKey
        guard guardKeys.contains(key), !c.values.isEmpty else { return false }
        let op = c.parsedOperator
        guard op.isStrictPositive, op.isString else { return false }
        return c.values.allSatisfy { fixesOrgOrAccount(key: key, value: $0, like: op.isLike) }
    }

    /// A guard that names principals (roles or users), as TM-ACCOUNT-ROOT-TRUST asks for.
    static func namesPrincipals(_ c: ConditionClause) -> Bool {
        let key = c.lowercasedKey
        return (key == "aws:principalarn" || key == "aws:userid") && isGuard(c)
    }

    static func fixesOrgOrAccount(key: String, value: String, like: Bool) -> Bool {
        let literal = like ? String(Glob.literalPrefix(value)) : value
        switch key {
        case "aws:principalorgid", "aws:sourceorgid":
            return literal == value && value.hasPrefix("o-") && value.count > 2
        case "aws:principalorgpaths":
            guard let slash = value.firstIndex(of: "/") else { return literal == value && value.hasPrefix("o-") }
            let org = value[..<slash]
            return org.hasPrefix("o-") && org.count > 2 && literal.count > org.count
        case "aws:principalaccount", "aws:sourceaccount":
            return literal == value && Arn.isAccountID(value[...])
        case "aws:principalarn", "aws:sourcearn":
            let parts = value.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, Arn.isAccountID(parts[4]) else { return false }
            // The literal text must reach past the account component.
            let accountEnd = parts[0...4].reduce(0) { $0 + $1.count + 1 }
            return literal.count >= accountEnd
        case "aws:userid":
            let head = value.asciiSplit(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
            return !head.isEmpty && literal.count >= head.count && !Glob.hasWildcard(String(head))
                && (PrincipalPattern.looksLikeUniqueId(String(head)) || Arn.isAccountID(head))
        default:
            return false
        }
    }

    static func isWeakGuard(_ c: ConditionClause) -> Bool {
        networkKeys.contains(c.lowercasedKey) && c.parsedOperator.isStrictPositive
    }

    /// A clause every intended caller passes (TM-VACUOUS-CONDITION), whatever its key.
    static func vacuousReason(_ c: ConditionClause) -> String? {
        let op = c.parsedOperator
        let key = c.lowercasedKey
        if op.base == .bool, op.ifExists, key == "aws:multifactorauthpresent",
           c.values.contains(where: { $0.lowercased() == "true" }) {
            return "BoolIfExists aws:MultiFactorAuthPresent true passes long-term access keys, which carry no MFA key"
        }
        if op.qualifier == .forAllValues, !isMultivalued(key) {
            return "ForAllValues on the single-valued key \(c.key) passes when the key is absent"
        }
        if op.base == .stringLike, c.values.contains("*") {
            return "StringLike \(c.key) with the value \"*\" matches every value"
        }
        return nil
    }

    /// A clause that restricts nobody in practice: vacuous, negated, `…IfExists`, `ForAllValues`, `Null`,
    /// or a key every caller carries with a fixed value. ANY-PRINCIPAL treats a wildcard statement whose
    /// clauses are all ineffective as unrestricted (findings.md edge cases).
    static func isIneffective(_ c: ConditionClause) -> Bool {
        if vacuousReason(c) != nil { return true }
        let op = c.parsedOperator
        if op.isNegated || op.ifExists || op.qualifier == .forAllValues || op.base == .null { return true }
        if c.lowercasedKey == "aws:securetransport" { return true }
        return false
    }

    /// `Bool aws:MultiFactorAuthPresent true`, or a positive `aws:MultiFactorAuthAge` limit.
    static func requiresMFA(_ c: ConditionClause) -> Bool {
        let op = c.parsedOperator
        guard op.isStrictPositive else { return false }
        switch c.lowercasedKey {
        case "aws:multifactorauthpresent":
            return op.base == .bool && c.values.allSatisfy { $0.lowercased() == "true" } && !c.values.isEmpty
        case "aws:multifactorauthage":
            return op.base == .numericLessThan || op.base == .numericLessThanEquals
        default:
            return false
        }
    }

    /// An exact external ID test: StringEquals (or StringLike without wildcards), not negated, not IfExists,
    /// not ForAllValues.
    static func isExactExternalID(_ c: ConditionClause) -> Bool {
        guard c.lowercasedKey == "sts:externalid", !c.values.isEmpty else { return false }
        let op = c.parsedOperator
        guard op.isStrictPositive else { return false }
        if op.isExactString { return true }
        if op.isLike { return !c.values.contains(where: Glob.hasWildcard) }
        return false
    }

    /// A clause is "present" for rules that only ask whether a key is tested at all, positively.
    static func testsPositively(_ c: ConditionClause, key: String) -> Bool {
        c.lowercasedKey == key && c.parsedOperator.isStrictPositive && !c.values.isEmpty
    }

    /// The clause as evidence text, external IDs masked.
    static func describe(_ c: ConditionClause, reveal: Bool = false) -> String {
        let secret = Secret.isSecretKey(c.lowercasedKey) && !reveal
        let values = c.values.map { secret ? Secret.mask($0) : $0 }
        let shown = values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
        return "\(c.operatorName) \(c.key) = \(shown)"
    }
}
