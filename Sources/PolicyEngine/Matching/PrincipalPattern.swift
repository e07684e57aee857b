/// One value of a `Principal` element, classified once (assume-role.md §c, the principal table;
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
public enum PrincipalPattern: Sendable, Hashable {
    /// `"Principal": "*"`: every caller of every type.
    case anyone
    /// `{"AWS": "*"}`: every IAM user and role session in any account (not services or federated callers).
    case anyAWS
    /// A bare account ID or `arn:…:iam::ACCT:root`: the whole account, not the root user. Partition nil for bare IDs.
    case account(id: String, partition: String?, written: String)
    /// `arn:…:iam::A:user/path/name`: that user, exact ARN.
    case user(String)
    /// `arn:…:iam::A:role/path/name`: every session of that role.
    case role(arn: String, partition: String, account: String, name: String)
    /// `arn:…:sts::A:assumed-role/ROLE/SESSION`: that exact session.
    case session(String)
    /// `arn:…:sts::A:federated-user/N`.
    case federatedUser(String)
    /// `AIDA…`/`AROA…`: the principal with that unique ID (usually a deleted principal).
    case uniqueId(String)
    /// `{"Service": "svc.amazonaws.com"}`, exact string.
    case service(String)
    /// `{"Federated": provider ARN or built-in name}`.
    case federated(String)
    /// `{"CanonicalUser": …}`: S3 only; matches nothing here.
    case canonicalUser(String)
    /// Anything else under `AWS` (compared as an exact string).
    case other(String)

    /// Classifies one value of the principal type `type` (`AWS`, `Service`, `Federated`, `CanonicalUser`).
    public init(type: String, value: String) {
        switch type {
        case "Service":
            self = .service(value)
            return
        case "Federated":
            self = .federated(value)
            return
        case "CanonicalUser":
            self = .canonicalUser(value)
            return
        default:
            break
        }
        if value == "*" {
            self = .anyAWS
            return
        }
        if Arn.isAccountID(value) {
            self = .account(id: value, partition: nil, written: value)
            return
        }
        if Self.looksLikeUniqueId(value) {
            self = .uniqueId(value)
            return
        }
        if let arn = Arn(value) {
            if arn.service == "iam" {
                if arn.resource == "root" {
                    self = .account(id: arn.account, partition: arn.partition, written: value)
                    return
                }
                if arn.resource.hasPrefix("user/") {
                    self = .user(value)
                    return
                }
                if arn.resource.hasPrefix("role/") {
                    let name = arn.resource.asciiSplit(separator: "/").last.map(String.init) ?? ""
                    self = .role(arn: value, partition: arn.partition, account: arn.account, name: name)
                    return
                }
            } else if arn.service == "sts" {
                if arn.resource.hasPrefix("assumed-role/") {
                    self = .session(value)
                    return
                }
                if arn.resource.hasPrefix("federated-user/") {
                    self = .federatedUser(value)
                    return
                }
            }
        }
        self = .other(value)
    }

    /// `^A(IDA|ROA)[A-Z0-9]{16,}$`: how IAM shows a deleted principal in a trust policy (§c rule 2).
    public static func looksLikeUniqueId(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count >= 20, b[0] == 0x41 else { return false }
        let p = String(decoding: b[1..<4], as: UTF8.self)
        guard p == "IDA" || p == "ROA" else { return false }
        return b[4...].allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// True for a principal IAM refuses to store: a wildcard that is only part of the value (§B.7).
    public var hasPartialWildcard: Bool {
        switch self {
        case .anyone, .anyAWS: return false
        case .account(_, _, let w): return w.utf8Contains("*") && w.contains("*")
        case .user(let s), .session(let s), .federatedUser(let s), .uniqueId(let s), .service(let s), .federated(let s), .other(let s), .canonicalUser(let s):
            return (s.utf8Contains("*") && s.contains("*")) || (s.utf8Contains("?") && s.contains("?"))
        case .role(let arn, _, _, _): return (arn.utf8Contains("*") && arn.contains("*")) || (arn.utf8Contains("?") && arn.contains("?"))
        }
    }

    /// The value as written.
    public var text: String {
        switch self {
        case .anyone, .anyAWS: return "*"
        case .account(_, _, let w): return w
        case .role(let arn, _, _, _): return arn
        case .user(let s), .session(let s), .federatedUser(let s), .uniqueId(let s), .service(let s), .federated(let s), .other(let s), .canonicalUser(let s): return s
        }
    }

    /// How this value matches `caller` (no allocation: the graph builder calls this per candidate edge).
    public func matchKind(_ caller: CallerPrincipal) -> PrincipalMatch {
        switch self {
        case .anyone:
            return .direct
        case .anyAWS:
            switch caller.kind {
            // {"AWS": "*"} covers IAM principals only [convention, assume-role.md §c].
            case .service, .webIdentity, .saml: return .none
            default: return .direct
            }
        case .account(let id, let partition, _):
            guard caller.isIAMIdentity, caller.accountId == id else { return .none }
            if let partition, partition != caller.partition { return .none }
            return .account
        case .user(let arn):
            return caller.kind == .user && caller.arn == arn ? .direct : .none
        case .role(let arn, let partition, let account, let name):
            switch caller.kind {
            case .role: return caller.arn == arn ? .direct : .none
            case .roleSession:
                if let roleArn = caller.roleArn { return roleArn == arn ? .direct : .none }
                // An outsider session: its role's path is unknown, so match partition, account and name.
                return caller.partition == partition && caller.accountId == account && caller.name == name ? .direct : .none
            default: return .none
            }
        case .session(let arn):
            return caller.kind == .roleSession && caller.arn == arn ? .direct : .none
        case .federatedUser(let arn):
            return caller.kind == .federatedUser && caller.arn == arn ? .direct : .none
        case .uniqueId(let id):
            guard caller.kind == .user || caller.kind == .roleSession || caller.kind == .role else { return .none }
            return caller.uniqueId == id ? .direct : .none
        case .service(let name):
            return caller.kind == .service && caller.arn == name ? .direct : .none
        case .federated(let provider):
            return (caller.kind == .webIdentity || caller.kind == .saml) && caller.arn == provider ? .direct : .none
        case .canonicalUser:
            return .none
        case .other(let s):
            return caller.arn == s ? .direct : .none
        }
    }

    /// How this value matches `caller`, and in words, for the trace.
    public func match(_ caller: CallerPrincipal) -> (PrincipalMatch, String) {
        let kind = matchKind(caller)
        switch self {
        case .anyone: return (kind, "\"*\" (everyone)")
        case .anyAWS: return (kind, kind == .none ? "{\"AWS\": \"*\"} covers IAM principals only" : "{\"AWS\": \"*\"} (every IAM principal)")
        case .account(let id, _, let w):
            let what = w.hasPrefix("arn:") ? "account root \(id)" : "account \(id)"
            return (kind, kind == .none ? "\(what) is not the caller's account" : what)
        case .user(let arn): return (kind, kind == .none ? "user \(arn) is not the caller" : "user \(arn)")
        case .role(let arn, _, _, _): return (kind, kind == .none ? "role \(arn) is not the caller's role" : "role \(arn) (every session of it)")
        case .session(let arn): return (kind, kind == .none ? "session \(arn) is not the caller" : "session \(arn)")
        case .federatedUser(let arn): return (kind, kind == .none ? "federated user \(arn) is not the caller" : "federated user \(arn)")
        case .uniqueId(let id): return (kind, kind == .none ? "unique ID \(id) is not the caller's (it usually names a deleted principal)" : "unique ID \(id) (the caller's)")
        case .service(let n): return (kind, kind == .none ? "service \(n) is not the caller" : "service \(n)")
        case .federated(let p): return (kind, kind == .none ? "provider \(p) is not the caller's" : "federated provider \(p)")
        case .canonicalUser(let id): return (kind, "CanonicalUser \(id) exists only for S3")
        case .other(let s): return (kind, kind == .none ? "principal \(s) is not the caller" : "principal \(s)")
        }
    }
}
