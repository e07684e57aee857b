import Foundation
import Inventory
import Simulation
import PolicyEngine

/// Builds the trust graph. Candidates come from indexes over the trust statements (by principal ARN,
/// account, unique id, wildcard, service and provider), never from trying every principal against every
/// role; each candidate request is built from the statement's conditions and confirmed by the engine.
struct TrustGraphBuilder: Sendable {
    let estate: Estate
    let simulator: Simulator
    let now: Int64
    private var nodes: [String: GraphNode] = [:]
    private var edges: [TrustEdge] = []
    private var done = Set<EdgeKey>()

    struct EdgeKey: Hashable {
        var from: String
        var role: Int
        var action: AssumeAction
    }
    /// Every principal as a caller: capabilities, session ARNs, capability indexes.
    let callers: CallerIndex

    enum Caller: Hashable, Sendable {
        case user(Int)
        case role(Int)
    }
    /// Simulations run (for the benchmark and profiling).
    private(set) var simulations = 0
    /// `*` statements whose callers in other accounts are not drawn one by one (see `WildcardGrant`).
    private(set) var grants: [WildcardGrant] = []
    /// `*` statements guarded by the organization: one edge from the organization node stands for the
    /// edges from its accounts (see `OrganizationGrant`). Sorted by (role, order).
    private(set) var organizationGrants: [OrganizationGrant] = []
    /// The organization grants of the role being built, in the order they were met.
    private var roleOrganizationGrants: [OrganizationGrant] = []

    init(estate: Estate, simulator: Simulator, now: Int64, callers: CallerIndex? = nil) {
        self.estate = estate
        self.simulator = simulator
        self.now = now
        self.callers = callers ?? CallerIndex(estate: estate)
    }

    /// What the builder knows of every principal as a caller, from the estate alone: built beside the
    /// engine's compilation rather than after it.
    struct CallerIndex: Sendable {
        let userCapabilities: [AssumeCapability]
        let roleCapabilities: [AssumeCapability]
        /// `arn:aws:sts::A:assumed-role/NAME/trustmap`: how each role calls, as a session.
        let sessionARNs: [String]
        /// Principals whose policies allow sts:AssumeRole on every role, by their account.
        let anyCapableByAccount: [String: [Caller]]
        /// Principals whose policies name role patterns, by `callerAccount|targetAccount` (`*` for any account).
        let patternCapableByPair: [String: [Caller]]
        /// A 12-digit account id that no inventory account uses: stands for "some principal of any account".
        let strangerAccount: String
        /// The accounts of the organization (inventory accounts whose trust is `organization`), sorted.
        let organizationAccounts: [String]
        let organizationAccountSet: Set<String>

        init(estate: Estate) {
            let users = estate.inventory.users, roles = estate.inventory.roles
            userCapabilities = users.indices.map { AssumeCapability(policies: users[$0].policies) }
            roleCapabilities = roles.indices.map { AssumeCapability(policies: roles[$0].policies) }
            sessionARNs = roles.indices.map { i in
                let arn = estate.roleARNs[i]
                let partition = arn.hasPrefix("arn:aws:") ? "aws" : (arn.asciiSplit(separator: ":", maxSplits: 2).dropFirst().first.map(String.init) ?? "aws")
                return "arn:\(partition):sts::\(estate.roleAccounts[i]):assumed-role/\(estate.roleNames[i])/trustmap"
            }
            var anyCapable: [String: [Caller]] = [:], patternCapable: [String: [Caller]] = [:]
            func index(_ c: Caller, _ cap: AssumeCapability, _ account: String) {
                if cap.any { anyCapable[account, default: []].append(c); return }
                for target in cap.targetAccounts.sorted() { patternCapable[account + "|" + target, default: []].append(c) }
            }
            for i in estate.userAccounts.indices { index(.user(i), userCapabilities[i], estate.userAccounts[i]) }
            for i in estate.roleAccounts.indices { index(.role(i), roleCapabilities[i], estate.roleAccounts[i]) }
            anyCapableByAccount = anyCapable
            patternCapableByPair = patternCapable
            var stranger = 0
            while estate.accountsByID[String(format12(stranger))] != nil { stranger += 1 }
            strangerAccount = format12(stranger)
            organizationAccounts = estate.inventory.accounts.map(\.id).filter { estate.trust(ofAccount: $0) == .organization }.sorted()
            organizationAccountSet = Set(organizationAccounts)
        }
    }

    /// The graph of the nodes and edges found (sorting and indexing them: one thread's work).
    func graph() -> TrustGraph { TrustGraph(nodes: Array(nodes.values), edges: edges) }

    /// Finds every node and edge. Roles are independent of each other here, so they are split between
    /// `workers` threads (interleaved, so that big accounts spread evenly); the parts are merged afterwards.
    mutating func buildEdges(workers: Int = 2) {
        addInventoryNodes()
        let count = estate.inventory.roles.count
        let parts = max(1, min(workers, count / 64))
        // Parts start without the inventory's nodes: a part that added a node to that dictionary would
        // copy all of it, and merging would walk all of it again.
        var empty = self
        empty.nodes = [:]
        let base = empty
        let results = ParallelResults<TrustGraphBuilder>.run(parts) { p in
            var part = base
            for i in stride(from: p, to: count, by: parts) { part.addEdges(intoRole: i) }
            return part
        }
        for part in results {
            for (id, node) in part.nodes where nodes[id] == nil { nodes[id] = node }
            edges.append(contentsOf: part.edges)
            grants.append(contentsOf: part.grants)
            organizationGrants.append(contentsOf: part.organizationGrants)
            simulations += part.simulations
        }
        grants.sort { ($0.role, $0.statement.statement.index) < ($1.role, $1.statement.statement.index) }
        organizationGrants.sort { ($0.role, $0.order) < ($1.role, $1.order) }
    }

    // MARK: Nodes

    private mutating func addInventoryNodes() {
        for a in estate.inventory.accounts { addAccountNode(a.id) }
        nodes.reserveCapacity(nodes.count + estate.userARNs.count + estate.roleARNs.count)
        var trustOf: [String: AccountTrust] = [:]
        func trust(_ a: String) -> AccountTrust {
            if let t = trustOf[a] { return t }
            let t = estate.trust(ofAccount: a)
            trustOf[a] = t
            return t
        }
        for i in estate.userARNs.indices {
            let arn = estate.userARNs[i], account = estate.userAccounts[i]
            nodes[arn] = GraphNode(id: arn, kind: .user, account: account, label: estate.userNames[i],
                                   trust: trust(account), inInventory: true, isAdministrator: estate.userIsAdmin[i])
        }
        for i in estate.roleARNs.indices {
            let arn = estate.roleARNs[i], account = estate.roleAccounts[i]
            nodes[arn] = GraphNode(id: arn, kind: .role, account: account, label: estate.roleNames[i],
                                   trust: trust(account), inInventory: true, isAdministrator: estate.roleIsAdmin[i])
        }
    }

    private mutating func addAccountNode(_ id: String) {
        guard nodes[id] == nil else { return }
        nodes[id] = GraphNode(id: id, kind: .account, account: id, label: estate.accountName(id), trust: estate.trust(ofAccount: id))
    }

    private mutating func addNode(for p: TrustPrincipal) {
        let id = p.nodeID
        guard nodes[id] == nil else { return }
        switch p {
        case .anyone, .anyAWS:
            nodes[id] = GraphNode(id: id, kind: .anyone, label: "anyone")
        case .account(let a):
            addAccountNode(a)
        case .user(let arn, let a), .role(let arn, let a), .session(let arn, let a, _, _), .federatedUser(let arn, let a):
            addAccountNode(a)
            let kind: NodeKind = { if case .user = p { return .user }; return .role }()
            let label = String(arn.asciiSplit(separator: "/", omittingEmptySubsequences: false).dropFirst().joined(separator: "/"))
            nodes[id] = GraphNode(id: id, kind: kind, account: a, label: label.isEmpty ? arn : label, trust: estate.trust(ofAccount: a))
        case .service(let s):
            nodes[id] = GraphNode(id: id, kind: .service, label: s.asciiSplit(separator: ".").first.map(String.init) ?? s)
        case .oidcProvider(let arn, let a, let issuer):
            nodes[id] = GraphNode(id: arn, kind: .federated, account: a, label: issuer)
        case .samlProvider(let arn, let a):
            nodes[id] = GraphNode(id: arn, kind: .federated, account: a, label: "saml/" + (arn.asciiSplit(separator: "/").last.map(String.init) ?? arn))
        case .builtInWebIdentity(let provider):
            nodes[id] = GraphNode(id: id, kind: .federated, label: provider)
        case .uniqueID, .other:
            break
        }
    }

    // MARK: Edges

    private mutating func addEdges(intoRole r: Int) {
        // Every key of `done` names its role, and each role is visited once: the set only ever needs this
        // role's keys. Kept small, it is never regrown (a regrowth hashes every ARN in it again).
        done.removeAll(keepingCapacity: true)
        roleOrganizationGrants.removeAll(keepingCapacity: true)
        let facts = estate.trustFacts[r]
        // A trust policy IAM would not store answers `invalid` for every request: no edges.
        guard facts.defects.isEmpty else { return }
        let allows = facts.usableAllows.sorted { ($0.conditions.count, $0.statement.index) < ($1.conditions.count, $1.statement.index) }
        for s in allows {
            for p in s.principals {
                switch p {
                case .anyone, .anyAWS:
                    if s.coversAssumeRole { addWildcardEdges(s, role: r) }
                case .account(let a):
                    guard s.coversAssumeRole else { continue }
                    addNode(for: p)
                    tryEdge(from: a, principal: a, role: r, statement: s, outsider: true)
                    addPrincipalsOfAccount(a, role: r, statement: s, needIdentity: true)
                case .user(let arn, _):
                    guard s.coversAssumeRole else { continue }
                    if let u = estate.userIndexByARN[arn] { tryUser(u, role: r, statement: s) } else { tryOutsider(p, role: r, statement: s) }
                case .role(let arn, _):
                    guard s.coversAssumeRole else { continue }
                    if let x = estate.roleIndexByARN[arn] { tryRole(x, role: r, statement: s) } else { tryOutsider(p, role: r, statement: s) }
                case .session(let arn, let a, let roleName, let session):
                    guard s.coversAssumeRole else { continue }
                    if let x = estate.roleIndexByAccountAndName[a + "/" + roleName] {
                        tryEdge(from: estate.roleARNs[x], principal: arn, role: r, statement: s, outsider: false,
                                identity: callers.roleCapabilities[x], callerAccount: a, extra: [EdgeRequirement(kind: .sessionName, label: "Session", text: "the calling session is named '\(session)'")])
                    } else {
                        tryOutsider(p, role: r, statement: s)
                    }
                case .uniqueID(let id):
                    guard s.coversAssumeRole else { continue }
                    if let u = estate.inventory.users.firstIndex(where: { $0.uniqueId == id }) { tryUser(u, role: r, statement: s) }
                    else if let x = estate.inventory.roles.firstIndex(where: { $0.uniqueId == id }) { tryRole(x, role: r, statement: s) }
                case .service(let svc):
                    guard s.coversAssumeRole else { continue }
                    addNode(for: p)
                    tryEdge(from: svc, principal: svc, role: r, statement: s, outsider: false)
                case .oidcProvider(let arn, _, let issuer):
                    guard s.coversWebIdentity else { continue }
                    addNode(for: p)
                    tryEdge(from: arn, principal: nil, role: r, statement: s, outsider: false, action: .assumeRoleWithWebIdentity, webProvider: issuer)
                case .builtInWebIdentity(let provider):
                    guard s.coversWebIdentity else { continue }
                    addNode(for: p)
                    tryEdge(from: provider, principal: nil, role: r, statement: s, outsider: false, action: .assumeRoleWithWebIdentity, webProvider: provider)
                case .samlProvider(let arn, _):
                    guard s.coversSAML else { continue }
                    addNode(for: p)
                    tryEdge(from: arn, principal: nil, role: r, statement: s, outsider: false, action: .assumeRoleWithSAML, samlProvider: arn)
                case .federatedUser, .other:
                    break
                }
            }
        }
    }

    /// `*` / `{"AWS":"*"}`: an edge from anyone when a stranger gets in; otherwise the statement is guarded,
    /// and the accounts its guard lets in get edges from their account nodes. Principals of the role's own
    /// account get edges of their own (they need no identity policy, assume-role.md A6), and so do the
    /// principals of accounts a guard names one by one (aws:PrincipalAccount, aws:PrincipalArn).
    ///
    /// When the statement lets in any account, or the whole organization, the capable principals of the
    /// other accounts are not drawn one by one: that would be one edge per capable principal of the estate
    /// for each such role, quadratic in the size of the organization. The anyone or account edges stand for
    /// them (cli.md: "any principal of that account whose own policies allow it"), and the statement is
    /// kept as a `WildcardGrant` so that the queries and the chain rules can name them on demand.
    private mutating func addWildcardEdges(_ s: TrustStatementFacts, role r: Int) {
        let roleAccount = estate.roleAccounts[r]
        addNode(for: .anyone)
        let open = tryEdge(from: "*", principal: callers.strangerAccount, role: r, statement: s, outsider: true)
            || done.contains(EdgeKey(from: "*", role: r, action: .assumeRole))
        var accounts = Set<String>()
        var arnPatterns: [String] = []
        var wholeOrganization = false
        for c in s.conditions where ConditionJudgement.isGuard(c) {
            switch c.lowercasedKey {
            case "aws:principalorgid", "aws:principalorgpaths":
                if let org = estate.organizationID, c.values.contains(where: { $0 == org || $0.hasPrefix(org + "/") }) {
                    // Its accounts are `callers.organizationAccounts`: not copied into `accounts` for every such
                    // statement (at 10,000 accounts, 10,000 shared roles made that 100 million entries).
                    wholeOrganization = true
                }
            case "aws:principalaccount":
                accounts.formUnion(c.values)
            case "aws:principalarn":
                arnPatterns.append(contentsOf: c.values)
                for v in c.values {
                    let parts = v.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
                    if parts.count == 6 { accounts.insert(String(parts[4])) }
                }
            default:
                break
            }
        }
        let organizationAdmits = wholeOrganization && !callers.organizationAccounts.isEmpty
        let anyAccount = open || (accounts.isEmpty && !organizationAdmits)
        if anyAccount {
            // Nothing pins the caller's account: every account with principals in the inventory is a candidate.
            accounts = Set(estate.usersByAccount.keys).union(estate.rolesByAccount.keys)
        }
        let oneByOne = !anyAccount && !wholeOrganization
        if !oneByOne {
            grants.append(WildcardGrant(role: r, statement: s, accounts: anyAccount ? nil : accounts,
                                        organization: organizationAdmits && !anyAccount, arnPatterns: arnPatterns))
        }
        accounts.insert(roleAccount)
        // The organization's other accounts are drawn as one edge from the organization node (one edge per
        // account for each such role made the graph quadratic: 1.4 million edges at 1,000 accounts).
        let byOrganization = !open && organizationAdmits
        if byOrganization { addOrganizationEdge(s, role: r) }
        for a in accounts.sorted() {
            guard Arn.isAccountID(a[...]) else { continue }
            if byOrganization && a != roleAccount && callers.organizationAccountSet.contains(a) { continue }
            if !open {
                addAccountNode(a)
                if estate.isInternal(a) {
                    tryEdge(from: a, principal: a, role: r, statement: s, outsider: true)
                } else {
                    // An outside account: its principals are unknown; one named by the guard stands for them.
                    let named = arnPatterns.first { $0.contains(":\(a):") }.map { Glob.example(of: $0, fill: "trustmap") }
                    tryEdge(from: a, principal: named ?? a, role: r, statement: s, outsider: true)
                }
            }
            if a == roleAccount || oneByOne {
                addPrincipalsOfAccount(a, role: r, statement: s, needIdentity: a != roleAccount, arnPatterns: arnPatterns)
            }
        }
    }

    /// One edge from the organization node into the role when some account of the organization other than
    /// the role's own gets in through the statement (the first one, by id, that the engine lets in gives
    /// the edge its requirements); the statement is kept as an `OrganizationGrant`, so that the queries
    /// name the accounts behind the edge as the graph named them before.
    private mutating func addOrganizationEdge(_ s: TrustStatementFacts, role r: Int) {
        guard let org = estate.organizationID else { return }
        let grant = OrganizationGrant(role: r, statement: s, order: roleOrganizationGrants.count)
        roleOrganizationGrants.append(grant)
        organizationGrants.append(grant)
        if nodes[org] == nil { nodes[org] = GraphNode(id: org, kind: .organization, label: "organization") }
        let key = EdgeKey(from: org, role: r, action: .assumeRole)
        guard !done.contains(key) else { return }
        let roleAccount = estate.roleAccounts[r]
        for a in callers.organizationAccounts where a != roleAccount && !done.contains(EdgeKey(from: a, role: r, action: .assumeRole)) {
            simulations += 1
            guard let e = probe(from: a, principal: a, role: r, statement: s, outsider: true) else { continue }
            done.insert(key)
            edges.append(TrustEdge(from: org, to: e.to, action: e.action, requires: e.requires, statement: e.statement))
            return
        }
    }

    /// The edge an organization grant gives one account of the organization, confirmed by the engine.
    func probe(_ g: OrganizationGrant, account a: String) -> TrustEdge? {
        guard a != estate.roleAccounts[g.role], callers.organizationAccountSet.contains(a) else { return nil }
        return probe(from: a, principal: a, role: g.role, statement: g.statement, outsider: true)
    }

    private mutating func addPrincipalsOfAccount(_ a: String, role r: Int, statement s: TrustStatementFacts, needIdentity: Bool,
                                                 arnPatterns: [String] = []) {
        let targetARN = estate.roleARNs[r], targetAccount = estate.roleAccounts[r]
        var candidates: [Caller]
        if needIdentity {
            // Only principals whose own policies could allow this role: found through the capability indexes.
            candidates = callers.anyCapableByAccount[a] ?? []
            for c in (callers.patternCapableByPair[a + "|" + targetAccount] ?? []) + (callers.patternCapableByPair[a + "|*"] ?? []) {
                let cap: AssumeCapability
                switch c {
                case .user(let u): cap = callers.userCapabilities[u]
                case .role(let x): cap = callers.roleCapabilities[x]
                }
                if cap.mayTarget(targetARN) { candidates.append(c) }
            }
        } else {
            candidates = (estate.usersByAccount[a] ?? []).map(Caller.user) + (estate.rolesByAccount[a] ?? []).map(Caller.role)
        }
        for c in candidates {
            switch c {
            case .user(let u):
                if !arnPatterns.isEmpty && !arnPatterns.contains(where: { Arn.matchesStringOrArnLike(pattern: $0, value: estate.userARNs[u]) }) { continue }
                tryUser(u, role: r, statement: s)
            case .role(let x):
                if !arnPatterns.isEmpty && !arnPatterns.contains(where: { Arn.matchesStringOrArnLike(pattern: $0, value: estate.roleARNs[x]) }) { continue }
                tryRole(x, role: r, statement: s)
            }
        }
    }

    private mutating func tryUser(_ u: Int, role r: Int, statement s: TrustStatementFacts) {
        tryEdge(from: estate.userARNs[u], principal: estate.userARNs[u], role: r, statement: s, outsider: false, identity: callers.userCapabilities[u],
                userName: estate.userNames[u], callerAccount: estate.userAccounts[u])
    }

    private mutating func tryRole(_ x: Int, role r: Int, statement s: TrustStatementFacts) {
        tryEdge(from: estate.roleARNs[x], principal: callers.sessionARNs[x], role: r, statement: s, outsider: false, identity: callers.roleCapabilities[x],
                callerAccount: estate.roleAccounts[x])
    }

    private mutating func tryOutsider(_ p: TrustPrincipal, role r: Int, statement s: TrustStatementFacts) {
        addNode(for: p)
        tryEdge(from: p.nodeID, principal: p.nodeID, role: r, statement: s, outsider: true)
    }


    /// Builds the most capable request for one statement, asks the engine, and records the edge when allowed.
    @discardableResult
    private mutating func tryEdge(from: String, principal: String?, role r: Int, statement s: TrustStatementFacts, outsider: Bool,
                                  action: AssumeAction = .assumeRole, identity: AssumeCapability? = nil, userName: String? = nil,
                                  callerAccount: String? = nil, webProvider: String? = nil, samlProvider: String? = nil,
                                  extra: [EdgeRequirement] = []) -> Bool {
        let k = EdgeKey(from: from, role: r, action: action)
        if done.contains(k) { return false }
        // An account the role's earlier organization grants already let in stands behind the organization
        // edge: the first statement that lets a caller in gives its edge, as for every other caller.
        if action == .assumeRole && !roleOrganizationGrants.isEmpty && callers.organizationAccountSet.contains(from) {
            for g in roleOrganizationGrants {
                simulations += 1
                if probe(g, account: from) != nil {
                    done.insert(k)
                    return false
                }
            }
        }
        simulations += 1
        guard let edge = probe(from: from, principal: principal, role: r, statement: s, outsider: outsider, action: action,
                               identity: identity, userName: userName, callerAccount: callerAccount, webProvider: webProvider,
                               samlProvider: samlProvider, extra: extra) else { return false }
        done.insert(k)
        edges.append(edge)
        return true
    }

    /// The edge one statement gives one caller, nil when the engine denies the most capable request.
    private func probe(from: String, principal: String?, role r: Int, statement s: TrustStatementFacts, outsider: Bool,
                       action: AssumeAction = .assumeRole, identity: AssumeCapability? = nil, userName: String? = nil,
                       callerAccount: String? = nil, webProvider: String? = nil, samlProvider: String? = nil,
                       extra: [EdgeRequirement] = []) -> TrustEdge? {
        let roleARN = estate.roleARNs[r], roleAccount = estate.roleAccounts[r]
        var request = AssumeRoleRequest(action: action, principal: principal, role: roleARN, sessionName: "trustmap", currentTime: now)
        if let webProvider {
            request.webIdentity = .init(provider: webProvider, claims: [])
        }
        if let samlProvider {
            request.saml = .init(provider: samlProvider, aud: "https://signin.aws.amazon.com/saml")
        }
        var draft = RequestDraft(request: request, userName: userName, callerIsOutsider: outsider)
        for (c, shown) in zip(s.conditions, s.conditionDescriptions) { draft.satisfy(c, described: shown) }
        if webProvider != nil, draft.request.webIdentity?.claim("aud") == nil {
            // GitHub and most CI issuers put the STS audience in `aud`.
            draft.request.webIdentity?.claims.append(.init(key: "aud", value: .single("sts.amazonaws.com")))
        }
        // Deny statements of the trust policy that the caller can step around.
        for d in estate.trustFacts[r].usableDenies where covers(d.statement, action) {
            for c in d.conditions where draft.falsify(c) { break }
        }
        // The caller's own Allow for sts:AssumeRole may have conditions of its own.
        if let identity, let callerAccount {
            if callerAccount != roleAccount || !isDirect(s, from: from) {
                applyIdentityConditions(identity, target: roleARN, draft: &draft)
            }
            for d in identity.denies {
                for c in d.conditions where draft.falsify(c) { break }
            }
        }
        guard simulator.decide(draft.request) == .allowed else { return nil }
        return TrustEdge(from: from, to: roleARN, action: action.rawValue, requires: extra + draft.requires, statement: s.label)
    }

    // MARK: Callers behind wildcard grants

    /// A builder for questions after the build: no nodes, edges or grants of its own.
    func prober() -> TrustGraphBuilder {
        var p = self
        p.nodes = [:]
        p.edges = []
        p.done = []
        p.grants = []
        p.organizationGrants = []
        p.roleOrganizationGrants = []
        return p
    }

    /// Whether a grant lets this caller in before the engine is asked: another account, one the grant admits,
    /// a principal its ARN patterns name, and identity policies that could allow the role.
    func admits(_ g: WildcardGrant, _ c: Caller) -> Bool {
        let account: String, arn: String, cap: AssumeCapability
        switch c {
        case .user(let u): (account, arn, cap) = (estate.userAccounts[u], estate.userARNs[u], callers.userCapabilities[u])
        case .role(let x): (account, arn, cap) = (estate.roleAccounts[x], estate.roleARNs[x], callers.roleCapabilities[x])
        }
        guard account != estate.roleAccounts[g.role] else { return false }
        if let admitted = g.accounts, !admitted.contains(account), !(g.organization && callers.organizationAccountSet.contains(account)) { return false }
        if !g.arnPatterns.isEmpty && !g.arnPatterns.contains(where: { Arn.matchesStringOrArnLike(pattern: $0, value: arn) }) { return false }
        return cap.mayTarget(estate.roleARNs[g.role])
    }

    /// The edge a grant gives a caller it admits, confirmed by the engine; nil when it is denied.
    func probe(_ g: WildcardGrant, _ c: Caller) -> TrustEdge? {
        guard admits(g, c) else { return nil }
        switch c {
        case .user(let u):
            return probe(from: estate.userARNs[u], principal: estate.userARNs[u], role: g.role, statement: g.statement, outsider: false,
                         identity: callers.userCapabilities[u], userName: estate.userNames[u], callerAccount: estate.userAccounts[u])
        case .role(let x):
            return probe(from: estate.roleARNs[x], principal: callers.sessionARNs[x], role: g.role, statement: g.statement, outsider: false,
                         identity: callers.roleCapabilities[x], callerAccount: estate.roleAccounts[x])
        }
    }

    /// Principals whose own policies could allow this role from another account, sorted by ARN:
    /// the candidates of a grant on it.
    func capableCallers(ofRole r: Int) -> [Caller] {
        let targetAccount = estate.roleAccounts[r], targetARN = estate.roleARNs[r]
        var out: [Caller] = []
        for (account, group) in callers.anyCapableByAccount where account != targetAccount { out.append(contentsOf: group) }
        for (pair, group) in callers.patternCapableByPair where pair.hasSuffix("|" + targetAccount) || pair.hasSuffix("|*") {
            out.append(contentsOf: group.filter { c in
                switch c {
                case .user(let u): return estate.userAccounts[u] != targetAccount && callers.userCapabilities[u].mayTarget(targetARN)
                case .role(let x): return estate.roleAccounts[x] != targetAccount && callers.roleCapabilities[x].mayTarget(targetARN)
                }
            })
        }
        return Array(Set(out)).sorted { arn($0) < arn($1) }
    }

    func arn(_ c: Caller) -> String {
        switch c {
        case .user(let u): return estate.userARNs[u]
        case .role(let x): return estate.roleARNs[x]
        }
    }

    func caller(arn: String) -> Caller? {
        if let u = estate.userIndexByARN[arn] { return .user(u) }
        if let x = estate.roleIndexByARN[arn] { return .role(x) }
        return nil
    }

    private func covers(_ s: PolicyStatement, _ action: AssumeAction) -> Bool {
        TrustStatementFacts.covers(s, action.rawValue.lowercased())
    }

    /// Whether the statement names the caller itself (a direct match needs no identity policy in the same account).
    private func isDirect(_ s: TrustStatementFacts, from: String) -> Bool {
        s.principals.contains { p in
            switch p {
            case .anyone, .anyAWS: return true
            case .user(let arn, _), .role(let arn, _): return arn == from
            case .session: return true
            case .uniqueID(let id):
                if let u = estate.userIndexByARN[from] { return estate.inventory.users[u].uniqueId == id }
                if let x = estate.roleIndexByARN[from] { return estate.inventory.roles[x].uniqueId == id }
                return false
            default: return false
            }
        }
    }

    /// The caller's own Allow for sts:AssumeRole may carry conditions (MFA, source IP): meet the first one.
    private func applyIdentityConditions(_ identity: AssumeCapability, target: String, draft: inout RequestDraft) {
        if identity.administratorAccess { return }
        var conditional: PolicyStatement?
        for s in identity.allows {
            let hits = s.resources.map { $0.contains { ResourcePattern.matches($0, arn: target) || $0.contains("${") } } ?? true
            guard hits else { continue }
            if s.conditions.isEmpty { return }
            if conditional == nil { conditional = s }
        }
        if let s = conditional { for c in s.conditions { draft.satisfy(c) } }
    }
}

private func format12(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 12 - s.count)) + s
}
