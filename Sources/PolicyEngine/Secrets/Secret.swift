/// Masking of secrets (external IDs) in every output.
///
/// An external ID is the shared secret of a confused-deputy protection
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html):
/// printing it in a report would leak it to everyone who reads the report.
public enum Secret {
    /// `ab…(24)`: the first two characters, an ellipsis, and the length in characters.
    public static func mask(_ value: String) -> String {
        "\(value.prefix(2))…(\(value.count))"
    }

    /// The value itself when `reveal` is set, else its mask.
    public static func display(_ value: String, reveal: Bool) -> String {
        reveal ? value : mask(value)
    }

    /// Condition keys whose values are secrets, lower-cased.
    public static func isSecretKey(_ lowercasedKey: String) -> Bool {
        lowercasedKey == "sts:externalid"
    }
}
