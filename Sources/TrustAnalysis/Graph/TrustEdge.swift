/// A `can-assume` edge: some request the caller could make succeeds (cli.md).
public struct TrustEdge: Sendable, Hashable {
    public var from: String
    public var to: String
    /// `sts:AssumeRole`, `sts:AssumeRoleWithWebIdentity` or `sts:AssumeRoleWithSAML`.
    public var action: String
    /// What that request must carry, secrets masked.
    public var requires: [EdgeRequirement]
    /// The trust statement that lets the caller in (`'VendorAudit'` or `#0`).
    public var statement: String
    /// The worst finding on this edge, nil when none.
    public var severity: Severity?
    /// The rule ids of the findings on this edge, sorted.
    public var findingRules: [String]

    public init(from: String, to: String, action: String, requires: [EdgeRequirement] = [], statement: String = "",
                severity: Severity? = nil, findingRules: [String] = []) {
        self.from = from
        self.to = to
        self.action = action
        self.requires = requires
        self.statement = statement
        self.severity = severity
        self.findingRules = findingRules
    }

    public var ref: EdgeRef { EdgeRef(from: from, to: to) }
}
