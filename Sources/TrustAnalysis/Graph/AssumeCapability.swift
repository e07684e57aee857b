import Inventory
import PolicyEngine

/// Which roles a principal's own identity policies could let it assume: a cheap over-approximation
/// (conditions ignored, Deny ignored) that picks the candidates the engine then confirms.
struct AssumeCapability: Sendable {
    /// Some Allow covers sts:AssumeRole on every role (`*`, NotResource, AdministratorAccess).
    var any = false
    /// Resource patterns of the Allow statements that cover sts:AssumeRole.
    var patterns: [String] = []

    init(policies: [AttachedPolicy]) {
        for p in policies {
            if p.arn == Estate.administratorAccessARN { any = true; continue }
            guard let doc = p.document else { continue }
            for s in doc.statements where s.effect == .allow && TrustStatementFacts.covers(s, "sts:assumerole") {
                if let r = s.resources {
                    if r.contains("*") { any = true } else { patterns.append(contentsOf: r) }
                } else {
                    any = true
                }
            }
        }
    }

    var isEmpty: Bool { !any && patterns.isEmpty }

    func mayTarget(_ roleARN: String) -> Bool {
        any || patterns.contains { Wildcard.matchesARN($0, roleARN) || $0.contains("${") }
    }
}
