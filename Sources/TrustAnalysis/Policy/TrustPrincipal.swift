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

    /// Twelve ASCII digits. Read as bytes: every principal of every trust policy passes through here.
    static func isAccountID(_ s: Substring) -> Bool {
        s.utf8.count == 12 && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    static func looksLikeUniqueID(_ s: String) -> Bool {
        guard s.utf8.count >= 20, s.hasPrefix("AIDA") || s.hasPrefix("AROA") else { return false }
        return s.utf8.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` split at its first five colons, scanning bytes once;
    /// nil when it is not an ARN.
    static func arnFields(_ value: String) -> (service: Substring, account: Substring, resource: Substring)? {
        let utf8 = value.utf8
        guard utf8.starts(with: "arn:".utf8) else { return nil }
        var colons: [String.Index] = []
        colons.reserveCapacity(5)
        var i = utf8.startIndex
        while i != utf8.endIndex && colons.count < 5 {
            if utf8[i] == 0x3A { colons.append(i) }
            i = utf8.index(after: i)
        }
        guard colons.count == 5 else { return nil }
        func after(_ c: String.Index) -> String.Index { utf8.index(after: c) }
        return (value[after(colons[1])..<colons[2]], value[after(colons[3])..<colons[4]], value[after(colons[4])...])
    }

    static func classify(type: String, value: String) -> TrustPrincipal {
        switch type {
        case "AWS":
            if value == "*" { return .anyAWS }
            if isAccountID(value[...]) { return .account(value) }
            if looksLikeUniqueID(value) { return .uniqueID(value) }
            guard let parts = arnFields(value), isAccountID(parts.account) else { return .other(type: type, value: value) }
            let account = String(parts.account)
            let resource = parts.resource
            if parts.service == "iam" {
                if resource == "root" { return .account(account) }
                if resource.hasPrefix("user/") { return .user(arn: value, account: account) }
                if resource.hasPrefix("role/") { return .role(arn: value, account: account) }
            } else if parts.service == "sts" {
                if resource.hasPrefix("assumed-role/") {
                    let rest = resource.dropFirst("assumed-role/".count).asciiSplit(separator: "/", maxSplits: 1)
                    if rest.count == 2 {
                        return .session(arn: value, account: account, roleName: String(rest[0]), sessionName: String(rest[1]))
                    }
                }
                if resource.hasPrefix("federated-user/") { return .federatedUser(arn: value, account: account) }
            }
            return .other(type: type, value: value)
        case "Service":
            return .service(value)
        case "Federated":
            let lower = value.lowercased()
            if BuiltInWebIdentityProviders.isBuiltIn(lower) { return .builtInWebIdentity(lower) }
            let parts = value.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            if parts.count == 6, parts[0] == "arn", parts[2] == "iam", isAccountID(parts[4]) {
                if parts[5].hasPrefix("oidc-provider/") {
                    return .oidcProvider(arn: value, account: String(parts[4]), issuer: String(parts[5].dropFirst("oidc-provider/".count)))
                }
                if parts[5].hasPrefix("saml-provider/") { return .samlProvider(arn: value, account: String(parts[4])) }
            }
            return .other(type: type, value: value)
        default:
            return .other(type: type, value: value)
        }
    }
}
