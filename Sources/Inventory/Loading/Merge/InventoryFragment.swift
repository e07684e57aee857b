import PolicyEngine

/// What one input file says, before merging: the facts it gives, and which fields it gives,
/// so that a later file can win field by field without erasing what it does not mention.
struct InventoryFragment: Sendable {
    var file: String
    var kind: String
    var status: LoadedFile.Status
    var warnings: [LoadDiagnostic] = []
    var errors: [LoadDiagnostic] = []
    /// Why a skipped file was skipped, in words (the error when nothing usable was loaded lists them).
    var skipReason: String?

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

/// A field of a draft; its place in `allCases` is its bit in a `FieldSet`.
protocol DraftField: CaseIterable, Sendable {
    /// 0, 1, 2… in declaration order (written out: asking `allCases` would build an array per call).
    var ordinal: Int { get }
}

/// Which fields an input gave, as bits: every role and user carries one, and a `Set` of enum cases
/// cost a hash per insert on the hot path of reading 50,000 roles.
struct FieldSet<Field: DraftField>: Sendable, Equatable, ExpressibleByArrayLiteral {
    private var bits: UInt32 = 0

    init(arrayLiteral fields: Field...) {
        for f in fields { insert(f) }
    }

    mutating func insert(_ f: Field) { bits |= 1 << UInt32(f.ordinal) }
    func contains(_ f: Field) -> Bool { bits & (1 << UInt32(f.ordinal)) != 0 }
    mutating func formUnion(_ other: FieldSet) { bits |= other.bits }
}

enum RoleField: String, DraftField {
    case uniqueId, description, trustPolicy, policies, permissionsBoundary, maxSessionDuration, tags, lastUsed, createdAt

    var ordinal: Int {
        switch self {
        case .uniqueId: 0
        case .description: 1
        case .trustPolicy: 2
        case .policies: 3
        case .permissionsBoundary: 4
        case .maxSessionDuration: 5
        case .tags: 6
        case .lastUsed: 7
        case .createdAt: 8
        }
    }
}

struct RoleDraft: Sendable {
    var role: Role
    var given: FieldSet<RoleField>
    var path: [JSONPathComponent]
}

enum UserField: String, DraftField {
    case uniqueId, policies, permissionsBoundary, groups, mfaDevices, tags, createdAt

    var ordinal: Int {
        switch self {
        case .uniqueId: 0
        case .policies: 1
        case .permissionsBoundary: 2
        case .groups: 3
        case .mfaDevices: 4
        case .tags: 5
        case .createdAt: 6
        }
    }
}

struct UserDraft: Sendable {
    var user: User
    var given: FieldSet<UserField>
    var path: [JSONPathComponent]
}

enum AccountField: String, DraftField {
    case name, inOrganization, thirdParty, ou, status, tags, expectedSourceCidrs

    var ordinal: Int {
        switch self {
        case .name: 0
        case .inOrganization: 1
        case .thirdParty: 2
        case .ou: 3
        case .status: 4
        case .tags: 5
        case .expectedSourceCidrs: 6
        }
    }
}

struct AccountDraft: Sendable {
    var account: Account
    var given: FieldSet<AccountField>
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
