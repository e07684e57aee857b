import Foundation
import PolicyEngine

/// `trustmap generate`: a deterministic synthetic organization for demos, tests and benchmarks.
///
/// The same facts are written twice: `inventory.json` in the native format (organization, accounts
/// with their standing, MFA devices) and `gaad/<account>.json` as `aws iam get-account-authorization-details`
/// output, one per account. The trust patterns are a realistic mix: same-account delegation, cross-account
/// roles and roots, vendors with and without external IDs, services with and without source conditions,
/// GitHub OIDC with exact, broad and missing subjects, SAML, guarded and unguarded wildcards, MFA
/// conditions and Deny statements, plus administrator roles and the role chains that reach them.
public struct SyntheticOrganization: Sendable {
    public struct Options: Sendable, Hashable {
        public var accounts: Int
        public var rolesPerAccount: Int
        public var usersPerAccount: Int
        public var seed: UInt64
        public var shape: Shape

        public init(accounts: Int, rolesPerAccount: Int, usersPerAccount: Int, seed: UInt64, shape: Shape = .classic) {
            self.accounts = accounts
            self.rolesPerAccount = rolesPerAccount
            self.usersPerAccount = usersPerAccount
            self.seed = seed
            self.shape = shape
        }
    }

    /// Which mix of trust the organization has. Every shape draws the same random numbers for what they
    /// share, so `classic` stays byte for byte what it always was.
    public enum Shape: String, Sendable, Hashable, CaseIterable {
        /// Three organization-shared roles in the shared-services account, a few public roles.
        case classic
        /// `classic`, plus about 2 % of the other roles shared with the whole organization the standard way:
        /// `"AWS": "*"` guarded by `aws:PrincipalOrgID` (issue #15: every account can reach every such role).
        case orgShared = "org-shared"
    }

    /// Every date is measured from this instant (2026-01-01T00:00:00Z), never from the clock.
    public static let referenceDate: Int64 = 1_767_225_600

    struct Policy {
        var name: String
        var arn: String?
        var document: JSONValue?
    }

    struct Principal {
        var account: String
        var name: String
        var path: String = "/"
        var uniqueID: String
        var policies: [Policy]
        var createdAt: Int64
        // Roles only.
        var trust: JSONValue = .null
        var maxSession = 3600
        var lastUsed: Int64?
        var neverUsed = false
        var kind = ""
        // Users only.
        var mfaDevices = 0

        func arn(_ type: String) -> String { "arn:aws:iam::\(account):\(type)\(path)\(name)" }
    }

    struct AccountInfo {
        var id: String
        var name: String
        var member: Bool
        var thirdParty: Bool
    }

    public let options: Options
    let organizationID: String
    let accounts: [AccountInfo]
    let vendors: [AccountInfo]
    let unknownExternal: String
    private(set) var roles: [Principal] = []
    private(set) var users: [Principal] = []
    private(set) var oidcProviders: [String] = []
    private(set) var samlProviders: [String] = []

    static let administratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess"
    static let readOnlyAccess = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    static let teams = ["payments", "checkout", "search", "data", "ml", "web", "mobile", "identity", "billing", "ledger",
                        "catalog", "growth", "infra", "network", "logging", "analytics", "platform", "support"]
    static let envs = ["prod", "staging", "dev", "sandbox"]
    static let people = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj",
                         "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yolanda"]

    public init(_ options: Options) {
        self.options = options
        var rng = SplitMix64(seed: options.seed)
        let lower = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        organizationID = "o-" + rng.characters(10, from: lower)
        var used = Set<String>()
        func freshAccount() -> String {
            while true {
                let id = rng.digits(12)
                if used.insert(id).inserted { return id }
            }
        }
        var accounts: [AccountInfo] = []
        for i in 0..<max(1, options.accounts) {
            let name: String
            switch i {
            case 0: name = "management"
            case 1: name = "security"
            case 2: name = "shared-services"
            default: name = "\(Self.teams[(i - 3) % Self.teams.count])-\(Self.envs[((i - 3) / Self.teams.count) % Self.envs.count])" + ((i - 3) >= Self.teams.count * Self.envs.count ? "-\(i)" : "")
            }
            accounts.append(AccountInfo(id: freshAccount(), name: name, member: true, thirdParty: false))
        }
        self.accounts = accounts
        vendors = ["monitoring-vendor", "cost-vendor", "backup-vendor", "siem-vendor", "ci-vendor"].map {
            AccountInfo(id: freshAccount(), name: $0, member: false, thirdParty: true)
        }
        unknownExternal = freshAccount()
        generatePrincipals(&rng)
    }

    // MARK: Principals

    private mutating func generatePrincipals(_ rng: inout SplitMix64) {
        let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let vendorIDs = vendors.map { _ in rng.uuid() }
        // The shapes' own choices come from a stream of their own, so the main stream (and `classic`) is untouched.
        var shapeRNG = SplitMix64(seed: options.seed ^ 0x5348_4150_455F_4F52)
        let management = accounts[0].id
        let security = accounts[min(1, accounts.count - 1)].id
        for (ai, account) in accounts.enumerated() {
            let a = account.id
            var hasGitHub = false, hasSAML = false
            func created() -> Int64 { Self.referenceDate - Int64(200 + rng.below(900)) * 86_400 }
            func role(_ name: String, kind: String, trust: JSONValue, policies: [Policy]) -> Principal {
                var p = Principal(account: a, name: name, uniqueID: "AROA" + rng.characters(17, from: upper), policies: policies, createdAt: created())
                p.trust = trust
                p.kind = kind
                switch rng.below(10) {
                case 0: p.neverUsed = true
                case 1, 2: p.lastUsed = Self.referenceDate - Int64(100 + rng.below(300)) * 86_400
                case 3: p.lastUsed = nil
                default: p.lastUsed = Self.referenceDate - Int64(rng.below(30)) * 86_400
                }
                p.maxSession = rng.chance(0.15) ? rng.pick([7200, 14400, 43200]) : 3600
                return p
            }
            let appPolicy = Policy(name: "app-access", arn: nil, document: Self.allow(["s3:GetObject", "s3:PutObject", "dynamodb:Query"], "*"))
            let readOnly = Policy(name: "ReadOnlyAccess", arn: Self.readOnlyAccess, document: nil)
            let admin = Policy(name: "AdministratorAccess", arn: Self.administratorAccess, document: nil)
            var names = Set<String>()
            for r in 0..<options.rolesPerAccount {
                var p: Principal
                switch r {
                case 0 where ai > 0:
                    p = role("OrganizationAccountAccessRole", kind: "org-access", trust: Self.trust(aws: "arn:aws:iam::\(management):root"), policies: [admin])
                case 0, 1:
                    p = role("admin", kind: "admin-mfa", trust: Self.trust(aws: "arn:aws:iam::\(a):root", conditions: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), policies: [admin])
                case 2:
                    p = role("security-audit", kind: "cross-account-root", trust: Self.trust(aws: "arn:aws:iam::\(security):root"), policies: [readOnly])
                case 3:
                    p = role("app-deploy", kind: "same-account-root", trust: Self.trust(aws: "arn:aws:iam::\(a):root"), policies: [appPolicy])
                case 5...7 where ai == 2:
                    // The shared-services account hosts the few roles every account of the organization may use.
                    p = role("org-shared-\(r)", kind: "wildcard-org-guarded",
                             trust: Self.trust(aws: "*", conditions: ["StringEquals": ["aws:PrincipalOrgID": .string(organizationID)]]), policies: [readOnly])
                case 6 where ai % 100 == 7:
                    // A few roles open to every AWS account: one left wide open, one "guarded" by an external ID only.
                    p = role("public-\(r)", kind: "wildcard-unguarded", trust: Self.trust(aws: "*"), policies: [readOnly])
                case 6 where ai % 100 == 8:
                    p = role("public-extid-\(r)", kind: "wildcard-extid",
                             trust: Self.trust(aws: "*", conditions: ["StringEquals": ["sts:ExternalId": .string(rng.uuid())]]), policies: [readOnly])
                case 4:
                    hasGitHub = true
                    p = role("ci-deployer", kind: "github-oidc-sub",
                             trust: Self.github(a, sub: "repo:acme/\(account.name):ref:refs/heads/main", like: false),
                             policies: [Policy(name: "assume-deploy", arn: nil, document: Self.allow(["sts:AssumeRole"], "arn:aws:iam::\(a):role/app-deploy"))])
                default:
                    let spec = randomRole(&rng, account: a, index: r, vendorIDs: vendorIDs, security: security,
                                          appPolicy: appPolicy, readOnly: readOnly, hasGitHub: &hasGitHub, hasSAML: &hasSAML)
                    p = role(spec.0, kind: spec.1, trust: spec.2, policies: spec.3)
                }
                if options.shape == .orgShared && r >= 5 && shapeRNG.chance(0.0222) {
                    // Shared with every account of the organization: the standard `*` + aws:PrincipalOrgID
                    // (2.22 % of the 45 roles in 50 past the fixed ones: 2 % of all roles).
                    p.name = "org-share-\(r)"
                    p.kind = "wildcard-org-guarded"
                    p.trust = Self.trust(aws: "*", conditions: ["StringEquals": ["aws:PrincipalOrgID": .string(organizationID)]])
                    p.policies = [readOnly]
                }
                if !names.insert(p.name).inserted { p.name += "-\(r)" }
                roles.append(p)
            }
            if hasGitHub { oidcProviders.append("arn:aws:iam::\(a):oidc-provider/token.actions.githubusercontent.com") }
            if hasSAML { samlProviders.append("arn:aws:iam::\(a):saml-provider/Okta") }
            for u in 0..<options.usersPerAccount {
                let name = u < Self.people.count ? Self.people[u] : "user\(u)"
                var policies: [Policy]
                switch u {
                case 0: policies = [admin]
                case 1 where ai % 4 == 0: policies = [Policy(name: "assume-any", arn: nil, document: Self.allow(["sts:AssumeRole"], "*"))]
                case 1, 2, 3:
                    policies = [Policy(name: "assume-deploy", arn: nil, document: Self.allow(["sts:AssumeRole"], "arn:aws:iam::\(a):role/app-deploy"))]
                case 4 where ai == 0:
                    policies = [Policy(name: "trust-admin", arn: nil, document: Self.allow(["iam:UpdateAssumeRolePolicy", "iam:GetRole"], "arn:aws:iam::\(a):role/*"))]
                default: policies = [readOnly]
                }
                var p = Principal(account: a, name: name, uniqueID: "AIDA" + rng.characters(17, from: upper), policies: policies,
                                  createdAt: Self.referenceDate - Int64(100 + rng.below(900)) * 86_400)
                p.mfaDevices = rng.chance(0.7) ? 1 : 0
                users.append(p)
            }
        }
    }

    private func randomRole(_ rng: inout SplitMix64, account a: String, index r: Int, vendorIDs: [String], security: String,
                            appPolicy: Policy, readOnly: Policy,
                            hasGitHub: inout Bool, hasSAML: inout Bool) -> (String, String, JSONValue, [Policy]) {
        let roll = rng.below(1000)
        let other = accounts[rng.below(accounts.count)].id
        let v = rng.below(vendors.count)
        let vendor = vendors[v].id
        switch roll {
        case 0..<240:
            return ("app-\(r)", "same-account-root", Self.trust(aws: "arn:aws:iam::\(a):root"), [appPolicy])
        case 240..<360:
            return ("ec2-\(r)", "service-ec2", Self.trust(service: "ec2.amazonaws.com"), [appPolicy])
        case 360..<470:
            return ("lambda-\(r)", "service-lambda", Self.trust(service: "lambda.amazonaws.com"), [appPolicy])
        case 470..<510:
            return ("config-\(r)", "service-deputy-source", Self.trust(service: "config.amazonaws.com", conditions: ["StringEquals": ["aws:SourceAccount": .string(a)]]), [readOnly])
        case 510..<525:
            return ("datasync-\(r)", "service-deputy-nosource", Self.trust(service: "datasync.amazonaws.com"), [appPolicy])
        case 525..<600:
            return ("xacct-\(r)", "cross-account-root", Self.trust(aws: "arn:aws:iam::\(other):root"), [readOnly])
        case 600..<650:
            return ("xacct-mfa-\(r)", "cross-account-root-mfa",
                        Self.trust(aws: "arn:aws:iam::\(other):root", conditions: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), [readOnly])
        case 650..<690:
            return ("from-ci-\(r)", "cross-account-role", Self.trust(aws: "arn:aws:iam::\(other):role/ci-deployer"), [appPolicy])
        case 690..<740:
            return ("\(vendors[v].name)-\(r)", "vendor-extid",
                        Self.trust(aws: "arn:aws:iam::\(vendor):root", conditions: ["StringEquals": ["sts:ExternalId": .string(vendorIDs[v])]]), [readOnly])
        case 740..<750:
            return ("\(vendors[v].name)-noextid-\(r)", "vendor-no-extid", Self.trust(aws: "arn:aws:iam::\(vendor):root"), [readOnly])
        case 750..<755:
            return ("\(vendors[v].name)-weak-\(r)", "vendor-weak-extid",
                        Self.trust(aws: "arn:aws:iam::\(vendor):root", conditions: ["StringEquals": ["sts:ExternalId": .string(a)]]), [readOnly])
        case 755..<785:
            hasGitHub = true
            return ("gha-\(r)", "github-oidc-sub", Self.github(a, sub: "repo:acme/service-\(r):*", like: true), [appPolicy])
        case 785..<795:
            hasGitHub = true
            return ("gha-broad-\(r)", "github-oidc-broad", Self.github(a, sub: "repo:acme/*", like: true), [appPolicy])
        case 795..<800:
            hasGitHub = true
            return ("gha-nosub-\(r)", "github-oidc-no-sub", Self.github(a, sub: nil, like: false), [appPolicy])
        case 800..<830:
            hasSAML = true
            return ("sso-\(r)", "saml", Self.trust(federated: "arn:aws:iam::\(a):saml-provider/Okta", action: "sts:AssumeRoleWithSAML",
                                                       conditions: ["StringEquals": ["SAML:aud": "https://signin.aws.amazon.com/saml"]]), [readOnly])
        case 830..<895:
            let u = users.isEmpty ? "alice" : Self.people[rng.below(min(3, Self.people.count))]
            return ("human-\(r)", "user-mfa", Self.trust(aws: "arn:aws:iam::\(a):user/\(u)", conditions: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), [appPolicy])
        case 895..<925:
            let doc: JSONValue = ["Version": "2012-10-17", "Statement": [
                ["Effect": "Allow", "Principal": ["AWS": .string("arn:aws:iam::\(other):root")], "Action": "sts:AssumeRole"],
                ["Effect": "Deny", "Principal": ["AWS": "*"], "Action": "sts:AssumeRole",
                 "Condition": ["StringNotEquals": ["aws:PrincipalOrgID": .string(organizationID)]]],
            ]]
            return ("fenced-\(r)", "deny-outside-org", doc, [readOnly])
        case 925..<960:
            return ("ops-\(r)", "same-account-root-mfa",
                        Self.trust(aws: "arn:aws:iam::\(a):root", conditions: ["Bool": ["aws:MultiFactorAuthPresent": "true"]]), [appPolicy])
        case 960..<965:
            return ("partner-\(r)", "unknown-external", Self.trust(aws: "arn:aws:iam::\(unknownExternal):root"), [readOnly])
        case 965..<975:
            return ("netguard-\(r)", "same-account-sourceip",
                        Self.trust(aws: "arn:aws:iam::\(a):root", conditions: ["IpAddress": ["aws:SourceIp": "203.0.113.0/24"]]), [appPolicy])
        default:
            return ("batch-\(r)", "service-ecs", Self.trust(service: "ecs-tasks.amazonaws.com"), [appPolicy])
        }
    }

    // MARK: Documents

    static func allow(_ actions: [String], _ resource: String) -> JSONValue {
        ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": .array(actions.map { .string($0) }), "Resource": .string(resource)]]]
    }

    static func trust(aws: String? = nil, service: String? = nil, federated: String? = nil, action: String = "sts:AssumeRole",
                      conditions: JSONValue? = nil) -> JSONValue {
        var principal = JSONObject()
        if let aws { principal["AWS"] = .string(aws) }
        if let service { principal["Service"] = .string(service) }
        if let federated { principal["Federated"] = .string(federated) }
        var statement: JSONObject = JSONObject([("Effect", "Allow"), ("Principal", .object(principal)), ("Action", .string(action))])
        if let conditions { statement["Condition"] = conditions }
        return ["Version": "2012-10-17", "Statement": [.object(statement)]]
    }

    static func github(_ account: String, sub: String?, like: Bool) -> JSONValue {
        var conditions = JSONObject([("StringEquals", ["token.actions.githubusercontent.com:aud": "sts.amazonaws.com"])])
        if let sub {
            if like { conditions["StringLike"] = ["token.actions.githubusercontent.com:sub": .string(sub)] }
            else { conditions["StringEquals"] = ["token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": .string(sub)] }
        }
        return trust(federated: "arn:aws:iam::\(account):oidc-provider/token.actions.githubusercontent.com",
                     action: "sts:AssumeRoleWithWebIdentity", conditions: .object(conditions))
    }
}
