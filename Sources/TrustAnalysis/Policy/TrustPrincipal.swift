import PolicyEngine

/// One value of a trust statement's `Principal`, classified (assume-role.md §c).
enum TrustPrincipal: Sendable, Hashable {
    /// `"Principal": "*"`: every caller of every type.
    case anyone
    /// `{"AWS": "*"}`: every IAM user and role session of every account.
    case anyAWS
    /// `"111122223333"` or `arn:aws:iam::111122223333:root`: the whole account.
    case account(String)
    case user(arn: String, account: String)
    case role(arn: String, account: String)
    /// `arn:aws:sts::A:assumed-role/ROLE/SESSION`.
    case session(arn: String, account: String, roleName: String, sessionName: String)
    case federatedUser(arn: String, account: String)
    /// `AIDA…`/`AROA…`: what GetRole shows for a deleted principal.
    case uniqueID(String)
    case service(String)
    /// An IAM OIDC provider ARN; `issuer` is the host and path after `oidc-provider/`.
    case oidcProvider(arn: String, account: String, issuer: String)
    case samlProvider(arn: String, account: String)
    /// `cognito-identity.amazonaws.com`, `accounts.google.com`, `graph.facebook.com`, `www.amazon.com`.
    case builtInWebIdentity(String)
    /// Anything else (unparseable ARNs, CanonicalUser, unknown types): matches nothing useful.
    case other(type: String, value: String)

    /// The graph node id of this principal (an account id, an ARN, a service or provider name, `*`).
    var nodeID: String {
        switch self {
        case .anyone, .anyAWS: return "*"
        case .account(let a): return a
        case .user(let arn, _), .role(let arn, _), .session(let arn, _, _, _), .federatedUser(let arn, _): return arn
        case .uniqueID(let id): return id
        case .service(let s): return s
        case .oidcProvider(let arn, _, _), .samlProvider(let arn, _): return arn
        case .builtInWebIdentity(let p): return p
        case .other(_, let v): return v
        }
    }

    /// The AWS account the principal belongs to, for AWS principals written with one.
    var awsAccount: String? {
        switch self {
        case .account(let a): return a
        case .user(_, let a), .role(_, let a), .session(_, let a, _, _), .federatedUser(_, let a): return a
        default: return nil
        }
    }

    var isAWSWildcard: Bool {
        switch self {
        case .anyone, .anyAWS: return true
        default: return false
        }
    }

    /// An AWS principal (user/role/session/account/unique id), the kind that calls sts:AssumeRole.
    var isAWS: Bool {
        switch self {
        case .anyone, .anyAWS, .account, .user, .role, .session, .federatedUser, .uniqueID: return true
        default: return false
        }
    }

    /// The analysis' view of one principal value: the engine's classification (`PrincipalPattern`, the one
    /// grammar of the `Principal` element), with the parts a graph node needs taken out of it. Values the
    /// engine reads but that name no account the graph can draw (an ARN whose account is not twelve digits,
    /// a session ARN without a session name, a principal type IAM does not know) become `.other`.
    static func classify(type: String, value: String) -> TrustPrincipal {
        let known = type == "AWS" || type == "Service" || type == "Federated" || type == "CanonicalUser"
        guard known else { return .other(type: type, value: value) }
        switch PrincipalPattern(type: type, value: value) {
        case .anyone, .anyAWS:
            return .anyAWS
        case .account(let id, _, _):
            return Arn.isAccountID(id) ? .account(id) : .other(type: type, value: value)
        case .user(let arn):
            return accountOf(arn).map { .user(arn: arn, account: $0) } ?? .other(type: type, value: value)
        case .role(let arn, _, let account, _):
            return Arn.isAccountID(account) ? .role(arn: arn, account: account) : .other(type: type, value: value)
        case .session(let arn):
            guard let a = Arn(arn), Arn.isAccountID(a.account) else { return .other(type: type, value: value) }
            let rest = a.resource.dropFirst("assumed-role/".count).asciiSplit(separator: "/", maxSplits: 1)
            guard rest.count == 2 else { return .other(type: type, value: value) }
            return .session(arn: arn, account: a.account, roleName: String(rest[0]), sessionName: String(rest[1]))
        case .federatedUser(let arn):
            return accountOf(arn).map { .federatedUser(arn: arn, account: $0) } ?? .other(type: type, value: value)
        case .uniqueId(let id):
            return .uniqueID(id)
        case .service(let name):
            return .service(name)
        case .federated(let provider):
            if BuiltInWebIdentityProviders.isBuiltIn(provider) { return .builtInWebIdentity(provider.lowercased()) }
            if let a = Arn(provider), a.service == "iam", Arn.isAccountID(a.account) {
                if a.resource.hasPrefix("oidc-provider/") {
                    return .oidcProvider(arn: provider, account: a.account, issuer: String(a.resource.dropFirst("oidc-provider/".count)))
                }
                if a.resource.hasPrefix("saml-provider/") { return .samlProvider(arn: provider, account: a.account) }
            }
            return .other(type: type, value: value)
        case .canonicalUser, .other:
            return .other(type: type, value: value)
        }
    }

    private static func accountOf(_ arn: String) -> String? {
        guard let a = Arn(arn), Arn.isAccountID(a.account) else { return nil }
        return a.account
    }
}
