/// The caller as principal matching sees it (assume-role.md §0.3).
public struct CallerPrincipal: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// An IAM user.
        case user
        /// An assumed-role session `arn:aws:sts::A:assumed-role/ROLE/SESSION`.
        case roleSession = "role-session"
        /// An IAM role ARN used directly as the caller (the peer suite does this; STS callers are sessions).
        case role
        /// A `GetFederationToken` session.
        case federatedUser = "federated-user"
        /// The account root user.
        case root
        /// "Some principal of this account": an outsider given as a bare account ID.
        case account
        /// An AWS service principal (`lambda.amazonaws.com`).
        case service
        /// An OIDC identity (AssumeRoleWithWebIdentity).
        case webIdentity = "web-identity"
        /// A SAML identity (AssumeRoleWithSAML).
        case saml
        /// An unsigned request.
        case anonymous
    }

    public var kind: Kind
    /// The caller's ARN; the service name; the OIDC provider ARN or built-in name; the SAML provider ARN; or the account ID.
    public var arn: String
    public var partition: String
    /// Nil for service, web-identity, SAML and anonymous callers.
    public var accountId: String?
    /// For sessions: the role's ARN with its path when the role is known, else nil.
    public var roleArn: String?
    /// For sessions: the role name from the session ARN. For users: the user name.
    public var name: String?
    /// For sessions: the session name.
    public var sessionName: String?
    /// The user's or the session role's unique ID (`AIDA…`/`AROA…`), when known.
    public var uniqueId: String?

    public init(kind: Kind, arn: String, partition: String = "aws", accountId: String? = nil, roleArn: String? = nil, name: String? = nil, sessionName: String? = nil, uniqueId: String? = nil) {
        self.kind = kind
        self.arn = arn
        self.partition = partition
        self.accountId = accountId
        self.roleArn = roleArn
        self.name = name
        self.sessionName = sessionName
        self.uniqueId = uniqueId
    }

    /// Classifies a principal string: an IAM/STS ARN, a bare account ID, or a service principal.
    /// Nil when it is none of them.
    public static func parse(_ text: String) -> CallerPrincipal? {
        if Arn.isAccountID(text) {
            return CallerPrincipal(kind: .account, arn: text, accountId: text)
        }
        if let arn = Arn(text) {
            let acct = arn.account
            if arn.service == "iam" {
                if arn.resource == "root" { return CallerPrincipal(kind: .root, arn: text, partition: arn.partition, accountId: acct) }
                if arn.resource.hasPrefix("user/") {
                    let name = arn.resource.asciiSplit(separator: "/").last.map(String.init)
                    return CallerPrincipal(kind: .user, arn: text, partition: arn.partition, accountId: acct, name: name)
                }
                if arn.resource.hasPrefix("role/") {
                    let name = arn.resource.asciiSplit(separator: "/").last.map(String.init)
                    return CallerPrincipal(kind: .role, arn: text, partition: arn.partition, accountId: acct, roleArn: text, name: name)
                }
                return nil
            }
            if arn.service == "sts" {
                let parts = arn.resource.asciiSplit(separator: "/", omittingEmptySubsequences: false)
                if parts.count == 3, parts[0] == "assumed-role", !parts[1].isEmpty, !parts[2].isEmpty {
                    return CallerPrincipal(kind: .roleSession, arn: text, partition: arn.partition, accountId: acct, name: String(parts[1]), sessionName: String(parts[2]))
                }
                if parts.count == 2, parts[0] == "federated-user", !parts[1].isEmpty {
                    return CallerPrincipal(kind: .federatedUser, arn: text, partition: arn.partition, accountId: acct, name: String(parts[1]))
                }
                return nil
            }
            return nil
        }
        if !text.hasPrefix("arn:"), text.contains("."), !text.contains(" ") {
            return CallerPrincipal(kind: .service, arn: text)
        }
        return nil
    }

    /// True for IAM users and role sessions (and the role-ARN form): the callers that have an identity side.
    public var isIAMIdentity: Bool {
        switch kind {
        case .user, .roleSession, .role, .account, .root, .federatedUser: return true
        default: return false
        }
    }
}

/// How a `Principal` value matched the caller (assume-role.md §c). `direct` beats `account` beats `none`.
public enum PrincipalMatch: Int, Sendable, Hashable, Comparable {
    case none = 0
    /// Through the account (`"111122223333"`, `arn:aws:iam::111122223333:root`): the account's own policies must allow too.
    case account = 1
    /// The caller by name, unique ID, service, provider, or `*`.
    case direct = 2

    public static func < (a: PrincipalMatch, b: PrincipalMatch) -> Bool { a.rawValue < b.rawValue }
}
