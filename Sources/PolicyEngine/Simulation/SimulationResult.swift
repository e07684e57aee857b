/// The answer to one simulated call: a decision, the step that decided, and why, in full.
public struct SimulationResult: Sendable, Hashable {
    public var decision: Decision
    /// The deciding step; nil when allowed.
    public var decidingStep: EvaluationStepKind?
    /// `<tag>: <words>` (or `allowed: <words>`); never contains an unmasked secret.
    public var reason: String
    /// Every step in evaluation order.
    public var steps: [TraceStep]
    /// For denied and invalid results: the smallest changes that flip the decision.
    public var hints: [Hint]
    /// The resulting session, when allowed.
    public var session: SessionInfo?
    /// What was assumed because the inventory cannot know it, in words.
    public var assumptions: [String]
    /// The request, kept for output (`request` in JSON; secrets masked there).
    public var request: AssumeRoleRequest

    public init(decision: Decision, decidingStep: EvaluationStepKind?, reason: String, steps: [TraceStep], hints: [Hint], session: SessionInfo?, assumptions: [String], request: AssumeRoleRequest) {
        self.decision = decision
        self.decidingStep = decidingStep
        self.reason = reason
        self.steps = steps
        self.hints = hints
        self.session = session
        self.assumptions = assumptions
        self.request = request
    }
}

extension SimulationResult {
    /// True when an explicit Deny decided (rather than a missing Allow or a failed check).
    public var isExplicitDeny: Bool {
        guard decision == .denied, let decidingStep else { return false }
        return steps.last(where: { $0.kind == decidingStep })?.outcome == .deny
    }
}
