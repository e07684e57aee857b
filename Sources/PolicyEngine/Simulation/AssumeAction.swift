/// The three STS operations that issue role credentials.
public enum AssumeAction: String, Sendable, CaseIterable {
    case assumeRole = "sts:AssumeRole"
    case assumeRoleWithWebIdentity = "sts:AssumeRoleWithWebIdentity"
    case assumeRoleWithSAML = "sts:AssumeRoleWithSAML"

    /// Accepts the action name ignoring case, as IAM does for actions.
    public init?(name: String) {
        let lower = name.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lower }) else { return nil }
        self = match
    }
}
