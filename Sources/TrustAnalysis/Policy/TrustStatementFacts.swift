import Inventory
import PolicyEngine

/// What the analysis needs to know about one trust policy statement, computed once per role.
struct TrustStatementFacts: Sendable {
    var statement: PolicyStatement
    var isAllow: Bool
    var isDeny: Bool
    var principals: [TrustPrincipal]
    /// Which assume operations the Action/NotAction element covers.
    var coversAssumeRole: Bool
    var coversWebIdentity: Bool
    var coversSAML: Bool
    /// Reasons IAM would refuse this statement (findings.md: malformed statements are skipped by every other rule).
    var defects: [String]
    /// `ConditionJudgement.describe` of each condition, in order: what an edge through this statement
    /// shows it requires, worked out once rather than for every candidate caller.
    var conditionDescriptions: [String]

    var isMalformed: Bool { !defects.isEmpty }
    var conditions: [ConditionClause] { statement.conditions }
    /// `'Sid'` or `#2`, built once: every edge through the statement carries it.
    let label: String

    init(statement s: PolicyStatement) {
        statement = s
        label = s.label
        conditionDescriptions = s.conditions.map { ConditionJudgement.describe($0) }
        isAllow = s.effect == .allow
        isDeny = s.effect == .deny
        var ps: [TrustPrincipal] = []
        if let p = s.principal {
            if p.isAnyone { ps.append(.anyone) }
            for e in p.entries {
                for v in e.values { ps.append(TrustPrincipal.classify(type: e.type, value: v)) }
            }
        }
        principals = ps
        coversAssumeRole = Self.covers(s, "sts:assumerole")
        coversWebIdentity = Self.covers(s, "sts:assumerolewithwebidentity")
        coversSAML = Self.covers(s, "sts:assumerolewithsaml")

        var d: [String] = s.issues.filter(\.makesUnstorable).map(\.description)
        if s.notPrincipal != nil { d.append("statement \(s.index): NotPrincipal cannot be used in a role trust policy") }
        if s.resources != nil || s.notResources != nil {
            d.append("statement \(s.index): a trust policy statement may not have a Resource element (IAM: \"Has prohibited field Resource\")")
        }
        if s.principal == nil && s.notPrincipal == nil {
            d.append("statement \(s.index): the statement has no Principal")
        }
        if let p = s.principal {
            for e in p.entries {
                for v in e.values where v != "*" && Glob.hasWildcard(v) {
                    d.append("statement \(s.index): partial wildcard in Principal.\(e.type) '\(v)': only the complete value \"*\" is a wildcard")
                }
            }
        }
        // Keep the parser's messages first, then ours, without repeats.
        if d.count > 1 {
            var seen = Set<String>()
            d = d.filter { seen.insert($0).inserted }
        }
        defects = d
    }

    /// Whether the Action (or NotAction) element applies to the action (lower-cased), as IAM globs actions.
    static func covers(_ s: PolicyStatement, _ action: String) -> Bool {
        if let actions = s.actions { return actions.contains { ActionPattern($0).matches(lowercasedAction: action) } }
        if let not = s.notActions { return !not.contains { ActionPattern($0).matches(lowercasedAction: action) } }
        return false
    }

    /// The explicitly named actions (no wildcard), lower-cased.
    var explicitActions: [String] {
        (statement.actions ?? []).filter { !Glob.hasWildcard($0) }.map { $0.lowercased() }
    }

    /// The clauses on a key (lower-cased), in document order.
    func clauses(onKey key: String) -> [ConditionClause] {
        conditions.filter { $0.lowercasedKey == key }
    }

    /// Clauses on keys with this prefix and suffix (lower-cased), e.g. `…:sub`.
    func clauses(where predicate: (String) -> Bool) -> [ConditionClause] {
        conditions.filter { predicate($0.lowercasedKey) }
    }
}

/// The trust policy of one role, statement by statement.
struct RoleTrustFacts: Sendable {
    var statements: [TrustStatementFacts]
    /// Document-level and statement-level reasons IAM would refuse the document.
    var defects: [String]

    /// Allow statements IAM would store: the ones every rule other than MALFORMED-TRUST judges.
    var usableAllows: [TrustStatementFacts]
    var usableDenies: [TrustStatementFacts]

    init(role: Role) { self.init(trustPolicy: role.trustPolicy) }

    /// Depends on the document only, so roles that share a trust policy share its facts.
    init(trustPolicy: PolicyDocument) {
        statements = trustPolicy.statements.map { TrustStatementFacts(statement: $0) }
        let docLevel = trustPolicy.issues.filter { $0.makesUnstorable && $0.statementIndex == nil }.map(\.description)
        defects = docLevel + statements.flatMap(\.defects)
        usableAllows = statements.filter { $0.isAllow && !$0.isMalformed }
        usableDenies = statements.filter { $0.isDeny && !$0.isMalformed }
    }
}
