import Inventory

/// A `*` trust statement that lets in principals of any account, or of the whole organization, whose own
/// policies allow it. The graph draws it as one edge from anyone (or one per admitted account) and edges
/// from the role's own account; the capable principals of the other accounts are found on demand, so that
/// the graph stays linear in the size of the estate (one edge per capable principal for each such role
/// would be quadratic: 79,000 of 209,000 edges at 1,000 accounts came from 23 such roles).
struct WildcardGrant: Sendable {
    let role: Int
    let statement: TrustStatementFacts
    /// The accounts the statement's guard admits; nil for any account.
    let accounts: Set<String>?
    /// aws:PrincipalArn patterns the caller must match; empty when none.
    let arnPatterns: [String]
}

/// The edges behind the wildcard grants, asked for one caller or one role at a time and confirmed by the
/// engine exactly as the graph's own edges are.
struct ImplicitEdges: Sendable {
    private let prober: TrustGraphBuilder
    private let grants: [WildcardGrant]
    private let grantsByRole: [Int: [Int]]
    /// Role indices with grants, ascending.
    let roles: [Int]

    init(builder: TrustGraphBuilder) {
        prober = builder.prober()
        grants = builder.grants
        var byRole: [Int: [Int]] = [:]
        for (i, g) in grants.enumerated() { byRole[g.role, default: []].append(i) }
        grantsByRole = byRole
        roles = byRole.keys.sorted()
    }

    var isEmpty: Bool { grants.isEmpty }

    func hasGrants(role r: Int) -> Bool { grantsByRole[r] != nil }

    /// The edges a principal (user or role ARN) gets through grants, one per role (the first statement that
    /// lets it in), sorted by role ARN; roles in `skipping` (those it already has an edge to) are left out.
    func edges(from arn: String, skipping: Set<String> = []) -> [TrustEdge] {
        guard let caller = prober.caller(arn: arn) else { return [] }
        return roles.compactMap { r in skipping.contains(prober.estate.roleARNs[r]) ? nil : edge(from: caller, toRole: r) }
            .sorted { $0.to < $1.to }
    }

    /// The edge a principal gets into one role through the role's grants, nil when none lets it in.
    func edge(from caller: TrustGraphBuilder.Caller, toRole r: Int) -> TrustEdge? {
        for gi in grantsByRole[r] ?? [] {
            if let e = prober.probe(grants[gi], caller) { return e }
        }
        return nil
    }

    func edge(from arn: String, toRole r: Int) -> TrustEdge? {
        prober.caller(arn: arn).flatMap { edge(from: $0, toRole: r) }
    }

    /// The edges into a role through its grants, one per caller, sorted by caller ARN; callers in `skipping`
    /// are left out.
    func edges(toRole r: Int, skipping: Set<String> = []) -> [TrustEdge] {
        callers(ofRole: r, skipping: skipping).map(\.edge)
    }

    /// The principals that get into a role through its grants, with their edges, sorted by ARN.
    func callers(ofRole r: Int, skipping: Set<String> = []) -> [(arn: String, edge: TrustEdge)] {
        guard hasGrants(role: r) else { return [] }
        return prober.capableCallers(ofRole: r).compactMap { c in
            let arn = prober.arn(c)
            return skipping.contains(arn) ? nil : edge(from: c, toRole: r).map { (arn, $0) }
        }
    }

    /// Principals whose own policies could let them into the role from another account, by ARN: the
    /// candidates of its grants, before the grants' guards and the engine are asked.
    func candidates(ofRole r: Int) -> [TrustGraphBuilder.Caller] { prober.capableCallers(ofRole: r) }

    func arn(_ c: TrustGraphBuilder.Caller) -> String { prober.arn(c) }
}
