import Dispatch
import Inventory
import PolicyEngine
import Synchronization

/// Simulates STS AssumeRole calls against one inventory: the adapter from the inventory to the engine.
///
/// Everything that does not depend on the request is done once in `init`: policies compiled, roles
/// indexed by ARN and by account + name (to resolve session ARNs, §0.4), users by ARN, SCP/RCP levels
/// resolved per account through the OU tree with the FullAWSAccess convention (§g.1). `simulate` then
/// only looks things up, so the graph builder can call it for every candidate edge.
public struct Simulator: Sendable {
    public let inventory: Inventory
    let roles: [CompiledRole]
    let users: [CompiledUser]
    let roleIndexByArn: KeyIndex
    /// Roles by (account, name): a session ARN names its role without the path (§0.4).
    let roleIndexByAccountAndName: KeyIndex
    let userIndexByArn: KeyIndex
    /// Whether some user ARN has the shape of a session ARN or is not ASCII. When none is (always, in
    /// practice), an ASCII session ARN cannot be a user's, and is looked up among roles only.
    let someUserArnLooksLikeSession: Bool
    let accounts: [String: Account]
    let organizationID: String?
    let managementAccount: String?
    let scpLevelsByAccount: [String: [GuardrailLevel]]
    let rcpLevelsByAccount: [String: [GuardrailLevel]]
    let oidcProviders: Set<String>
    let samlProviders: Set<String>

    /// A role, compiled both as a target and as the identity side of its sessions, with the
    /// guardrails of its account resolved once. A class: a request reads one by reference.
    final class CompiledRole: Sendable {
        let target: TargetRole
        /// The identity side of the role's sessions; its principal's ARN and session name are the
        /// request's (every resolution sets them).
        let asCaller: CallerSide
        /// RCPs of the role's account (as a target).
        let rcps: GuardrailSet
        /// SCPs of the role's account, for its sessions as callers.
        let scps: GuardrailSet
        /// `organization.id` when the account is a member (for its sessions as callers).
        let orgID: String?

        init(target: TargetRole, asCaller: CallerSide, rcps: GuardrailSet, scps: GuardrailSet, orgID: String?) {
            self.target = target
            self.asCaller = asCaller
            self.rcps = rcps
            self.scps = scps
            self.orgID = orgID
        }
    }

    /// A user with the SCPs and organization of its account resolved once.
    final class CompiledUser: Sendable {
        let side: CallerSide
        let scps: GuardrailSet
        let orgID: String?

        init(side: CallerSide, scps: GuardrailSet, orgID: String?) {
            self.side = side
            self.scps = scps
            self.orgID = orgID
        }
    }

    public init(inventory: Inventory) {
        self.inventory = inventory
        var accountsByID: [String: Account] = [:]
        accountsByID.reserveCapacity(inventory.accounts.count)
        for a in inventory.accounts { accountsByID[a.id] = a }
        let accounts = accountsByID
        self.accounts = accounts
        let organizationID = inventory.organization?.id
        let managementAccount = inventory.organization?.managementAccount
        self.organizationID = organizationID
        self.managementAccount = managementAccount
        oidcProviders = Set(inventory.oidcProviders)
        samlProviders = Set(inventory.samlProviders)
        (scpLevelsByAccount, rcpLevelsByAccount) = Self.guardrailLevels(inventory)
        let scpLevels = scpLevelsByAccount, rcpLevels = rcpLevelsByAccount

        // Compiling is most of the work and each principal's is independent: two workers take half the
        // roles and half the users each, with their own caches (a document both halves have is compiled
        // twice; the copies are equal). Positions are kept, so the result does not depend on the split.
        let workers = inventory.roles.count + inventory.users.count >= 2_000 ? 2 : 1
        let slots = Slots<Chunk>(count: workers)
        let work: @Sendable (Int) -> Void = { w in
            var compiler = PolicyCompiler()
            let roleRange = Self.share(w, of: workers, inventory.roles.indices)
            let userRange = Self.share(w, of: workers, inventory.users.indices)
            var chunk = Chunk()
            chunk.targets.reserveCapacity(roleRange.count)
            chunk.callers.reserveCapacity(roleRange.count)
            for i in roleRange {
                let (target, caller) = compiler.role(inventory.roles[i])
                chunk.targets.append(target)
                chunk.callers.append(caller)
            }
            chunk.users.reserveCapacity(userRange.count)
            for i in userRange {
                let side = compiler.user(inventory.users[i])
                chunk.users.append(CompiledUser(side: side, scps: Self.scpSet(for: side, organizationID: organizationID, managementAccount: managementAccount, levels: scpLevels),
                                                orgID: Self.orgID(of: side.principal.accountId, organizationID: organizationID, managementAccount: managementAccount, accounts: accounts)))
                if Self.sessionParts(inventory.users[i].arn) != nil || !Self.isASCII(inventory.users[i].arn) { chunk.someUserArnLooksLikeSession = true }
            }
            slots.set(w, chunk)
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        let chunks = slots.values

        var targets: [TargetRole] = []
        var callers: [CallerSide] = []
        var users: [CompiledUser] = []
        targets.reserveCapacity(inventory.roles.count)
        callers.reserveCapacity(inventory.roles.count)
        users.reserveCapacity(inventory.users.count)
        var userLooksLikeSession = false
        for c in chunks {
            targets.append(contentsOf: c.targets)
            callers.append(contentsOf: c.callers)
            users.append(contentsOf: c.users)
            userLooksLikeSession = userLooksLikeSession || c.someUserArnLooksLikeSession
        }
        // The indexes and the roles' guardrails, on the same workers: the role-ARN index on one while the
        // name and user indexes are built on the other, then half the roles each (a role's session
        // guardrails are those of the last role with its ARN, so the ARN index comes first).
        let roleTargets = targets, roleCallers = callers, userCount = users.count
        let indexes = Slots<KeyIndex>(count: 3)
        let buildIndexes: @Sendable (Int) -> Void = { w in
            if w == 0 || workers == 1 {
                var byArn = KeyIndex(capacity: roleTargets.count)
                for t in roleTargets { byArn.append(t.arn) }
                indexes.set(0, byArn)
            }
            if w == 1 || workers == 1 {
                var byName = KeyIndex(capacity: roleTargets.count, twoParts: true)
                for t in roleTargets { byName.append(t.accountId, t.name) }
                indexes.set(1, byName)
                var usersByArn = KeyIndex(capacity: userCount)
                for u in inventory.users { usersByArn.append(u.arn) }
                indexes.set(2, usersByArn)
            }
        }
        if workers == 1 { buildIndexes(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: buildIndexes) }
        let built = indexes.values
        let byArn = built[0]
        let roleSlots = Slots<[CompiledRole]>(count: workers)
        let compileRoles: @Sendable (Int) -> Void = { w in
            var part: [CompiledRole] = []
            let range = Self.share(w, of: workers, roleTargets.indices)
            part.reserveCapacity(range.count)
            for i in range {
                let target = roleTargets[i]
                // A session's guardrails are those of the role its ARN names (the last role of that ARN).
                let g = byArn.find(target.arn) ?? i
                part.append(CompiledRole(target: target, asCaller: roleCallers[i],
                                         rcps: Self.rcpSet(account: target.accountId, organizationID: organizationID, managementAccount: managementAccount, levels: rcpLevels),
                                         scps: Self.scpSet(for: roleCallers[g], organizationID: organizationID, managementAccount: managementAccount, levels: scpLevels),
                                         orgID: Self.orgID(of: roleTargets[g].accountId, organizationID: organizationID, managementAccount: managementAccount, accounts: accounts)))
            }
            roleSlots.set(w, part)
        }
        if workers == 1 { compileRoles(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: compileRoles) }
        var roles: [CompiledRole] = []
        roles.reserveCapacity(targets.count)
        for part in roleSlots.values { roles.append(contentsOf: part) }
        self.roles = roles
        self.users = users
        roleIndexByArn = byArn
        roleIndexByAccountAndName = built[1]
        userIndexByArn = built[2]
        someUserArnLooksLikeSession = userLooksLikeSession
    }

    /// What one worker of `init` compiled, in inventory order.
    struct Chunk: Sendable {
        var targets: [TargetRole] = []
        var callers: [CallerSide] = []
        var users: [CompiledUser] = []
        var someUserArnLooksLikeSession = false
    }

    /// Worker `w`'s contiguous share of `range`.
    static func share(_ w: Int, of workers: Int, _ range: Range<Int>) -> Range<Int> {
        let n = range.count
        return (range.lowerBound + n * w / workers)..<(range.lowerBound + n * (w + 1) / workers)
    }

    /// Compiles principals' policies, once per distinct document (per managed policy ARN for attached
    /// identity policies): principals that repeat a document (inline policies stamped by the same
    /// template, shared trust policies) share one compilation. Compiling depends on the name, kind and
    /// document only.
    struct PolicyCompiler {
        struct CompileKey: Hashable {
            var name: String
            var kind: PolicyKind
            var document: PolicyDocumentKey
        }
        var compiledManaged: [String: CompiledPolicy] = [:]
        var compiledByDocument: [CompileKey: CompiledPolicy] = [:]
        var compiledTrust: [PolicyDocumentKey: TargetRole.CompiledTrust] = [:]

        mutating func compiled(_ name: String, _ kind: PolicyKind, _ doc: PolicyDocument) -> CompiledPolicy {
            let key = CompileKey(name: name, kind: kind, document: PolicyDocumentKey(doc))
            if let c = compiledByDocument[key] { return c }
            let c = CompiledPolicy(name: name, kind: kind, document: doc)
            compiledByDocument[key] = c
            return c
        }

        mutating func trust(_ doc: PolicyDocument) -> TargetRole.CompiledTrust {
            let key = PolicyDocumentKey(doc)
            if let c = compiledTrust[key] { return c }
            let c = TargetRole.CompiledTrust(doc)
            compiledTrust[key] = c
            return c
        }

        mutating func compile(_ attached: [AttachedPolicy], kind: PolicyKind) -> ([CompiledPolicy], [String]) {
            var out: [CompiledPolicy] = []
            out.reserveCapacity(attached.count)
            var unknown: [String] = []
            for a in attached {
                guard let doc = a.document else {
                    unknown.append(a.arn ?? a.name)
                    continue
                }
                if let arn = a.arn, kind == .identity {
                    if let c = compiledManaged[arn] { out.append(c); continue }
                    let c = compiled(a.name, kind, doc)
                    compiledManaged[arn] = c
                    out.append(c)
                } else {
                    out.append(compiled(a.name, kind, doc))
                }
            }
            return (out, unknown)
        }

        mutating func boundary(_ b: AttachedPolicy?) -> CompiledPolicy? {
            guard let b, let doc = b.document else { return nil }
            return compiled("permissions boundary '\(b.name)'", .permissionsBoundary, doc)
        }

        /// A role as a target, and as the identity side of its sessions (whose principal's ARN and
        /// session name each resolution sets).
        mutating func role(_ role: Role) -> (TargetRole, CallerSide) {
            let tags = TargetRole.lowercasedKeys(role.tags)
            let target = TargetRole(arn: role.arn, accountId: role.accountId, name: role.name, uniqueId: role.uniqueId, trust: trust(role.trustPolicy), maxSessionDuration: role.maxSessionDuration, tagsByLowercasedKey: tags)
            let (policies, unknown) = compile(role.policies, kind: .identity)
            // Sessions that EC2 delivers through an instance profile are not role chaining [CHAIN].
            let onlyEC2 = Simulator.trustsOnlyService("ec2.amazonaws.com", target.trust)
            let principal = CallerPrincipal(kind: .roleSession, arn: "", partition: target.partition, accountId: role.accountId, roleArn: role.arn, name: role.name, uniqueId: role.uniqueId)
            let caller = CallerSide(principal: principal, identityPolicies: policies, boundary: boundary(role.permissionsBoundary), identityKnown: true, isServiceLinkedRole: role.isServiceLinked, tagsByLowercasedKey: tags, unknownPolicies: unknown, chainedByDefault: !onlyEC2)
            return (target, caller)
        }

        mutating func user(_ user: User) -> CallerSide {
            let (policies, unknown) = compile(user.policies, kind: .identity)
            let principal = CallerPrincipal(kind: .user, arn: user.arn, partition: Arn(user.arn)?.partition ?? "aws", accountId: user.accountId, name: user.name, uniqueId: user.uniqueId)
            return CallerSide(principal: principal, identityPolicies: policies, boundary: boundary(user.permissionsBoundary), identityKnown: true, tagsByLowercasedKey: TargetRole.lowercasedKeys(user.tags), unknownPolicies: unknown)
        }
    }

    /// One slot per worker, each written once by its worker and read after all have finished.
    final class Slots<T: Sendable>: Sendable {
        private let storage: Mutex<[T?]>
        init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }
        func set(_ i: Int, _ value: T) { storage.withLock { $0[i] = value } }
        var values: [T] { storage.withLock { $0.map { $0! } } }
    }

    /// SCP and RCP levels per member account, through the OU tree, with the FullAWSAccess convention (§g.1).
    static func guardrailLevels(_ inventory: Inventory) -> (scps: [String: [GuardrailLevel]], rcps: [String: [GuardrailLevel]]) {
        guard let org = inventory.organization else { return ([:], [:]) }
        let levels = Self.attachmentLevels(org: org, accounts: inventory.accounts)
        var scps: [String: [GuardrailLevel]] = [:]
        var rcps: [String: [GuardrailLevel]] = [:]
        let compiledSCPs = org.scps.map { CompiledPolicy(name: $0.name, kind: .scp, document: $0.document) }
        let compiledRCPs = org.rcps.map { CompiledPolicy(name: $0.name, kind: .rcp, document: $0.document) }
        for account in inventory.accounts where Self.isMember(account, org: org) {
            let chain = levels[account.id] ?? ["root", account.id]
            scps[account.id] = chain.map { target in
                let attached = zip(org.scps, compiledSCPs).filter { Self.attached($0.0.targets, at: target, rootAliases: true) }.map(\.1)
                // FullAWSAccess convention (§g.1): a level without SCPs, or without any Allow, has an implicit FullAWSAccess.
                if attached.isEmpty || !attached.contains(where: \.hasAllowStatement) {
                    return GuardrailLevel(target: target, policies: attached + [Self.implicitFullAWSAccess])
                }
                return GuardrailLevel(target: target, policies: attached)
            }
            rcps[account.id] = chain.compactMap { target in
                let attached = zip(org.rcps, compiledRCPs).filter { Self.attached($0.0.targets, at: target, rootAliases: true) }.map(\.1)
                return attached.isEmpty ? nil : GuardrailLevel(target: target, policies: attached)
            }
        }
        return (scps, rcps)
    }

    /// `FullAWSAccess` as AWS attaches it by default to every root, OU and account.
    static let implicitFullAWSAccess = CompiledPolicy(name: "FullAWSAccess (implicit)", kind: .scp, document: PolicyDocument(json: ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "*", "Resource": "*"]]]))

    static func isMember(_ account: Account, org: Organization) -> Bool {
        account.inOrganization || account.id == org.managementAccount
    }

    static func attached(_ targets: [String], at level: String, rootAliases: Bool) -> Bool {
        if level == "root" { return targets.contains { $0 == "root" || $0.hasPrefix("r-") } }
        return targets.contains(level)
    }

    /// root, then the OUs from the top down, then the account, for every account.
    static func attachmentLevels(org: Organization, accounts: [Account]) -> [String: [String]] {
        var unitOfAccount: [String: String] = [:]
        var parent: [String: String] = [:]
        for u in org.units {
            for a in u.accounts where unitOfAccount[a] == nil { unitOfAccount[a] = u.id }
            if let p = u.parent { parent[u.id] = p }
        }
        var out: [String: [String]] = [:]
        for a in accounts {
            var chain: [String] = []
            var ou = a.ou ?? unitOfAccount[a.id]
            var guardCount = 0
            while let o = ou, guardCount < 10, !o.hasPrefix("r-") {
                chain.insert(o, at: 0)
                ou = parent[o]
                guardCount += 1
            }
            out[a.id] = ["root"] + chain + [a.id]
        }
        return out
    }

    static func trustsOnlyService(_ service: String, _ trust: CompiledPolicy) -> Bool {
        var sawAny = false
        for s in trust.statements where s.effect == .allow {
            for p in s.principals ?? [] {
                guard case .service(let name) = p, name == service else { return false }
                sawAny = true
            }
        }
        return sawAny
    }
}
