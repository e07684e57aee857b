/// One (operator, key) clause of a Condition block, compiled once: the operator parsed, the key
/// lower-cased, and the values pre-parsed for their operator (numbers, instants, CIDRs, variables).
public struct CompiledCondition: Sendable, Hashable {
    public let op: ConditionOperator
    public let key: ContextKey
    /// The key as written in the policy.
    public let keyText: String
    /// The policy values as written (normalised to strings).
    public let values: [String]
    private let templates: [PolicyVariableTemplate?]
    private let numbers: [Double?]
    private let networks: [IPNetwork?]
    private let lowered: [String]
    /// True for secret keys (`sts:ExternalId`): traces mask their values.
    public let isSecret: Bool

    /// - Parameter variablesAllowed: the document's Version is 2012-10-17 (policy variables exist only there).
    public init(clause: ConditionClause, variablesAllowed: Bool) {
        op = ConditionOperator(clause.operatorName)
        key = ContextKey(clause.key)
        keyText = clause.key
        values = clause.values
        isSecret = Secret.isSecretKey(key.lowercasedName)
        let base = op.base?.positive
        if variablesAllowed, op.base?.acceptsPolicyVariables == true, values.contains(where: { $0.utf8Contains("${") && $0.contains("${") }) {
            templates = values.map { PolicyVariableTemplate($0) }
        } else {
            templates = []
        }
        switch base {
        case .numericEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan, .numericGreaterThanEquals:
            numbers = values.map { Double($0.trimmingSpaces) }
        case .dateEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            numbers = values.map { ISO8601.parseInstant($0.trimmingSpaces) }
        default:
            numbers = []
        }
        networks = base == .ipAddress ? values.map { IPNetwork($0) } : []
        lowered = (base == .stringEqualsIgnoreCase || base == .bool) ? values.map { $0.lowercased() } : []
    }

    /// Whether the clause holds for the request (assume-role.md §e).
    public func evaluate(in context: some ConditionContext) -> Bool {
        evaluate(value: context.value(for: key), context: context)
    }

    func evaluate(value v: ContextValue?, context: some ConditionContext) -> Bool {
        guard let base = op.base else { return false }
        if base == .null {
            // Null: "true" means the key is absent, "false" that it is present [OPS].
            let present = v != nil
            for p in values {
                let l = p.lowercased()
                if l == "true" && !present { return true }
                if l == "false" && present { return true }
            }
            return false
        }
        guard let v else {
            // The missing-key table (assume-role.md §e.2).
            if op.ifExists { return true }
            if let q = op.qualifier { return q == .forAllValues }
            return base.isNegated
        }
        switch op.qualifier {
        case nil:
            switch v {
            case .single(let r): return matchOne(r, base: base, context: context)
            // An unqualified operator on a multivalued key never matches, negated ones included (§e.5, A9).
            case .multi: return false
            }
        case .forAnyValue?:
            switch v {
            case .single(let r): return matchOne(r, base: base, context: context)
            case .multi(let rs): return rs.contains { matchOne($0, base: base, context: context) }
            }
        case .forAllValues?:
            switch v {
            case .single(let r): return matchOne(r, base: base, context: context)
            case .multi(let rs): return rs.allSatisfy { matchOne($0, base: base, context: context) }
            }
        }
    }

    /// One request value against the policy values: ORed for positive operators, NORed for negated ones [MULTI].
    private func matchOne(_ r: String, base: ConditionOperator.Base, context: some ConditionContext) -> Bool {
        let positive = base.positive
        var anyMatch = false
        for i in values.indices {
            switch compare(r, i, positive, context) {
            case .match:
                anyMatch = true
            case .noMatch:
                continue
            case .unreadable:
                // A value that cannot be read for its operator makes the comparison false (§e.3).
                return false
            }
            if anyMatch { break }
        }
        return base.isNegated ? !anyMatch : anyMatch
    }

    private enum Comparison { case match, noMatch, unreadable }

    private func compare(_ r: String, _ i: Int, _ base: ConditionOperator.Base, _ context: some ConditionContext) -> Comparison {
        switch base {
        case .stringEquals:
            if !templates.isEmpty, let t = templates[i] {
                guard let p = t.resolve(in: context) else { return .noMatch }
                return p == r ? .match : .noMatch
            }
            return values[i] == r ? .match : .noMatch
        case .stringEqualsIgnoreCase:
            if !templates.isEmpty, let t = templates[i] {
                guard let p = t.resolve(in: context) else { return .noMatch }
                return p.lowercased() == r.lowercased() ? .match : .noMatch
            }
            return lowered[i] == r.lowercased() ? .match : .noMatch
        case .stringLike:
            if !templates.isEmpty, let t = templates[i] {
                guard let p = t.resolvePattern(in: context) else { return .noMatch }
                return p.matches(r) ? .match : .noMatch
            }
            return Glob.matches(values[i], r) ? .match : .noMatch
        case .numericEquals, .numericLessThan, .numericLessThanEquals, .numericGreaterThan, .numericGreaterThanEquals:
            guard let p = numbers[i], let x = Double(r.trimmingSpaces) else { return .unreadable }
            let ok: Bool
            switch base {
            case .numericEquals: ok = x == p
            case .numericLessThan: ok = x < p
            case .numericLessThanEquals: ok = x <= p
            case .numericGreaterThan: ok = x > p
            default: ok = x >= p
            }
            return ok ? .match : .noMatch
        case .dateEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan, .dateGreaterThanEquals:
            guard let p = numbers[i], let x = ISO8601.parseInstant(r.trimmingSpaces) else { return .unreadable }
            let ok: Bool
            switch base {
            case .dateEquals: ok = x == p
            case .dateLessThan: ok = x < p
            case .dateLessThanEquals: ok = x <= p
            case .dateGreaterThan: ok = x > p
            default: ok = x >= p
            }
            return ok ? .match : .noMatch
        case .bool:
            let l = r.lowercased()
            guard l == "true" || l == "false" else { return .unreadable }
            return lowered[i] == l ? .match : .noMatch
        case .binaryEquals:
            return values[i] == r ? .match : .noMatch
        case .ipAddress:
            guard let net = networks[i], let addr = IPNetwork(r) else { return .unreadable }
            return net.contains(addr) ? .match : .noMatch
        case .arnEquals, .arnLike:
            if !templates.isEmpty, let t = templates[i] {
                guard let p = t.resolve(in: context) else { return .noMatch }
                return Arn.arnLike(pattern: p, value: r) ? .match : .noMatch
            }
            return Arn.arnLike(pattern: values[i], value: r) ? .match : .noMatch
        default:
            return .noMatch
        }
    }

    /// The clause with its result, the policy values (after substitution) and the request values.
    public func explain(in context: some ConditionContext) -> ConditionTrace {
        let v = context.value(for: key)
        let result = evaluate(value: v, context: context)
        var shown = values
        if !templates.isEmpty {
            shown = values.indices.map { i in
                guard let t = templates[i] else { return values[i] }
                return t.resolve(in: context).map { "\($0) (from \(values[i]))" } ?? "\(values[i]) (unresolvable)"
            }
        }
        var note: String?
        if op.base == nil {
            note = "unknown operator: the condition is false"
        } else if v == nil && op.base != .null {
            if op.ifExists { note = "key absent: …IfExists is true" } else if op.qualifier == .forAllValues { note = "key absent: ForAllValues is true" } else if op.qualifier == .forAnyValue { note = "key absent: ForAnyValue is false" } else if op.isNegated { note = "key absent: negated operators are true" } else { note = "key absent: the condition is false" }
        } else if op.qualifier == nil, op.base != .null, v?.isMultivalued == true {
            note = "multivalued key without ForAnyValue/ForAllValues never matches"
        }
        return ConditionTrace(operatorName: op.canonicalName, key: keyText, policyValues: shown, requestValues: v?.values, result: result, isSecret: isSecret, note: note)
    }
}
