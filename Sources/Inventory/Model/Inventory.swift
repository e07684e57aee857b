import PolicyEngine

/// Everything trustmap knows about an estate, merged from every input file.
///
/// Plain values, sorted where order reaches output. Built once by the loaders,
/// read by the engine adapter, the analysis and the dashboard.
public struct Inventory: Sendable {
    public var name: String?
    public var organization: Organization?
    /// Sorted by id.
    public var accounts: [Account]
    /// Sorted by ARN.
    public var roles: [Role]
    /// Sorted by ARN.
    public var users: [User]
    /// Number of IAM groups seen in authorization-details dumps (their policies are flattened into users).
    public var groupCount: Int
    /// Number of distinct managed policy documents seen.
    public var managedPolicyCount: Int
    /// IAM SAML provider ARNs, sorted.
    public var samlProviders: [String]
    /// IAM OIDC provider ARNs, sorted.
    public var oidcProviders: [String]
    /// Observed STS events (CloudTrail), for the activity overlay.
    public var observedEvents: [ObservedEvent]

    public init(
        name: String? = nil, organization: Organization? = nil, accounts: [Account] = [], roles: [Role] = [],
        users: [User] = [], groupCount: Int = 0, managedPolicyCount: Int = 0, samlProviders: [String] = [],
        oidcProviders: [String] = [], observedEvents: [ObservedEvent] = []
    ) {
        self.name = name
        self.organization = organization
        self.accounts = accounts
        self.roles = roles
        self.users = users
        self.groupCount = groupCount
        self.managedPolicyCount = managedPolicyCount
        self.samlProviders = samlProviders
        self.oidcProviders = oidcProviders
        self.observedEvents = observedEvents
    }
}

public struct Organization: Sendable, Hashable {
    public var id: String
    public var managementAccount: String?
    public var scps: [OrganizationPolicy]
    public var rcps: [OrganizationPolicy]
    public var units: [OrganizationalUnit]

    public init(id: String, managementAccount: String? = nil, scps: [OrganizationPolicy] = [], rcps: [OrganizationPolicy] = [], units: [OrganizationalUnit] = []) {
        self.id = id
        self.managementAccount = managementAccount
        self.scps = scps
        self.rcps = rcps
        self.units = units
    }
}

/// A service control policy or resource control policy with its attachment targets.
public struct OrganizationPolicy: Sendable, Hashable {
    public var name: String
    public var id: String?
    /// `root` (or an `r-…` id), OU ids (`ou-…`) or account ids.
    public var targets: [String]
    public var document: PolicyDocument

    public init(name: String, id: String? = nil, targets: [String], document: PolicyDocument) {
        self.name = name
        self.id = id
        self.targets = targets
        self.document = document
    }
}

public struct OrganizationalUnit: Sendable, Hashable {
    public var id: String
    public var name: String?
    /// The parent OU id, or nil under the root.
    public var parent: String?
    public var accounts: [String]

    public init(id: String, name: String? = nil, parent: String? = nil, accounts: [String] = []) {
        self.id = id
        self.name = name
        self.parent = parent
        self.accounts = accounts
    }
}

public struct Account: Sendable, Hashable {
    /// Exactly 12 digits.
    public var id: String
    public var name: String?
    public var inOrganization: Bool
    public var thirdParty: Bool
    public var ou: String?
    public var status: String?
    public var tags: [String: String]
    public var expectedSourceCidrs: [String]
    /// False for accounts that are only referenced (in a trust policy or an ARN), never listed.
    public var isListed: Bool

    public init(
        id: String, name: String? = nil, inOrganization: Bool = false, thirdParty: Bool = false, ou: String? = nil,
        status: String? = nil, tags: [String: String] = [:], expectedSourceCidrs: [String] = [], isListed: Bool = true
    ) {
        self.id = id
        self.name = name
        self.inOrganization = inOrganization
        self.thirdParty = thirdParty
        self.ou = ou
        self.status = status
        self.tags = tags
        self.expectedSourceCidrs = expectedSourceCidrs
        self.isListed = isListed
    }

    /// The name when known, else the id.
    public var displayName: String { name ?? id }
}

/// An identity policy attached to a user or role (inline, group-derived or managed), resolved.
public struct AttachedPolicy: Sendable, Hashable {
    public var name: String
    /// The managed policy ARN, for managed policies.
    public var arn: String?
    /// nil when the document is unknown (an AWS managed policy not in the dump and not bundled).
    public var document: PolicyDocument?
    /// Where the policy came from: "inline", "managed", "group:NAME".
    public var origin: String

    public init(name: String, arn: String? = nil, document: PolicyDocument?, origin: String = "inline") {
        self.name = name
        self.arn = arn
        self.document = document
        self.origin = origin
    }
}

/// When a principal was last used, as far as the inventory knows.
public enum LastUsed: Sendable, Hashable {
    case unknown
    case never
    /// Seconds since 1970-01-01T00:00:00Z.
    case at(epochSeconds: Int64)
}

public struct Role: Sendable, Hashable {
    public var arn: String
    public var accountId: String
    /// The role name, without path.
    public var name: String
    /// The path, `/` by default, with leading and trailing slashes.
    public var path: String
    public var uniqueId: String?
    public var description: String?
    public var trustPolicy: PolicyDocument
    public var policies: [AttachedPolicy]
    public var permissionsBoundary: AttachedPolicy?
    /// 3600...43200; 3600 when absent.
    public var maxSessionDuration: Int
    public var tags: [String: String]
    public var lastUsed: LastUsed
    /// Seconds since 1970; nil when unknown.
    public var createdAt: Int64?

    public init(
        arn: String, accountId: String, name: String, path: String = "/", uniqueId: String? = nil,
        description: String? = nil, trustPolicy: PolicyDocument, policies: [AttachedPolicy] = [],
        permissionsBoundary: AttachedPolicy? = nil, maxSessionDuration: Int = 3600, tags: [String: String] = [:],
        lastUsed: LastUsed = .unknown, createdAt: Int64? = nil
    ) {
        self.arn = arn
        self.accountId = accountId
        self.name = name
        self.path = path
        self.uniqueId = uniqueId
        self.description = description
        self.trustPolicy = trustPolicy
        self.policies = policies
        self.permissionsBoundary = permissionsBoundary
        self.maxSessionDuration = maxSessionDuration
        self.tags = tags
        self.lastUsed = lastUsed
        self.createdAt = createdAt
    }

    /// Service-linked roles live under `/aws-service-role/`; SCPs do not restrict them.
    public var isServiceLinked: Bool { path.hasPrefix("/aws-service-role/") }
}

public struct User: Sendable, Hashable {
    public var arn: String
    public var accountId: String
    public var name: String
    public var path: String
    public var uniqueId: String?
    public var policies: [AttachedPolicy]
    public var permissionsBoundary: AttachedPolicy?
    public var groups: [String]
    public var mfaDevices: Int?
    public var tags: [String: String]
    public var createdAt: Int64?

    public init(
        arn: String, accountId: String, name: String, path: String = "/", uniqueId: String? = nil,
        policies: [AttachedPolicy] = [], permissionsBoundary: AttachedPolicy? = nil, groups: [String] = [],
        mfaDevices: Int? = nil, tags: [String: String] = [:], createdAt: Int64? = nil
    ) {
        self.arn = arn
        self.accountId = accountId
        self.name = name
        self.path = path
        self.uniqueId = uniqueId
        self.policies = policies
        self.permissionsBoundary = permissionsBoundary
        self.groups = groups
        self.mfaDevices = mfaDevices
        self.tags = tags
        self.createdAt = createdAt
    }
}

/// One STS call seen in CloudTrail.
public struct ObservedEvent: Sendable, Hashable {
    public var eventName: String
    public var eventTime: Int64
    public var callerArn: String?
    public var roleArn: String?
    public var sourceIp: String?
    public var errorCode: String?

    public init(eventName: String, eventTime: Int64, callerArn: String? = nil, roleArn: String? = nil, sourceIp: String? = nil, errorCode: String? = nil) {
        self.eventName = eventName
        self.eventTime = eventTime
        self.callerArn = callerArn
        self.roleArn = roleArn
        self.sourceIp = sourceIp
        self.errorCode = errorCode
    }
}
