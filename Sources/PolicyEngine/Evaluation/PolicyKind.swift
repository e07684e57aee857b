/// The kinds of policy IAM combines (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
public enum PolicyKind: String, Sendable, Hashable {
    case identity
    /// A resource-based policy; a role's trust policy is one.
    case resource
    case trust
    case permissionsBoundary = "permissions-boundary"
    case session
    case scp
    case rcp
    case endpoint

    /// Principal is evaluated only in resource-based policies (trust policies, RCPs); elsewhere it is ignored.
    public var hasPrincipal: Bool { self == .resource || self == .trust }

    var shortArnRule: ResourcePattern.ShortArnRule {
        switch self {
        case .identity, .permissionsBoundary, .session, .trust: return .pad
        case .resource, .endpoint: return .padIfWildcard
        case .scp: return .padIfEndsWithWildcard
        case .rcp: return .never
        }
    }
}
