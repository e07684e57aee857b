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

extension AssumeAction {
    /// The action lower-cased once, as action patterns compare it.
    public var lowercasedName: String {
        switch self {
        case .assumeRole: return "sts:assumerole"
        case .assumeRoleWithWebIdentity: return "sts:assumerolewithwebidentity"
        case .assumeRoleWithSAML: return "sts:assumerolewithsaml"
        }
    }
}
