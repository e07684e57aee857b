import PolicyEngine

/// What one input file says, before merging: the facts it gives, and which fields it gives,
/// so that a later file can win field by field without erasing what it does not mention.
struct InventoryFragment: Sendable {
    var file: String
    var kind: String
    var status: LoadedFile.Status
    var warnings: [LoadDiagnostic] = []
    var errors: [LoadDiagnostic] = []

    var name: String?
    var namePath: [JSONPathComponent] = []
    var accounts: [AccountDraft] = []
    var roles: [RoleDraft] = []
    var users: [UserDraft] = []
    var organization: OrganizationDraft?
    var samlProviders: [String] = []
    var oidcProviders: [String] = []
    var events: [ObservedEvent] = []
    /// Group ARNs seen (their policies are already flattened into users).
    var groupArns: [String] = []
    /// Managed policy ARN → its default version's document as written (parsed only when needed),
    /// from authorization-details `Policies`: lets other files resolve what they reference.
    var managedPolicyDocuments: [String: JSONValue] = [:]
    /// Managed policies referenced here without a document, with the first place each is referenced.
    var unresolvedPolicies: [UnresolvedPolicy] = []
    /// Accounts this file names in trust policies, ARNs or organization targets.
    var referencedAccounts: Set<String> = []

    init(file: String, kind: String, status: LoadedFile.Status) {
        self.file = file
        self.kind = kind
        self.status = status
    }
}

struct UnresolvedPolicy: Sendable {
    var arn: String
    var path: [JSONPathComponent]
    var position: SourcePosition?
}

enum RoleField: String, CaseIterable, Sendable {
    case uniqueId, description, trustPolicy, policies, permissionsBoundary, maxSessionDuration, tags, lastUsed, createdAt
}

struct RoleDraft: Sendable {
    var role: Role
    var given: Set<RoleField>
    var path: [JSONPathComponent]
}

enum UserField: String, CaseIterable, Sendable {
    case uniqueId, policies, permissionsBoundary, groups, mfaDevices, tags, createdAt
}

struct UserDraft: Sendable {
    var user: User
    var given: Set<UserField>
    var path: [JSONPathComponent]
}

enum AccountField: String, CaseIterable, Sendable {
    case name, inOrganization, thirdParty, ou, status, tags, expectedSourceCidrs
}

struct AccountDraft: Sendable {
    var account: Account
    var given: Set<AccountField>
    var path: [JSONPathComponent]
    /// Listed in a native `accounts:` list (gets the in-organization default).
    var fromNativeList = false
    /// Known to be a member (Organizations listing, management account, an OU's account list).
    var memberOfOrganization = false
}

struct OrganizationDraft: Sendable {
    var id: String?
    var managementAccount: String?
    var scps: [OrganizationPolicyDraft] = []
    var rcps: [OrganizationPolicyDraft] = []
    var units: [OrganizationalUnit] = []
    var path: [JSONPathComponent] = []
}

struct OrganizationPolicyDraft: Sendable {
    var name: String
    var id: String?
    /// nil when the input does not say (describe-policy has no targets).
    var targets: [String]?
    /// nil when the input gives only the summary (list-policies).
    var document: PolicyDocument?
    var path: [JSONPathComponent]
}
