import Inventory

/// A `*` trust statement that lets in principals of any account, or of the whole organization, whose own
/// policies allow it. The graph draws it as one edge from anyone (or one per admitted account) and edges
/// from the role's own account; the capable principals of the other accounts are found on demand, so that
/// the graph stays linear in the size of the estate (one edge per capable principal for each such role
/// would be quadratic: 79,000 of 209,000 edges at 1,000 accounts came from 23 such roles).
struct WildcardGrant: Sendable {
    let role: Int
    let statement: TrustStatementFacts
    /// The accounts the statement's guard names (aws:PrincipalAccount, aws:PrincipalArn); nil for any account.
    let accounts: Set<String>?
    /// The guard also admits every account of the organization (`callers.organizationAccounts`).
    let organization: Bool
    /// aws:PrincipalArn patterns the caller must match; empty when none.
    let arnPatterns: [String]
}

/// A `*` trust statement guarded by `aws:PrincipalOrgID` (or `aws:PrincipalOrgPaths`) naming the inventory's
/// organization. The graph draws one edge from the organization node for it instead of one edge from each
/// account of the organization (1.4 million edges at 1,000 accounts when 2 % of the roles are shared that
/// way); the accounts behind that edge, each confirmed by the engine, are found on demand.
struct OrganizationGrant: Sendable {
    let role: Int
    let statement: TrustStatementFacts
    /// Its place among the role's organization grants, in the order the builder met them: for an account
    /// the first grant that lets it in gives its edge.
    let order: Int
}

/// The edges behind the wildcard grants, asked for one caller or one role at a time and confirmed by the
/// engine exactly as the graph's own edges are.
struct ImplicitEdges: Sendable {
    private let prober: TrustGraphBuilder
    private let grants: [WildcardGrant]
    private let grantsByRole: [Int: [Int]]
    /// Role indices with grants, ascending.
    let roles: [Int]
    private let organizationGrants: [OrganizationGrant]
    private let organizationGrantsByRole: [Int: Range<Int>]
    /// Role indices with organization grants, ascending.
    let organizationRoles: [Int]
    /// The organization node's id, when the graph has one.
    let organizationID: String?

    init(builder: TrustGraphBuilder) {
        prober = builder.prober()
        grants = builder.grants
        var byRole: [Int: [Int]] = [:]
        for (i, g) in grants.enumerated() { byRole[g.role, default: []].append(i) }
        grantsByRole = byRole
        roles = byRole.keys.sorted()
        organizationGrants = builder.organizationGrants
        var orgByRole: [Int: Range<Int>] = [:]
        var i = 0
        while i < organizationGrants.count {
            var j = i + 1
            while j < organizationGrants.count && organizationGrants[j].role == organizationGrants[i].role { j += 1 }
            orgByRole[organizationGrants[i].role] = i..<j
            i = j
        }
        organizationGrantsByRole = orgByRole
        organizationRoles = orgByRole.keys.sorted()
        organizationID = organizationGrants.isEmpty ? nil : builder.estate.organizationID
    }

    var isEmpty: Bool { grants.isEmpty }

    // MARK: Accounts behind the organization node

    func hasOrganizationGrants(role r: Int) -> Bool { organizationGrantsByRole[r] != nil }

    /// The edge an account of the organization gets into a role through the role's organization grants
    /// (the first grant that lets it in); nil when none does. The caller leaves out accounts with a drawn
    /// edge of their own into the role (an earlier statement let them in).
    func organizationEdge(fromAccount a: String, toRole r: Int) -> TrustEdge? {
        guard let range = organizationGrantsByRole[r] else { return nil }
        for i in range {
            if let e = prober.probe(organizationGrants[i], account: a) { return e }
        }
        return nil
    }

    /// The edges from the accounts behind the organization node into a role, sorted by account; accounts in
    /// `skipping` (those with a drawn edge into it) are left out; at most `limit` of them.
    func organizationEdges(toRole r: Int, skipping: Set<String> = [], limit: Int = .max) -> [TrustEdge] {
        guard hasOrganizationGrants(role: r), limit > 0 else { return [] }
        var out: [TrustEdge] = []
        for a in prober.callers.organizationAccounts where !skipping.contains(a) {
            guard let e = organizationEdge(fromAccount: a, toRole: r) else { continue }
            out.append(e)
            if out.count >= limit { break }
        }
        return out
    }

    /// The edges an account of the organization gets through organization grants, sorted by role ARN;
    /// roles in `skipping` (those it has a drawn edge into) are left out.
    func organizationEdges(fromAccount a: String, skipping: Set<String> = []) -> [TrustEdge] {
        guard prober.callers.organizationAccountSet.contains(a) else { return [] }
        return organizationRoles.compactMap { r in
            skipping.contains(prober.estate.roleARNs[r]) ? nil : organizationEdge(fromAccount: a, toRole: r)
        }.sorted { $0.to < $1.to }
    }

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
