import Inventory
import PolicyEngine

/// The inventory with the lookups every part of the analysis needs, built once.
struct Estate: Sendable {
    static let administratorAccessARN = "arn:aws:iam::aws:policy/AdministratorAccess"

    let inventory: Inventory
    let organizationID: String?
    let accountsByID: [String: Account]
    let roleIndexByARN: [String: Int]
    let userIndexByARN: [String: Int]
    /// `account/roleName` → role index: sessions name their role without its path (assume-role.md §0.4).
    let roleIndexByAccountAndName: [String: Int]
    let uniqueIDs: Set<String>
    /// Columns of the hot fields, so loops do not copy whole Role/User values.
    let roleARNs: [String]
    let roleAccounts: [String]
    let roleNames: [String]
    let userARNs: [String]
    let userAccounts: [String]
    let userNames: [String]
    let rolesByAccount: [String: [Int]]
    let usersByAccount: [String: [Int]]
    let trustFacts: [RoleTrustFacts]
    let roleIsAdmin: [Bool]
    let userIsAdmin: [Bool]
    /// Lower-cased account ids, account names and role names, for TM-EXTERNAL-ID-WEAK.
    let knownNames: Set<String>
    /// Accounts whose roles an RCP fences off from principals outside the organization.
    let rcpFencedAccounts: Set<String>
    /// Accounts whose roles an RCP fences off from services acting for other accounts
    /// (a Deny with a negated aws:SourceAccount / aws:SourceOrgID test).
    let rcpSourceFencedAccounts: Set<String>

    init(_ inventory: Inventory) {
        self.inventory = inventory
        organizationID = inventory.organization?.id
        var accounts: [String: Account] = [:]
        for a in inventory.accounts { accounts[a.id] = a }
        accountsByID = accounts

        // Fields are read through the arrays by index: a `for r in roles` copies every Role, retaining
        // each of its dozen references, 50,000 times at 1,000 accounts.
        let roles = inventory.roles, users = inventory.users
        var roleIdx: [String: Int] = [:], byName: [String: Int] = [:], rolesByAccount: [String: [Int]] = [:]
        roleIdx.reserveCapacity(roles.count)
        byName.reserveCapacity(roles.count)
        var ids = Set<String>()
        var names = Set<String>()
        for i in roles.indices {
            roleIdx[roles[i].arn] = i
            byName[roles[i].accountId + "/" + roles[i].name] = i
            rolesByAccount[roles[i].accountId, default: []].append(i)
            if let u = roles[i].uniqueId { ids.insert(u) }
            names.insert(roles[i].name.lowercased())
        }
        var userIdx: [String: Int] = [:], usersByAccount: [String: [Int]] = [:]
        for i in users.indices {
            userIdx[users[i].arn] = i
            usersByAccount[users[i].accountId, default: []].append(i)
            if let id = users[i].uniqueId { ids.insert(id) }
        }
        for a in inventory.accounts {
            names.insert(a.id)
            if let n = a.name { names.insert(n.lowercased()) }
        }
        roleIndexByARN = roleIdx
        roleARNs = inventory.roles.map(\.arn)
        roleAccounts = inventory.roles.map(\.accountId)
        roleNames = inventory.roles.map(\.name)
        userARNs = inventory.users.map(\.arn)
        userAccounts = inventory.users.map(\.accountId)
        userNames = inventory.users.map(\.name)
        roleIndexByAccountAndName = byName
        userIndexByARN = userIdx
        self.rolesByAccount = rolesByAccount
        self.usersByAccount = usersByAccount
        uniqueIDs = ids
        knownNames = names
        // Judged for every role: finding the twin of a trust policy (hashing and comparing its JSON) cost
        // more than judging it again.
        trustFacts = roles.indices.map { RoleTrustFacts(trustPolicy: roles[$0].trustPolicy) }
        roleIsAdmin = roles.indices.map { Self.isAdministrator(policies: roles[$0].policies, boundary: roles[$0].permissionsBoundary) }
        userIsAdmin = users.indices.map { Self.isAdministrator(policies: users[$0].policies, boundary: users[$0].permissionsBoundary) }
        rcpFencedAccounts = Self.fencedAccounts(inventory, by: Self.isOrgPerimeter)
        rcpSourceFencedAccounts = Self.fencedAccounts(inventory, by: Self.isSourcePerimeter)
    }

    // MARK: Terms of findings.md

    func trust(ofAccount id: String) -> AccountTrust {
        let a = accountsByID[id]
        if let org = inventory.organization {
            if a?.inOrganization == true || org.managementAccount == id { return .organization }
        } else if let a, a.isListed, !a.thirdParty {
            return .internal
        }
        return a?.thirdParty == true ? .thirdParty : .unknownExternal
    }

    func isInternal(_ account: String) -> Bool { trust(ofAccount: account).isInternal }

    func accountName(_ id: String) -> String { accountsByID[id]?.name ?? id }

    // MARK: Administrator-equivalence

    /// findings.md: identity policies (after boundaries) Allow `*` or `iam:*` on `*` with no condition,
    /// or the managed policy AdministratorAccess attached (its document may be omitted).
    static func isAdministrator(policies: [AttachedPolicy], boundary: AttachedPolicy?) -> Bool {
        guard policies.contains(where: grantsEverything) else { return false }
        guard let boundary else { return true }
        return grantsEverything(boundary)
    }

    static func grantsEverything(_ p: AttachedPolicy) -> Bool {
        if p.arn == administratorAccessARN { return true }
        guard let doc = p.document else { return false }
        return doc.statements.contains { s in
            guard s.effect == .allow, s.conditions.isEmpty, let actions = s.actions, let resources = s.resources else { return false }
            return actions.contains { $0 == "*" || ($0.utf8.count == 5 && $0.lowercased() == "iam:*") } && resources.contains("*")
        }
    }

    // MARK: Resource control policies

    /// Member accounts covered by an RCP that denies sts:AssumeRole to principals outside the organization
    /// (a Deny with a negated test of aws:PrincipalOrgID naming the organization). findings.md: such an RCP
    /// guards every role it covers. RCPs never apply to the management account [RCP].
    static func fencedAccounts(_ inventory: Inventory, by perimeter: (PolicyStatement, String) -> Bool) -> Set<String> {
        guard let org = inventory.organization, !org.rcps.isEmpty else { return [] }
        var fenced = Set<String>()
        for rcp in org.rcps where rcp.document.statements.contains(where: { perimeter($0, org.id) }) {
            for account in inventory.accounts where account.inOrganization && account.id != org.managementAccount {
                if targets(rcp.targets, cover: account, in: org) { fenced.insert(account.id) }
            }
        }
        return fenced
    }

    static func isSourcePerimeter(_ s: PolicyStatement, orgID: String) -> Bool {
        guard s.effect == .deny, TrustStatementFacts.covers(s, "sts:assumerole") else { return false }
        return s.conditions.contains { c in
            c.parsedOperator.isNegated && (c.lowercasedKey == "aws:sourceaccount" || c.lowercasedKey == "aws:sourceorgid")
        }
    }

    static func isOrgPerimeter(_ s: PolicyStatement, orgID: String) -> Bool {
        guard s.effect == .deny, TrustStatementFacts.covers(s, "sts:assumerole") else { return false }
        if let r = s.resources, !r.contains(where: { $0 == "*" || $0.hasPrefix("arn:aws:iam::*:role") }) { return false }
        return s.conditions.contains { c in
            let op = c.parsedOperator
            return op.isNegated && op.qualifier == .none && c.lowercasedKey == "aws:principalorgid" && c.values == [orgID]
        }
    }

    /// Whether SCP/RCP targets (root, OU ids, account ids) cover an account.
    static func targets(_ targets: [String], cover account: Account, in org: Organization) -> Bool {
        var ous = Set<String>()
        if let ou = account.ou { ous.insert(ou) }
        for unit in org.units where unit.accounts.contains(account.id) { ous.insert(unit.id) }
        // Parents of the account's OUs count too.
        var frontier = Array(ous)
        while let next = frontier.popLast() {
            if let parent = org.units.first(where: { $0.id == next })?.parent, ous.insert(parent).inserted { frontier.append(parent) }
        }
        return targets.contains { t in t == "root" || t.hasPrefix("r-") || t == account.id || ous.contains(t) }
    }
}
