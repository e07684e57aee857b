/// The AssumeRole decision in the normative order of assume-role.md §B.1, with its trace and hints.
///
/// Policies are evaluated once per required action, explained as they go; the decision is then read
/// off the verdicts in the order of §B.1 step 8 (explicit denies first: SCP, RCP, trust, identity,
/// boundary, session; then each allow), so the trace shows every policy even when an early one decides.
public enum AssumeRoleEvaluator {
    public static func evaluate(_ input: AssumeRoleEvaluationInput, context: some ConditionContext) -> SimulationResult {
        var e = Run(input: input)
        e.run(context: context)
        return e.result()
    }

    struct Run {
        let input: AssumeRoleEvaluationInput
        var steps: [TraceStep] = []
        var decision: Decision = .allowed
        var deciding: EvaluationStepKind?
        var reason = ""
        var hints: [Hint] = []
        var assumptions: [String]
        var session: SessionInfo?
        var allowNotes: [String] = []

        init(input: AssumeRoleEvaluationInput) {
            self.input = input
            assumptions = input.assumptions
        }

        func result() -> SimulationResult {
            SimulationResult(decision: decision, decidingStep: deciding, reason: reason, steps: steps, hints: hints, session: session, assumptions: assumptions, request: input.request)
        }

        mutating func stop(_ d: Decision, _ kind: EvaluationStepKind, _ words: String, _ hints: [Hint]) {
            decision = d
            deciding = kind
            reason = "\(kind.rawValue): \(words)"
            self.hints = hints
        }

        mutating func run(context: some ConditionContext) {
            let r = input.request
            // 1. Request validation.
            let failures = RequestValidator.validate(r)
            if let f = failures.first {
                steps.append(TraceStep(kind: .requestValidation, outcome: .fail, detail: failures.map { "\($0.parameter) \($0.message)" }.joined(separator: "; ")))
                stop(.invalid, .requestValidation, "\(f.parameter) \(f.message) (STS answers ValidationError)", failures.map { Hint(text: $0.fix, changer: .caller) })
                return
            }
            steps.append(TraceStep(kind: .requestValidation, outcome: .pass, detail: "every parameter is within STS's limits"))

            // 2. Caller.
            let caller: CallerSide
            switch input.caller {
            case .rejected(let why, let fix):
                steps.append(TraceStep(kind: .caller, outcome: .fail, detail: why))
                stop(.denied, .caller, why, [Hint(text: fix, changer: .caller)])
                return
            case .resolved(let c):
                caller = c
            }
            let p = caller.principal
            steps.append(TraceStep(kind: .caller, outcome: .pass, detail: Self.describe(caller)))

            // 3. Target role.
            guard let role = input.role else {
                let why = "there is no role \(r.role) in the inventory; STS answers AccessDenied for a role that does not exist, so as not to reveal it"
                steps.append(TraceStep(kind: .target, outcome: .fail, detail: why))
                stop(.denied, .target, why, [Hint(text: "check the role ARN (path included); the inventory has no role \(r.role)", changer: .caller)])
                return
            }
            steps.append(TraceStep(kind: .target, outcome: .pass, detail: "role \(role.arn) in account \(role.accountId)"))

            // 4. The trust policy must be a document IAM would store (§B.7).
            if input.checkStorability {
                if let first = role.unstorableIssues.first {
                    let detail = role.unstorableIssues.map(\.description).joined(separator: "; ")
                    steps.append(TraceStep(kind: .malformedPolicy, outcome: .fail, detail: detail))
                    stop(.invalid, .malformedPolicy, "the trust policy of \(role.arn) could not exist in IAM: \(first)", role.unstorableIssues.map { Hint(text: "fix the trust policy: \($0)", changer: .roleOwner) })
                    return
                }
                steps.append(TraceStep(kind: .malformedPolicy, outcome: .pass, detail: "the trust policy is a document IAM would store"))
            }

            // 5. Federation.
            switch input.federation {
            case .notApplicable: break
            case .passed(let d): steps.append(TraceStep(kind: .federation, outcome: .pass, detail: d))
            case .failed(let why):
                steps.append(TraceStep(kind: .federation, outcome: .fail, detail: why))
                stop(.denied, .federation, why, [Hint(text: "the role's account must register the identity provider (\(why))", changer: .roleOwner)])
                return
            }

            // 7. Required actions: the operation, plus the permission-only companions (§d.1).
            var actions = [r.action.rawValue]
            if !r.sessionTags.isEmpty || !r.transitiveTagKeys.isEmpty { actions.append("sts:TagSession") }
            if r.sourceIdentity != nil { actions.append("sts:SetSourceIdentity") }

            // 8. Authorization, for every required action.
            let resource = ResourceName(role.arn)
            for action in actions {
                if !authorize(action: action, caller: caller, role: role, resource: resource, context: context) { return }
            }

            // 9. Duration (§h), after authorization so that the role's settings do not leak [convention, A4].
            let requested = r.effectiveDurationSeconds
            let chained = r.chained ?? caller.chainedByDefault
            if p.kind != .service && requested > role.maxSessionDuration {
                let why = "the requested DurationSeconds (\(requested)) exceeds the MaxSessionDuration set for this role (\(role.maxSessionDuration))"
                steps.append(TraceStep(kind: .duration, outcome: .fail, detail: why))
                stop(.invalid, .duration, why, [Hint(text: "request at most \(role.maxSessionDuration) seconds", changer: .caller), Hint(text: "raise the role's MaxSessionDuration", changer: .roleOwner)])
                return
            }
            if chained && p.isIAMIdentity && requested > 3600 {
                let why = "the requested DurationSeconds (\(requested)) exceeds the 1 hour session limit for roles assumed by role chaining"
                steps.append(TraceStep(kind: .duration, outcome: .fail, detail: why))
                stop(.invalid, .duration, why, [Hint(text: "request at most 3600 seconds when chaining roles", changer: .caller)])
                return
            }
            var durationDetail = "\(requested) seconds"
            if p.kind == .service {
                durationDetail += " (MaxSessionDuration does not limit sessions that AWS services assume)"
            } else {
                durationDetail += " within the role's maximum of \(role.maxSessionDuration)" + (chained ? " and the 1-hour chaining limit" : "")
            }
            steps.append(TraceStep(kind: .duration, outcome: .pass, detail: durationDetail))

            // 10. Allowed.
            let sessionName: String
            if let ctx = context as? AssumeRoleContext, p.kind == .saml { sessionName = ctx.samlSessionName ?? "session" } else { sessionName = r.sessionName ?? "session" }
            session = SessionInfo(arn: "arn:\(role.partition):sts::\(role.accountId):assumed-role/\(role.name)/\(sessionName)", durationSeconds: requested)
            decision = .allowed
            deciding = nil
            reason = "allowed: " + allowNotes.joined(separator: "; ")
        }

        /// Steps 8a–8f for one action; false when the action is refused (the decision is then set).
        mutating func authorize(action: String, caller: CallerSide, role: TargetRole, resource: ResourceName, context: some ConditionContext) -> Bool {
            let lower = action.lowercased()
            let p = caller.principal
            let first = action == input.request.action.rawValue

            // SCPs (caller side).
            var scpStep: TraceStep
            var scpDeny: (policy: String, level: String, statement: String)?
            var scpMissingLevel: String?
            switch input.scps {
            case .notApplicable(let why):
                scpStep = TraceStep(kind: .scp, outcome: .notApplicable, action: action, detail: why)
            case .levels(let levels):
                var traces: [PolicyTrace] = []
                for level in levels {
                    var levelAllows = false
                    for policy in level.policies {
                        let (v, t) = policy.explain(action: lower, resource: resource, caller: nil, context: context, level: level.target)
                        traces.append(t)
                        if v.allows { levelAllows = true }
                        if v.denies, scpDeny == nil { scpDeny = (policy.name, level.target, Self.label(policy, v.denyingStatement)) }
                    }
                    if !levelAllows, scpMissingLevel == nil { scpMissingLevel = level.target }
                }
                let outcome: StepOutcome = scpDeny != nil ? .deny : (scpMissingLevel != nil ? .implicitDeny : .allow)
                let detail: String
                if let d = scpDeny { detail = "SCP '\(d.policy)' attached at \(d.level) denies \(action) (statement \(d.statement))" } else if let l = scpMissingLevel { detail = "no SCP attached at \(l) allows \(action); every level from the root to the account must allow" } else { detail = "every level (\(levels.map(\.target).joined(separator: ", "))) allows \(action)" }
                scpStep = TraceStep(kind: .scp, outcome: outcome, action: action, detail: detail, policies: traces)
            }

            // RCPs (role side).
            var rcpStep: TraceStep
            var rcpDeny: (policy: String, level: String, statement: String)?
            switch input.rcps {
            case .notApplicable(let why):
                rcpStep = TraceStep(kind: .rcp, outcome: .notApplicable, action: action, detail: why)
            case .levels(let levels):
                var traces: [PolicyTrace] = []
                for level in levels {
                    for policy in level.policies {
                        let (v, t) = policy.explain(action: lower, resource: resource, caller: p, context: context, level: level.target)
                        traces.append(t)
                        if v.denies, rcpDeny == nil { rcpDeny = (policy.name, level.target, Self.label(policy, v.denyingStatement)) }
                    }
                }
                // The allow side is implicit: RCPFullAWSAccess is attached everywhere and cannot be detached [RCP].
                let detail = rcpDeny.map { "RCP '\($0.policy)' attached at \($0.level) denies \(action) (statement \($0.statement))" } ?? "no RCP of the role's account denies \(action) (RCPFullAWSAccess allows)"
                rcpStep = TraceStep(kind: .rcp, outcome: rcpDeny == nil ? .allow : .deny, action: action, detail: detail, policies: traces)
            }

            // Trust policy.
            let (trustV, trustTrace) = role.trust.explain(action: lower, resource: nil, caller: p, context: context)
            let sameAccount = p.accountId != nil && p.accountId == role.accountId
            let trustDetail: String
            if trustV.denies {
                trustDetail = "statement \(Self.label(role.trust, trustV.denyingStatement)) denies \(action)"
            } else if trustV.allows {
                trustDetail = "statement \(Self.label(role.trust, trustV.allowingStatement)) allows \(action) (\(trustV.allowMatch == .direct ? "names the caller directly" : "trusts the caller's account"))"
            } else {
                trustDetail = Self.trustMissDetail(trustTrace, action: action)
            }
            let trustStep = TraceStep(kind: .trustPolicy, outcome: trustV.denies ? .deny : (trustV.allows ? .allow : .implicitDeny), action: action, detail: trustDetail, policies: [trustTrace])

            // Identity side: needed unless same account with a direct trust match (§B.3).
            let hasIdentitySide = p.isIAMIdentity
            let identityNeeded = hasIdentitySide && !(sameAccount && trustV.allowMatch == .direct)
            var identityStep: TraceStep?
            var identityDeny: (policy: String, statement: String)?
            var identityAllows = false
            var identityAssumed = false
            var boundaryStep: TraceStep?
            var boundaryDeny: String?
            var boundaryAllows = true
            var sessionStep: TraceStep?
            var sessionDeny: String?
            var sessionAllows = true
            if hasIdentitySide {
                if caller.identityKnown {
                    var traces: [PolicyTrace] = []
                    var allowedBy: String?
                    for policy in caller.identityPolicies {
                        let (v, t) = policy.explain(action: lower, resource: resource, caller: nil, context: context)
                        traces.append(t)
                        if v.allows { identityAllows = true; if allowedBy == nil { allowedBy = policy.name } }
                        if v.denies, identityDeny == nil { identityDeny = (policy.name, Self.label(policy, v.denyingStatement)) }
                    }
                    var detail: String
                    let outcome: StepOutcome
                    if let d = identityDeny {
                        outcome = .deny
                        detail = "identity policy '\(d.policy)' denies \(action) (statement \(d.statement))"
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
                    identityStep = TraceStep(kind: .identityPolicy, outcome: outcome, action: action, detail: detail, policies: traces)
                    if let b = caller.boundary {
                        let (v, t) = b.explain(action: lower, resource: resource, caller: nil, context: context)
                        boundaryAllows = v.allows
                        if v.denies { boundaryDeny = Self.label(b, v.denyingStatement) }
                        let bd = boundaryDeny.map { "the permissions boundary denies \(action) (statement \($0))" } ?? (v.allows ? "the permissions boundary allows \(action)" : "the permissions boundary does not allow \(action); a boundary applies to every AssumeRole call, even when the trust policy names the caller (A1)")
                        boundaryStep = TraceStep(kind: .permissionsBoundary, outcome: boundaryDeny != nil ? .deny : (v.allows ? .allow : .implicitDeny), action: action, detail: bd, policies: [t])
                    } else {
                        boundaryStep = TraceStep(kind: .permissionsBoundary, outcome: .notApplicable, action: action, detail: "the caller has no permissions boundary")
                    }
                } else {
                    identityAssumed = true
                    switch input.request.callerPolicies {
                    case .unknownAllows:
                        identityAllows = true
                        if identityNeeded {
                            let words = "the caller is outside the inventory, so its identity policies, boundary and session policy are unknown; assumed (worst case for the role's owner) that they allow \(action)"
                            if !assumptions.contains(words) { assumptions.append(words) }
                            identityStep = TraceStep(kind: .identityPolicy, outcome: .assumed, action: action, detail: words)
                        } else {
                            identityStep = TraceStep(kind: .identityPolicy, outcome: .notApplicable, action: action, detail: "not required: the trust policy names the caller directly in the same account")
                        }
                    case .unknownDenies:
                        identityAllows = false
                        let words = "the caller is outside the inventory; assumed (--caller-policies unknown-denies) that its identity policies do not allow \(action)"
                        if !assumptions.contains(words) { assumptions.append(words) }
                        identityStep = TraceStep(kind: identityNeeded ? .identityPolicy : .identityPolicy, outcome: identityNeeded ? .implicitDeny : .notApplicable, action: action, detail: identityNeeded ? words : "not required: the trust policy names the caller directly in the same account")
                    }
                }
                if p.kind == .roleSession || p.kind == .role, let sp = input.sessionPolicy {
                    let (v, t) = sp.explain(action: lower, resource: resource, caller: nil, context: context)
                    sessionAllows = v.allows
                    if v.denies { sessionDeny = Self.label(sp, v.denyingStatement) }
                    let sd = sessionDeny.map { "the calling session's policy denies \(action) (statement \($0))" } ?? (v.allows ? "the calling session's policy allows \(action)" : "the calling session's policy does not allow \(action); a session policy limits everything the session does")
                    sessionStep = TraceStep(kind: .sessionPolicy, outcome: sessionDeny != nil ? .deny : (v.allows ? .allow : .implicitDeny), action: action, detail: sd, policies: [t])
                } else if p.kind == .roleSession || p.kind == .role {
                    sessionStep = TraceStep(kind: .sessionPolicy, outcome: .notApplicable, action: action, detail: "the calling session has no session policy")
                }
            } else {
                identityStep = TraceStep(kind: .identityPolicy, outcome: .notApplicable, action: action, detail: "a \(p.kind.rawValue) caller has no identity side; only the trust policy (and RCPs) decide")
            }

            steps.append(scpStep)
            steps.append(rcpStep)
            steps.append(trustStep)
            if let identityStep { steps.append(identityStep) }
            if let boundaryStep { steps.append(boundaryStep) }
            if let sessionStep { steps.append(sessionStep) }

            // 8a. Explicit denies, in the order SCP, RCP, trust, identity, boundary, session.
            if let d = scpDeny {
                stop(.denied, .scp, "SCP '\(d.policy)' attached at \(d.level) explicitly denies \(action) (statement \(d.statement))", [Hint(text: "denied by SCP '\(d.policy)' — only the organization can change it", changer: .organization)] + Self.conditionHints(scpStep, deny: true))
                return false
            }
            if let d = rcpDeny {
                stop(.denied, .rcp, "RCP '\(d.policy)' attached at \(d.level) explicitly denies \(action) on \(role.arn) (statement \(d.statement))", [Hint(text: "denied by RCP '\(d.policy)' — only the organization can change it", changer: .organization)] + Self.conditionHints(rcpStep, deny: true))
                return false
            }
            if trustV.denies {
                stop(.denied, .trustPolicy, "trust policy statement \(Self.label(role.trust, trustV.denyingStatement)) of \(role.arn) explicitly denies \(action) to this caller", [Hint(text: "the role's owner must remove or narrow trust policy statement \(Self.label(role.trust, trustV.denyingStatement))", changer: .roleOwner)] + Self.conditionHints(trustStep, deny: true))
                return false
            }
            if let d = identityDeny {
                stop(.denied, .identityPolicy, "identity policy '\(d.policy)' of the caller explicitly denies \(action) (statement \(d.statement))", [Hint(text: "the caller's account must remove the Deny in identity policy '\(d.policy)'", changer: .callerAccount)] + Self.conditionHints(identityStep!, deny: true))
                return false
            }
            if let d = boundaryDeny {
                stop(.denied, .permissionsBoundary, "the caller's permissions boundary explicitly denies \(action) (statement \(d))", [Hint(text: "the caller's account must change the permissions boundary", changer: .callerAccount)])
                return false
            }
            if let d = sessionDeny {
                stop(.denied, .sessionPolicy, "the calling session's policy explicitly denies \(action) (statement \(d))", [Hint(text: "call from a session created without that session policy", changer: .caller)])
                return false
            }
            // 8b. SCP allow at every level.
            if let level = scpMissingLevel {
                stop(.denied, .scp, "no SCP attached at \(level) allows \(action) (implicit deny: every level from the root to the caller's account must allow)", [Hint(text: "an SCP attached at \(level) must allow \(action) — only the organization can change it", changer: .organization)])
                return false
            }
            // 8c. Trust policy allow.
            if !trustV.allows {
                var h = Self.conditionHints(trustStep, deny: false)
                let namesCaller = trustTrace.statements.contains { $0.effect == "Allow" && $0.principal?.matched == true }
                if !namesCaller {
                    h.append(Hint(text: "the role's owner must add the caller (\(p.arn)) or its account to the trust policy for \(action)", changer: .roleOwner))
                } else if !trustTrace.statements.contains(where: { $0.effect == "Allow" && $0.principal?.matched == true && $0.action.matched }) {
                    h.append(Hint(text: "the trust policy names the caller but not for \(action); the role's owner must allow \(action)", changer: .roleOwner))
                }
                stop(.denied, .trustPolicy, trustDetail.hasPrefix("no ") ? trustDetail : "the trust policy of \(role.arn) does not allow this caller to call \(action): \(trustDetail)", h)
                return false
            }
            // 8d. Identity side.
            if identityNeeded && !identityAllows {
                var h = [Hint(text: "an identity policy of \(p.arn) must allow \(action) on \(role.arn)", changer: .callerAccount)]
                if sameAccount && trustV.allowMatch == .account {
                    h.append(Hint(text: "or the role's owner names the caller directly in the trust policy (same account: then no identity policy is needed)", changer: .roleOwner))
                }
                let why = identityAssumed ? "the caller is outside the inventory and its identity policies are assumed not to allow \(action) (--caller-policies unknown-denies)" : (identityStep?.detail ?? "")
                stop(.denied, .identityPolicy, why, h)
                return false
            }
            // 8e. Boundary.
            if !boundaryAllows {
                stop(.denied, .permissionsBoundary, "the caller's permissions boundary does not allow \(action); the boundary applies even when the trust policy names the caller (A1)", [Hint(text: "the caller's permissions boundary must allow \(action) on \(role.arn)", changer: .callerAccount)])
                return false
            }
            // 8f. Calling session's policy.
            if !sessionAllows {
                stop(.denied, .sessionPolicy, "the calling session's policy does not allow \(action)", [Hint(text: "call from a session whose session policy allows \(action), or without a session policy", changer: .caller)])
                return false
            }
            if first {
                allowNotes.append("trust policy statement \(Self.label(role.trust, trustV.allowingStatement)) allows \(action) (\(trustV.allowMatch == .direct ? "direct match" : "account match"))")
                if identityNeeded {
                    allowNotes.append(identityAssumed ? "the outsider's identity side is assumed to allow" : "the caller's identity policy allows")
                } else if hasIdentitySide {
                    allowNotes.append("no identity policy needed (same account, trust names the caller)")
                }
            } else {
                allowNotes.append("\(action) allowed too")
            }
            return true
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
        static func conditionHints(_ step: TraceStep, deny: Bool) -> [Hint] {
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
                    return Hint(text: "the caller must satisfy \(c.operatorName) \(c.key) \(list) (statement \(statement)) — not changeable by the caller", changer: .callerAccount)
                }
                if key.contains(":sub") || key.contains(":aud") || key.hasPrefix("saml:") || key.hasPrefix("token.actions.githubusercontent.com:") {
                    return Hint(text: "the token or assertion must carry \(c.key) \(c.operatorName) \(list) (statement \(statement)) — set by the identity provider", changer: .roleOwner)
                }
                return Hint(text: "make \(c.key) satisfy \(c.operatorName) \(list) (statement \(statement))", changer: .caller)
            }
        }
    }
}
