/// The outcome of one step of the trace.
public enum StepOutcome: String, Sendable, Hashable {
    /// A check that passed (validation, caller, target, storability, federation, duration).
    case pass
    /// A check that failed.
    case fail
    /// The policies of this step allow.
    case allow
    /// An explicit Deny applies.
    case deny
    /// No Allow applies: the implicit deny.
    case implicitDeny = "implicit-deny"
    /// The step does not apply to this caller (no SCPs for an outsider, no boundary set…).
    case notApplicable = "not-applicable"
    /// The step could not be evaluated from the inventory and its result was assumed (outsiders).
    case assumed
    /// The step was not reached because an earlier step decided.
    case skipped
}

/// One step of the evaluation, in evaluation order, decisive or not.
public struct TraceStep: Sendable, Hashable {
    public var kind: EvaluationStepKind
    public var outcome: StepOutcome
    /// The required action the step was evaluated for (`sts:AssumeRole`, `sts:TagSession`…), nil for request-wide steps.
    public var action: String?
    /// What happened, in words; never contains an unmasked secret.
    public var detail: String
    /// Every policy considered at this step, with every statement.
    public var policies: [PolicyTrace]

    public init(kind: EvaluationStepKind, outcome: StepOutcome, action: String? = nil, detail: String, policies: [PolicyTrace] = []) {
        self.kind = kind
        self.outcome = outcome
        self.action = action
        self.detail = detail
        self.policies = policies
    }
}

/// How a policy was judged, with each of its statements.
public struct PolicyTrace: Sendable, Hashable {
    /// The policy's name (`trust policy`, an attached policy's name, an SCP's name).
    public var name: String
    /// Where it is attached: `root`, an OU id, an account id, or nil.
    public var level: String?
    public var outcome: StepOutcome
    public var statements: [StatementTrace]

    public init(name: String, level: String? = nil, outcome: StepOutcome, statements: [StatementTrace]) {
        self.name = name
        self.level = level
        self.outcome = outcome
        self.statements = statements
    }
}

/// Whether one element (Principal, Action, Resource) matched, and how.
public struct ElementMatch: Sendable, Hashable {
    public var matched: Bool
    /// In words: `account root 222222222222`, `pattern 'sts:Assume*'`, `NotAction does not list it`.
    public var by: String
    public init(matched: Bool, by: String) {
        self.matched = matched
        self.by = by
    }
}

/// How one statement was judged.
public struct StatementTrace: Sendable, Hashable {
    public var index: Int
    public var sid: String?
    /// `Allow`, `Deny`, or the invalid text.
    public var effect: String
    /// True when the statement applies (principal, action, resource and every condition matched).
    public var matched: Bool
    /// nil for policy types without Principal.
    public var principal: ElementMatch?
    public var action: ElementMatch
    /// nil for trust policies (no Resource).
    public var resource: ElementMatch?
    /// Every condition evaluated, in document order; empty when an element before them failed.
    public var conditions: [ConditionTrace]

    public init(index: Int, sid: String?, effect: String, matched: Bool, principal: ElementMatch?, action: ElementMatch, resource: ElementMatch?, conditions: [ConditionTrace]) {
        self.index = index
        self.sid = sid
        self.effect = effect
        self.matched = matched
        self.principal = principal
        self.action = action
        self.resource = resource
        self.conditions = conditions
    }

    /// `'Sid'` when present, otherwise `#index`.
    public var label: String { sid.map { "'\($0)'" } ?? "#\(index)" }
}

/// One condition (operator, key) with the policy's values beside the request's values.
public struct ConditionTrace: Sendable, Hashable {
    /// The canonical operator name (`StringEquals`, `ForAnyValue:StringLike`, `BoolIfExists`).
    public var operatorName: String
    /// The key as written in the policy.
    public var key: String
    /// The policy's values, after policy-variable substitution where it applies.
    public var policyValues: [String]
    /// The request's values; nil when the key is absent from the request context.
    public var requestValues: [String]?
    public var result: Bool
    /// True for secret keys (`sts:ExternalId`): values are masked unless revealed.
    public var isSecret: Bool
    /// A note on how the result came about (`key absent: negated operators are true`).
    public var note: String?

    public init(operatorName: String, key: String, policyValues: [String], requestValues: [String]?, result: Bool, isSecret: Bool, note: String? = nil) {
        self.operatorName = operatorName
        self.key = key
        self.policyValues = policyValues
        self.requestValues = requestValues
        self.result = result
        self.isSecret = isSecret
        self.note = note
    }
}

/// A smallest change that would flip a denied or invalid decision.
public struct Hint: Sendable, Hashable {
    /// Who can make the change.
    public enum Changer: String, Sendable, Hashable {
        /// The caller, by changing the request.
        case caller
        /// Administrators of the caller's account (identity policies, boundary).
        case callerAccount = "caller-account"
        /// The role's owner (trust policy).
        case roleOwner = "role-owner"
        /// The organization (SCPs, RCPs).
        case organization
    }

    /// The change, in words; never contains an unmasked secret.
    public var text: String
    public var changer: Changer
    /// True when the caller can make this change by changing the request.
    public var callerCanMake: Bool { changer == .caller }

    public init(text: String, changer: Changer) {
        self.text = text
        self.changer = changer
    }
}

/// The session STS would issue.
public struct SessionInfo: Sendable, Hashable {
    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
    public var arn: String
    public var durationSeconds: Int
    public init(arn: String, durationSeconds: Int) {
        self.arn = arn
        self.durationSeconds = durationSeconds
    }
}

extension StepOutcome {
    /// The outcome in words (`implicit deny`, `not applicable`).
    public var words: String {
        switch self {
        case .implicitDeny: return "implicit deny"
        case .notApplicable: return "not applicable"
        default: return rawValue
        }
    }
}
