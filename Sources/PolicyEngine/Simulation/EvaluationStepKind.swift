/// The steps of the evaluation, named as in assume-role.md §0.2; a reason begins with the deciding one.
public enum EvaluationStepKind: String, Sendable, Hashable, CaseIterable {
    case requestValidation = "request-validation"
    case caller
    case target
    case malformedPolicy = "malformed-policy"
    case federation
    case scp
    case rcp
    case trustPolicy = "trust-policy"
    case identityPolicy = "identity-policy"
    case permissionsBoundary = "permissions-boundary"
    case sessionPolicy = "session-policy"
    case duration
}
