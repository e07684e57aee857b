import Inventory
import PolicyEngine

/// What a principal's own identity policies say about sts:AssumeRole, gathered once per principal:
/// a cheap over-approximation of the roles it could assume (conditions and Deny ignored), used to pick
/// candidates that the engine then confirms, and the statements whose conditions a request must meet.
struct AssumeCapability: Sendable {
    /// Some Allow covers sts:AssumeRole on every role (`*`, NotResource, AdministratorAccess, a variable).
    var any = false
    /// Resource patterns of the Allow statements that cover sts:AssumeRole.
    var patterns: [String] = []
    /// The Allow statements that cover sts:AssumeRole, and whether AdministratorAccess is attached.
    var allows: [PolicyStatement] = []
    var administratorAccess = false
    /// Deny statements that cover sts:AssumeRole.
    var denies: [PolicyStatement] = []

    init(policies: [AttachedPolicy]) {
        for p in policies {
            if p.arn == Estate.administratorAccessARN { any = true; administratorAccess = true; continue }
            guard let doc = p.document else { continue }
            for s in doc.statements where TrustStatementFacts.covers(s, "sts:assumerole") {
                if s.effect == .deny { denies.append(s); continue }
                guard s.effect == .allow else { continue }
                allows.append(s)
                if let r = s.resources {
                    if r.contains(where: { $0 == "*" || $0.contains("${") }) { any = true } else { patterns.append(contentsOf: r) }
                } else {
                    any = true
                }
            }
        }
        for p in patterns {
            if !Glob.hasWildcard(p) && Arn.components(p, padding: false).count == 6 { literalTargets.insert(p) } else { wildcardPatterns.append(p) }
        }
    }

    /// Patterns without a wildcard, which match exactly one ARN, and the others: the graph builder asks
    /// `mayTarget` for every candidate pair, and a set lookup spares splitting both ARNs each time.
    private var literalTargets: Set<String> = []
    private var wildcardPatterns: [String] = []

    var isEmpty: Bool { !any && patterns.isEmpty }

    /// The literal account component of each pattern (`*` when it has a wildcard): where this principal may reach.
    var targetAccounts: Set<String> {
        var out = Set<String>()
        for p in patterns {
            let parts = Arn.components(p, padding: true)
            out.insert(parts.count == 6 && !Glob.hasWildcard(String(parts[4])) ? String(parts[4]) : "*")
        }
        return out
    }

    func mayTarget(_ roleARN: String) -> Bool {
        any || literalTargets.contains(roleARN) || wildcardPatterns.contains { ResourcePattern.matches($0, arn: roleARN) }
    }
}
