import Inventory
import PolicyEngine

/// Runs every rule of findings.md over an estate: the static judgements of trust and identity policies
/// first, then the rules that need the trust graph (reachability, chains, cycles).
struct FindingsEngine {
    let estate: Estate
    /// The evaluation date (`--at`), seconds since 1970: staleness is measured from it.
    let now: Int64
    var collector = FindingCollector()

    init(estate: Estate, now: Int64) {
        self.estate = estate
        self.now = now
    }

    /// Every finding, sorted in report order.
    mutating func run(graph: TrustGraph) -> [Finding] {
        for (i, role) in estate.inventory.roles.enumerated() {
            judgeTrustPolicy(ofRole: role, facts: estate.trustFacts[i])
        }
        judgeExternalIDReuse()
        judgeIdentityPolicies()
        judgeReachability(graph: graph)
        return collector.findings.sorted(by: Finding.reportOrder)
    }
}

/// How a statement is named in evidence: `trust statement 'Sid'` or `trust statement #2`.
func statementName(_ s: TrustStatementFacts) -> String {
    "trust statement \(s.label)"
}
