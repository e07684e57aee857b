/// A request-context key, parsed once at policy-compile time.
///
/// Key names are case-insensitive, including the tag-key suffix of `aws:PrincipalTag/…`,
/// `aws:RequestTag/…` and `aws:ResourceTag/…`
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html),
/// so everything here is lower-cased.
public enum ContextKey: Sendable, Hashable {
    /// `aws:PrincipalTag/<k>`; the payload is the lower-cased tag key.
    case principalTag(String)
    /// `aws:RequestTag/<k>`.
    case requestTag(String)
    /// `aws:ResourceTag/<k>` or `iam:ResourceTag/<k>`.
    case resourceTag(String)
    /// Any other key, lower-cased (`sts:externalid`).
    case named(String)

    public init(_ key: String) {
        let lower = key.lowercased()
        if lower.hasPrefix("aws:principaltag/") {
            self = .principalTag(String(lower.dropFirst(17)))
        } else if lower.hasPrefix("aws:requesttag/") {
            self = .requestTag(String(lower.dropFirst(15)))
        } else if lower.hasPrefix("aws:resourcetag/") {
            self = .resourceTag(String(lower.dropFirst(16)))
        } else if lower.hasPrefix("iam:resourcetag/") {
            self = .resourceTag(String(lower.dropFirst(16)))
        } else {
            self = .named(lower)
        }
    }

    /// The lower-cased key name.
    public var lowercasedName: String {
        switch self {
        case .principalTag(let k): return "aws:principaltag/" + k
        case .requestTag(let k): return "aws:requesttag/" + k
        case .resourceTag(let k): return "aws:resourcetag/" + k
        case .named(let n): return n
        }
    }
}

/// Where condition values come from. The AssumeRole context derives keys on demand from the
/// caller, the role and the request; the peer-suite runner uses a plain dictionary.
public protocol ConditionContext {
    /// The key's value, or nil when the key is absent from the request.
    func value(for key: ContextKey) -> ContextValue?
}

/// A context given explicitly, key by key (nothing derived).
public struct DictionaryContext: ConditionContext, Sendable {
    private var entries: [ContextKey: ContextValue] = [:]

    public init(_ pairs: [(String, ContextValue)] = []) {
        for (k, v) in pairs { entries[ContextKey(k)] = v }
    }

    public subscript(key: String) -> ContextValue? {
        get { entries[ContextKey(key)] }
        set { entries[ContextKey(key)] = newValue }
    }

    public func value(for key: ContextKey) -> ContextValue? { entries[key] }
}
