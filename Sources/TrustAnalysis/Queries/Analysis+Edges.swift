extension Analysis {
    /// Every edge out of a node: the graph's; for a user or role of the inventory the edges it gets through
    /// `*` trust statements that the graph draws from anyone or from its account; for an account of the
    /// organization the edges the graph draws from the organization node (all found on demand).
    /// Sorted by (to, action).
    public func outgoingEdges(from id: String) -> [TrustEdge] {
        let drawn = graph.outgoing(from: id)
        let isOrganizationAccount = implicitEdges.organizationID != nil && graph.node(id: id)?.kind == .account
        guard !implicitEdges.isEmpty || isOrganizationAccount else { return drawn }
        let skipping = Set(drawn.lazy.filter { $0.action == AssumeRole.action }.map(\.to))
        var more = implicitEdges.isEmpty ? [] : implicitEdges.edges(from: id, skipping: skipping)
        if isOrganizationAccount { more += annotated(implicitEdges.organizationEdges(fromAccount: id, skipping: skipping)) }
        guard !more.isEmpty else { return drawn }
        return (drawn + more).sorted { ($0.to, $0.action) < ($1.to, $1.action) }
    }

    /// Every edge into a role: the graph's, with the organization node's edge replaced by the edges from the
    /// accounts behind it, and the principals of the inventory that get in through its `*` trust
    /// statements. Sorted by (from, action).
    public func incomingEdges(to roleArn: String) -> [TrustEdge] {
        let all = graph.incoming(to: roleArn)
        guard let r = estate.roleIndexByARN[roleArn] else { return all }
        let byOrganization = implicitEdges.hasOrganizationGrants(role: r)
        guard implicitEdges.hasGrants(role: r) || byOrganization else { return all }
        let organization = implicitEdges.organizationID
        let drawn = byOrganization ? all.filter { $0.from != organization } : all
        let skipping = Set(drawn.lazy.filter { $0.action == AssumeRole.action }.map(\.from))
        var more = implicitEdges.edges(toRole: r, skipping: skipping)
        if byOrganization { more += annotated(implicitEdges.organizationEdges(toRole: r, skipping: skipping)) }
        guard !more.isEmpty else { return drawn }
        return (drawn + more).sorted { ($0.from, $0.action) < ($1.from, $1.action) }
    }

    /// The `sts:AssumeRole` edge from a principal (or an account) to a role, drawn, behind a `*` trust
    /// statement or behind the organization node; nil when the principal cannot assume the role in one hop.
    public func assumeRoleEdge(from id: String, to roleArn: String) -> TrustEdge? {
        if let e = graph.outgoing(from: id).first(where: { $0.to == roleArn && $0.action == AssumeRole.action }) { return e }
        guard let r = estate.roleIndexByARN[roleArn] else { return nil }
        if implicitEdges.hasOrganizationGrants(role: r), graph.node(id: id)?.kind == .account,
           let e = implicitEdges.organizationEdge(fromAccount: id, toRole: r) {
            return annotated([e])[0]
        }
        guard implicitEdges.hasGrants(role: r) else { return nil }
        return implicitEdges.edge(from: id, toRole: r)
    }

    /// Edges behind the organization node, with the severity and rules of the findings about them (which
    /// name them by their account, as they did when the graph drew them one by one).
    func annotated(_ edges: [TrustEdge]) -> [TrustEdge] {
        guard !organizationAnnotations.isEmpty else { return edges }
        return edges.map { e in
            guard let a = organizationAnnotations[e.from + "\u{1}" + e.to] else { return e }
            var e = e
            e.severity = a.severity
            e.findingRules = a.rules
            return e
        }
    }
}
