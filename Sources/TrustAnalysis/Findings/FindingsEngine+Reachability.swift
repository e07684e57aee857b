import Inventory
import PolicyEngine

/// The rules that need the trust graph: who can actually get in, in one hop or through chains.
extension FindingsEngine {
    static let ninetyDays: Int64 = 90 * 86_400

    mutating func judgeReachability(graph: TrustGraph) {
        let assume = AssumeRole.action
        var privilegedExternal = Set<String>()
        let roles = estate.inventory.roles
        for i in roles.indices {
            // Only roles with an AssumeRole edge from another account (or from anyone) can fire these rules:
            // the rest are passed over without copying their edges or their Role.
            let arn = estate.roleARNs[i], account = estate.roleAccounts[i]
            let indices = graph.incomingIndices(to: arn)
            let fromElsewhere = indices.contains { ei in
                guard graph.edges[ei].action == assume, let n = graph.index(ofNode: graph.edges[ei].from) else { return false }
                let node = graph.nodes[n]
                // The organization node stands for accounts other than the role's own.
                return node.isOutside || node.kind == .organization || (node.account.map { $0 != account } ?? false)
            }
            guard fromElsewhere else { continue }
            let incoming = indices.map { graph.edges[$0] }.filter { $0.action == assume }
            let outsideEdges = incoming.filter { graph.node(id: $0.from)?.isOutside ?? false }
            if estate.roleIsAdmin[i], let first = outsideEdges.first {
                privilegedExternal.insert(arn)
                collector.add(.privilegedExternal, subject: arn, edge: first.ref,
                              evidence: "the administrator-equivalent role can be assumed in one hop from outside by "
                                + outsideEdges.map { describeSource($0, graph) }.joined(separator: ", "))
            }
            let maxSession = roles[i].maxSessionDuration
            if maxSession > 3600, let first = outsideEdges.first {
                collector.add(.longSession, subject: arn, edge: first.ref,
                              evidence: "MaxSessionDuration is \(maxSession) s and \(describeSource(first, graph)) can assume the role")
            }
            judgeStaleness(roles[i], role: i, incoming: incoming, graph: graph)
        }
        judgeChains(graph: graph, skipping: privilegedExternal)
        judgeCycles(graph: graph)
    }

    func describeSource(_ e: TrustEdge, _ graph: TrustGraph) -> String {
        guard let n = graph.node(id: e.from) else { return e.from }
        switch n.kind {
        case .anyone: return "anyone"
        case .account: return "account \(n.id) (\(n.label), \(n.trust?.rawValue ?? "unknown"))"
        default: return "\(n.id) (\(n.trust?.rawValue ?? n.kind.rawValue))"
        }
    }

    mutating func judgeStaleness(_ role: Role, role r: Int, incoming: [TrustEdge], graph: TrustGraph) {
        let evidence: String
        switch role.lastUsed {
        case .unknown:
            return
        case .at(let t):
            guard now - t > Self.ninetyDays else { return }
            evidence = "last used \((now - t) / 86_400) days before the evaluation date"
        case .never:
            guard let created = role.createdAt, now - created > Self.ninetyDays else { return }
            evidence = "never used, created \((now - created) / 86_400) days before the evaluation date"
        }
        var fromOtherAccounts = incoming.filter { e in
            guard let n = graph.node(id: e.from) else { return false }
            if n.kind == .anyone { return true }
            guard n.kind == .account || n.kind == .user || n.kind == .role, let a = n.account else { return false }
            return a != role.accountId
        }
        // The accounts behind the organization node, named one by one as the graph once drew them: only the
        // first five (by id) can be shown or come first.
        if let implicit = implicitEdges, implicit.hasOrganizationGrants(role: r),
           incoming.contains(where: { $0.from == implicit.organizationID }) {
            let drawn = Set(incoming.lazy.filter { $0.action == AssumeRole.action }.map(\.from))
            let behind = implicit.organizationEdges(toRole: r, skipping: drawn, limit: 5)
            fromOtherAccounts = (fromOtherAccounts + behind).sorted { ($0.from, $0.action) < ($1.from, $1.action) }
        }
        guard let first = fromOtherAccounts.first else { return }
        collector.add(.staleTrust, subject: role.arn, edge: first.ref,
                      evidence: evidence + "; assumable from other accounts by " + fromOtherAccounts.prefix(5).map { describeSource($0, graph) }.joined(separator: ", "))
    }

    /// TM-CHAIN-TO-PRIVILEGED: a reverse breadth-first search from each administrator role through roles that
    /// are not administrators. A start (a non-administrator user or role, or an outside node) at distance two
    /// or more reaches the role only through a chain: it cannot assume it directly.
    mutating func judgeChains(graph: TrustGraph, skipping: Set<String>) {
        let n = graph.nodes.count
        guard n > 0 else { return }
        var dist = [Int32](repeating: -1, count: n)
        var next = [Int32](repeating: -1, count: n)
        var touched: [Int] = []
        let assume = AssumeRole.action
        for i in estate.roleARNs.indices where estate.roleIsAdmin[i] && !skipping.contains(estate.roleARNs[i]) {
            let arn = estate.roleARNs[i]
            guard let target = graph.index(ofNode: arn) else { continue }
            for t in touched { dist[t] = -1; next[t] = -1 }
            touched.removeAll(keepingCapacity: true)
            dist[target] = 0
            touched.append(target)
            var queue = [target]
            var head = 0
            var best: (start: Int, dist: Int32)?
            func reach(_ u: Int, from v: Int) {
                dist[u] = dist[v] + 1
                next[u] = Int32(v)
                touched.append(u)
                queue.append(u)
                let start = graph.nodes[u]
                if dist[u] >= 2 && Self.isChainStart(start) {
                    if best == nil || (dist[u], start.id) < (best!.dist, graph.nodes[best!.start].id) { best = (u, dist[u]) }
                }
            }
            while head < queue.count {
                let v = queue[head]
                // Nodes leave the queue in order of distance, and expanding one at the best start's distance
                // only finds farther nodes: the answer is settled. Without this stop every search walked
                // the whole component that reaches the administrator, which grows with the organization.
                if let best, dist[v] >= best.dist { break }
                head += 1
                let node = graph.nodes[v]
                // Only role sessions chain on; the administrator itself is the end.
                if v != target && !(node.kind == .role && !node.isAdministrator) { continue }
                for ei in graph.incomingIndices(to: node.id) {
                    let e = graph.edges[ei]
                    guard e.action == assume, let u = graph.index(ofNode: e.from), dist[u] < 0 else { continue }
                    reach(u, from: v)
                }
                // The principals behind the role's `*` statements. Into the administrator itself, every one
                // counts (they may be the middle of a chain). Further out, each is a chain start or an
                // administrator, so a longer chain through one can never be the shortest: the first start
                // among them is all that matters.
                guard let r = estate.roleIndexByARN[node.id], implicitEdges?.hasGrants(role: r) == true else { continue }
                if v == target {
                    for u in implicitCallers(ofRole: r, graph: graph) ?? [] where dist[u] < 0 { reach(u, from: v) }
                } else if let u = firstImplicitCaller(ofRole: r, graph: graph, where: { dist[$0] < 0 && Self.isChainStart(graph.nodes[$0]) }) {
                    reach(u, from: v)
                }
            }
            guard let best else { continue }
            var chain = [graph.nodes[best.start].id]
            var v = best.start
            while next[v] >= 0 { v = Int(next[v]); chain.append(graph.nodes[v].id) }
            let last = EdgeRef(from: chain[chain.count - 2], to: arn)
            collector.add(.chainToPrivileged, subject: arn, edge: last,
                          evidence: "\(chain.count - 1) hops: " + chain.joined(separator: " → "))
        }
    }

    static func isChainStart(_ n: GraphNode) -> Bool {
        switch n.kind {
        case .anyone: return true
        case .user, .role: return n.isOutside || (n.inInventory && !n.isAdministrator)
        case .account: return n.isOutside
        case .service, .federated, .organization: return false
        }
    }

    /// TM-CIRCULAR-TRUST: strongly connected components of two or more roles (Tarjan, iterative).
    mutating func judgeCycles(graph: TrustGraph) {
        let n = graph.nodes.count
        let assume = AssumeRole.action
        var adjacency = [[Int]](repeating: [], count: n)
        for e in graph.edges where e.action == assume && e.from != e.to {
            guard let a = graph.index(ofNode: e.from), let b = graph.index(ofNode: e.to),
                  graph.nodes[a].kind == .role, graph.nodes[a].inInventory else { continue }
            adjacency[a].append(b)
        }
        addImplicitRoleEdges(to: &adjacency, graph: graph)
        var index = [Int](repeating: -1, count: n), low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var counter = 0
        var components: [[Int]] = []
        for root in 0..<n where index[root] < 0 && !adjacency[root].isEmpty {
            var work: [(v: Int, edge: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while var frame = work.popLast() {
                let v = frame.v
                if frame.edge < adjacency[v].count {
                    let w = adjacency[v][frame.edge]
                    frame.edge += 1
                    work.append(frame)
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    if let parent = work.last { low[parent.v] = min(low[parent.v], low[v]) }
                    if low[v] == index[v] {
                        var component: [Int] = []
                        while let w = stack.popLast() {
                            onStack[w] = false
                            component.append(w)
                            if w == v { break }
                        }
                        if component.count >= 2 { components.append(component) }
                    }
                }
            }
        }
        for component in components {
            let ids = component.map { graph.nodes[$0].id }.sorted()
            let shown = ids.prefix(6).joined(separator: ", ") + (ids.count > 6 ? ", … (\(ids.count) roles)" : "")
            for id in ids {
                collector.add(.circularTrust, subject: id, edge: nil, evidence: "roles that can assume each other in a cycle: " + shown)
            }
        }
    }
}

extension FindingsEngine {
    /// The graph positions of the principals that get into a role through its `*` statements, sorted by
    /// ARN; nil when the role has none. Asked once per role and remembered.
    mutating func implicitCallers(ofRole r: Int, graph: TrustGraph) -> [Int]? {
        guard let implicit = implicitEdges, implicit.hasGrants(role: r) else { return nil }
        if let known = implicitCallerMemo[r] { return known }
        let found = implicit.callers(ofRole: r).compactMap { graph.index(ofNode: $0.arn) }
        implicitCallerMemo[r] = found
        return found
    }

    /// The first principal, by ARN, that gets into a role through its `*` statements and passes `test`
    /// (asked before the engine is): the engine is asked only until one is found.
    mutating func firstImplicitCaller(ofRole r: Int, graph: TrustGraph, where test: (Int) -> Bool) -> Int? {
        guard let implicit = implicitEdges else { return nil }
        if implicitCandidateMemo[r] == nil {
            implicitCandidateMemo[r] = implicit.candidates(ofRole: r).compactMap { c in graph.index(ofNode: implicit.arn(c)).map { (c, $0) } }
        }
        for (c, u) in implicitCandidateMemo[r]! where test(u) {
            if implicit.edge(from: c, toRole: r) != nil { return u }
        }
        return nil
    }

    /// Role → role edges behind `*` statements, for the cycle rule: only a role that the `*`-trusting role
    /// reaches can close a cycle through it, so only those are asked.
    func addImplicitRoleEdges(to adjacency: inout [[Int]], graph: TrustGraph) {
        guard let implicit = implicitEdges, !implicit.isEmpty else { return }
        for r in implicit.roles {
            guard let w = graph.index(ofNode: estate.roleARNs[r]), !adjacency[w].isEmpty else { continue }
            var seen: Set<Int> = [w]
            var stack = [w]
            var reached: [Int] = []
            while let v = stack.popLast() {
                for u in adjacency[v] where seen.insert(u).inserted {
                    stack.append(u)
                    reached.append(u)
                }
            }
            for u in reached.sorted() where !adjacency[u].contains(w) {
                guard let x = estate.roleIndexByARN[graph.nodes[u].id],
                      implicit.edge(from: .role(x), toRole: r) != nil else { continue }
                adjacency[u].append(w)
            }
        }
    }
}

enum AssumeRole {
    static let action = "sts:AssumeRole"
}
