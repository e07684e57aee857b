import PolicyEngine

/// What a file is, recognised by its content (spec/inventory.md, "Accepted inputs").
enum InputKind: String, Sendable {
    case native = "native-inventory"
    case authorizationDetails = "aws-authorization-details"
    case organizationAccounts = "organizations-accounts"
    case organization = "organizations-organization"
    case organizationRoots = "organizations-roots"
    case organizationalUnits = "organizations-units"
    case organizationPolicy = "organizations-policy"
    case organizationPolicies = "organizations-policies"
    case organizationTree = "organizations-tree"
    case samlProviders = "iam-saml-providers"
    case oidcProviders = "iam-oidc-providers"
    case cloudTrail = "cloudtrail"
    case cloudTrailLookup = "cloudtrail-lookup-events"
    /// One CloudTrail record, or a bare list of them, as documentation and test suites show them.
    case cloudTrailRecord = "cloudtrail-records"
    case unrecognised

    static let nativeKeys = ["accounts", "roles", "users", "organization"]
    static let authorizationDetailsKeys = ["RoleDetailList", "UserDetailList", "GroupDetailList"]

    static func detect(_ root: JSONValue) -> InputKind {
        switch root {
        case .object(let o):
            if let version = o["version"] {
                if version.scalarText == "1" || nativeKeys.contains(where: { o[$0] != nil }) { return .native }
            }
            if isAuthorizationDetails(o) { return .authorizationDetails }
            if let policies = o["Policies"]?.arrayValue {
                if policies.contains(where: { $0["PolicyVersionList"] != nil }) { return .authorizationDetails }
                if o["Children"] != nil, o["Id"]?.stringValue?.hasPrefix("r-") == true { return .organizationTree }
                if !policies.isEmpty, policies.allSatisfy({ $0["Type"] != nil || $0["AwsManaged"] != nil }) { return .organizationPolicies }
            }
            if o["Children"] != nil, o["Id"]?.stringValue?.hasPrefix("r-") == true { return .organizationTree }
            if o["Policy"]?["PolicySummary"] != nil { return .organizationPolicy }
            // One entry without an Id does not make the file something else: the reader warns about that entry.
            if let accounts = o["Accounts"]?.arrayValue, accounts.isEmpty || accounts.contains(where: { $0["Id"] != nil }) { return .organizationAccounts }
            if o["Organization"]?.objectValue != nil { return .organization }
            if o["Roots"]?.arrayValue != nil { return .organizationRoots }
            if o["OrganizationalUnits"]?.arrayValue != nil { return .organizationalUnits }
            if o["SAMLProviderList"] != nil { return .samlProviders }
            if o["OpenIDConnectProviderList"] != nil { return .oidcProviders }
            if o["Records"]?.arrayValue != nil { return .cloudTrail }
            if o["eventSource"]?.stringValue != nil, o["eventName"]?.stringValue != nil, o["eventTime"] != nil { return .cloudTrailRecord }
            if let events = o["Events"]?.arrayValue, events.contains(where: { $0["CloudTrailEvent"] != nil }) { return .cloudTrailLookup }
            // Several accounts in one file: {"111111111111": {dump}, ...}.
            if !o.isEmpty, o.members.allSatisfy({ AccountID.isValid($0.key) && $0.value.objectValue.map(isAuthorizationDetails) == true }) {
                return .authorizationDetails
            }
            return .unrecognised
        case .array(let items):
            // Several accounts in one file: [{dump}, {dump}].
            if !items.isEmpty, items.allSatisfy({ $0.objectValue.map(isAuthorizationDetails) == true }) { return .authorizationDetails }
            if !items.isEmpty, items.allSatisfy({ $0["eventSource"]?.stringValue != nil && $0["eventName"]?.stringValue != nil }) { return .cloudTrailRecord }
            return .unrecognised
        default:
            return .unrecognised
        }
    }

    static func isAuthorizationDetails(_ o: JSONObject) -> Bool {
        authorizationDetailsKeys.contains { o[$0] != nil }
    }
}
