/// What a node of the trust graph stands for (cli.md: `graph --format json`).
public enum NodeKind: String, Sendable, Hashable, CaseIterable {
    case account, user, role, service, federated, anyone
    /// Every account of the organization other than the target role's own, for a `*` trust guarded by
    /// `aws:PrincipalOrgID` (its id is the organization id).
    case organization
}

/// One node: an account ("any principal of it whose own policies allow"), a user or role
/// (of the inventory, or named in a trust policy and unknown to it), a service, a web identity or
/// SAML provider, or anyone (`*`).
public struct GraphNode: Sendable, Hashable {
    /// An account id, an ARN, a service or provider name, or `*`.
    public var id: String
    public var kind: NodeKind
    /// The AWS account the node belongs to, when it has one.
    public var account: String?
    /// A short name for drawing: the account name, the role or user name, `ec2` for a service.
    public var label: String
    /// Where the node's account stands (organization, third party, unknown external); nil for
    /// services, providers and anyone.
    public var trust: AccountTrust?
    /// True for users and roles described by the inventory (their own policies are known).
    public var inInventory: Bool
    /// Administrator-equivalent (findings.md): AdministratorAccess, or `*`/`iam:*` on `*`.
    public var isAdministrator: Bool

    public init(id: String, kind: NodeKind, account: String? = nil, label: String, trust: AccountTrust? = nil,
                inInventory: Bool = false, isAdministrator: Bool = false) {
        self.id = id
        self.kind = kind
        self.account = account
        self.label = label
        self.trust = trust
        self.inInventory = inInventory
        self.isAdministrator = isAdministrator
    }

    /// Outside the estate: a third party, an unknown external account (or a principal in one), or anyone.
    public var isOutside: Bool {
        if kind == .anyone { return true }
        guard kind == .account || kind == .user || kind == .role else { return false }
        return trust?.isOutside ?? false
    }
}
