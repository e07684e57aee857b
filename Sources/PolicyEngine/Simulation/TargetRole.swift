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
    package convenience init(arn: String, accountId: String, name: String, uniqueId: String?, trust compiled: CompiledTrust, maxSessionDuration: Int, tags: [String: String]) {
        self.init(arn: arn, accountId: accountId, name: name, uniqueId: uniqueId, trust: compiled, maxSessionDuration: maxSessionDuration, tagsByLowercasedKey: Self.lowercasedKeys(tags))
    }

    /// With the tags already keyed by lower-cased key (`lowercasedKeys(_:)`), for an adapter that
    /// shares them with the role's sessions.
    package init(arn: String, accountId: String, name: String, uniqueId: String?, trust compiled: CompiledTrust, maxSessionDuration: Int, tagsByLowercasedKey: [String: String]) {
        self.arn = arn
        // The ARN is split once: its components serve Resource matching, and the partition is the
        // second of them (as `Arn(arn)?.partition` reads it: six components, the first `arn`).
        resourceName = ResourceName(arn)
        if let c = resourceName.components, c[0] == "arn" { partition = String(c[1]) } else { partition = "aws" }
        self.accountId = accountId
        self.name = name
        self.uniqueId = uniqueId
        trust = compiled.policy
        self.maxSessionDuration = maxSessionDuration
        self.tagsByLowercasedKey = tagsByLowercasedKey
        unstorableIssues = compiled.unstorableIssues
    }

    /// Tags keyed by lower-cased key. Keys that differ only in case keep the value of the first key in
    /// sorted order, so the choice is the same every run.
    package static func lowercasedKeys(_ tags: [String: String]) -> [String: String] {
        if tags.isEmpty { return [:] }
        var out: [String: String] = [:]
        out.reserveCapacity(tags.count)
        if tags.count == 1, let (k, v) = tags.first {
            out[k.lowercased()] = v
            return out
        }
        for (k, v) in tags.sorted(by: { $0.key < $1.key }) {
            let l = k.lowercased()
            if out[l] == nil { out[l] = v }
        }
        return out
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
///
/// Held in one immutable object shared by reference (the principal and, in a second object, everything
/// else): a session's side is its role's side with the session's principal, and a side is passed from
/// the resolution to the input, the evaluator and the request context for every request, so copying a
/// side is one retain, not one per string of the principal and per policy list, tag dictionary and name.
public struct CallerSide: Sendable, Hashable {
    @usableFromInline var storage: Storage

    public var principal: CallerPrincipal {
        @inlinable get { storage.principal }
        set { storage = Storage(principal: newValue, identity: storage.identity) }
    }

    /// This side with another principal (a session of the same role).
    @inlinable
    package func with(principal: CallerPrincipal) -> CallerSide {
        CallerSide(storage: Storage(principal: principal, identity: storage.identity))
    }

    @usableFromInline var identity: Identity {
        get { storage.identity }
        set { storage = Storage(principal: storage.principal, identity: newValue) }
    }

    /// Identity-based policies (a user's inline, group and managed policies; a session's role policies).
    public var identityPolicies: [CompiledPolicy] {
        get { identity.fields.identityPolicies }
        set { identity = identity.with { $0.identityPolicies = newValue } }
    }
    public var boundary: CompiledPolicy? {
        get { identity.fields.boundary }
        set { identity = identity.with { $0.boundary = newValue } }
    }
    /// False for outsiders: their policies are unknown and the request's `callerPolicies` assumption stands in.
    public var identityKnown: Bool {
        get { identity.fields.identityKnown }
        set { identity = identity.with { $0.identityKnown = newValue } }
    }
    /// Service-linked roles (path `/aws-service-role/`) are not restricted by SCPs.
    public var isServiceLinkedRole: Bool {
        get { identity.fields.isServiceLinkedRole }
        set { identity = identity.with { $0.isServiceLinkedRole = newValue } }
    }
    /// The user's or role's tags, keyed by lower-cased key.
    public var tagsByLowercasedKey: [String: String] {
        get { identity.fields.tagsByLowercasedKey }
        set { identity = identity.with { $0.tagsByLowercasedKey = newValue } }
    }
    /// Managed policies whose documents are unknown (not in the dump, not bundled): named in the trace.
    public var unknownPolicies: [String] {
        get { identity.fields.unknownPolicies }
        set { identity = identity.with { $0.unknownPolicies = newValue } }
    }
    /// Whether a call by this caller is role chaining when the request does not say (§h):
    /// true for role sessions, except sessions of roles that trust only ec2.amazonaws.com [convention].
    public var chainedByDefault: Bool {
        get { identity.fields.chainedByDefault }
        set { identity = identity.with { $0.chainedByDefault = newValue } }
    }

    public init(principal: CallerPrincipal, identityPolicies: [CompiledPolicy] = [], boundary: CompiledPolicy? = nil, identityKnown: Bool = true, isServiceLinkedRole: Bool = false, tagsByLowercasedKey: [String: String] = [:], unknownPolicies: [String] = [], chainedByDefault: Bool? = nil) {
        storage = Storage(principal: principal, identity: Identity(Fields(identityPolicies: identityPolicies, boundary: boundary, identityKnown: identityKnown, isServiceLinkedRole: isServiceLinkedRole,
                                                                          tagsByLowercasedKey: tagsByLowercasedKey, unknownPolicies: unknownPolicies, chainedByDefault: chainedByDefault ?? (principal.kind == .roleSession))))
    }

    @usableFromInline init(storage: Storage) { self.storage = storage }

    public static func == (a: CallerSide, b: CallerSide) -> Bool {
        a.storage === b.storage || (a.principal == b.principal && (a.identity === b.identity || a.identity.fields == b.identity.fields))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(principal)
        hasher.combine(identity.fields)
    }

    @usableFromInline final class Storage: Sendable {
        @usableFromInline let principal: CallerPrincipal
        @usableFromInline let identity: Identity
        @usableFromInline init(principal: CallerPrincipal, identity: Identity) {
            self.principal = principal
            self.identity = identity
        }
    }

    struct Fields: Sendable, Hashable {
        var identityPolicies: [CompiledPolicy]
        var boundary: CompiledPolicy?
        var identityKnown: Bool
        var isServiceLinkedRole: Bool
        var tagsByLowercasedKey: [String: String]
        var unknownPolicies: [String]
        var chainedByDefault: Bool
    }

    @usableFromInline final class Identity: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
        func with(_ change: (inout Fields) -> Void) -> Identity {
            var f = fields
            change(&f)
            return Identity(f)
        }
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
