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
    /// Drafts in first-seen order, found by ARN through an index (large values are never moved in a dictionary).
    private var roles: [(draft: RoleDraft, file: Int)] = []
    private var roleIndex: [String: Int] = [:]
    private var users: [(draft: UserDraft, file: Int)] = []
    private var userIndex: [String: Int] = [:]
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

    init(fragments: [InventoryFragment]) {
        self.fragments = fragments
    }

    static func merge(_ fragments: [InventoryFragment]) -> (Inventory, [MergeDiagnostic]) {
        var merger = InventoryMerger(fragments: fragments)
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
        for r in f.roles { addRole(r, file: i) }
        for u in f.users { addUser(u, file: i) }
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

    private mutating func addRole(_ new: RoleDraft, file: Int) {
        guard let at = roleIndex[new.role.arn] else {
            roleIndex[new.role.arn] = roles.count
            roles.append((new, file))
            return
        }
        var (existing, previousFile) = roles[at]
        var changed: [String] = []
        for field in RoleField.allCases where new.given.contains(field) {
            if Self.copy(field, from: new.role, to: &existing.role), existing.given.contains(field) { changed.append(field.rawValue) }
        }
        existing.given.formUnion(new.given)
        if changed.isEmpty {
            repeats[previousFile, default: [:]][file, default: (0, 0)].roles += 1
        } else {
            diagnostics.append(MergeDiagnostic(fileIndex: file, path: new.path, message: "role \(new.role.arn) is also described by \(fileName(previousFile)), which differs in \(changed.joined(separator: ", ")); this file (the later one) wins for those fields"))
        }
        roles[at] = (existing, file)
    }

    private mutating func addUser(_ new: UserDraft, file: Int) {
        guard let at = userIndex[new.user.arn] else {
            userIndex[new.user.arn] = users.count
            users.append((new, file))
            return
        }
        var (existing, previousFile) = users[at]
        var changed: [String] = []
        for field in UserField.allCases where new.given.contains(field) {
            if Self.copy(field, from: new.user, to: &existing.user), existing.given.contains(field) { changed.append(field.rawValue) }
        }
        existing.given.formUnion(new.given)
        if changed.isEmpty {
            repeats[previousFile, default: [:]][file, default: (0, 0)].users += 1
        } else {
            diagnostics.append(MergeDiagnostic(fileIndex: file, path: new.path, message: "user \(new.user.arn) is also described by \(fileName(previousFile)), which differs in \(changed.joined(separator: ", ")); this file (the later one) wins for those fields"))
        }
        users[at] = (existing, file)
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
        for id in Set(roles.map(\.draft.role.accountId)).union(users.map(\.draft.user.accountId)) where drafts[id] == nil {
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

        // Sorted by ARN: the keys are sorted, the (large) values only copied once into place.
        inventory.roles = roleIndex.keys.sorted().map { roles[roleIndex[$0]!].draft.role }
        inventory.users = userIndex.keys.sorted().map { users[userIndex[$0]!].draft.user }
        roles = []
        users = []
        resolveManagedPolicies(&inventory)

        inventory.groupCount = groupArns.count
        var managed = Set(pool.keys)
        for r in inventory.roles { for p in r.policies where p.arn != nil && p.document != nil { managed.insert(p.arn!) } }
        for u in inventory.users { for p in u.policies where p.arn != nil && p.document != nil { managed.insert(p.arn!) } }
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

    /// Documents of managed policies attached without one: from any input's `Policies`, then the
    /// bundled AWS managed policies; what stays unknown gets one warning per policy.
    private mutating func resolveManagedPolicies(_ inventory: inout Inventory) {
        var cache: [String: PolicyDocument?] = [:]
        func resolve(_ arn: String) -> PolicyDocument? {
            if let cached = cache[arn] { return cached }
            var found: PolicyDocument?
            if let raw = pool[arn], case .success(let d) = PolicyText.document(from: raw) {
                found = d
            } else if let bundled = AWSManagedPolicies.policy(arn: arn) {
                found = bundled.document
            }
            cache[arn] = found
            return found
        }
        var holders: [String: (roles: Int, users: Int)] = [:]
        func fill(_ p: inout AttachedPolicy, role: Bool) {
            guard p.document == nil, let arn = p.arn else { return }
            p.document = resolve(arn)
            if p.document == nil {
                if role { holders[arn, default: (0, 0)].roles += 1 } else { holders[arn, default: (0, 0)].users += 1 }
            }
        }
        // Mutate only what needs it: an in-place access would copy every role's policy list.
        func needs(_ p: AttachedPolicy?) -> Bool { p.map { $0.document == nil && $0.arn != nil } ?? false }
        for i in inventory.roles.indices where inventory.roles[i].policies.contains(where: needs) || needs(inventory.roles[i].permissionsBoundary) {
            for j in inventory.roles[i].policies.indices where needs(inventory.roles[i].policies[j]) { fill(&inventory.roles[i].policies[j], role: true) }
            if needs(inventory.roles[i].permissionsBoundary) { fill(&inventory.roles[i].permissionsBoundary!, role: true) }
        }
        for i in inventory.users.indices where inventory.users[i].policies.contains(where: needs) || needs(inventory.users[i].permissionsBoundary) {
            for j in inventory.users[i].policies.indices where needs(inventory.users[i].policies[j]) { fill(&inventory.users[i].policies[j], role: false) }
            if needs(inventory.users[i].permissionsBoundary) { fill(&inventory.users[i].permissionsBoundary!, role: false) }
        }
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
}
