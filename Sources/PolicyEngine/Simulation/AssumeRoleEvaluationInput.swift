/// Everything the evaluator needs for one call, resolved by the adapter from the inventory.
/// Immutable and shared by reference: the deferred explanation keeps it without copying it.
public final class AssumeRoleEvaluationInput: Sendable {
    /// The outcome of caller resolution (step 2).
    public enum CallerResolution: Sendable, Hashable {
        case resolved(CallerSide)
        /// The caller cannot call the operation (root user, federated user, unusable principal): why, and the fix.
        case rejected(reason: String, fix: String)
    }

    public let request: AssumeRoleRequest
    public let caller: CallerResolution
    /// Nil when the role is not in the inventory (step 3).
    public let role: TargetRole?
    public let federation: FederationOutcome
    /// The caller account's SCPs (§g.1), with the FullAWSAccess convention already applied.
    public let scps: GuardrailSet
    /// The role account's RCPs (§g.2).
    public let rcps: GuardrailSet
    /// The calling session's policy (session callers only).
    public let sessionPolicy: CompiledPolicy?
    /// False only for test suites whose trust policies IAM would not store (the peer suite's carry `Resource`).
    public let checkStorability: Bool
    /// What the adapter assumed, in words.
    public let assumptions: [String]

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
