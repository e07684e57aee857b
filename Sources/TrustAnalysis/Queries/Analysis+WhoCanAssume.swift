extension Analysis {
    /// Every caller that can assume the role, with the conditions it must meet: worst first
    /// (edge severity), then anyone, accounts, users, roles, services, providers, each by id.
    public func whoCanAssume(roleArn: String) -> [Assumer] {
        let answers = incomingEdges(to: roleArn).compactMap { e -> Assumer? in
            guard let n = graph.node(id: e.from) else { return nil }
            return Assumer(node: n, edge: e)
        }
        return answers.sorted { a, b in
            let sa = a.edge.severity?.rawValue ?? -1, sb = b.edge.severity?.rawValue ?? -1
            if sa != sb { return sa > sb }
            let ka = NodeKind.allCases.firstIndex(of: a.node.kind)!, kb = NodeKind.allCases.firstIndex(of: b.node.kind)!
            if a.node.kind != b.node.kind { return (a.node.kind == .anyone ? -1 : ka) < (b.node.kind == .anyone ? -1 : kb) }
            return (a.node.id, a.edge.action) < (b.node.id, b.edge.action)
        }
    }
}
