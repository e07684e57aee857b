/// The two ends of a trust edge a finding is about, as graph node ids
/// (an account id, an ARN, a service or provider name, or `*`).
public struct EdgeRef: Sendable, Hashable, Comparable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    public static func < (a: EdgeRef, b: EdgeRef) -> Bool { (a.from, a.to) < (b.from, b.to) }
}

/// One risky trust relationship, or one risky fact about one (findings.md).
public struct Finding: Sendable, Hashable {
    /// Stable rule id, e.g. `TM-ANY-PRINCIPAL`.
    public var rule: String
    public var severity: Severity
    public var title: String
    /// The ARN of the role (or user) the finding is about.
    public var subject: String
    /// The trust edge the finding is about, when it is about one.
    public var edge: EdgeRef?
    /// Which policy, statement and condition; external IDs masked.
    public var evidence: String
    public var remediation: String
    /// The reason given in the suppression file; nil when the finding is active.
    public var suppression: String?

    public init(rule: String, severity: Severity, title: String, subject: String, edge: EdgeRef? = nil,
                evidence: String, remediation: String, suppression: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.title = title
        self.subject = subject
        self.edge = edge
        self.evidence = evidence
        self.remediation = remediation
        self.suppression = suppression
    }

    public var isSuppressed: Bool { suppression != nil }

    /// The findings in `reportOrder`. Each distinct string is ranked once and the sort compares integers:
    /// sorting the values, or positions that read them, copies a Finding (eight strings) per comparison.
    public static func sortedForReport(_ findings: [Finding]) -> [Finding] {
        func ranks(_ values: [String]) -> [Int32] {
            var rank: [String: Int32] = [:]
            for v in values { rank[v] = 0 }
            for (i, v) in rank.keys.sorted().enumerated() { rank[v] = Int32(i) }
            return values.map { rank[$0]! }
        }
        let severity = findings.map(\.severity.rawValue)
        let rule = ranks(findings.map(\.rule)), subject = ranks(findings.map(\.subject))
        let from = ranks(findings.map { $0.edge?.from ?? "" }), to = ranks(findings.map { $0.edge?.to ?? "" })
        let order = findings.indices.sorted { a, b in
            if severity[a] != severity[b] { return severity[a] > severity[b] }
            if rule[a] != rule[b] { return rule[a] < rule[b] }
            if subject[a] != subject[b] { return subject[a] < subject[b] }
            if from[a] != from[b] { return from[a] < from[b] }
            return to[a] < to[b]
        }
        return order.map { findings[$0] }
    }

    /// The order of every output: severity (worst first), rule, subject, edge.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.subject != b.subject { return a.subject < b.subject }
        return (a.edge?.from ?? "", a.edge?.to ?? "") < (b.edge?.from ?? "", b.edge?.to ?? "")
    }
}
