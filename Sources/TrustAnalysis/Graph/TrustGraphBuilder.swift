import Foundation
import Inventory
import PolicyEngine

/// Builds the trust graph. Candidates come from indexes over the trust statements (by principal ARN,
/// account, unique id, wildcard, service and provider), never from trying every principal against every
/// role; each candidate request is built from the statement's conditions and confirmed by the engine.
struct TrustGraphBuilder {
    let estate: Estate
    let simulator: Simulator
    let now: Int64
    private var nodes: [String: GraphNode] = [:]
    private var edges: [TrustEdge] = []
    private var done = Set<String>()
    private let userCapabilities: [AssumeCapability]
    private let roleCapabilities: [AssumeCapability]
    /// A 12-digit account id that no inventory account uses: stands for "some principal of any account".
    let strangerAccount: String
    /// Simulations run (for the benchmark and profiling).
    private(set) var simulations = 0

    init(estate: Estate, simulator: Simulator, now: Int64) {
        self.estate = estate
        self.simulator = simulator
        self.now = now
        userCapabilities = estate.inventory.users.map { AssumeCapability(policies: $0.policies) }
        roleCapabilities = estate.inventory.roles.map { AssumeCapability(policies: $0.policies) }
        var stranger = 0
        while estate.accountsByID[String(format12(stranger))] != nil { stranger += 1 }
        strangerAccount = format12(stranger)
    }

    mutating func build() -> TrustGraph {
        addInventoryNodes()
        for i in estate.inventory.roles.indices { addEdges(intoRole: i) }
        return TrustGraph(nodes: Array(nodes.values), edges: edges)
    }

    // MARK: Nodes

    private mutating func addInventoryNodes() {
        for a in estate.inventory.accounts { addAccountNode(a.id) }
        for (i, u) in estate.inventory.users.enumerated() {
            nodes[u.arn] = GraphNode(id: u.arn, kind: .user, account: u.accountId, label: u.name,
                                     trust: estate.trust(ofAccount: u.accountId), inInventory: true, isAdministrator: estate.userIsAdmin[i])
        }
        for (i, r) in estate.inventory.roles.enumerated() {
            nodes[r.arn] = GraphNode(id: r.arn, kind: .role, account: r.accountId, label: r.name,
                                     trust: estate.trust(ofAccount: r.accountId), inInventory: true, isAdministrator: estate.roleIsAdmin[i])
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
            let label = String(arn.split(separator: "/", omittingEmptySubsequences: false).dropFirst().joined(separator: "/"))
            nodes[id] = GraphNode(id: id, kind: kind, account: a, label: label.isEmpty ? arn : label, trust: estate.trust(ofAccount: a))
        case .service(let s):
            nodes[id] = GraphNode(id: id, kind: .service, label: s.split(separator: ".").first.map(String.init) ?? s)
        case .oidcProvider(let arn, let a, let issuer):
            nodes[id] = GraphNode(id: arn, kind: .federated, account: a, label: issuer)
        case .samlProvider(let arn, let a):
            nodes[id] = GraphNode(id: arn, kind: .federated, account: a, label: "saml/" + (arn.split(separator: "/").last.map(String.init) ?? arn))
        case .builtInWebIdentity(let provider):
            nodes[id] = GraphNode(id: id, kind: .federated, label: provider)
        case .uniqueID, .other:
            break
        }
    }

    // MARK: Edges

    private mutating func addEdges(intoRole r: Int) {
        let role = estate.inventory.roles[r]
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
                        let caller = estate.inventory.roles[x]
                        tryEdge(from: caller.arn, principal: arn, role: r, statement: s, outsider: false,
                                identity: caller.policies, extra: [EdgeRequirement(kind: .sessionName, label: "Session", text: "the calling session is named '\(session)'")])
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

    /// `*` / `{"AWS":"*"}`: one edge from anyone when a stranger gets in. Otherwise the statement is guarded,
    /// and the accounts and principals its guard lets in get their own edges.
    private mutating func addWildcardEdges(_ s: TrustStatementFacts, role r: Int) {
        let role = estate.inventory.roles[r]
        addNode(for: .anyone)
        if tryEdge(from: "*", principal: strangerAccount, role: r, statement: s, outsider: true) { return }
        if done.contains(key("*", role.arn, .assumeRole)) { return }
        var accounts = Set<String>()
        var arnPatterns: [String] = []
        for c in s.conditions where ConditionJudgement.isGuard(c) {
            switch c.lowercasedKey {
            case "aws:principalorgid", "aws:principalorgpaths":
                if let org = estate.organizationID, c.values.contains(where: { $0 == org || $0.hasPrefix(org + "/") }) {
                    for a in estate.inventory.accounts where estate.trust(ofAccount: a.id) == .organization { accounts.insert(a.id) }
                }
            case "aws:principalaccount":
                accounts.formUnion(c.values)
            case "aws:principalarn":
                arnPatterns.append(contentsOf: c.values)
                for v in c.values {
                    let parts = v.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
                    if parts.count == 6 { accounts.insert(String(parts[4])) }
                }
            default:
                break
            }
        }
        // Same-account principals match `*` directly and need no identity policy (assume-role.md A6).
        accounts.insert(role.accountId)
        for a in accounts.sorted() {
            guard TrustPrincipal.isAccountID(a[...]) else { continue }
            addAccountNode(a)
            if estate.isInternal(a) {
                tryEdge(from: a, principal: a, role: r, statement: s, outsider: true)
            } else {
                // An outside account: its principals are unknown; one named by the guard stands for them.
                let named = arnPatterns.first { $0.contains(":\(a):") }.map { Wildcard.instantiate($0, fill: "trustmap") }
                tryEdge(from: a, principal: named ?? a, role: r, statement: s, outsider: true)
            }
            addPrincipalsOfAccount(a, role: r, statement: s, needIdentity: a != role.accountId, arnPatterns: arnPatterns)
        }
    }

    private mutating func addPrincipalsOfAccount(_ a: String, role r: Int, statement s: TrustStatementFacts, needIdentity: Bool,
                                                 arnPatterns: [String] = []) {
        let target = estate.inventory.roles[r].arn
        for u in estate.usersByAccount[a] ?? [] {
            if needIdentity && !userCapabilities[u].mayTarget(target) { continue }
            if !arnPatterns.isEmpty && !arnPatterns.contains(where: { Wildcard.matchesARN($0, estate.inventory.users[u].arn) }) { continue }
            tryUser(u, role: r, statement: s)
        }
        for x in estate.rolesByAccount[a] ?? [] {
            if needIdentity && !roleCapabilities[x].mayTarget(target) { continue }
            if !arnPatterns.isEmpty && !arnPatterns.contains(where: { Wildcard.matchesARN($0, estate.inventory.roles[x].arn) }) { continue }
            tryRole(x, role: r, statement: s)
        }
    }

    private mutating func tryUser(_ u: Int, role r: Int, statement s: TrustStatementFacts) {
        let user = estate.inventory.users[u]
        tryEdge(from: user.arn, principal: user.arn, role: r, statement: s, outsider: false, identity: user.policies, userName: user.name,
                callerAccount: user.accountId)
    }

    private mutating func tryRole(_ x: Int, role r: Int, statement s: TrustStatementFacts) {
        let caller = estate.inventory.roles[x]
        let partition = caller.arn.split(separator: ":", maxSplits: 2).dropFirst().first.map(String.init) ?? "aws"
        let session = "arn:\(partition):sts::\(caller.accountId):assumed-role/\(caller.name)/trustmap"
        tryEdge(from: caller.arn, principal: session, role: r, statement: s, outsider: false, identity: caller.policies,
                callerAccount: caller.accountId)
    }

    private mutating func tryOutsider(_ p: TrustPrincipal, role r: Int, statement s: TrustStatementFacts) {
        addNode(for: p)
        tryEdge(from: p.nodeID, principal: p.nodeID, role: r, statement: s, outsider: true)
    }

    private func key(_ from: String, _ to: String, _ action: AssumeAction) -> String { from + "\u{1}" + to + "\u{1}" + action.rawValue }

    /// Builds the most capable request for one statement, asks the engine, and records the edge when allowed.
    @discardableResult
    private mutating func tryEdge(from: String, principal: String?, role r: Int, statement s: TrustStatementFacts, outsider: Bool,
                                  action: AssumeAction = .assumeRole, identity: [AttachedPolicy] = [], userName: String? = nil,
                                  callerAccount: String? = nil, webProvider: String? = nil, samlProvider: String? = nil,
                                  extra: [EdgeRequirement] = []) -> Bool {
        let role = estate.inventory.roles[r]
        let k = key(from, role.arn, action)
        if done.contains(k) { return false }
        var request = AssumeRoleRequest(action: action, principal: principal, role: role.arn, sessionName: "trustmap", currentTime: now)
        if let webProvider {
            request.webIdentity = .init(provider: webProvider, claims: [])
        }
        if let samlProvider {
            request.saml = .init(provider: samlProvider, aud: "https://signin.aws.amazon.com/saml")
        }
        var draft = RequestDraft(request: request, userName: userName, callerIsOutsider: outsider)
        for c in s.conditions { draft.satisfy(c) }
        if webProvider != nil, draft.request.webIdentity?.claim("aud") == nil {
            // GitHub and most CI issuers put the STS audience in `aud`.
            draft.request.webIdentity?.claims.append(.init(key: "aud", value: .single("sts.amazonaws.com")))
        }
        // Deny statements of the trust policy that the caller can step around.
        for d in estate.trustFacts[r].usableDenies where covers(d.statement, action) {
            for c in d.conditions where draft.falsify(c) { break }
        }
        // The caller's own Allow for sts:AssumeRole may have conditions of its own.
        if !identity.isEmpty, let callerAccount, callerAccount != role.accountId || !isDirect(s, from: from) {
            applyIdentityConditions(identity, target: role.arn, draft: &draft)
        }
        simulations += 1
        let result = simulator.simulate(draft.request)
        guard result.decision == .allowed else { return false }
        done.insert(k)
        edges.append(TrustEdge(from: from, to: role.arn, action: action.rawValue, requires: extra + draft.requires, statement: s.label))
        return true
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

    private func applyIdentityConditions(_ policies: [AttachedPolicy], target: String, draft: inout RequestDraft) {
        var conditional: PolicyStatement?
        for p in policies {
            if p.arn == Estate.administratorAccessARN { return }
            guard let doc = p.document else { continue }
            for s in doc.statements where s.effect == .allow && TrustStatementFacts.covers(s, "sts:assumerole") {
                let hits = s.resources.map { $0.contains { Wildcard.matchesARN($0, target) } } ?? true
                guard hits else { continue }
                if s.conditions.isEmpty { conditional = nil; return finishDenies(policies, draft: &draft) }
                if conditional == nil { conditional = s }
            }
        }
        if let s = conditional { for c in s.conditions { draft.satisfy(c) } }
        finishDenies(policies, draft: &draft)
    }

    private func finishDenies(_ policies: [AttachedPolicy], draft: inout RequestDraft) {
        for p in policies {
            for s in p.document?.statements ?? [] where s.effect == .deny && TrustStatementFacts.covers(s, "sts:assumerole") {
                for c in s.conditions where draft.falsify(c) { break }
            }
        }
    }
}

private func format12(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 12 - s.count)) + s
}
