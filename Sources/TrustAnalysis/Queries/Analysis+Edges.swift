extension Analysis {
    /// Every edge out of a node: the graph's, and for a user or role of the inventory the edges it gets
    /// through `*` trust statements that the graph draws from anyone or from its account (found on demand).
    /// Sorted by (to, action).
    public func outgoingEdges(from id: String) -> [TrustEdge] {
        let drawn = graph.outgoing(from: id)
        guard !implicitEdges.isEmpty else { return drawn }
        let more = implicitEdges.edges(from: id, skipping: Set(drawn.lazy.filter { $0.action == AssumeRole.action }.map(\.to)))
        guard !more.isEmpty else { return drawn }
        return (drawn + more).sorted { ($0.to, $0.action) < ($1.to, $1.action) }
    }

    /// Every edge into a role: the graph's, and the principals of the inventory that get in through its
    /// `*` trust statements. Sorted by (from, action).
    public func incomingEdges(to roleArn: String) -> [TrustEdge] {
        let drawn = graph.incoming(to: roleArn)
        guard let r = estate.roleIndexByARN[roleArn], implicitEdges.hasGrants(role: r) else { return drawn }
        let more = implicitEdges.edges(toRole: r, skipping: Set(drawn.lazy.filter { $0.action == AssumeRole.action }.map(\.from)))
        guard !more.isEmpty else { return drawn }
        return (drawn + more).sorted { ($0.from, $0.action) < ($1.from, $1.action) }
    }

    /// The `sts:AssumeRole` edge from a principal to a role, drawn or behind a `*` trust statement; nil when
    /// the principal cannot assume the role in one hop.
    public func assumeRoleEdge(from id: String, to roleArn: String) -> TrustEdge? {
        if let e = graph.outgoing(from: id).first(where: { $0.to == roleArn && $0.action == AssumeRole.action }) { return e }
        guard let r = estate.roleIndexByARN[roleArn], implicitEdges.hasGrants(role: r) else { return nil }
        return implicitEdges.edge(from: id, toRole: r)
    }
}
