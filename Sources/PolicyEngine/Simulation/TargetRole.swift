/// The target role as the evaluator needs it, compiled once by the adapter (immutable, shared by reference).
public final class TargetRole: Sendable, Hashable {
    public let arn: String
    public let partition: String
    public let accountId: String
    /// The name without path.
    public let name: String
    public let uniqueId: String?
    public let trust: CompiledPolicy
    /// 3600…43200.
    public let maxSessionDuration: Int
    /// Tags keyed by lower-cased key (condition keys ignore case).
    public let tagsByLowercasedKey: [String: String]
    /// Defects that IAM would have refused to store in the trust policy (§B.7); empty when storable.
    public let unstorableIssues: [PolicyIssue]
    /// The ARN split once, for Resource matching in identity, boundary, session and SCP/RCP documents.
    public let resourceName: ResourceName

    public static func == (a: TargetRole, b: TargetRole) -> Bool {
        a === b || (a.arn == b.arn && a.trust == b.trust && a.maxSessionDuration == b.maxSessionDuration && a.tagsByLowercasedKey == b.tagsByLowercasedKey && a.uniqueId == b.uniqueId)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(arn) }

    public convenience init(arn: String, accountId: String, name: String, uniqueId: String? = nil, trustPolicy: PolicyDocument, maxSessionDuration: Int = 3600, tags: [String: String] = [:]) {
        self.init(arn: arn, accountId: accountId, name: name, uniqueId: uniqueId, trust: CompiledTrust(trustPolicy), maxSessionDuration: maxSessionDuration, tags: tags)
    }

    /// With a trust policy compiled once for every role that has the same document: inventories repeat
    /// a few hundred trust policies over tens of thousands of roles.
    package init(arn: String, accountId: String, name: String, uniqueId: String?, trust compiled: CompiledTrust, maxSessionDuration: Int, tags: [String: String]) {
        self.arn = arn
        resourceName = ResourceName(arn)
        partition = Arn(arn)?.partition ?? "aws"
        self.accountId = accountId
        self.name = name
        self.uniqueId = uniqueId
        trust = compiled.policy
        self.maxSessionDuration = maxSessionDuration
        tagsByLowercasedKey = Dictionary(tags.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        unstorableIssues = compiled.unstorableIssues
    }

    /// A trust policy compiled, with what IAM would refuse to store in it: depends on the document only.
    package struct CompiledTrust: Sendable {
        package let policy: CompiledPolicy
        package let unstorableIssues: [PolicyIssue]

        package init(_ document: PolicyDocument) {
            policy = CompiledPolicy(name: "trust policy", kind: .trust, document: document)
            unstorableIssues = TrustPolicyRules.unstorableIssues(document, compiled: policy)
        }
    }
}

/// The identity side of a resolved caller.
public struct CallerSide: Sendable, Hashable {
    public var principal: CallerPrincipal
    /// Identity-based policies (a user's inline, group and managed policies; a session's role policies).
    public var identityPolicies: [CompiledPolicy]
    public var boundary: CompiledPolicy?
    /// False for outsiders: their policies are unknown and the request's `callerPolicies` assumption stands in.
    public var identityKnown: Bool
    /// Service-linked roles (path `/aws-service-role/`) are not restricted by SCPs.
    public var isServiceLinkedRole: Bool
    /// The user's or role's tags, keyed by lower-cased key.
    public var tagsByLowercasedKey: [String: String]
    /// Managed policies whose documents are unknown (not in the dump, not bundled): named in the trace.
    public var unknownPolicies: [String]
    /// Whether a call by this caller is role chaining when the request does not say (§h):
    /// true for role sessions, except sessions of roles that trust only ec2.amazonaws.com [convention].
    public var chainedByDefault: Bool

    public init(principal: CallerPrincipal, identityPolicies: [CompiledPolicy] = [], boundary: CompiledPolicy? = nil, identityKnown: Bool = true, isServiceLinkedRole: Bool = false, tagsByLowercasedKey: [String: String] = [:], unknownPolicies: [String] = [], chainedByDefault: Bool? = nil) {
        self.principal = principal
        self.identityPolicies = identityPolicies
        self.boundary = boundary
        self.identityKnown = identityKnown
        self.isServiceLinkedRole = isServiceLinkedRole
        self.tagsByLowercasedKey = tagsByLowercasedKey
        self.unknownPolicies = unknownPolicies
        self.chainedByDefault = chainedByDefault ?? (principal.kind == .roleSession)
    }
}

/// One attachment level of SCPs or RCPs: the root, an OU, or the account (§g.1).
public struct GuardrailLevel: Sendable, Hashable {
    /// `root`, an OU id, or an account id.
    public var target: String
    public var policies: [CompiledPolicy]
    public init(target: String, policies: [CompiledPolicy]) {
        self.target = target
        self.policies = policies
    }
}

/// Whether SCPs (or RCPs) govern this call, and their levels.
public enum GuardrailSet: Sendable, Hashable {
    /// They do not apply; the reason in words (`caller account is outside the organization`).
    case notApplicable(String)
    /// Levels from the root down to the account. Every level must allow (SCPs); any Deny denies.
    case levels([GuardrailLevel])
}

/// The outcome of federation authentication (§B.4), decided by the adapter from the inventory's providers.
public enum FederationOutcome: Sendable, Hashable {
    case notApplicable
    case passed(String)
    case failed(String)
}
