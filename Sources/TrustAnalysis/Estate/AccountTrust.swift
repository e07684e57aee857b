/// Where an account stands relative to the estate (findings.md, Terms).
public enum AccountTrust: String, Sendable, Hashable, CaseIterable {
    /// A member of the inventory's organization.
    case organization
    /// Internal without an organization: a listed account not marked third party.
    case `internal`
    /// External, marked `thirdParty: true`: a known vendor or partner.
    case thirdParty = "third-party"
    /// External and not marked third party, listed or only referenced.
    case unknownExternal = "unknown-external"

    public var isInternal: Bool { self == .organization || self == .internal }
    /// Third party or unknown external: "outside" (anyone is outside too).
    public var isOutside: Bool { !isInternal }
}
