/// Everything the evaluator needs for one call, resolved by the adapter from the inventory.
public struct AssumeRoleEvaluationInput: Sendable {
    /// The outcome of caller resolution (step 2).
    public enum CallerResolution: Sendable, Hashable {
        case resolved(CallerSide)
        /// The caller cannot call the operation (root user, federated user, unusable principal): why, and the fix.
        case rejected(reason: String, fix: String)
    }

    public var request: AssumeRoleRequest
    public var caller: CallerResolution
    /// Nil when the role is not in the inventory (step 3).
    public var role: TargetRole?
    public var federation: FederationOutcome
    /// The caller account's SCPs (§g.1), with the FullAWSAccess convention already applied.
    public var scps: GuardrailSet
    /// The role account's RCPs (§g.2).
    public var rcps: GuardrailSet
    /// The calling session's policy (session callers only).
    public var sessionPolicy: CompiledPolicy?
    /// False only for test suites whose trust policies IAM would not store (the peer suite's carry `Resource`).
    public var checkStorability: Bool
    /// What the adapter assumed, in words.
    public var assumptions: [String]

    public init(request: AssumeRoleRequest, caller: CallerResolution, role: TargetRole?, federation: FederationOutcome = .notApplicable, scps: GuardrailSet = .notApplicable("no organization"), rcps: GuardrailSet = .notApplicable("no organization"), sessionPolicy: CompiledPolicy? = nil, checkStorability: Bool = true, assumptions: [String] = []) {
        self.request = request
        self.caller = caller
        self.role = role
        self.federation = federation
        self.scps = scps
        self.rcps = rcps
        self.sessionPolicy = sessionPolicy
        self.checkStorability = checkStorability
        self.assumptions = assumptions
    }
}
