/// The web identity providers STS knows without an IAM OIDC provider
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif).
/// For them STS checks no client-id list, so the trust policy must check the audience itself.
public enum BuiltInWebIdentityProviders {
    public static let cognito = "cognito-identity.amazonaws.com"

    /// Provider name → the condition key that carries the application the token was issued to.
    public static let audienceKeys: [(provider: String, key: String)] = [
        ("accounts.google.com", "accounts.google.com:aud"),
        ("graph.facebook.com", "graph.facebook.com:app_id"),
        ("www.amazon.com", "www.amazon.com:app_id"),
    ]

    /// The four names, as STS writes them (lower case).
    public static let names: Set<String> = Set([cognito] + audienceKeys.map(\.provider))

    public static func audienceKey(for provider: String) -> String? {
        audienceKeys.first { $0.provider == provider.lowercased() }?.key
    }

    public static func isBuiltIn(_ provider: String) -> Bool {
        names.contains(provider.lowercased())
    }
}
