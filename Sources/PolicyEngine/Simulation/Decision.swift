/// What STS would answer (assume-role.md §0.1).
public enum Decision: String, Sendable, Hashable {
    /// STS would issue credentials.
    case allowed
    /// `AccessDenied`, or a federation failure such as `InvalidIdentityToken`.
    case denied
    /// A `ValidationError`/`MalformedPolicyDocument`, or an inventory policy IAM would never have stored.
    case invalid
}
