import PolicyEngine

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
    let roleIndexByArn: [String: Int]
    let roleIndexByAccountAndName: [String: Int]
    let userIndexByArn: [String: Int]
    let accounts: [String: Account]
    let organizationID: String?
    let managementAccount: String?
    let scpLevelsByAccount: [String: [GuardrailLevel]]
    let rcpLevelsByAccount: [String: [GuardrailLevel]]
    let oidcProviders: Set<String>
    let samlProviders: Set<String>

    /// A role, compiled both as a target and as the identity side of its sessions, with the
    /// guardrails of its account resolved once.
    struct CompiledRole: Sendable {
        var target: TargetRole
        var asCaller: CallerSide
        var isServiceLinked: Bool
        /// RCPs of the role's account (as a target).
        var rcps: GuardrailSet
        /// SCPs of the role's account, for its sessions as callers.
        var scps: GuardrailSet
        /// `organization.id` when the account is a member.
        var orgID: String?
    }

    /// A user with the SCPs and organization of its account resolved once.
    struct CompiledUser: Sendable {
        var side: CallerSide
        var scps: GuardrailSet
        var orgID: String?
    }

    public init(inventory: Inventory) {
        self.inventory = inventory
        var compiledManaged: [String: CompiledPolicy] = [:]
        // Compiling depends on the name, kind and document only: principals that repeat a document
        // (inline policies stamped by the same template, shared trust policies) share one compilation.
        struct CompileKey: Hashable {
            var name: String
            var kind: PolicyKind
            var document: PolicyDocumentKey
        }
        var compiledByDocument: [CompileKey: CompiledPolicy] = [:]
        func compiled(_ name: String, _ kind: PolicyKind, _ doc: PolicyDocument) -> CompiledPolicy {
            let key = CompileKey(name: name, kind: kind, document: PolicyDocumentKey(doc))
            if let c = compiledByDocument[key] { return c }
            let c = CompiledPolicy(name: name, kind: kind, document: doc)
            compiledByDocument[key] = c
            return c
        }
        var compiledTrust: [PolicyDocumentKey: TargetRole.CompiledTrust] = [:]
        func trust(_ doc: PolicyDocument) -> TargetRole.CompiledTrust {
            let key = PolicyDocumentKey(doc)
            if let c = compiledTrust[key] { return c }
            let c = TargetRole.CompiledTrust(doc)
            compiledTrust[key] = c
            return c
        }
        func compile(_ attached: [AttachedPolicy], kind: PolicyKind) -> ([CompiledPolicy], [String]) {
            var out: [CompiledPolicy] = []
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
        func lowered(_ tags: [String: String]) -> [String: String] {
            // Sorted so that a case-only duplicate resolves the same way every run.
            var out: [String: String] = [:]
            for (k, v) in tags.sorted(by: { $0.key < $1.key }) where out[k.lowercased()] == nil { out[k.lowercased()] = v }
            return out
        }

        var roles: [CompiledRole] = []
        var byArn: [String: Int] = [:]
        var byName: [String: Int] = [:]
        roles.reserveCapacity(inventory.roles.count)
        for role in inventory.roles {
            let target = TargetRole(arn: role.arn, accountId: role.accountId, name: role.name, uniqueId: role.uniqueId, trust: trust(role.trustPolicy), maxSessionDuration: role.maxSessionDuration, tags: role.tags)
            let (policies, unknown) = compile(role.policies, kind: .identity)
            let boundary = role.permissionsBoundary.flatMap { b in b.document.map { compiled("permissions boundary '\(b.name)'", .permissionsBoundary, $0) } }
            let partition = Arn(role.arn)?.partition ?? "aws"
            // Sessions that EC2 delivers through an instance profile are not role chaining [CHAIN].
            let onlyEC2 = Self.trustsOnlyService("ec2.amazonaws.com", target.trust)
            let principal = CallerPrincipal(kind: .roleSession, arn: "arn:\(partition):sts::\(role.accountId):assumed-role/\(role.name)/session", partition: partition, accountId: role.accountId, roleArn: role.arn, name: role.name, sessionName: "session", uniqueId: role.uniqueId)
            let caller = CallerSide(principal: principal, identityPolicies: policies, boundary: boundary, identityKnown: true, isServiceLinkedRole: role.isServiceLinked, tagsByLowercasedKey: lowered(role.tags), unknownPolicies: unknown, chainedByDefault: !onlyEC2)
            byArn[role.arn] = roles.count
            byName["\(role.accountId)/\(role.name)"] = roles.count
            roles.append(CompiledRole(target: target, asCaller: caller, isServiceLinked: role.isServiceLinked, rcps: Self.noOrganization, scps: Self.noOrganization, orgID: nil))
        }
        var users: [CompiledUser] = []
        var usersByArn: [String: Int] = [:]
        for user in inventory.users {
            let (policies, unknown) = compile(user.policies, kind: .identity)
            let boundary = user.permissionsBoundary.flatMap { b in b.document.map { compiled("permissions boundary '\(b.name)'", .permissionsBoundary, $0) } }
            let principal = CallerPrincipal(kind: .user, arn: user.arn, partition: Arn(user.arn)?.partition ?? "aws", accountId: user.accountId, name: user.name, uniqueId: user.uniqueId)
            usersByArn[user.arn] = users.count
            users.append(CompiledUser(side: CallerSide(principal: principal, identityPolicies: policies, boundary: boundary, identityKnown: true, tagsByLowercasedKey: lowered(user.tags), unknownPolicies: unknown), scps: Self.noOrganization, orgID: nil))
        }
        roleIndexByArn = byArn
        roleIndexByAccountAndName = byName
        userIndexByArn = usersByArn
        var accounts: [String: Account] = [:]
        for a in inventory.accounts { accounts[a.id] = a }
        self.accounts = accounts
        organizationID = inventory.organization?.id
        managementAccount = inventory.organization?.managementAccount
        oidcProviders = Set(inventory.oidcProviders)
        samlProviders = Set(inventory.samlProviders)
        if let org = inventory.organization {
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
            scpLevelsByAccount = scps
            rcpLevelsByAccount = rcps
        } else {
            scpLevelsByAccount = [:]
            rcpLevelsByAccount = [:]
        }
        // Resolve each principal's guardrails once, so `simulate` does no lookups for them.
        for i in roles.indices {
            roles[i].rcps = Self.rcpSet(account: roles[i].target.accountId, organizationID: organizationID, managementAccount: managementAccount, levels: rcpLevelsByAccount)
            roles[i].scps = Self.scpSet(for: roles[i].asCaller, organizationID: organizationID, managementAccount: managementAccount, levels: scpLevelsByAccount)
            roles[i].orgID = Self.orgID(of: roles[i].target.accountId, organizationID: organizationID, managementAccount: managementAccount, accounts: accounts)
        }
        for i in users.indices {
            users[i].scps = Self.scpSet(for: users[i].side, organizationID: organizationID, managementAccount: managementAccount, levels: scpLevelsByAccount)
            users[i].orgID = Self.orgID(of: users[i].side.principal.accountId, organizationID: organizationID, managementAccount: managementAccount, accounts: accounts)
        }
        self.roles = roles
        self.users = users
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
