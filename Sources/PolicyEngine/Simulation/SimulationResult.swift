import Synchronization

/// The answer to one simulated call: a decision, the step that decided, and why, in full.
///
/// The decision is computed eagerly and cheaply; the explanation (reason, trace, hints, assumptions)
/// is computed the first time it is read, by re-running the evaluator in explaining mode. The graph
/// builder, which asks for hundreds of thousands of decisions, pays only for what it reads.
public struct SimulationResult: Sendable {
    public var decision: Decision
    /// The deciding step; nil when allowed.
    public var decidingStep: EvaluationStepKind?
    /// True when an explicit Deny decided (rather than a missing Allow or a failed check).
    public var isExplicitDeny: Bool
    /// The resulting session, when allowed.
    public var session: SessionInfo?
    /// The request, kept for output (`request` in JSON; secrets masked there).
    public var request: AssumeRoleRequest
    private var explanation: ExplanationBox

    /// `<tag>: <words>` (or `allowed: <words>`); never contains an unmasked secret.
    public var reason: String {
        get { explanation.value.reason }
        set { var e = explanation.value; e.reason = newValue; explanation = ExplanationBox(e) }
    }
    /// Every step in evaluation order.
    public var steps: [TraceStep] {
        get { explanation.value.steps }
        set { var e = explanation.value; e.steps = newValue; explanation = ExplanationBox(e) }
    }
    /// For denied and invalid results: the smallest changes that flip the decision.
    public var hints: [Hint] {
        get { explanation.value.hints }
        set { var e = explanation.value; e.hints = newValue; explanation = ExplanationBox(e) }
    }
    /// What was assumed because the inventory cannot know it, in words.
    public var assumptions: [String] {
        get { explanation.value.assumptions }
        set { var e = explanation.value; e.assumptions = newValue; explanation = ExplanationBox(e) }
    }

    public init(decision: Decision, decidingStep: EvaluationStepKind?, reason: String, steps: [TraceStep], hints: [Hint], session: SessionInfo?, assumptions: [String], request: AssumeRoleRequest, isExplicitDeny: Bool? = nil) {
        self.decision = decision
        self.decidingStep = decidingStep
        self.session = session
        self.request = request
        let explicit = isExplicitDeny ?? (decision == .denied && decidingStep != nil && steps.last(where: { $0.kind == decidingStep })?.outcome == .deny)
        self.isExplicitDeny = explicit
        explanation = ExplanationBox(Explanation(reason: reason, steps: steps, hints: hints, assumptions: assumptions))
    }

    /// A result whose explanation is computed on first read.
    init(decision: Decision, decidingStep: EvaluationStepKind?, isExplicitDeny: Bool, session: SessionInfo?, request: AssumeRoleRequest, explain: @escaping @Sendable () -> Explanation) {
        self.decision = decision
        self.decidingStep = decidingStep
        self.isExplicitDeny = isExplicitDeny
        self.session = session
        self.request = request
        explanation = ExplanationBox(explain)
    }

    struct Explanation: Sendable, Hashable {
        var reason: String
        var steps: [TraceStep]
        var hints: [Hint]
        var assumptions: [String]
    }
}

extension SimulationResult: Hashable {
    public static func == (a: SimulationResult, b: SimulationResult) -> Bool {
        a.decision == b.decision && a.decidingStep == b.decidingStep && a.isExplicitDeny == b.isExplicitDeny && a.session == b.session
            && a.request == b.request && a.explanation.value == b.explanation.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(decision)
        hasher.combine(decidingStep)
        hasher.combine(session)
        hasher.combine(request)
    }
}

/// Holds an explanation, or the recipe for it, computed at most once (thread-safe).
final class ExplanationBox: Sendable {
    private enum State: Sendable {
        case pending(@Sendable () -> SimulationResult.Explanation)
        case done(SimulationResult.Explanation)
    }

    private let state: Mutex<State>

    init(_ value: SimulationResult.Explanation) { state = Mutex(.done(value)) }
    init(_ recipe: @escaping @Sendable () -> SimulationResult.Explanation) { state = Mutex(.pending(recipe)) }

    var value: SimulationResult.Explanation {
        state.withLock { s in
            switch s {
            case .done(let e): return e
            case .pending(let recipe):
                let e = recipe()
                s = .done(e)
                return e
            }
        }
    }
}
