/// The action-agnostic IAM evaluation core: identity, resource, SCP, RCP, boundary, session and VPC
/// endpoint policies combined as AWS documents it
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html,
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
///
/// The AssumeRole evaluator applies the same primitives in the stricter order of assume-role.md §B.1;
/// this core answers any action, which is what the peer suite's generic cases test.
public enum GenericAuthorizer {
    /// One request with every policy that applies to it.
    public struct Request: Sendable {
        /// Nil for an unsigned (anonymous) request.
        public var caller: CallerPrincipal?
        public var action: String
        public var resource: String
        /// The account that owns the resource; decides same- versus cross-account.
        public var resourceAccount: String
        public var identityPolicies: [CompiledPolicy]
        public var resourcePolicy: CompiledPolicy?
        /// From the organization root down to the account; empty when SCPs do not govern the caller.
        public var scpLevels: [GuardrailLevel]
        public var rcpLevels: [GuardrailLevel]
        /// Several documents combine like identity policies; empty means no boundary.
        public var boundaries: [CompiledPolicy]
        public var sessionPolicy: CompiledPolicy?
        public var endpointPolicies: [CompiledPolicy]

        public init(caller: CallerPrincipal?, action: String, resource: String, resourceAccount: String, identityPolicies: [CompiledPolicy] = [], resourcePolicy: CompiledPolicy? = nil, scpLevels: [GuardrailLevel] = [], rcpLevels: [GuardrailLevel] = [], boundaries: [CompiledPolicy] = [], sessionPolicy: CompiledPolicy? = nil, endpointPolicies: [CompiledPolicy] = []) {
            self.caller = caller
            self.action = action
            self.resource = resource
            self.resourceAccount = resourceAccount
            self.identityPolicies = identityPolicies
            self.resourcePolicy = resourcePolicy
            self.scpLevels = scpLevels
            self.rcpLevels = rcpLevels
            self.boundaries = boundaries
            self.sessionPolicy = sessionPolicy
            self.endpointPolicies = endpointPolicies
        }
    }

    public enum Outcome: String, Sendable, Hashable {
        case allowed = "Allowed"
        case implicitlyDenied = "ImplicitlyDenied"
        case explicitlyDenied = "ExplicitlyDenied"
    }

    public static func authorize(_ r: Request, context: some ConditionContext) -> Outcome {
        let action = r.action.lowercased()
        let resource = ResourceName(r.resource)
        let anonymous = CallerPrincipal(kind: .anonymous, arn: "")
        let caller = r.caller ?? anonymous
        let hasIdentitySide = caller.isIAMIdentity
        let rp = r.resourcePolicy?.evaluate(action: action, resource: resource, caller: caller, context: context) ?? PolicyVerdict()
        let identity = r.identityPolicies.map { $0.evaluate(action: action, resource: resource, caller: nil, context: context) }
        let boundary = r.boundaries.map { $0.evaluate(action: action, resource: resource, caller: nil, context: context) }
        let session = r.sessionPolicy?.evaluate(action: action, resource: resource, caller: nil, context: context)
        let endpoint = r.endpointPolicies.map { $0.evaluate(action: action, resource: resource, caller: nil, context: context) }
        // SCPs restrict IAM principals of member accounts only; RCPs restrict the resource whoever calls.
        let scps = hasIdentitySide ? r.scpLevels.map { $0.policies.map { $0.evaluate(action: action, resource: resource, caller: nil, context: context) } } : []
        let rcps = r.rcpLevels.map { $0.policies.map { $0.evaluate(action: action, resource: resource, caller: caller, context: context) } }

        // An explicit Deny anywhere wins [EVAL].
        var denied = rp.denies || endpoint.contains { $0.denies } || rcps.joined().contains { $0.denies } || scps.joined().contains { $0.denies }
        if hasIdentitySide, !r.boundaries.isEmpty, let policy = r.resourcePolicy {
            // A Deny with NotPrincipal always applies to a principal that has a permissions boundary,
            // even one the NotPrincipal names (IAM User Guide, NotPrincipal).
            denied = denied || policy.statements.contains { $0.effect == .deny && $0.notPrincipals != nil && $0.applies(action: action, resource: resource, caller: nil, context: context) != .none }
        }
        if hasIdentitySide {
            denied = denied || identity.contains { $0.denies } || boundary.contains { $0.denies } || (session?.denies ?? false)
        }
        if denied { return .explicitlyDenied }

        // Guardrails: every SCP and RCP level must allow; endpoint policies must allow.
        if scps.contains(where: { !$0.contains { $0.allows } }) { return .implicitlyDenied }
        if rcps.contains(where: { !$0.contains { $0.allows } }) { return .implicitlyDenied }
        if !endpoint.isEmpty && !endpoint.contains(where: { $0.allows }) { return .implicitlyDenied }

        // Unsigned requests and service principals: only the resource policy can grant.
        guard hasIdentitySide else { return rp.allows ? .allowed : .implicitlyDenied }

        let sameAccount = caller.accountId == r.resourceAccount
        let identityAllows = identity.contains { $0.allows }
        let isRoleTrust = action.hasPrefix("sts:assumerole")
        let granted: Bool
        if isRoleTrust && r.resourcePolicy != nil {
            // A role trust policy must always allow the principal, even in the same account [EVAL].
            granted = sameAccount ? (rp.allowMatch == .direct || (rp.allowMatch == .account && identityAllows)) : (identityAllows && rp.allowMatch != .none)
        } else if sameAccount {
            // Same account: either side suffices, but a grant to the account only delegates to its identity policies.
            granted = identityAllows || rp.allowMatch == .direct
        } else {
            granted = identityAllows && rp.allowMatch != .none
        }
        if !granted { return .implicitlyDenied }

        let directGrant = sameAccount ? r.resourcePolicy.map { directPatterns($0, action: action, resource: resource, caller: caller, context: context) } ?? [] : []
        if !boundary.isEmpty && !boundary.contains(where: { $0.allows }) {
            // An implicit deny in a boundary does not limit a same-account resource policy that names the
            // user, or the session ARN, directly; a grant to the role ARN is limited [BOUNDARY].
            let bypass = directGrant.contains { bypassesBoundary($0, caller: caller) }
            if !bypass { return .implicitlyDenied }
        }
        if let session, !session.allows {
            // A resource policy that names the session ARN adds permissions after the session policy [SESSPOL].
            let bypass = directGrant.contains { p in
                if case .session = p { return true }
                return false
            }
            if !bypass { return .implicitlyDenied }
        }
        return .allowed
    }

    static func bypassesBoundary(_ p: PrincipalPattern, caller: CallerPrincipal) -> Bool {
        switch p {
        case .anyone, .anyAWS: return true
        case .role: return false
        case .account: return false
        default: return caller.kind != .role
        }
    }

    /// The principal values of applying Allow statements that matched the caller directly.
    static func directPatterns(_ policy: CompiledPolicy, action: String, resource: ResourceName, caller: CallerPrincipal, context: some ConditionContext) -> [PrincipalPattern] {
        var out: [PrincipalPattern] = []
        for s in policy.statements where s.effect == .allow {
            guard s.applies(action: action, resource: resource, caller: caller, context: context) == .direct else { continue }
            if let ps = s.principals {
                out.append(contentsOf: ps.filter { $0.matchKind(caller) == .direct })
            } else if s.notPrincipals != nil {
                out.append(.anyone)
            }
        }
        return out
    }
}
