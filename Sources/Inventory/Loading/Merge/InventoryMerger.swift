import PolicyEngine

/// A warning found while merging, placed in the file it concerns by path (positions are found afterwards).
struct MergeDiagnostic: Sendable {
    var fileIndex: Int
    var path: [JSONPathComponent]?
    var message: String
}

/// Merges the fragments of every file, in load order: the later file wins field by field,
/// and a warning names both files whenever they disagree, so nothing is dropped silently.
struct InventoryMerger {
    private let fragments: [InventoryFragment]
    private var diagnostics: [MergeDiagnostic] = []

    private var name: (value: String, file: Int)?
    private var accounts: [String: (draft: AccountDraft, file: Int)] = [:]
    /// Each file's drafts, moved out of its fragment (never copied); a role described again by a later
    /// file is merged into the draft where it was first seen.
    private var roleLists: [[RoleDraft]] = []
    private var userLists: [[UserDraft]] = []
    /// ARN → where its draft is, and the last file that described it.
    private var roleIndex: [String: Slot] = [:]
    private var userIndex: [String: Slot] = [:]
    /// Every distinct ARN once, in first-seen order, with its slot (sorted at the end).
    private var roleKeys: [(arn: String, slot: Slot)] = []
    private var userKeys: [(arn: String, slot: Slot)] = []
    /// Every key sorted by ARN, when no ARN is described twice (`roleIndex`, `roleKeys` then stay empty).
    private var sortedRoleKeys: [(arn: String, slot: Slot)]?
    private var sortedUserKeys: [(arn: String, slot: Slot)]?
    /// (earlier file, later file) → roles and users described identically by both.
    private var repeats: [Int: [Int: (roles: Int, users: Int)]] = [:]
    private var organization: (draft: OrganizationDraft, file: Int)?
    private var scps: [(key: String, draft: OrganizationPolicyDraft, file: Int)] = []
    private var rcps: [(key: String, draft: OrganizationPolicyDraft, file: Int)] = []
    private var units: [String: OrganizationalUnit] = [:]
    private var saml: Set<String> = []
    private var oidc: Set<String> = []
    private var events: [ObservedEvent] = []
    private var groupArns: Set<String> = []
    private var pool: [String: JSONValue] = [:]
    private var referenced: Set<String> = []
    private var firstUnresolved: [String: (file: Int, path: [JSONPathComponent])] = [:]

    /// Where a draft is: `roleLists[list][item]`, and the last file that described it.
    struct Slot {
        var list: Int32
        var item: Int32
        var lastFile: Int32
    }

    init(fragments: [InventoryFragment]) {
        self.fragments = fragments
    }

    /// Merges the fragments in order. Their roles and users are moved into the inventory (the fragments
    /// come back without them); everything else in them is left as it was.
    static func merge(_ fragments: inout [InventoryFragment]) -> (Inventory, [MergeDiagnostic]) {
        var roleLists: [[RoleDraft]] = []
        var userLists: [[UserDraft]] = []
        for i in fragments.indices {
            roleLists.append(fragments[i].status == .loaded ? fragments[i].roles : [])
            userLists.append(fragments[i].status == .loaded ? fragments[i].users : [])
            fragments[i].roles = []
            fragments[i].users = []
        }
        var merger = InventoryMerger(fragments: fragments)
        // Usually no ARN is described twice: then the keys sorted once are all the merge needs. Otherwise
        // the drafts are merged one by one in load order, as the warnings must say.
        let (roleKeys, userKeys) = sortedKeys(keys(of: roleLists) { $0.role.arn }, keys(of: userLists) { $0.user.arn })
        if hasRepeats(roleKeys) {
            merger.roleIndex.reserveCapacity(roleKeys.count)
            merger.roleKeys.reserveCapacity(roleKeys.count)
        } else {
            merger.sortedRoleKeys = roleKeys
        }
        if hasRepeats(userKeys) {
            merger.userIndex.reserveCapacity(userKeys.count)
            merger.userKeys.reserveCapacity(userKeys.count)
        } else {
            merger.sortedUserKeys = userKeys
        }
        merger.roleLists = roleLists
        merger.userLists = userLists
        roleLists = []
        userLists = []
        for (i, f) in fragments.enumerated() where f.status == .loaded {
            merger.add(f, index: i)
        }
        let inventory = merger.build()
        return (inventory, merger.diagnostics)
    }

    private func fileName(_ i: Int) -> String { fragments[i].file }

    // MARK: - Adding one file

    private mutating func add(_ f: InventoryFragment, index i: Int) {
        if let n = f.name {
            if let previous = name, previous.value != n {
                diagnostics.append(MergeDiagnostic(fileIndex: i, path: f.namePath, message: "inventory name '\(n)' replaces '\(previous.value)' from \(fileName(previous.file)) (the later file wins)"))
            }
            name = (n, i)
        }
        for a in f.accounts { addAccount(a, file: i) }
        if sortedRoleKeys == nil {
            for k in roleLists[i].indices { addRole(list: i, item: k) }
        }
        if sortedUserKeys == nil {
            for k in userLists[i].indices { addUser(list: i, item: k) }
        }
        if let o = f.organization { addOrganization(o, file: i) }
        saml.formUnion(f.samlProviders)
        oidc.formUnion(f.oidcProviders)
        events.append(contentsOf: f.events)
        groupArns.formUnion(f.groupArns)
        for (arn, document) in f.managedPolicyDocuments { pool[arn] = document }
        referenced.formUnion(f.referencedAccounts)
        for u in f.unresolvedPolicies where firstUnresolved[u.arn] == nil { firstUnresolved[u.arn] = (i, u.path) }
    }

    private mutating func addAccount(_ new: AccountDraft, file: Int) {
        guard var (existing, previousFile) = accounts[new.account.id] else {
            accounts[new.account.id] = (new, file)
            return
        }
        var changed: [String] = []
        for field in AccountField.allCases where new.given.contains(field) {
            if Self.copy(field, from: new.account, to: &existing.account), existing.given.contains(field) { changed.append(field.rawValue) }
        }
        existing.given.formUnion(new.given)
        existing.fromNativeList = existing.fromNativeList || new.fromNativeList
        existing.memberOfOrganization = existing.memberOfOrganization || new.memberOfOrganization
        if !changed.isEmpty {
            diagnostics.append(MergeDiagnostic(fileIndex: file, path: new.path, message: "account \(new.account.id) is also described by \(fileName(previousFile)), which says otherwise about \(changed.joined(separator: ", ")); this file (the later one) wins for those fields"))
        }
        accounts[new.account.id] = (existing, file)
    }

    private mutating func addRole(list i: Int, item k: Int) {
        let arn = roleLists[i][k].role.arn
        guard let slot = roleIndex[arn] else {
            let slot = Slot(list: Int32(i), item: Int32(k), lastFile: Int32(i))
            roleIndex[arn] = slot
            roleKeys.append((arn, slot))
            return
        }
        let new = roleLists[i][k]
        let previousFile = Int(slot.lastFile)
        var changed: [String] = []
        Self.mergeDraft(&roleLists[Int(slot.list)][Int(slot.item)], with: new, changed: &changed)
        if changed.isEmpty {
            repeats[previousFile, default: [:]][i, default: (0, 0)].roles += 1
        } else {
            diagnostics.append(MergeDiagnostic(fileIndex: i, path: new.path, message: "role \(new.role.arn) is also described by \(fileName(previousFile)), which differs in \(changed.joined(separator: ", ")); this file (the later one) wins for those fields"))
        }
        roleIndex[arn]!.lastFile = Int32(i)
    }

    private static func mergeDraft(_ existing: inout RoleDraft, with new: RoleDraft, changed: inout [String]) {
        for field in RoleField.allCases where new.given.contains(field) {
            if copy(field, from: new.role, to: &existing.role), existing.given.contains(field) { changed.append(field.rawValue) }
        }
        existing.given.formUnion(new.given)
    }

    private mutating func addUser(list i: Int, item k: Int) {
        let arn = userLists[i][k].user.arn
        guard let slot = userIndex[arn] else {
            let slot = Slot(list: Int32(i), item: Int32(k), lastFile: Int32(i))
            userIndex[arn] = slot
            userKeys.append((arn, slot))
            return
        }
        let new = userLists[i][k]
        let previousFile = Int(slot.lastFile)
        var changed: [String] = []
        Self.mergeDraft(&userLists[Int(slot.list)][Int(slot.item)], with: new, changed: &changed)
        if changed.isEmpty {
            repeats[previousFile, default: [:]][i, default: (0, 0)].users += 1
        } else {
            diagnostics.append(MergeDiagnostic(fileIndex: i, path: new.path, message: "user \(new.user.arn) is also described by \(fileName(previousFile)), which differs in \(changed.joined(separator: ", ")); this file (the later one) wins for those fields"))
        }
        userIndex[arn]!.lastFile = Int32(i)
    }

    private static func mergeDraft(_ existing: inout UserDraft, with new: UserDraft, changed: inout [String]) {
        for field in UserField.allCases where new.given.contains(field) {
            if copy(field, from: new.user, to: &existing.user), existing.given.contains(field) { changed.append(field.rawValue) }
        }
        existing.given.formUnion(new.given)
    }

    private mutating func addOrganization(_ new: OrganizationDraft, file: Int) {
        var merged = organization?.draft ?? OrganizationDraft(path: new.path)
        if let id = new.id {
            if let old = merged.id, old != id {
                diagnostics.append(MergeDiagnostic(fileIndex: file, path: new.path, message: "organization id \(id) replaces \(old) from \(fileName(organization?.file ?? file)) (the later file wins); are these inputs from two organizations?"))
            }
            merged.id = id
        }
        if let m = new.managementAccount {
            if let old = merged.managementAccount, old != m {
                diagnostics.append(MergeDiagnostic(fileIndex: file, path: new.path, message: "management account \(m) replaces \(old) from \(fileName(organization?.file ?? file)) (the later file wins)"))
            }
            merged.managementAccount = m
        }
        organization = (merged, file)
        Self.addPolicies(new.scps, to: &scps, file: file)
        Self.addPolicies(new.rcps, to: &rcps, file: file)
        for u in new.units {
            if var existing = units[u.id] {
                existing.name = u.name ?? existing.name
                existing.parent = u.parent ?? existing.parent
                existing.accounts = Array(Set(existing.accounts + u.accounts)).sorted()
                units[u.id] = existing
            } else {
                units[u.id] = u
            }
        }
    }

    private static func addPolicies(_ new: [OrganizationPolicyDraft], to list: inout [(key: String, draft: OrganizationPolicyDraft, file: Int)], file: Int) {
        for p in new {
            let key = p.id ?? "name:\(p.name)"
            if let i = list.firstIndex(where: { $0.key == key }) {
                var merged = list[i].draft
                merged.name = p.name
                merged.document = p.document ?? merged.document
                merged.targets = p.targets ?? merged.targets
                if p.document != nil { merged.path = p.path }
                list[i] = (key, merged, p.document != nil ? file : list[i].file)
            } else {
                list.append((key, p, file))
            }
        }
    }

    // MARK: - Field by field

    /// Copies one field; true when the value changed.
    private static func copy(_ field: RoleField, from s: Role, to d: inout Role) -> Bool {
        switch field {
        case .uniqueId: defer { d.uniqueId = s.uniqueId }; return d.uniqueId != s.uniqueId
        case .description: defer { d.description = s.description }; return d.description != s.description
        case .trustPolicy: defer { d.trustPolicy = s.trustPolicy }; return d.trustPolicy != s.trustPolicy
        case .policies: defer { d.policies = s.policies }; return d.policies != s.policies
        case .permissionsBoundary: defer { d.permissionsBoundary = s.permissionsBoundary }; return d.permissionsBoundary != s.permissionsBoundary
        case .maxSessionDuration: defer { d.maxSessionDuration = s.maxSessionDuration }; return d.maxSessionDuration != s.maxSessionDuration
        case .tags: defer { d.tags = s.tags }; return d.tags != s.tags
        case .lastUsed: defer { d.lastUsed = s.lastUsed }; return d.lastUsed != s.lastUsed
        case .createdAt: defer { d.createdAt = s.createdAt }; return d.createdAt != s.createdAt
        }
    }

    private static func copy(_ field: UserField, from s: User, to d: inout User) -> Bool {
        switch field {
        case .uniqueId: defer { d.uniqueId = s.uniqueId }; return d.uniqueId != s.uniqueId
        case .policies: defer { d.policies = s.policies }; return d.policies != s.policies
        case .permissionsBoundary: defer { d.permissionsBoundary = s.permissionsBoundary }; return d.permissionsBoundary != s.permissionsBoundary
        case .groups: defer { d.groups = s.groups }; return d.groups != s.groups
        case .mfaDevices: defer { d.mfaDevices = s.mfaDevices }; return d.mfaDevices != s.mfaDevices
        case .tags: defer { d.tags = s.tags }; return d.tags != s.tags
        case .createdAt: defer { d.createdAt = s.createdAt }; return d.createdAt != s.createdAt
        }
    }

    private static func copy(_ field: AccountField, from s: Account, to d: inout Account) -> Bool {
        switch field {
        case .name: defer { d.name = s.name }; return d.name != s.name
        case .inOrganization: defer { d.inOrganization = s.inOrganization }; return d.inOrganization != s.inOrganization
        case .thirdParty: defer { d.thirdParty = s.thirdParty }; return d.thirdParty != s.thirdParty
        case .ou: defer { d.ou = s.ou }; return d.ou != s.ou
        case .status: defer { d.status = s.status }; return d.status != s.status
        case .tags: defer { d.tags = s.tags }; return d.tags != s.tags
        case .expectedSourceCidrs: defer { d.expectedSourceCidrs = s.expectedSourceCidrs }; return d.expectedSourceCidrs != s.expectedSourceCidrs
        }
    }

    // MARK: - The inventory

    private mutating func build() -> Inventory {
        for (earlier, laters) in repeats.sorted(by: { $0.key < $1.key }) {
            for (later, counts) in laters.sorted(by: { $0.key < $1.key }) {
                var what: [String] = []
                if counts.roles > 0 { what.append("\(counts.roles) role\(counts.roles == 1 ? "" : "s")") }
                if counts.users > 0 { what.append("\(counts.users) user\(counts.users == 1 ? "" : "s")") }
                diagnostics.append(MergeDiagnostic(fileIndex: later, path: nil, message: "\(what.joined(separator: " and ")) described here \(counts.roles + counts.users == 1 ? "was" : "were") already described identically by \(fileName(earlier)); merged"))
            }
        }

        var inventory = Inventory(name: name?.value)
        let organization = buildOrganization()
        inventory.organization = organization

        // Accounts: listed ones, owners of roles and users, then every account only referenced.
        var drafts = accounts.mapValues(\.draft)
        var owners: Set<String> = []
        var sortedRoles = sortedRoleKeys ?? [], sortedUsers = sortedUserKeys ?? []
        if sortedRoleKeys == nil || sortedUserKeys == nil {
            let (r, u) = Self.sortedKeys(roleKeys, userKeys)
            if sortedRoleKeys == nil { sortedRoles = r }
            if sortedUserKeys == nil { sortedUsers = u }
        }
        sortedRoleKeys = nil
        sortedUserKeys = nil
        for (_, slot) in sortedRoles { owners.insert(roleLists[Int(slot.list)][Int(slot.item)].role.accountId) }
        for (_, slot) in sortedUsers { owners.insert(userLists[Int(slot.list)][Int(slot.item)].user.accountId) }
        for id in owners where drafts[id] == nil {
            drafts[id] = AccountDraft(account: Account(id: id), given: [], path: [])
        }
        var members: Set<String> = []
        if let organization {
            if let m = organization.managementAccount { members.insert(m) }
            for u in organization.units { members.formUnion(u.accounts) }
            referenced.formUnion(members)
            for p in organization.scps + organization.rcps { referenced.formUnion(p.targets.filter(AccountID.isValid)) }
        }
        for id in referenced where drafts[id] == nil {
            drafts[id] = AccountDraft(account: Account(id: id, isListed: false), given: [], path: [])
        }
        var unitOf: [String: String] = [:]
        for u in organization?.units ?? [] {
            for a in u.accounts { unitOf[a] = u.id }
        }
        inventory.accounts = drafts.keys.sorted().map { id in
            let draft = drafts[id]!
            var a = draft.account
            if !draft.given.contains(.inOrganization) {
                // spec/inventory.md: inOrganization defaults to true when an organization is given;
                // a vendor marked thirdParty is outside it unless said otherwise.
                a.inOrganization = draft.memberOfOrganization || members.contains(a.id)
                    || (draft.fromNativeList && organization != nil && !a.thirdParty)
            }
            if a.ou == nil { a.ou = unitOf[a.id] }
            return a
        }

        // Sorted by ARN (each ARN is there once): the keys are sorted, the (large) values copied once into
        // place with their managed policies' documents filled in; both on two threads.
        roleKeys = []
        userKeys = []
        roleIndex = [:]
        userIndex = [:]
        let resolver = ManagedPolicyResolver(pool: pool, arns: firstUnresolved.keys)
        let (roles, roleSides) = Self.materialize(sortedRoles, from: roleLists, resolver: resolver) { draft, side in
            var role = draft.role
            side.fill(&role.policies, &role.permissionsBoundary, role: true)
            return role
        }
        let (users, userSides) = Self.materialize(sortedUsers, from: userLists, resolver: resolver) { draft, side in
            var user = draft.user
            side.fill(&user.policies, &user.permissionsBoundary, role: false)
            return user
        }
        inventory.roles = roles
        inventory.users = users
        // The drafts go on another thread: freeing them is work nothing here waits for.
        let spent = (roleLists, userLists)
        roleLists = []
        userLists = []
        Parallel.releaseInBackground(spent)
        var holders: [String: (roles: Int, users: Int)] = [:]
        var managed = Set(pool.keys)
        for side in roleSides + userSides {
            holders.merge(side.holders) { ($0.roles + $1.roles, $0.users + $1.users) }
            managed.formUnion(side.managedWithDocument)
        }
        reportUnresolved(holders)

        inventory.groupCount = groupArns.count
        inventory.managedPolicyCount = managed.count
        inventory.samlProviders = saml.sorted()
        inventory.oidcProviders = oidc.sorted()
        inventory.observedEvents = events.sorted {
            ($0.eventTime, $0.eventName, $0.roleArn ?? "", $0.callerArn ?? "", $0.sourceIp ?? "", $0.errorCode ?? "")
                < ($1.eventTime, $1.eventName, $1.roleArn ?? "", $1.callerArn ?? "", $1.sourceIp ?? "", $1.errorCode ?? "")
        }
        return inventory
    }

    private mutating func buildOrganization() -> Organization? {
        guard let (draft, file) = organization else { return nil }
        var org = Organization(id: draft.id ?? "o-unknown", managementAccount: draft.managementAccount)
        if draft.id == nil {
            diagnostics.append(MergeDiagnostic(fileIndex: file, path: nil, message: "the inputs describe parts of an organization but none gives its id (describe-organization output would); shown as o-unknown"))
        }
        func finish(_ list: [(key: String, draft: OrganizationPolicyDraft, file: Int)], kind: String) -> [OrganizationPolicy] {
            var out: [OrganizationPolicy] = []
            for (_, p, file) in list {
                guard let document = p.document else {
                    diagnostics.append(MergeDiagnostic(fileIndex: file, path: p.path, message: "\(kind) '\(p.name)'\(p.id.map { " (\($0))" } ?? "") is listed without its content; it is left out — add the output of `aws organizations describe-policy --policy-id \(p.id ?? "ID")` to use it"))
                    continue
                }
                if p.targets == nil {
                    diagnostics.append(MergeDiagnostic(fileIndex: file, path: p.path, message: "\(kind) '\(p.name)' comes without targets, so it applies to no account; add `Targets` (list-targets-for-policy output) beside `Policy` in this file"))
                }
                out.append(OrganizationPolicy(name: p.name, id: p.id, targets: p.targets ?? [], document: document))
            }
            return out
        }
        org.scps = finish(scps, kind: "SCP")
        org.rcps = finish(rcps, kind: "RCP")
        org.units = units.values.sorted { $0.id < $1.id }
        return org
    }

    /// One warning per managed policy whose document no input gives, on the first place it is attached.
    private mutating func reportUnresolved(_ holders: [String: (roles: Int, users: Int)]) {
        for (arn, count) in holders.sorted(by: { $0.key < $1.key }) {
            guard let place = firstUnresolved[arn] else { continue }
            var who: [String] = []
            if count.roles > 0 { who.append("\(count.roles) role\(count.roles == 1 ? "" : "s")") }
            if count.users > 0 { who.append("\(count.users) user\(count.users == 1 ? "" : "s")") }
            let holders = who.joined(separator: " and ")
            let message: String
            if arn.contains(":iam::aws:policy/") {
                message = "AWS managed policy \(arn) is attached to \(holders) but no input includes its document and trustmap does not bundle it; what it allows cannot be judged (for example whether its holders may call sts:AssumeRole) — include the dump's Policies or a native policy document"
            } else {
                message = "managed policy \(arn) is attached to \(holders) but no input includes its document (was the export filtered?); what it allows cannot be judged"
            }
            diagnostics.append(MergeDiagnostic(fileIndex: place.file, path: place.path, message: message))
        }
    }

    /// The merged value of every key, in key order, on two threads; what filling in documents found, by thread.
    private static func materialize<Draft, Value>(
        _ keys: [(arn: String, slot: Slot)], from lists: [[Draft]], resolver: ManagedPolicyResolver,
        _ make: @escaping @Sendable (borrowing Draft, inout ResolveSide) -> Value
    ) -> ([Value], [ResolveSide]) {
        let lists = Parallel.Shared(lists)
        return Parallel.build(count: keys.count, parts: keys.count >= 1024 ? 2 : 1) { range, out in
            var side = ResolveSide(resolver: resolver)
            for k in range {
                let slot = keys[k].slot
                (out + k).initialize(to: make(lists.value[Int(slot.list)][Int(slot.item)], &side))
            }
            return side
        }
    }

    /// The key of every draft of every list, in load order.
    private static func keys<Draft>(of lists: [[Draft]], _ arn: (Draft) -> String) -> [(arn: String, slot: Slot)] {
        var out: [(arn: String, slot: Slot)] = []
        out.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for (i, list) in lists.enumerated() {
            for k in list.indices { out.append((arn(list[k]), Slot(list: Int32(i), item: Int32(k), lastFile: Int32(i)))) }
        }
        return out
    }

    /// Whether some ARN is there twice (sorted keys: repeats are neighbours).
    private static func hasRepeats(_ sorted: [(arn: String, slot: Slot)]) -> Bool {
        sorted.indices.dropFirst().contains { sorted[$0].arn == sorted[$0 - 1].arn }
    }

    /// Role and user keys sorted by ARN: each half of the roles on its own thread (the users with the
    /// second), then the halves merged.
    private static func sortedKeys(
        _ roles: [(arn: String, slot: Slot)], _ users: [(arn: String, slot: Slot)]
    ) -> ([(arn: String, slot: Slot)], [(arn: String, slot: Slot)]) {
        let half = roles.count / 2
        let input = Parallel.Shared((roles, users))
        let sorted = Parallel.map(3) { p in
            switch p {
            case 0: return input.value.0[..<half].sorted { $0.arn < $1.arn }
            case 1: return input.value.0[half...].sorted { $0.arn < $1.arn }
            default: return input.value.1.sorted { $0.arn < $1.arn }
            }
        }
        let a = sorted[0], b = sorted[1]
        var merged: [(arn: String, slot: Slot)] = []
        merged.reserveCapacity(roles.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if b[j].arn < a[i].arn {
                merged.append(b[j])
                j += 1
            } else {
                merged.append(a[i])
                i += 1
            }
        }
        merged += a[i...]
        merged += b[j...]
        return (merged, sorted[2])
    }
}

/// Documents for managed policies attached by ARN alone: from any input's `Policies`, then the bundled
/// AWS managed policies; nil when neither has it. Worked out before the threads start, for every ARN an
/// input left unresolved.
struct ManagedPolicyResolver: @unchecked Sendable {
    private let pool: [String: JSONValue]
    private let known: [String: PolicyDocument?]

    init(pool: [String: JSONValue], arns: some Sequence<String>) {
        self.pool = pool
        var known: [String: PolicyDocument?] = [:]
        for arn in arns { known[arn] = Self.resolve(arn, pool: pool) }
        self.known = known
    }

    func document(_ arn: String) -> PolicyDocument? {
        if let k = known[arn] { return k }
        return Self.resolve(arn, pool: pool)
    }

    private static func resolve(_ arn: String, pool: [String: JSONValue]) -> PolicyDocument? {
        if let raw = pool[arn], case .success(let d) = PolicyText.document(from: raw) { return d }
        return AWSManagedPolicies.policy(arn: arn)?.document
    }
}

/// What filling in documents on one thread found: who holds policies nothing resolves, and which
/// managed policies (by ARN) are attached with a document.
struct ResolveSide: Sendable {
    let resolver: ManagedPolicyResolver
    var holders: [String: (roles: Int, users: Int)] = [:]
    var managedWithDocument: Set<String> = []

    init(resolver: ManagedPolicyResolver) { self.resolver = resolver }

    /// Fills in every managed policy attached without its document; the lists are touched only when one needs it.
    mutating func fill(_ policies: inout [AttachedPolicy], _ boundary: inout AttachedPolicy?, role: Bool) {
        for j in policies.indices {
            let needs = policies[j].document == nil && policies[j].arn != nil
            if needs { fill(&policies[j], role: role) }
            if let arn = policies[j].arn, policies[j].document != nil, !recentlyCounted.contains(arn) {
                managedWithDocument.insert(arn)
                recentlyCounted[countedNext % recentlyCounted.count] = arn
                countedNext += 1
            }
        }
        if boundary != nil, boundary!.document == nil, boundary!.arn != nil { fill(&boundary!, role: role) }
    }

    /// The same few managed policies are attached to thousands of roles: the last answers are kept at hand
    /// (comparing two ARNs costs less than hashing one).
    private var recentlyCounted = [String](repeating: "", count: 8)
    private var countedNext = 0
    private var recentlyResolved: [(arn: String, document: PolicyDocument?)] = []

    private mutating func fill(_ p: inout AttachedPolicy, role: Bool) {
        guard let arn = p.arn else { return }
        if let recent = recentlyResolved.first(where: { $0.arn == arn }) {
            p.document = recent.document
        } else {
            p.document = resolver.document(arn)
            if recentlyResolved.count == 8 { recentlyResolved.removeFirst() }
            recentlyResolved.append((arn, p.document))
        }
        if p.document == nil {
            if role { holders[arn, default: (0, 0)].roles += 1 } else { holders[arn, default: (0, 0)].users += 1 }
        }
    }
}
