import Inventory
import PolicyEngine

/// Runs every rule of findings.md over an estate: the static judgements of trust and identity policies
/// first, then the rules that need the trust graph (reachability, chains, cycles).
struct FindingsEngine {
    let estate: Estate
    /// The evaluation date (`--at`), seconds since 1970: staleness is measured from it.
    let now: Int64
    /// The callers behind `*` trust statements, which the chain and cycle rules follow too.
    let implicitEdges: ImplicitEdges?
    var collector = FindingCollector()
    /// Role index → the graph positions of its implicit callers, filled as the chain rule asks.
    var implicitCallerMemo: [Int: [Int]] = [:]
    /// Role index → the principals that might get in through its `*` statements, with their graph positions.
    var implicitCandidateMemo: [Int: [(TrustGraphBuilder.Caller, Int)]] = [:]

    init(estate: Estate, now: Int64, implicitEdges: ImplicitEdges? = nil) {
        self.estate = estate
        self.now = now
        self.implicitEdges = implicitEdges
    }

    /// The trust and identity rules judge one principal at a time and name it as the subject, so
    /// contiguous parts of the principals can be judged on separate threads into collectors of their
    /// own and appended in order: the same findings in the same order as one pass. That needs every
    /// principal's ARN to be unique (the loader merges duplicates); otherwise one pass does it.
    var staticParts: Int {
        let roles = estate.inventory.roles.count
        let unique = estate.roleIndexByARN.count == roles && estate.userIndexByARN.count == estate.inventory.users.count
        return unique && roles >= 512 ? 2 : 1
    }

    /// The rules that need no graph, for one part of the principals: they can run while the graph is
    /// still being sorted and indexed.
    func judgeStatic(part p: Int, of parts: Int) -> (trust: FindingCollector, identity: FindingCollector) {
        let roles = estate.inventory.roles
        var part = self
        part.collector = FindingCollector()
        for i in roles.count * p / parts..<roles.count * (p + 1) / parts {
            part.judgeTrustPolicy(ofRole: roles[i], facts: part.estate.trustFacts[i])
        }
        let trust = part.collector
        part.collector = FindingCollector()
        part.judgeIdentityPolicies(part: p, of: parts)
        return (trust, part.collector)
    }

    /// Every finding, in the order the rules found them, given the static parts `judgeStatic` returned.
    mutating func runUnsorted(graph: TrustGraph, judged: [(trust: FindingCollector, identity: FindingCollector)]) -> [Finding] {
        for part in judged { collector.append(part.trust) }
        judgeExternalIDReuse()
        for part in judged { collector.append(part.identity) }
        judgeReachability(graph: graph)
        return collector.findings
    }
}

/// How a statement is named in evidence: `trust statement 'Sid'` or `trust statement #2`.
func statementName(_ s: TrustStatementFacts) -> String {
    "trust statement \(s.label)"
}
