import PolicyEngine

/// The native inventory format, version 1 (spec/inventory.md), from YAML or JSON.
enum NativeInventoryReader {
    static let topLevelKeys = ["version", "name", "organization", "accounts", "roles", "users", "samlProviders", "oidcProviders"]
    static let accountKeys = ["id", "name", "inOrganization", "thirdParty", "ou", "status", "tags", "expectedSourceCidrs"]
    static let roleKeys = ["arn", "account", "name", "path", "uniqueId", "description", "trustPolicy", "policies", "permissionsBoundary", "maxSessionDuration", "tags", "lastUsed", "createdAt"]
    static let userKeys = ["arn", "account", "name", "path", "uniqueId", "policies", "permissionsBoundary", "groups", "mfaDevices", "tags", "createdAt"]
    static let policyKeys = ["name", "arn", "document", "origin"]
    static let organizationKeys = ["id", "managementAccount", "scps", "rcps", "units"]
    static let organizationPolicyKeys = ["name", "id", "targets", "document"]
    static let unitKeys = ["id", "name", "parent", "accounts"]

    static func read(_ root: JSONObject, into fragment: inout InventoryFragment, context ctx: ReadContext) {
        ctx.checkKeys(root, at: [], known: topLevelKeys, what: "the inventory")
        if let version = root["version"] {
            if version.scalarText != "1" {
                ctx.error([.key("version")], "unsupported inventory version \(version.scalarText.map { "'\($0)'" } ?? version.kindDescription); this trustmap reads version 1")
                return
            }
        }
        if let name = root["name"], name != .null {
            fragment.name = ctx.string(name, at: [.key("name")], expected: "the inventory's name as text")
            fragment.namePath = [.key("name")]
        }
        if let org = root["organization"], org != .null {
            fragment.organization = readOrganization(org, at: [.key("organization")], fragment: &fragment, ctx: ctx)
        }
        if let accounts = root["accounts"], let items = ctx.list(accounts, at: [.key("accounts")], expected: "accounts") {
            var seen: [String: [JSONPathComponent]] = [:]
            for (i, item) in items.enumerated() {
                let path: [JSONPathComponent] = [.key("accounts"), .index(i)]
                guard let draft = readAccount(item, at: path, ctx: ctx) else { continue }
                if let first = seen[draft.account.id] {
                    duplicate(what: "account \(draft.account.id)", at: path + [.key("id")], first: first, ctx: ctx)
                    continue
                }
                seen[draft.account.id] = path
                fragment.accounts.append(draft)
            }
        }
        if let roles = root["roles"], let items = ctx.list(roles, at: [.key("roles")], expected: "roles") {
            let read = ListReader.read(items, key: "roles", placeholder: placeholderRole, like: fragment, ctx: ctx, id: { $0.role.arn }) { readRole($0, at: $1, fragment: &$2, ctx: $3) }
            fragment.roles = unique(read, key: "roles", what: "role", into: &fragment, ctx: ctx)
        }
        if let users = root["users"], let items = ctx.list(users, at: [.key("users")], expected: "users") {
            let read = ListReader.read(items, key: "users", placeholder: placeholderUser, like: fragment, ctx: ctx, id: { $0.user.arn }) { readUser($0, at: $1, fragment: &$2, ctx: $3) }
            fragment.users = unique(read, key: "users", what: "user", into: &fragment, ctx: ctx)
        }
        fragment.samlProviders = readProviders(root["samlProviders"], key: "samlProviders", type: "saml-provider", fragment: &fragment, ctx: ctx)
        fragment.oidcProviders = readProviders(root["oidcProviders"], key: "oidcProviders", type: "oidc-provider", fragment: &fragment, ctx: ctx)
    }

    /// Stands in for a list item that could not be read (never kept).
    private static let placeholderRole = RoleDraft(
        role: Role(arn: "", accountId: "", name: "", path: "/", trustPolicy: PolicyDocument(json: .object(JSONObject()))), given: [], path: [])
    private static let placeholderUser = UserDraft(user: User(arn: "", accountId: "", name: "", path: "/"), given: [], path: [])

    /// The drafts read from a list, in list order, without the items that failed or describe an ARN already
    /// described earlier in the list (an error each); what reading reported is taken as if read here, in order.
    private static func unique<Draft>(
        _ read: ListReader.Outcome<Draft>, key: String, what: String, into fragment: inout InventoryFragment, ctx: ReadContext
    ) -> [Draft] {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(read.drafts.count)
        var dropped: [Int] = []
        var next = 0
        for i in read.drafts.indices {
            while next < read.diagnostics.count, read.diagnostics[next].item == i {
                ctx.append(read.diagnostics[next].pending)
                next += 1
            }
            if read.failed[i] {
                dropped.append(i)
                continue
            }
            let id = read.ids[i]
            if let first = seen[id] {
                duplicate(what: "\(what) \(id)", at: [.key(key), .index(i)], first: [.key(key), .index(first)], ctx: ctx)
                dropped.append(i)
                continue
            }
            seen[id] = i
        }
        fragment.referencedAccounts.formUnion(read.referencedAccounts)
        fragment.unresolvedPolicies += read.unresolvedPolicies
        guard !dropped.isEmpty else { return read.drafts }
        var keep = [Bool](repeating: true, count: read.drafts.count)
        for i in dropped { keep[i] = false }
        return read.drafts.indices.filter { keep[$0] }.map { read.drafts[$0] }
    }

    private static func duplicate(what: String, at path: [JSONPathComponent], first: [JSONPathComponent], ctx: ReadContext) {
        let firstPlace = ctx.positions(of: [first])[first].map { "line \($0.line) (\(first.dottedPath))" } ?? first.dottedPath
        ctx.error(path, "\(what) is already described at \(firstPlace); describe it once per file")
    }

    // MARK: - Accounts

    private static func readAccount(_ value: JSONValue, at path: [JSONPathComponent], ctx: ReadContext) -> AccountDraft? {
        guard let o = ctx.object(value, at: path, expected: "an account (an object with at least an 'id')") else { return nil }
        ctx.checkKeys(o, at: path, known: accountKeys, what: "an account")
        guard let idValue = o["id"] else {
            ctx.error(path, "missing required field 'id': the account's 12-digit id, e.g. id: \"111111111111\"")
            return nil
        }
        guard let id = ctx.accountID(idValue, at: path + [.key("id")]) else { return nil }
        var draft = AccountDraft(account: Account(id: id), given: [], path: path, fromNativeList: true)
        if let v = o["name"], v != .null, let s = ctx.string(v, at: path + [.key("name")], expected: "the account's name as text") {
            draft.account.name = s
            draft.given.insert(.name)
        }
        if let v = o["inOrganization"], let b = ctx.bool(v, at: path + [.key("inOrganization")]) {
            draft.account.inOrganization = b
            draft.given.insert(.inOrganization)
        }
        if let v = o["thirdParty"], let b = ctx.bool(v, at: path + [.key("thirdParty")]) {
            draft.account.thirdParty = b
            draft.given.insert(.thirdParty)
        }
        if let v = o["ou"], v != .null, let s = ctx.string(v, at: path + [.key("ou")], expected: "an OU id such as ou-prod") {
            draft.account.ou = s
            draft.given.insert(.ou)
        }
        if let v = o["status"], v != .null, let s = ctx.string(v, at: path + [.key("status")], expected: "the account status (ACTIVE, SUSPENDED…)") {
            draft.account.status = s
            draft.given.insert(.status)
        }
        if let v = o["tags"], let tags = readTags(v, at: path + [.key("tags")], ctx: ctx) {
            draft.account.tags = tags
            draft.given.insert(.tags)
        }
        if let v = o["expectedSourceCidrs"], let items = ctx.list(v, at: path + [.key("expectedSourceCidrs")], expected: "CIDR blocks such as 203.0.113.0/24") {
            var cidrs: [String] = []
            for (i, item) in items.enumerated() {
                let p = path + [.key("expectedSourceCidrs"), .index(i)]
                guard let s = ctx.string(item, at: p, expected: "a CIDR block such as 203.0.113.0/24") else { continue }
                if CIDR.isValid(s) {
                    cidrs.append(s)
                } else {
                    ctx.error(p, "'\(s)' is not a CIDR block; expected an address and prefix length such as 203.0.113.0/24 or 2001:db8::/32")
                }
            }
            draft.account.expectedSourceCidrs = cidrs
            draft.given.insert(.expectedSourceCidrs)
        }
        return draft
    }

    static func readTags(_ value: JSONValue, at path: [JSONPathComponent], ctx: ReadContext) -> [String: String]? {
        if value == .null { return [:] }
        guard let o = ctx.object(value, at: path, expected: "tags as a mapping of key to value, e.g. { env: prod }") else { return nil }
        var tags: [String: String] = [:]
        for m in o.members {
            if let s = ctx.string(m.value, at: path + [.key(m.key)], expected: "the tag's value as text") { tags[m.key] = s }
        }
        return tags
    }

    // MARK: - Roles and users

    /// The ARN from `arn`, or built from `account` + `name` + `path`; both forms must agree when both are given.
    private static func entityARN(_ o: JSONObject, at path: [JSONPathComponent], type: String, ctx: ReadContext) -> IAMEntityARN? {
        var fromArn: IAMEntityARN?
        if let v = o["arn"] {
            guard let s = ctx.string(v, at: path + [.key("arn")], expected: "the \(type) ARN, e.g. arn:aws:iam::111111111111:\(type)/Name") else { return nil }
            switch IAMEntityARN.parse(s, expectedType: type) {
            case .success(let a):
                fromArn = a
                ctx.warnIfUnprintable(s, at: path + [.key("arn")], what: "\(type) ARN")
            case .failure(let problem):
                ctx.error(path + [.key("arn")], problem.message)
                return nil
            }
        }
        var account: String?
        var name: String?
        var entityPath: String?
        if let v = o["account"] { account = ctx.accountID(v, at: path + [.key("account")]) ?? "" }
        if let v = o["name"] { name = ctx.string(v, at: path + [.key("name")], expected: "the \(type) name") ?? "" }
        if let v = o["path"] {
            if let s = ctx.string(v, at: path + [.key("path")], expected: "the \(type) path, such as / or /team/") {
                if s.hasPrefix("/") && s.hasSuffix("/") {
                    entityPath = s
                } else {
                    ctx.error(path + [.key("path")], "path '\(s)' must begin and end with '/', e.g. /team/audit/")
                    entityPath = ""
                }
            } else {
                entityPath = ""
            }
        }
        if account == "" || name == "" || entityPath == "" { return nil }
        if let a = fromArn {
            if let account, account != a.accountId {
                ctx.error(path + [.key("account")], "account '\(account)' disagrees with the ARN's account '\(a.accountId)'; give one or make them match")
                return nil
            }
            if let name, name != a.name {
                ctx.error(path + [.key("name")], "name '\(name)' disagrees with the ARN's name '\(a.name)'; give one or make them match")
                return nil
            }
            if let entityPath, entityPath != a.path {
                ctx.error(path + [.key("path")], "path '\(entityPath)' disagrees with the ARN's path '\(a.path)'; give one or make them match")
                return nil
            }
            return a
        }
        guard let account else {
            ctx.error(path, "missing required field 'arn': give the \(type)'s ARN, or its 'account' and 'name'", field: (path + [.key("arn")]).dottedPath)
            return nil
        }
        guard let name else {
            ctx.error(path, "missing required field 'name': a \(type) given by 'account' also needs its 'name'", field: (path + [.key("name")]).dottedPath)
            return nil
        }
        let built = IAMEntityARN(partition: "aws", accountId: account, resourceType: type, path: entityPath ?? "/", name: name)
        if case .failure(let problem) = IAMEntityARN.parse(built.arn, expectedType: type) {
            ctx.error(path + [.key("name")], problem.message)
            return nil
        }
        ctx.warnIfUnprintable(built.arn, at: path + [.key("name")], what: "\(type) ARN")
        return built
    }

    private static func readRole(_ value: JSONValue, at path: [JSONPathComponent], fragment: inout InventoryFragment, ctx: ReadContext) -> RoleDraft? {
        guard let o = ctx.object(value, at: path, expected: "a role (an object with 'arn' and 'trustPolicy')") else { return nil }
        ctx.checkKeys(o, at: path, known: roleKeys, what: "a role")
        let arn = entityARN(o, at: path, type: "role", ctx: ctx)
        var trust: PolicyDocument?
        if let v = o["trustPolicy"] {
            trust = document(v, at: path + [.key("trustPolicy")], ctx: ctx)
        } else {
            ctx.error(path, "missing required field 'trustPolicy': every role needs its trust policy (who may assume it)", field: (path + [.key("trustPolicy")]).dottedPath)
        }
        guard let arn, let trust else { return nil }
        var role = Role(arn: arn.arn, accountId: arn.accountId, name: arn.name, path: arn.path, trustPolicy: trust)
        var given: FieldSet<RoleField> = [.trustPolicy]
        if let summary = TrustReferences.unstorableSummary(trust) {
            ctx.warning(path + [.key("trustPolicy")], "IAM would not store this trust policy: \(summary); the role is kept and simulations of it answer 'invalid'")
        }
        if let size = TrustReferences.sizeWarning(trust) {
            ctx.warning(path + [.key("trustPolicy")], size)
        }
        fragment.referencedAccounts.formUnion(TrustReferences.accounts(in: trust))
        if let v = o["uniqueId"], v != .null, let s = ctx.string(v, at: path + [.key("uniqueId")], expected: "the role's unique id (AROA…)") {
            role.uniqueId = s
            given.insert(.uniqueId)
        }
        if let v = o["description"], v != .null, let s = ctx.string(v, at: path + [.key("description")], expected: "the description as text") {
            role.description = s
            given.insert(.description)
        }
        if let v = o["policies"], let policies = readPolicies(v, at: path + [.key("policies")], fragment: &fragment, ctx: ctx) {
            role.policies = policies
            given.insert(.policies)
        }
        if let v = o["permissionsBoundary"] {
            if v != .null, let b = readBoundary(v, at: path + [.key("permissionsBoundary")], fragment: &fragment, ctx: ctx) {
                role.permissionsBoundary = b
            }
            given.insert(.permissionsBoundary)
        }
        if let v = o["maxSessionDuration"], let seconds = ctx.integer(v, at: path + [.key("maxSessionDuration")], expected: "the maximum session duration in seconds") {
            // IAM accepts 3600 to 43200 seconds (1 to 12 hours): CreateRole MaxSessionDuration.
            if (3600...43200).contains(seconds) {
                role.maxSessionDuration = seconds
                given.insert(.maxSessionDuration)
            } else {
                ctx.error(path + [.key("maxSessionDuration")], "maxSessionDuration \(seconds) is outside 3600...43200 seconds (1 to 12 hours), the range IAM accepts")
            }
        }
        if let v = o["tags"], let tags = readTags(v, at: path + [.key("tags")], ctx: ctx) {
            role.tags = tags
            given.insert(.tags)
        }
        if let v = o["lastUsed"] {
            if case .string("never") = v {
                role.lastUsed = .never
                given.insert(.lastUsed)
            } else if v != .null {
                if case .string(let s) = v, IAMDate.parse(s) == nil {
                    ctx.error(path + [.key("lastUsed")], "'\(s)' is not a date; expected ISO-8601 such as 2026-10-01T00:00:00Z, or \"never\"")
                } else if let t = ctx.date(v, at: path + [.key("lastUsed")]) {
                    role.lastUsed = .at(epochSeconds: t)
                    given.insert(.lastUsed)
                }
            }
        }
        if let v = o["createdAt"], v != .null, let t = ctx.date(v, at: path + [.key("createdAt")]) {
            role.createdAt = t
            given.insert(.createdAt)
        }
        return RoleDraft(role: role, given: given, path: path)
    }

    private static func readUser(_ value: JSONValue, at path: [JSONPathComponent], fragment: inout InventoryFragment, ctx: ReadContext) -> UserDraft? {
        guard let o = ctx.object(value, at: path, expected: "a user (an object with an 'arn')") else { return nil }
        ctx.checkKeys(o, at: path, known: userKeys, what: "a user")
        guard let arn = entityARN(o, at: path, type: "user", ctx: ctx) else { return nil }
        var user = User(arn: arn.arn, accountId: arn.accountId, name: arn.name, path: arn.path)
        var given: FieldSet<UserField> = []
        if let v = o["uniqueId"], v != .null, let s = ctx.string(v, at: path + [.key("uniqueId")], expected: "the user's unique id (AIDA…)") {
            user.uniqueId = s
            given.insert(.uniqueId)
        }
        if let v = o["policies"], let policies = readPolicies(v, at: path + [.key("policies")], fragment: &fragment, ctx: ctx) {
            user.policies = policies
            given.insert(.policies)
        }
        if let v = o["permissionsBoundary"] {
            if v != .null, let b = readBoundary(v, at: path + [.key("permissionsBoundary")], fragment: &fragment, ctx: ctx) {
                user.permissionsBoundary = b
            }
            given.insert(.permissionsBoundary)
        }
        if let v = o["groups"], let items = ctx.list(v, at: path + [.key("groups")], expected: "group names") {
            user.groups = items.enumerated().compactMap { ctx.string($1, at: path + [.key("groups"), .index($0)], expected: "a group name") }
            given.insert(.groups)
        }
        if let v = o["mfaDevices"], let n = ctx.integer(v, at: path + [.key("mfaDevices")], expected: "the number of MFA devices") {
            if n >= 0 {
                user.mfaDevices = n
                given.insert(.mfaDevices)
            } else {
                ctx.error(path + [.key("mfaDevices")], "mfaDevices must be 0 or more, found \(n)")
            }
        }
        if let v = o["tags"], let tags = readTags(v, at: path + [.key("tags")], ctx: ctx) {
            user.tags = tags
            given.insert(.tags)
        }
        if let v = o["createdAt"], v != .null, let t = ctx.date(v, at: path + [.key("createdAt")]) {
            user.createdAt = t
            given.insert(.createdAt)
        }
        return UserDraft(user: user, given: given, path: path)
    }

    // MARK: - Policies

    static func document(_ value: JSONValue, at path: [JSONPathComponent], ctx: ReadContext) -> PolicyDocument? {
        switch ctx.policyDocument(value) {
        case .success(let d): return d
        case .failure(let problem):
            ctx.error(path, problem.message)
            return nil
        }
    }

    private static func readPolicies(_ value: JSONValue, at path: [JSONPathComponent], fragment: inout InventoryFragment, ctx: ReadContext) -> [AttachedPolicy]? {
        guard let items = ctx.list(value, at: path, expected: "policies ({name, arn, document})") else { return nil }
        var out: [AttachedPolicy] = []
        for (i, item) in items.enumerated() {
            if let p = readNamedPolicy(item, at: path + [.index(i)], defaultName: nil, defaultOrigin: nil, fragment: &fragment, ctx: ctx) { out.append(p) }
        }
        return out
    }

    /// `{name, arn, document, origin}`; the document may be left out for a managed policy given by ARN
    /// (resolved from the dumps or the bundled AWS managed policies) or a bundled AWS managed policy's name.
    private static func readNamedPolicy(
        _ value: JSONValue, at path: [JSONPathComponent], defaultName: String?, defaultOrigin: String?, fragment: inout InventoryFragment, ctx: ReadContext
    ) -> AttachedPolicy? {
        guard let o = ctx.object(value, at: path, expected: "a policy ({name, arn, document})") else { return nil }
        ctx.checkKeys(o, at: path, known: policyKeys, what: "a policy")
        var arn: String?
        if let v = o["arn"], v != .null {
            guard let s = ctx.string(v, at: path + [.key("arn")], expected: "a managed policy ARN, e.g. arn:aws:iam::aws:policy/SecurityAudit") else { return nil }
            if !ctx.wellFormedPolicyARNs.contains(s) {
                if case .failure(let problem) = IAMEntityARN.parse(s, expectedType: "policy") {
                    ctx.error(path + [.key("arn")], problem.message)
                    return nil
                }
                ctx.wellFormedPolicyARNs.insert(s)
            }
            arn = s
        }
        var name: String?
        if let v = o["name"], v != .null {
            guard let s = ctx.string(v, at: path + [.key("name")], expected: "the policy name") else { return nil }
            name = s
        }
        if name == nil, let arn { name = arn.split(separator: "/").last.map(String.init) }
        if name == nil { name = defaultName }
        guard let name else {
            ctx.error(path, "missing required field 'name': name the policy (or give its managed policy 'arn')", field: (path + [.key("name")]).dottedPath)
            return nil
        }
        var document: PolicyDocument?
        if let v = o["document"], v != .null {
            guard let d = self.document(v, at: path + [.key("document")], ctx: ctx) else { return nil }
            document = d
        } else if arn == nil {
            if AWSManagedPolicies.policy(named: name) != nil {
                arn = AWSManagedPolicies.arn(forName: name)
            } else {
                ctx.error(path, "missing 'document' for policy '\(name)': give the document, or the 'arn' of a managed policy (documents may be omitted only for managed policies trustmap can resolve)", field: (path + [.key("document")]).dottedPath)
                return nil
            }
        }
        var origin = defaultOrigin ?? (arn == nil ? "inline" : "managed")
        if let v = o["origin"], v != .null, let s = ctx.string(v, at: path + [.key("origin")], expected: "the policy's origin: inline, managed or group:NAME") {
            origin = s
        }
        if document == nil, let arn {
            fragment.unresolvedPolicies.append(UnresolvedPolicy(arn: arn, path: path))
        }
        return AttachedPolicy(name: name, arn: arn, document: document, origin: origin)
    }

    /// A bare document, or `{name, arn, document}`.
    private static func readBoundary(_ value: JSONValue, at path: [JSONPathComponent], fragment: inout InventoryFragment, ctx: ReadContext) -> AttachedPolicy? {
        if case .object(let o) = value, o["Statement"] == nil, o["Version"] == nil {
            return readNamedPolicy(value, at: path, defaultName: "PermissionsBoundary", defaultOrigin: "permissions-boundary", fragment: &fragment, ctx: ctx)
        }
        guard let d = document(value, at: path, ctx: ctx) else { return nil }
        return AttachedPolicy(name: "PermissionsBoundary", document: d, origin: "permissions-boundary")
    }

    // MARK: - Organization

    private static func readOrganization(_ value: JSONValue, at path: [JSONPathComponent], fragment: inout InventoryFragment, ctx: ReadContext) -> OrganizationDraft? {
        guard let o = ctx.object(value, at: path, expected: "the organization (an object with an 'id')") else { return nil }
        ctx.checkKeys(o, at: path, known: organizationKeys, what: "the organization")
        var draft = OrganizationDraft(path: path)
        if let v = o["id"] {
            if let s = ctx.string(v, at: path + [.key("id")], expected: "the organization id, e.g. o-a1b2c3d4e5") {
                if s.hasPrefix("o-") {
                    draft.id = s
                } else {
                    ctx.error(path + [.key("id")], "organization id '\(s)' must start with 'o-', e.g. o-a1b2c3d4e5")
                }
            }
        } else {
            ctx.error(path, "missing required field 'id': the organization id, e.g. o-a1b2c3d4e5", field: (path + [.key("id")]).dottedPath)
        }
        if let v = o["managementAccount"], v != .null, let id = ctx.accountID(v, at: path + [.key("managementAccount")]) {
            draft.managementAccount = id
            fragment.referencedAccounts.insert(id)
        }
        draft.scps = readOrganizationPolicies(o["scps"], at: path + [.key("scps")], kind: "SCP", fragment: &fragment, ctx: ctx)
        draft.rcps = readOrganizationPolicies(o["rcps"], at: path + [.key("rcps")], kind: "RCP", fragment: &fragment, ctx: ctx)
        if let v = o["units"], let items = ctx.list(v, at: path + [.key("units")], expected: "organizational units ({id, name, accounts})") {
            var seen: [String: [JSONPathComponent]] = [:]
            for (i, item) in items.enumerated() {
                let p = path + [.key("units"), .index(i)]
                guard let u = ctx.object(item, at: p, expected: "an organizational unit ({id, name, accounts})") else { continue }
                ctx.checkKeys(u, at: p, known: unitKeys, what: "an organizational unit")
                guard let idValue = u["id"] else {
                    ctx.error(p, "missing required field 'id': the OU id, e.g. ou-prod", field: (p + [.key("id")]).dottedPath)
                    continue
                }
                guard let id = ctx.string(idValue, at: p + [.key("id")], expected: "the OU id, e.g. ou-prod") else { continue }
                guard id.hasPrefix("ou-") else {
                    ctx.error(p + [.key("id")], "OU id '\(id)' must start with 'ou-', e.g. ou-prod")
                    continue
                }
                if let first = seen[id] {
                    duplicate(what: "organizational unit \(id)", at: p + [.key("id")], first: first + [.key("id")], ctx: ctx)
                    continue
                }
                seen[id] = p
                var unit = OrganizationalUnit(id: id)
                if let v = u["name"], v != .null { unit.name = ctx.string(v, at: p + [.key("name")], expected: "the OU's name") }
                if let v = u["parent"], v != .null, let s = ctx.string(v, at: p + [.key("parent")], expected: "the parent OU id (ou-…) or the root") {
                    unit.parent = s.hasPrefix("ou-") ? s : nil
                }
                if let v = u["accounts"], let ids = ctx.list(v, at: p + [.key("accounts")], expected: "account ids") {
                    unit.accounts = ids.enumerated().compactMap { ctx.accountID($1, at: p + [.key("accounts"), .index($0)]) }
                    fragment.referencedAccounts.formUnion(unit.accounts)
                }
                draft.units.append(unit)
            }
        }
        return draft
    }

    private static func readOrganizationPolicies(
        _ value: JSONValue?, at path: [JSONPathComponent], kind: String, fragment: inout InventoryFragment, ctx: ReadContext
    ) -> [OrganizationPolicyDraft] {
        guard let value, let items = ctx.list(value, at: path, expected: "\(kind)s ({name, targets, document})") else { return [] }
        var out: [OrganizationPolicyDraft] = []
        for (i, item) in items.enumerated() {
            let p = path + [.index(i)]
            guard let o = ctx.object(item, at: p, expected: "an \(kind) ({name, targets, document})") else { continue }
            ctx.checkKeys(o, at: p, known: organizationPolicyKeys, what: "an \(kind)")
            guard let nameValue = o["name"] else {
                ctx.error(p, "missing required field 'name': name the \(kind)", field: (p + [.key("name")]).dottedPath)
                continue
            }
            guard let name = ctx.string(nameValue, at: p + [.key("name")], expected: "the \(kind)'s name") else { continue }
            guard let documentValue = o["document"] else {
                ctx.error(p, "missing required field 'document': the \(kind)'s policy document", field: (p + [.key("document")]).dottedPath)
                continue
            }
            guard let document = document(documentValue, at: p + [.key("document")], ctx: ctx) else { continue }
            var id: String?
            if let v = o["id"], v != .null { id = ctx.string(v, at: p + [.key("id")], expected: "the policy id, e.g. p-examplepolicyid111") }
            var targets: [String] = []
            if let v = o["targets"], let list = ctx.list(v, at: p + [.key("targets")], expected: "targets (root, ou-… or account ids)") {
                for (t, target) in list.enumerated() {
                    let tp = p + [.key("targets"), .index(t)]
                    guard let s = ctx.string(target, at: tp, expected: "a target: root, an OU id (ou-…) or an account id") else { continue }
                    if s == "root" || s.hasPrefix("r-") || s.hasPrefix("ou-") || AccountID.isValid(s) {
                        targets.append(s)
                        if AccountID.isValid(s) { fragment.referencedAccounts.insert(s) }
                    } else {
                        ctx.error(tp, "target '\(s)' is not \"root\", a root id (r-…), an OU id (ou-…) or a 12-digit account id")
                    }
                }
            } else if o["targets"] == nil {
                ctx.warning(p, "\(kind) '\(name)' has no 'targets', so it applies to no account; add targets: [\"root\"] to apply it everywhere")
            }
            out.append(OrganizationPolicyDraft(name: name, id: id, targets: targets, document: document, path: p))
        }
        return out
    }

    // MARK: - Providers

    private static func readProviders(_ value: JSONValue?, key: String, type: String, fragment: inout InventoryFragment, ctx: ReadContext) -> [String] {
        guard let value, let items = ctx.list(value, at: [.key(key)], expected: "\(type) ARNs") else { return [] }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            let p: [JSONPathComponent] = [.key(key), .index(i)]
            guard let s = ctx.string(item, at: p, expected: "an \(type) ARN, e.g. arn:aws:iam::111111111111:\(type)/Name") else { continue }
            switch IAMEntityARN.parse(s, expectedType: type) {
            case .success(let a):
                out.append(s)
                fragment.referencedAccounts.insert(a.accountId)
            case .failure(let problem):
                ctx.error(p, problem.message)
            }
        }
        return out
    }
}
