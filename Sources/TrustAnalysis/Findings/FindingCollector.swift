/// Gathers findings with the catalogue's "one finding per rule and subject" rule (findings.md):
/// a second hit of the same rule on the same subject adds its evidence to the first. Rules about one
/// trust edge (an account trusted by the role) keep one finding per edge, so each edge can show its own.
struct FindingCollector {
    private var order: [String] = []
    private var byKey: [String: Finding] = [:]

    static let perEdgeRules: Set<String> = [
        FindingRule.crossAccountNoExternalID.id, FindingRule.unknownExternalAccount.id, FindingRule.accountRootTrust.id,
        FindingRule.externalIDNotExact.id,
    ]

    mutating func add(_ rule: FindingRule, severity: Severity? = nil, subject: String, edge: EdgeRef?, evidence: String,
                      remediation: String? = nil) {
        var key = rule.id + "\u{1}" + subject
        if Self.perEdgeRules.contains(rule.id), let edge { key += "\u{1}" + edge.from }
        if var existing = byKey[key] {
            if !existing.evidence.contains(evidence) { existing.evidence += "; " + evidence }
            if let severity, severity > existing.severity { existing.severity = severity }
            byKey[key] = existing
            return
        }
        order.append(key)
        byKey[key] = Finding(rule: rule.id, severity: severity ?? rule.severity, title: rule.title, subject: subject,
                             edge: edge, evidence: evidence, remediation: remediation ?? rule.remediation)
    }

    func contains(rule: String, subject: String) -> Bool {
        byKey[rule + "\u{1}" + subject] != nil
    }

    var findings: [Finding] { order.compactMap { byKey[$0] } }

    /// Appends the findings of a collector that judged other subjects, as if they had been added here
    /// after everything else. A key both hold is merged as `add` would merge a repeated hit.
    mutating func append(_ other: FindingCollector) {
        for key in other.order {
            guard let f = other.byKey[key] else { continue }
            if var existing = byKey[key] {
                if !existing.evidence.contains(f.evidence) { existing.evidence += "; " + f.evidence }
                if f.severity > existing.severity { existing.severity = f.severity }
                byKey[key] = existing
            } else {
                order.append(key)
                byKey[key] = f
            }
        }
    }
}
