/// A policy document compiled for evaluation: every pattern, principal and condition parsed once,
/// so that evaluating it allocates nothing on the common path. A class, immutable: shared by every
/// caller that has the policy attached, and copied by reference on the hot path.
public final class CompiledPolicy: Sendable, Hashable {
    /// How traces name the policy (`trust policy`, an attached policy's name, an SCP's name).
    public let name: String
    public let kind: PolicyKind
    public let document: PolicyDocument
    public let statements: [CompiledStatement]

    public init(name: String, kind: PolicyKind, document: PolicyDocument) {
        self.name = name
        self.kind = kind
        self.document = document
        let vars = document.supportsPolicyVariables
        statements = document.statements.map { CompiledStatement($0, kind: kind, variablesAllowed: vars) }
        statementIndex = kind.hasPrincipal && statements.count > StatementIndex.minimumStatements ? StatementIndex(statements) : nil
    }

    /// The statements by the principals they name, for a trust or resource policy with many (see `StatementIndex`).
    let statementIndex: StatementIndex?

    /// Whether any statement has the given effect.
    public var hasAllowStatement: Bool { statements.contains { $0.effect == .allow } }

    public static func == (a: CompiledPolicy, b: CompiledPolicy) -> Bool {
        a === b || (a.name == b.name && a.kind == b.kind && a.document == b.document)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(kind)
    }
}

/// The result of evaluating one policy for one request.
public struct PolicyVerdict: Sendable, Hashable {
    /// Some Allow statement applies.
    public var allows = false
    /// Some Deny statement applies.
    public var denies = false
    /// The best principal match among applying Allow statements (resource and trust policies).
    public var allowMatch: PrincipalMatch = .none
    /// The first applying Deny statement.
    public var denyingStatement: Int?
    /// The first applying Allow statement with the best match.
    public var allowingStatement: Int?
    public init() {}

    /// Folds in one statement's principal match: the first applying Deny, and the Allow with the best match.
    @inline(__always)
    mutating func record(_ match: PrincipalMatch, effect: PolicyEffect, statement index: Int) {
        guard match != .none else { return }
        switch effect {
        case .deny:
            if !denies { denyingStatement = index }
            denies = true
        case .allow:
            allows = true
            if match > allowMatch {
                allowMatch = match
                allowingStatement = index
            }
        case .invalid: break
        }
    }
}

/// One statement, compiled (immutable, shared by reference so iterating statements copies nothing).
public final class CompiledStatement: Sendable, Hashable {
    public let index: Int
    public let sid: String?
    public let effect: PolicyEffect
    public let principals: [PrincipalPattern]?
    public let notPrincipals: [PrincipalPattern]?
    public let actions: [ActionPattern]?
    public let notActions: [ActionPattern]?
    public let resources: [ResourcePattern]?
    public let notResources: [ResourcePattern]?
    public let conditions: [CompiledCondition]
    let checksPrincipal: Bool
    /// `principals` by what a caller carries, for a statement that names many (see `PrincipalIndex`).
    let principalIndex: PrincipalIndex?

    public init(_ s: PolicyStatement, kind: PolicyKind, variablesAllowed: Bool) {
        index = s.index
        sid = s.sid
        effect = s.effect
        checksPrincipal = kind.hasPrincipal
        func patterns(_ p: PrincipalElement?) -> [PrincipalPattern]? {
            guard let p else { return nil }
            var out: [PrincipalPattern] = p.isAnyone ? [.anyone] : []
            for e in p.entries {
                for v in e.values { out.append(PrincipalPattern(type: e.type, value: v)) }
            }
            return out
        }
        principals = patterns(s.principal)
        principalIndex = (principals?.count ?? 0) > PrincipalIndex.minimumPatterns ? principals.map(PrincipalIndex.init) : nil
        notPrincipals = patterns(s.notPrincipal)
        actions = s.actions?.map(ActionPattern.init)
        notActions = s.notActions?.map(ActionPattern.init)
        let rule = kind.shortArnRule
        resources = s.resources?.map { ResourcePattern($0, variablesAllowed: variablesAllowed, shortArnRule: rule) }
        notResources = s.notResources?.map { ResourcePattern($0, variablesAllowed: variablesAllowed, shortArnRule: rule) }
        conditions = s.conditions.map { CompiledCondition(clause: $0, variablesAllowed: variablesAllowed) }
    }

    /// `'Sid'` or `#index`.
    public var label: String { sid.map { "'\($0)'" } ?? "#\(index)" }

    public static func == (a: CompiledStatement, b: CompiledStatement) -> Bool {
        a === b || (a.index == b.index && a.sid == b.sid && a.effect == b.effect && a.principals == b.principals && a.notPrincipals == b.notPrincipals
            && a.actions == b.actions && a.notActions == b.notActions && a.resources == b.resources && a.notResources == b.notResources && a.conditions == b.conditions)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(sid)
    }

    public var effectText: String {
        switch effect {
        case .allow: return "Allow"
        case .deny: return "Deny"
        case .invalid(let t): return t
        }
    }

    /// The principal part: how the caller matched (only for policy kinds with Principal).
    @inline(__always)
    func principalMatch(_ caller: CallerPrincipal) -> PrincipalMatch {
        if let principalIndex { return principalIndex.bestMatch(caller) }
        if let principals {
            var best = PrincipalMatch.none
            for p in principals {
                let m = p.matchKind(caller)
                if m > best { best = m; if m == .direct { break } }
            }
            return best
        }
        if let notPrincipals {
            // NotPrincipal applies to every caller it does not name; an account or session match counts as naming.
            for p in notPrincipals where p.matchKind(caller) != .none { return .none }
            return .direct
        }
        // A resource-policy statement without Principal never applies.
        return .none
    }

    @inline(__always)
    func actionMatches(_ lowercasedAction: String) -> Bool {
        if let actions { return actions.contains { $0.matches(lowercasedAction: lowercasedAction) } }
        if let notActions { return !notActions.contains { $0.matches(lowercasedAction: lowercasedAction) } }
        return false
    }

    @inline(__always)
    func resourceMatches(_ resource: ResourceName?, _ context: some ConditionContext) -> Bool {
        guard let resource else { return true }
        if let resources { return resources.contains { $0.matches(resource, context: context) } }
        if let notResources { return !notResources.contains { $0.matches(resource, context: context) } }
        // No Resource element (trust policies): the resource part always matches.
        return true
    }

    /// Whether the statement applies, and how the principal matched (`.direct` when Principal is not checked).
    public func applies(action lowercasedAction: String, resource: ResourceName?, caller: CallerPrincipal?, context: some ConditionContext) -> PrincipalMatch {
        if case .invalid = effect { return .none }
        var match = PrincipalMatch.direct
        if checksPrincipal, let caller {
            match = principalMatch(caller)
            if match == .none { return .none }
        }
        guard actionMatches(lowercasedAction) else { return .none }
        guard resourceMatches(resource, context) else { return .none }
        for c in conditions where !c.evaluate(in: context) { return .none }
        return match
    }

    /// The same judgement with every part explained.
    public func explain(action lowercasedAction: String, resource: ResourceName?, caller: CallerPrincipal?, context: some ConditionContext) -> (PrincipalMatch, StatementTrace) {
        var principalTrace: ElementMatch?
        var match = PrincipalMatch.direct
        var ok = true
        if case .invalid = effect { ok = false }
        if checksPrincipal, let caller {
            if let principals {
                var best = PrincipalMatch.none
                var how = ""
                for p in principals {
                    let (m, words) = p.match(caller)
                    if m > best || how.isEmpty { if m >= best { how = words }; best = max(best, m) }
                    if m == .direct { how = words; break }
                }
                if principals.isEmpty { how = "the Principal element is empty" }
                match = best
                principalTrace = ElementMatch(matched: best != .none, by: best == .none && principals.count > 1 ? "none of \(principals.map(\.text).joined(separator: ", ")) is the caller" : how)
            } else if let notPrincipals {
                let named = notPrincipals.first { $0.matchKind(caller) != .none }
                match = named == nil ? .direct : .none
                principalTrace = ElementMatch(matched: named == nil, by: named.map { "NotPrincipal names the caller (\($0.text))" } ?? "NotPrincipal does not name the caller")
            } else {
                match = .none
                principalTrace = ElementMatch(matched: false, by: "the statement has no Principal")
            }
            if match == .none { ok = false }
        }
        let actionOK = actionMatches(lowercasedAction)
        let actionTrace: ElementMatch
        if let actions {
            let hit = actions.first { $0.matches(lowercasedAction: lowercasedAction) }
            actionTrace = ElementMatch(matched: actionOK, by: hit.map { "Action '\($0.text)'" } ?? "Action lists only \(actions.map { "'\($0.text)'" }.joined(separator: ", "))")
        } else if let notActions {
            let hit = notActions.first { $0.matches(lowercasedAction: lowercasedAction) }
            actionTrace = ElementMatch(matched: actionOK, by: hit.map { "NotAction excludes it with '\($0.text)'" } ?? "NotAction does not list it")
        } else {
            actionTrace = ElementMatch(matched: false, by: "the statement has neither Action nor NotAction")
        }
        if !actionOK { ok = false }
        var resourceTrace: ElementMatch?
        if let resource {
            let rOK = resourceMatches(resource, context)
            if let resources {
                let hit = resources.first { $0.matches(resource, context: context) }
                resourceTrace = ElementMatch(matched: rOK, by: hit.map { "Resource '\($0.text)'" } ?? "Resource lists only \(resources.map { "'\($0.text)'" }.joined(separator: ", "))")
            } else if let notResources {
                let hit = notResources.first { $0.matches(resource, context: context) }
                resourceTrace = ElementMatch(matched: rOK, by: hit.map { "NotResource excludes it with '\($0.text)'" } ?? "NotResource does not list it")
            } else {
                resourceTrace = checksPrincipal ? nil : ElementMatch(matched: true, by: "no Resource element")
            }
            if !rOK { ok = false }
        }
        var conditionTraces: [ConditionTrace] = []
        if ok {
            for c in conditions {
                let t = c.explain(in: context)
                conditionTraces.append(t)
                if !t.result { ok = false }
            }
        }
        let trace = StatementTrace(index: index, sid: sid, effect: effectText, matched: ok, principal: principalTrace, action: actionTrace, resource: resourceTrace, conditions: conditionTraces)
        return (ok ? match : .none, trace)
    }
}

extension CompiledPolicy {
    /// Evaluates every statement for one request.
    public func evaluate(action lowercasedAction: String, resource: ResourceName?, caller: CallerPrincipal?, context: some ConditionContext) -> PolicyVerdict {
        var v = PolicyVerdict()
        if let statementIndex, let caller {
            for position in statementIndex.candidates(caller) {
                let s = statements[position]
                let m = s.applies(action: lowercasedAction, resource: resource, caller: caller, context: context)
                v.record(m, effect: s.effect, statement: s.index)
            }
            return v
        }
        for s in statements {
            let m = s.applies(action: lowercasedAction, resource: resource, caller: caller, context: context)
            v.record(m, effect: s.effect, statement: s.index)
        }
        return v
    }

    /// Evaluates every statement and explains each.
    public func explain(action lowercasedAction: String, resource: ResourceName?, caller: CallerPrincipal?, context: some ConditionContext, level: String? = nil) -> (PolicyVerdict, PolicyTrace) {
        var v = PolicyVerdict()
        var traces: [StatementTrace] = []
        traces.reserveCapacity(statements.count)
        for s in statements {
            let (m, t) = s.explain(action: lowercasedAction, resource: resource, caller: caller, context: context)
            traces.append(t)
            v.record(m, effect: s.effect, statement: s.index)
        }
        let outcome: StepOutcome = v.denies ? .deny : (v.allows ? .allow : .implicitDeny)
        return (v, PolicyTrace(name: name, level: level, outcome: outcome, statements: traces))
    }
}

/// The principals of a statement that names many, by what a caller carries (its account, ARN, role ARN,
/// unique ID, account and name), so that matching a caller costs the same for 20 principals or 100,000.
/// IAM's quota keeps a real trust policy to about a hundred; an inventory from elsewhere can hold any
/// number, and each caller confirmed against such a statement used to scan all of them (quadratic).
///
/// The answer is exactly the linear scan's: the best `matchKind` over the patterns, here over the only
/// patterns that can match this caller (every other one answers `.none` whatever the caller).
struct PrincipalIndex: Sendable {
    /// Below this many principals the scan is as fast as the lookups.
    static let minimumPatterns = 16

    private let lookup: PrincipalLookup<PrincipalPattern>

    init(_ patterns: [PrincipalPattern]) {
        var lookup = PrincipalLookup<PrincipalPattern>()
        for p in patterns { lookup.add(p, under: p) }
        self.lookup = lookup
    }

    func bestMatch(_ caller: CallerPrincipal) -> PrincipalMatch {
        var best = PrincipalMatch.none
        lookup.forEachCandidate(of: caller) { p in
            let m = p.matchKind(caller)
            if m > best { best = m }
        }
        return best
    }
}

/// The statements of a policy that has many, by the principals they name: a caller is checked against the
/// statements that name something it carries, and those that may apply to anyone (a wildcard, NotPrincipal,
/// no Principal), in statement order. Every other statement's principal answers `.none` for this caller,
/// which a verdict ignores, so the verdict is exactly the one every statement gives.
struct StatementIndex: Sendable {
    static let minimumStatements = 16

    private let lookup: PrincipalLookup<Int>

    init(_ statements: [CompiledStatement]) {
        var lookup = PrincipalLookup<Int>()
        for (position, s) in statements.enumerated() {
            guard let principals = s.principals, !principals.contains(where: { $0 == .anyone || $0 == .anyAWS }) else {
                lookup.addForEveryone(position)
                continue
            }
            for p in principals { lookup.add(position, under: p) }
        }
        self.lookup = lookup
    }

    /// Positions in `statements` of those that may apply to the caller, ascending, each once.
    func candidates(_ caller: CallerPrincipal) -> [Int] {
        var out: [Int] = []
        lookup.forEachCandidate(of: caller) { out.append($0) }
        out.sort()
        var unique: [Int] = []
        unique.reserveCapacity(out.count)
        for p in out where unique.last != p { unique.append(p) }
        return unique
    }
}

/// Values filed under the principal patterns they belong to, found again from a caller: the keys a pattern
/// can match a caller by (`PrincipalPattern.matchKind`) are the keys the caller carries.
struct PrincipalLookup<Value: Sendable>: Sendable {
    private enum Key: Hashable, Sendable {
        case account(String)
        case arn(String)
        case uniqueId(String)
        case roleName(account: String, name: String)
    }

    /// Values whose pattern may match any caller (`*`, `{"AWS": "*"}`), or that are not filed by principal.
    private var everyone: [Value] = []
    private var byKey: [Key: [Value]] = [:]

    mutating func addForEveryone(_ value: Value) { everyone.append(value) }

    mutating func add(_ value: Value, under pattern: PrincipalPattern) {
        switch pattern {
        case .anyone, .anyAWS:
            everyone.append(value)
        case .account(let id, _, _):
            byKey[.account(id), default: []].append(value)
        case .user(let arn), .session(let arn), .federatedUser(let arn), .service(let arn), .federated(let arn), .other(let arn):
            byKey[.arn(arn), default: []].append(value)
        case .role(let arn, _, let account, let name):
            byKey[.arn(arn), default: []].append(value)
            byKey[.roleName(account: account, name: name), default: []].append(value)
        case .uniqueId(let id):
            byKey[.uniqueId(id), default: []].append(value)
        case .canonicalUser:
            break  // never matches an STS caller
        }
    }

    /// Every value filed under a key the caller carries, and those for everyone (a value may come more than once).
    func forEachCandidate(of caller: CallerPrincipal, _ body: (Value) -> Void) {
        everyone.forEach(body)
        byKey[.arn(caller.arn)]?.forEach(body)
        if let account = caller.accountId {
            byKey[.account(account)]?.forEach(body)
            if let name = caller.name { byKey[.roleName(account: account, name: name)]?.forEach(body) }
        }
        if let roleArn = caller.roleArn { byKey[.arn(roleArn)]?.forEach(body) }
        if let uniqueId = caller.uniqueId { byKey[.uniqueId(uniqueId)]?.forEach(body) }
    }
}
