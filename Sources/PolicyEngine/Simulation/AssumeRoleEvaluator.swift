/// The AssumeRole decision in the normative order of assume-role.md §B.1, with its trace and hints.
///
/// Policies are evaluated once per required action, explained as they go; the decision is then read
/// off the verdicts in the order of §B.1 step 8 (explicit denies first: SCP, RCP, trust, identity,
/// boundary, session; then each allow), so the trace shows every policy even when an early one decides.
public enum AssumeRoleEvaluator {
    /// Decides cheaply now; the explanation is computed when first read (see `SimulationResult`).
    public static func evaluate<C: ConditionContext & Sendable>(_ input: AssumeRoleEvaluationInput, context: C) -> SimulationResult {
        evaluateDeferred(input, context: context)
    }

    /// `evaluate(_:context:)` for the inventory's request context. A generic function called from another
    /// module runs unspecialised (every condition key through a witness table); this overload has the
    /// evaluation compiled for `AssumeRoleContext` in this module.
    public static func evaluate(_ input: AssumeRoleEvaluationInput, context: AssumeRoleContext) -> SimulationResult {
        evaluateDeferred(input, context: context)
    }

    @inline(__always)
    static func evaluateDeferred<C: ConditionContext & Sendable>(_ input: AssumeRoleEvaluationInput, context: C) -> SimulationResult {
        var fast = Run(input: input, explain: false)
        fast.run(context: context)
        return SimulationResult(decision: fast.decision, decidingStep: fast.deciding, isExplicitDeny: fast.explicitDeny, session: fast.session, request: input.request) {
            var full = Run(input: input, explain: true)
            full.run(context: context)
            return SimulationResult.Explanation(reason: full.reason, steps: full.steps, hints: full.hints, assumptions: full.assumptions)
        }
    }

    /// Only the decision, as `evaluate(_:context:).decision` gives it, without building a result that
    /// can explain itself or the session it would create: the graph builder asks this for every
    /// candidate edge and reads nothing else.
    package static func decide(_ input: AssumeRoleEvaluationInput, context: some ConditionContext) -> Decision {
        decideOnly(input, context: context)
    }

    /// `decide(_:context:)` compiled for the inventory's request context (see `evaluate(_:context:)`).
    package static func decide(_ input: AssumeRoleEvaluationInput, context: AssumeRoleContext) -> Decision {
        decideOnly(input, context: context)
    }

    @inline(__always)
    static func decideOnly(_ input: AssumeRoleEvaluationInput, context: some ConditionContext) -> Decision {
        var fast = Run(input: input, explain: false)
        fast.describesSession = false
        fast.run(context: context)
        return fast.decision
    }

    /// Decides and explains at once.
    public static func evaluateExplained(_ input: AssumeRoleEvaluationInput, context: some ConditionContext) -> SimulationResult {
        var e = Run(input: input, explain: true)
        e.run(context: context)
        return SimulationResult(decision: e.decision, decidingStep: e.deciding, reason: e.reason, steps: e.steps, hints: e.hints, session: e.session, assumptions: e.assumptions, request: input.request, isExplicitDeny: e.explicitDeny)
    }

    struct Run {
        let input: AssumeRoleEvaluationInput
        /// False on the fast path: no trace, no words, only the decision.
        let explain: Bool
        var explicitDeny = false
        var steps: [TraceStep] = []
        var decision: Decision = .allowed
        var deciding: EvaluationStepKind?
        var reason = ""
        var hints: [Hint] = []
        var assumptions: [String]
        var session: SessionInfo?
        var allowNotes: [String] = []
        /// False when only the decision is wanted: the session's ARN is then not built.
        var describesSession = true

        init(input: AssumeRoleEvaluationInput, explain: Bool) {
            self.input = input
            self.explain = explain
            assumptions = explain ? input.assumptions : []
        }

        mutating func stop(_ d: Decision, _ kind: EvaluationStepKind, _ words: @autoclosure () -> String, _ hints: @autoclosure () -> [Hint], explicit: Bool = false) {
            decision = d
            deciding = kind
            explicitDeny = explicit
            if explain {
                reason = "\(kind.rawValue): \(words())"
                self.hints = hints()
            }
        }

        mutating func add(_ step: @autoclosure () -> TraceStep) {
            if explain { steps.append(step()) }
        }

        mutating func run(context: some ConditionContext) {
            // The request and the caller are read in place (`input` holds them): a local copy of either
            // retained and released every string and list of it, on every simulation (callgrind).
            // 1. Request validation.
            let failures = RequestValidator.validate(input.request)
            if let f = failures.first {
                add(TraceStep(kind: .requestValidation, outcome: .fail, detail: failures.map { "\($0.parameter) \($0.message)" }.joined(separator: "; ")))
                stop(.invalid, .requestValidation, "\(f.parameter) \(f.message) (STS answers ValidationError)", failures.map { Hint(text: $0.fix, changer: .caller) })
                return
            }
            add(TraceStep(kind: .requestValidation, outcome: .pass, detail: "every parameter is within STS's limits"))

            // 2. Caller.
            let input = self.input
            switch input.caller {
            case .rejected(let why, let fix):
                add(TraceStep(kind: .caller, outcome: .fail, detail: why))
                stop(.denied, .caller, why, [Hint(text: fix, changer: .caller)])
            case .resolved(let caller):
                run(caller: caller, context: context)
            }
        }

        /// Steps 2 (passed) to 10, for a resolved caller.
        mutating func run(caller: CallerSide, context: some ConditionContext) {
            let p = caller.principal
            add(TraceStep(kind: .caller, outcome: .pass, detail: Self.describe(caller)))

            // 3. Target role.
            guard let role = input.role else {
                let roleText = input.request.role
                let why = "there is no role \(roleText) in the inventory; STS answers AccessDenied for a role that does not exist, so as not to reveal it"
                add(TraceStep(kind: .target, outcome: .fail, detail: why))
                stop(.denied, .target, why, [Hint(text: "check the role ARN (path included); the inventory has no role \(roleText)", changer: .caller)])
                return
            }
            add(TraceStep(kind: .target, outcome: .pass, detail: "role \(role.arn) in account \(role.accountId)"))

            // 4. The trust policy must be a document IAM would store (§B.7).
            if input.checkStorability {
                if let first = role.unstorableIssues.first {
                    let detail = role.unstorableIssues.map(\.description).joined(separator: "; ")
                    add(TraceStep(kind: .malformedPolicy, outcome: .fail, detail: detail))
                    stop(.invalid, .malformedPolicy, "the trust policy of \(role.arn) could not exist in IAM: \(first)", role.unstorableIssues.map { Hint(text: "fix the trust policy: \($0)", changer: .roleOwner) })
                    return
                }
                add(TraceStep(kind: .malformedPolicy, outcome: .pass, detail: "the trust policy is a document IAM would store"))
            }

            // 5. Federation.
            switch input.federation {
            case .notApplicable: break
            case .passed(let d): add(TraceStep(kind: .federation, outcome: .pass, detail: d))
            case .failed(let why):
                add(TraceStep(kind: .federation, outcome: .fail, detail: why))
                stop(.denied, .federation, why, [Hint(text: "the role's account must register the identity provider (\(why))", changer: .roleOwner)])
                return
            }

            // 7. Required actions: the operation, plus the permission-only companions (§d.1).
            // 8. Authorization, for every required action, in that order (no list is built: one action is the rule).
            let resource = role.resourceName
            if !authorize(action: input.request.action.rawValue, lowercased: input.request.action.lowercasedName, first: true, caller: caller, role: role, resource: resource, context: context) { return }
            if !input.request.sessionTags.isEmpty || !input.request.transitiveTagKeys.isEmpty {
                if !authorize(action: "sts:TagSession", lowercased: "sts:tagsession", first: false, caller: caller, role: role, resource: resource, context: context) { return }
            }
            if input.request.sourceIdentity != nil {
                if !authorize(action: "sts:SetSourceIdentity", lowercased: "sts:setsourceidentity", first: false, caller: caller, role: role, resource: resource, context: context) { return }
            }

            // 9. Duration (§h), after authorization so that the role's settings do not leak [convention, A4].
            let requested = input.request.effectiveDurationSeconds
            let chained = input.request.chained ?? caller.chainedByDefault
            if p.kind != .service && requested > role.maxSessionDuration {
                let why = "the requested DurationSeconds (\(requested)) exceeds the MaxSessionDuration set for this role (\(role.maxSessionDuration))"
                add(TraceStep(kind: .duration, outcome: .fail, detail: why))
                stop(.invalid, .duration, why, [Hint(text: "request at most \(role.maxSessionDuration) seconds", changer: .caller), Hint(text: "raise the role's MaxSessionDuration", changer: .roleOwner)])
                return
            }
            if chained && p.isIAMIdentity && requested > 3600 {
                let why = "the requested DurationSeconds (\(requested)) exceeds the 1 hour session limit for roles assumed by role chaining"
                add(TraceStep(kind: .duration, outcome: .fail, detail: why))
                stop(.invalid, .duration, why, [Hint(text: "request at most 3600 seconds when chaining roles", changer: .caller)])
                return
            }
            if explain {
                var durationDetail = "\(requested) seconds"
                if p.kind == .service {
                    durationDetail += " (MaxSessionDuration does not limit sessions that AWS services assume)"
                } else {
                    durationDetail += " within the role's maximum of \(role.maxSessionDuration)" + (chained ? " and the 1-hour chaining limit" : "")
                }
                steps.append(TraceStep(kind: .duration, outcome: .pass, detail: durationDetail))
            }

            // 10. Allowed.
            let sessionName: String
            if let ctx = context as? AssumeRoleContext, p.kind == .saml { sessionName = ctx.samlSessionName ?? "session" } else { sessionName = input.request.sessionName ?? "session" }
            if describesSession { session = SessionInfo(arn: Self.sessionArn(role, sessionName), durationSeconds: requested) }
            decision = .allowed
            deciding = nil
            if explain { reason = "allowed: " + allowNotes.joined(separator: "; ") }
        }

        /// `arn:<partition>:sts::<account>:assumed-role/<role name>/<session>`, allocated once at its
        /// final size (an interpolation grew its buffer for every allowed simulation).
        static func sessionArn(_ role: TargetRole, _ sessionName: String) -> String {
            var s = ""
            s.reserveCapacity(4 + role.partition.utf8.count + 6 + role.accountId.utf8.count + 14 + role.name.utf8.count + 1 + sessionName.utf8.count)
            s += "arn:"
            s += role.partition
            s += ":sts::"
            s += role.accountId
            s += ":assumed-role/"
            s += role.name
            s += "/"
            s += sessionName
            return s
        }

        /// One policy judged for one action: explained on the explaining path, only decided otherwise.
        func judge(_ policy: CompiledPolicy, _ lower: String, _ resource: ResourceName?, _ caller: CallerPrincipal?, _ context: some ConditionContext, level: String? = nil) -> (PolicyVerdict, PolicyTrace?) {
            if explain {
                let (v, t) = policy.explain(action: lower, resource: resource, caller: caller, context: context, level: level)
                return (v, t)
            }
            return (policy.evaluate(action: lower, resource: resource, caller: caller, context: context), nil)
        }

        /// Steps 8a–8f for one action; false when the action is refused (the decision is then set).
        /// `lower` is `action` lower-cased; `first` is true for the request's own operation.
        mutating func authorize(action: String, lowercased lower: String, first: Bool, caller: CallerSide, role: TargetRole, resource: ResourceName, context: some ConditionContext) -> Bool {
            let p = caller.principal

            // SCPs (caller side).
            var scpTraces: [PolicyTrace] = []
            var scpDeny: (policy: CompiledPolicy, level: String, statement: Int?)?
            var scpMissingLevel: String?
            var scpLevels: [GuardrailLevel] = []
            if case .levels(let levels) = input.scps {
                scpLevels = levels
                for level in levels {
                    var levelAllows = false
                    for policy in level.policies {
                        let (v, t) = judge(policy, lower, resource, nil, context, level: level.target)
                        if let t { scpTraces.append(t) }
                        if v.allows { levelAllows = true }
                        if v.denies, scpDeny == nil { scpDeny = (policy, level.target, v.denyingStatement) }
                    }
                    if !levelAllows, scpMissingLevel == nil { scpMissingLevel = level.target }
                }
            }

            // RCPs (role side).
            var rcpTraces: [PolicyTrace] = []
            var rcpDeny: (policy: CompiledPolicy, level: String, statement: Int?)?
            if case .levels(let levels) = input.rcps {
                for level in levels {
                    for policy in level.policies {
                        let (v, t) = judge(policy, lower, resource, p, context, level: level.target)
                        if let t { rcpTraces.append(t) }
                        if v.denies, rcpDeny == nil { rcpDeny = (policy, level.target, v.denyingStatement) }
                    }
                }
            }

            // Trust policy.
            let (trustV, trustTrace) = judge(role.trust, lower, nil, p, context)
            let sameAccount = p.accountId != nil && p.accountId == role.accountId

            // Identity side: needed unless same account with a direct trust match (§B.3).
            let hasIdentitySide = p.isIAMIdentity
            let identityNeeded = hasIdentitySide && !(sameAccount && trustV.allowMatch == .direct)
            var identityTraces: [PolicyTrace] = []
            var identityDeny: (policy: CompiledPolicy, statement: Int?)?
            var identityAllows = false
            var allowedBy: String?
            let identityAssumed = hasIdentitySide && !caller.identityKnown
            var boundaryVerdict: PolicyVerdict?
            var boundaryTrace: PolicyTrace?
            var sessionVerdict: PolicyVerdict?
            var sessionTrace: PolicyTrace?
            let isSession = p.kind == .roleSession || p.kind == .role
            if hasIdentitySide {
                if caller.identityKnown {
                    for policy in caller.identityPolicies {
                        let (v, t) = judge(policy, lower, resource, nil, context)
                        if let t { identityTraces.append(t) }
                        if v.allows, !identityAllows { identityAllows = true; allowedBy = policy.name }
                        if v.denies, identityDeny == nil { identityDeny = (policy, v.denyingStatement) }
                    }
                    if let b = caller.boundary {
                        let (v, t) = judge(b, lower, resource, nil, context)
                        boundaryVerdict = v
                        boundaryTrace = t
                    }
                } else {
                    // Outsiders: the request's assumption stands in for the unknown identity side.
                    identityAllows = input.request.callerPolicies == .unknownAllows
                }
                if isSession, let sp = input.sessionPolicy {
                    let (v, t) = judge(sp, lower, resource, nil, context)
                    sessionVerdict = v
                    sessionTrace = t
                }
            }

            if explain {
                recordSteps(action: action, caller: caller, role: role, trustV: trustV, trustTrace: trustTrace!, sameAccount: sameAccount,
                            scpLevels: scpLevels, scpTraces: scpTraces, scpDeny: scpDeny, scpMissingLevel: scpMissingLevel,
                            rcpTraces: rcpTraces, rcpDeny: rcpDeny, identityNeeded: identityNeeded, identityTraces: identityTraces,
                            identityDeny: identityDeny, identityAllows: identityAllows, allowedBy: allowedBy,
                            boundaryVerdict: boundaryVerdict, boundaryTrace: boundaryTrace, sessionVerdict: sessionVerdict, sessionTrace: sessionTrace)
            }
            let recorded = explain ? steps : []
            func step(_ kind: EvaluationStepKind) -> TraceStep? { recorded.last { $0.kind == kind && $0.action == action } }

            // 8a. Explicit denies, in the order SCP, RCP, trust, identity, boundary, session.
            if let d = scpDeny {
                stop(.denied, .scp, "SCP '\(d.policy.name)' attached at \(d.level) explicitly denies \(action) (statement \(Self.label(d.policy, d.statement)))", [Hint(text: "denied by SCP '\(d.policy.name)' — only the organization can change it", changer: .organization)] + Self.conditionHints(step(.scp), deny: true), explicit: true)
                return false
            }
            if let d = rcpDeny {
                stop(.denied, .rcp, "RCP '\(d.policy.name)' attached at \(d.level) explicitly denies \(action) on \(role.arn) (statement \(Self.label(d.policy, d.statement)))", [Hint(text: "denied by RCP '\(d.policy.name)' — only the organization can change it", changer: .organization)] + Self.conditionHints(step(.rcp), deny: true), explicit: true)
                return false
            }
            if trustV.denies {
                stop(.denied, .trustPolicy, "trust policy statement \(Self.label(role.trust, trustV.denyingStatement)) of \(role.arn) explicitly denies \(action) to this caller", [Hint(text: "the role's owner must remove or narrow trust policy statement \(Self.label(role.trust, trustV.denyingStatement))", changer: .roleOwner)] + Self.conditionHints(step(.trustPolicy), deny: true), explicit: true)
                return false
            }
            if let d = identityDeny {
                stop(.denied, .identityPolicy, "identity policy '\(d.policy.name)' of the caller explicitly denies \(action) (statement \(Self.label(d.policy, d.statement)))", [Hint(text: "the caller's account must remove the Deny in identity policy '\(d.policy.name)'", changer: .callerAccount)] + Self.conditionHints(step(.identityPolicy), deny: true), explicit: true)
                return false
            }
            if let v = boundaryVerdict, v.denies {
                stop(.denied, .permissionsBoundary, "the caller's permissions boundary explicitly denies \(action) (statement \(Self.label(caller.boundary!, v.denyingStatement)))", [Hint(text: "the caller's account must change the permissions boundary", changer: .callerAccount)], explicit: true)
                return false
            }
            if let v = sessionVerdict, v.denies, let sp = input.sessionPolicy {
                stop(.denied, .sessionPolicy, "the calling session's policy explicitly denies \(action) (statement \(Self.label(sp, v.denyingStatement)))", [Hint(text: "call from a session created without that session policy", changer: .caller)], explicit: true)
                return false
            }
            // 8b. SCP allow at every level.
            if let level = scpMissingLevel {
                stop(.denied, .scp, "no SCP attached at \(level) allows \(action) (implicit deny: every level from the root to the caller's account must allow)", [Hint(text: "an SCP attached at \(level) must allow \(action) — only the organization can change it", changer: .organization)])
                return false
            }
            // 8c. Trust policy allow.
            if !trustV.allows {
                stop(.denied, .trustPolicy, Self.trustDenialWords(trustTrace, role: role, action: action), Self.trustDenialHints(step(.trustPolicy), trustTrace, caller: p, action: action))
                return false
            }
            // 8d. Identity side.
            if identityNeeded && !identityAllows {
                var h = [Hint(text: "an identity policy of \(p.arn) must allow \(action) on \(role.arn)", changer: .callerAccount)]
                if sameAccount && trustV.allowMatch == .account {
                    h.append(Hint(text: "or the role's owner names the caller directly in the trust policy (same account: then no identity policy is needed)", changer: .roleOwner))
                }
                let why = identityAssumed ? "the caller is outside the inventory and its identity policies are assumed not to allow \(action) (--caller-policies unknown-denies)" : (step(.identityPolicy)?.detail ?? "")
                stop(.denied, .identityPolicy, why, h)
                return false
            }
            // 8e. Boundary.
            if let v = boundaryVerdict, !v.allows {
                stop(.denied, .permissionsBoundary, "the caller's permissions boundary does not allow \(action); the boundary applies even when the trust policy names the caller (A1)", [Hint(text: "the caller's permissions boundary must allow \(action) on \(role.arn)", changer: .callerAccount)])
                return false
            }
            // 8f. Calling session's policy.
            if let v = sessionVerdict, !v.allows {
                stop(.denied, .sessionPolicy, "the calling session's policy does not allow \(action)", [Hint(text: "call from a session whose session policy allows \(action), or without a session policy", changer: .caller)])
                return false
            }
            if explain {
                if first {
                    allowNotes.append("trust policy statement \(Self.label(role.trust, trustV.allowingStatement)) allows \(action) (\(trustV.allowMatch == .direct ? "direct match" : "account match"))")
                    if identityNeeded {
                        allowNotes.append(identityAssumed ? "the outsider's identity side is assumed to allow" : "identity policy '\(allowedBy ?? "")' allows")
                    } else if hasIdentitySide {
                        allowNotes.append("no identity policy needed (same account, trust names the caller)")
                    }
                } else {
                    allowNotes.append("\(action) allowed too")
                }
            }
            return true
        }

        /// The trace steps of one action (explaining path only).
        mutating func recordSteps(action: String, caller: CallerSide, role: TargetRole, trustV: PolicyVerdict, trustTrace: PolicyTrace, sameAccount: Bool,
                                  scpLevels: [GuardrailLevel], scpTraces: [PolicyTrace], scpDeny: (policy: CompiledPolicy, level: String, statement: Int?)?, scpMissingLevel: String?,
                                  rcpTraces: [PolicyTrace], rcpDeny: (policy: CompiledPolicy, level: String, statement: Int?)?, identityNeeded: Bool, identityTraces: [PolicyTrace],
                                  identityDeny: (policy: CompiledPolicy, statement: Int?)?, identityAllows: Bool, allowedBy: String?,
                                  boundaryVerdict: PolicyVerdict?, boundaryTrace: PolicyTrace?, sessionVerdict: PolicyVerdict?, sessionTrace: PolicyTrace?) {
            let p = caller.principal
            switch input.scps {
            case .notApplicable(let why):
                steps.append(TraceStep(kind: .scp, outcome: .notApplicable, action: action, detail: why))
            case .levels:
                let outcome: StepOutcome = scpDeny != nil ? .deny : (scpMissingLevel != nil ? .implicitDeny : .allow)
                let detail: String
                if let d = scpDeny { detail = "SCP '\(d.policy.name)' attached at \(d.level) denies \(action) (statement \(Self.label(d.policy, d.statement)))" } else if let l = scpMissingLevel { detail = "no SCP attached at \(l) allows \(action); every level from the root to the account must allow" } else { detail = "every level (\(scpLevels.map(\.target).joined(separator: ", "))) allows \(action)" }
                steps.append(TraceStep(kind: .scp, outcome: outcome, action: action, detail: detail, policies: scpTraces))
            }
            switch input.rcps {
            case .notApplicable(let why):
                steps.append(TraceStep(kind: .rcp, outcome: .notApplicable, action: action, detail: why))
            case .levels:
                // The allow side is implicit: RCPFullAWSAccess is attached everywhere and cannot be detached [RCP].
                let detail = rcpDeny.map { "RCP '\($0.policy.name)' attached at \($0.level) denies \(action) (statement \(Self.label($0.policy, $0.statement)))" } ?? "no RCP of the role's account denies \(action) (RCPFullAWSAccess allows)"
                steps.append(TraceStep(kind: .rcp, outcome: rcpDeny == nil ? .allow : .deny, action: action, detail: detail, policies: rcpTraces))
            }
            let trustDetail: String
            if trustV.denies {
                trustDetail = "statement \(Self.label(role.trust, trustV.denyingStatement)) denies \(action)"
            } else if trustV.allows {
                trustDetail = "statement \(Self.label(role.trust, trustV.allowingStatement)) allows \(action) (\(trustV.allowMatch == .direct ? "names the caller directly" : "trusts the caller's account"))"
            } else {
                trustDetail = Self.trustMissDetail(trustTrace, action: action)
            }
            steps.append(TraceStep(kind: .trustPolicy, outcome: trustV.denies ? .deny : (trustV.allows ? .allow : .implicitDeny), action: action, detail: trustDetail, policies: [trustTrace]))

            guard p.isIAMIdentity else {
                steps.append(TraceStep(kind: .identityPolicy, outcome: .notApplicable, action: action, detail: "a \(p.kind.rawValue) caller has no identity side; only the trust policy (and RCPs) decide"))
                return
            }
            if caller.identityKnown {
                var detail: String
                let outcome: StepOutcome
                if let d = identityDeny {
                    outcome = .deny
                    detail = "identity policy '\(d.policy.name)' denies \(action) (statement \(Self.label(d.policy, d.statement)))"
                } else if !identityNeeded {
                    outcome = identityAllows ? .allow : .notApplicable
                    detail = "not required: in the same account, a trust policy that names the caller directly needs no identity policy"
                } else if identityAllows {
                    outcome = .allow
                    detail = "identity policy '\(allowedBy ?? "")' allows \(action) on \(role.arn)"
                } else {
                    outcome = .implicitDeny
                    detail = caller.identityPolicies.isEmpty ? "the caller has no identity policy, and one must allow \(action) on \(role.arn)" : "no identity policy of the caller allows \(action) on \(role.arn)"
                    detail += sameAccount ? " (the trust policy trusts the account, not the caller by name)" : " (a cross-account call needs both sides to allow)"
                }
                if !caller.unknownPolicies.isEmpty {
                    detail += "; documents unknown for: \(caller.unknownPolicies.joined(separator: ", "))"
                }
                steps.append(TraceStep(kind: .identityPolicy, outcome: outcome, action: action, detail: detail, policies: identityTraces))
                if let v = boundaryVerdict, let t = boundaryTrace {
                    let bd = v.denies ? "the permissions boundary denies \(action) (statement \(Self.label(caller.boundary!, v.denyingStatement)))" : (v.allows ? "the permissions boundary allows \(action)" : "the permissions boundary does not allow \(action); a boundary applies to every AssumeRole call, even when the trust policy names the caller (A1)")
                    steps.append(TraceStep(kind: .permissionsBoundary, outcome: v.denies ? .deny : (v.allows ? .allow : .implicitDeny), action: action, detail: bd, policies: [t]))
                } else {
                    steps.append(TraceStep(kind: .permissionsBoundary, outcome: .notApplicable, action: action, detail: "the caller has no permissions boundary"))
                }
            } else if !identityNeeded {
                steps.append(TraceStep(kind: .identityPolicy, outcome: .notApplicable, action: action, detail: "not required: the trust policy names the caller directly in the same account"))
            } else if input.request.callerPolicies == .unknownAllows {
                let words = "the caller is outside the inventory, so its identity policies, boundary and session policy are unknown; assumed (worst case for the role's owner) that they allow \(action)"
                // The adapter has usually said so already, naming the caller; say it once.
                if input.assumptions.isEmpty && !assumptions.contains(words) { assumptions.append(words) }
                steps.append(TraceStep(kind: .identityPolicy, outcome: .assumed, action: action, detail: words))
            } else {
                let words = "the caller is outside the inventory; assumed (--caller-policies unknown-denies) that its identity policies do not allow \(action)"
                if input.assumptions.isEmpty && !assumptions.contains(words) { assumptions.append(words) }
                steps.append(TraceStep(kind: .identityPolicy, outcome: .implicitDeny, action: action, detail: words))
            }
            if p.kind == .roleSession || p.kind == .role {
                if let v = sessionVerdict, let t = sessionTrace {
                    let sd = v.denies ? "the calling session's policy denies \(action) (statement \(Self.label(input.sessionPolicy!, v.denyingStatement)))" : (v.allows ? "the calling session's policy allows \(action)" : "the calling session's policy does not allow \(action); a session policy limits everything the session does")
                    steps.append(TraceStep(kind: .sessionPolicy, outcome: v.denies ? .deny : (v.allows ? .allow : .implicitDeny), action: action, detail: sd, policies: [t]))
                } else {
                    steps.append(TraceStep(kind: .sessionPolicy, outcome: .notApplicable, action: action, detail: "the calling session has no session policy"))
                }
            }
        }

        static func trustDenialWords(_ trace: PolicyTrace?, role: TargetRole, action: String) -> String {
            guard let trace else { return "" }
            let detail = trustMissDetail(trace, action: action)
            return detail.hasPrefix("no ") ? detail : "the trust policy of \(role.arn) does not allow this caller to call \(action): \(detail)"
        }

        static func trustDenialHints(_ step: TraceStep?, _ trace: PolicyTrace?, caller p: CallerPrincipal, action: String) -> [Hint] {
            guard let trace else { return [] }
            var h = conditionHints(step, deny: false)
            let namesCaller = trace.statements.contains { $0.effect == "Allow" && $0.principal?.matched == true }
            if !namesCaller {
                h.append(Hint(text: "the role's owner must add the caller (\(p.arn)) or its account to the trust policy for \(action)", changer: .roleOwner))
            } else if !trace.statements.contains(where: { $0.effect == "Allow" && $0.principal?.matched == true && $0.action.matched }) {
                h.append(Hint(text: "the trust policy names the caller but not for \(action); the role's owner must allow \(action)", changer: .roleOwner))
            }
            return h
        }

        static func label(_ policy: CompiledPolicy, _ index: Int?) -> String {
            guard let index, index < policy.statements.count else { return "?" }
            return policy.statements[index].label
        }

        static func describe(_ c: CallerSide) -> String {
            let p = c.principal
            switch p.kind {
            case .user: return "IAM user \(p.arn) in account \(p.accountId ?? "?")" + (c.identityKnown ? "" : " (not in the inventory)")
            case .roleSession: return "session \(p.sessionName ?? "") of role \(p.roleArn ?? p.name ?? "") in account \(p.accountId ?? "?")" + (c.identityKnown ? "" : " (not in the inventory)")
            case .role: return "role \(p.arn) acting as the caller"
            case .account: return "some principal of account \(p.arn) (not in the inventory)"
            case .service: return "AWS service principal \(p.arn)"
            case .webIdentity: return "web identity from provider \(p.arn)"
            case .saml: return "SAML identity from provider \(p.arn)"
            default: return p.arn
            }
        }

        /// Why no trust statement allowed, in words.
        static func trustMissDetail(_ trace: PolicyTrace, action: String) -> String {
            let allows = trace.statements.filter { $0.effect == "Allow" }
            if allows.isEmpty { return "no statement of the trust policy allows anything" }
            if let s = allows.first(where: { $0.principal?.matched == true && $0.action.matched }) {
                let failed = s.conditions.filter { !$0.result }.map { "\($0.operatorName) \($0.key)" }
                return "statement \(s.label) names the caller but its condition \(failed.joined(separator: ", ")) is not met"
            }
            if let s = allows.first(where: { $0.principal?.matched == true }) {
                return "statement \(s.label) names the caller, but not for \(action) (\(s.action.by))"
            }
            return "no statement of the trust policy names the caller"
        }

        /// Request changes that would satisfy (or, for denies, escape) the conditions of the step's statements.
        static func conditionHints(_ step: TraceStep?, deny: Bool) -> [Hint] {
            guard let step else { return [] }
            var out: [Hint] = []
            for p in step.policies {
                for s in p.statements where (deny ? s.effect == "Deny" && s.matched : s.effect == "Allow" && !s.matched && s.principal?.matched != false && s.action.matched && s.resource?.matched != false) {
                    for c in s.conditions where deny ? c.result : !c.result {
                        if let h = hint(for: c, statement: s.label, deny: deny) { out.append(h) }
                    }
                }
            }
            var seen = Set<String>()
            return out.filter { seen.insert($0.text).inserted }
        }

        static func hint(for c: ConditionTrace, statement: String, deny: Bool) -> Hint? {
            let key = c.key.lowercased()
            let values = c.isSecret ? c.policyValues.map(Secret.mask) : c.policyValues
            let list = values.map { "'\($0)'" }.joined(separator: " or ")
            if deny {
                switch key {
                case "aws:sourceip": return Hint(text: "call from an address that statement \(statement) does not deny (\(c.operatorName) \(list))", changer: .caller)
                case "aws:multifactorauthpresent": return Hint(text: "authenticate with MFA (statement \(statement) denies callers without it)", changer: .caller)
                default: return nil
                }
            }
            switch key {
            case "sts:externalid": return Hint(text: "pass the external ID required by statement \(statement)", changer: .caller)
            case "aws:multifactorauthpresent": return Hint(text: "caller needs MFA (statement \(statement))", changer: .caller)
            case "aws:multifactorauthage": return Hint(text: "authenticate with MFA more recently (statement \(statement): \(c.operatorName) \(list) seconds)", changer: .caller)
            case "aws:sourceip": return Hint(text: "call from an address in \(list) (statement \(statement))", changer: .caller)
            case "aws:sourcevpc", "aws:sourcevpce": return Hint(text: "call through \(list) (statement \(statement))", changer: .caller)
            case "sts:rolesessionname": return Hint(text: "use a session name matching \(list) (statement \(statement))", changer: .caller)
            case "sts:sourceidentity": return Hint(text: "pass a source identity matching \(list) (statement \(statement))", changer: .caller)
            case "aws:tagkeys", "sts:transitivetagkeys": return Hint(text: "pass session tags satisfying \(c.operatorName) \(c.key) \(list) (statement \(statement))", changer: .caller)
            case "aws:sourcearn", "aws:sourceaccount": return Hint(text: "the service must act for \(list) (\(c.key), statement \(statement))", changer: .caller)
            default:
                if key.hasPrefix("aws:requesttag/") { return Hint(text: "pass session tag \(c.key.dropFirst(15)) = \(list) (statement \(statement))", changer: .caller) }
                if key.hasPrefix("aws:principaltag/") || key.hasPrefix("aws:principal") || key == "aws:userid" || key == "aws:username" {
                    return Hint(text: "the caller must satisfy \(c.operatorName) \(c.key) \(list) (statement \(statement))", changer: .callerAccount)
                }
                if key.contains(":sub") || key.contains(":aud") || key.hasPrefix("saml:") || key.hasPrefix("token.actions.githubusercontent.com:") {
                    return Hint(text: "the token or assertion must carry \(c.key) \(c.operatorName) \(list) (statement \(statement)) — set by the identity provider", changer: .roleOwner)
                }
                return Hint(text: "make \(c.key) satisfy \(c.operatorName) \(list) (statement \(statement))", changer: .caller)
            }
        }
    }
}
