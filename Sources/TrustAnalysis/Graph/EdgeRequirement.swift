/// Something a request must carry (or a caller must be) for a trust edge to hold.
public struct EdgeRequirement: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case externalID, mfa, sourceIP, sourceVPC, sessionName, sourceIdentity, sessionTag
        case webIdentityClaim, samlAttribute, serviceSource, callerIdentity, other
    }

    public var kind: Kind
    /// A short label for drawing on an edge: `ExtId`, `MFA`, `OrgID`, `SrcIP`, `sub=repo:acme/*`.
    public var label: String
    /// The full requirement, secrets masked: `sts:ExternalId = ab…(24)`.
    public var text: String

    public init(kind: Kind, label: String, text: String) {
        self.kind = kind
        self.label = label
        self.text = text
    }
}
