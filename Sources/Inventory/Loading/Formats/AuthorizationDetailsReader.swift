import PolicyEngine

/// `aws iam get-account-authorization-details` output: roles, users, groups and managed policies
/// of one account (or several, as some tools write them), with every policy resolved.
///
/// Shapes follow the IAM API reference (GetAccountAuthorizationDetails: RoleDetail, UserDetail,
/// GroupDetail, ManagedPolicyDetail). Unknown members are ignored without a warning: AWS adds
/// fields over time and the readers must not turn that into noise.
struct AuthorizationDetailsReader {
    let ctx: ReadContext
    /// Managed policy ARN → default version document as written, and its path.
    private var localDocuments: [String: (value: JSONValue, path: [JSONPathComponent])] = [:]
    private var parsed: [String: PolicyDocument?] = [:]
    private var groups: [String: (arn: String, policies: [AttachedPolicy])] = [:]
    private var seenRoles: [String: [JSONPathComponent]] = [:]
    private var seenUsers: [String: [JSONPathComponent]] = [:]

    init(context: ReadContext) {
        ctx = context
    }

    /// Reads one dump object found at `base` (the whole file, or one element of a multi-account file).
    mutating func read(_ root: JSONObject, at base: [JSONPathComponent], into fragment: inout InventoryFragment) {
        localDocuments = [:]
        parsed = [:]
        groups = [:]
        if case .bool(true) = root["IsTruncated"] {
            ctx.warning(base + [.key("IsTruncated")], "this dump is truncated (IsTruncated: true): AWS returned one page and the roles, users and policies of later pages are missing; export again letting the CLI paginate (no --max-items)")
        }
        let policies = listOf("Policies", in: root, at: base)
        let groupItems = listOf("GroupDetailList", in: root, at: base)
        let userItems = listOf("UserDetailList", in: root, at: base)
        let roleItems = listOf("RoleDetailList", in: root, at: base)

        for (value, path) in policies { indexManagedPolicy(value, at: path, into: &fragment) }
        let homeAccount = Self.homeAccount(of: [policies, groupItems, userItems, roleItems])
        for (value, path) in groupItems { readGroup(value, at: path, home: homeAccount, into: &fragment) }
        for (value, path) in userItems { readUser(value, at: path, home: homeAccount, into: &fragment) }
        for (value, path) in roleItems { readRole(value, at: path, into: &fragment) }
    }

    // MARK: - Lists

    private func listOf(_ key: String, in root: JSONObject, at base: [JSONPathComponent]) -> [(JSONValue, [JSONPathComponent])] {
        guard let value = root[key] else { return [] }
        let path = base + [.key(key)]
        guard let items = ctx.list(value, at: path, expected: "\(key) entries", lenient: true) else { return [] }
        if case .object = value { return [(value, path)] }
        return items.enumerated().map { ($1, path + [.index($0)]) }
    }

    /// The one account a dump describes, from the ARNs in it: used to place entities whose ARN
    /// names no account (CloudMapper's demo data has `arn:aws:iam::aws:user/…`).
    private static func homeAccount(of lists: [[(JSONValue, [JSONPathComponent])]]) -> String? {
        var accounts: Set<String> = []
        for list in lists {
            for (value, _) in list {
                if let arn = value["Arn"]?.stringValue, let account = AccountID.referenced(by: arn) { accounts.insert(account) }
            }
        }
        return accounts.count == 1 ? accounts.first : nil
    }

    // MARK: - Managed policies

    private mutating func indexManagedPolicy(_ value: JSONValue, at path: [JSONPathComponent], into fragment: inout InventoryFragment) {
        guard let o = ctx.object(value, at: path, expected: "a managed policy (ManagedPolicyDetail)") else { return }
        guard let arn = o["Arn"]?.stringValue else {
            ctx.error(path + [.key("Arn")], "missing the managed policy's 'Arn' (a string such as arn:aws:iam::aws:policy/ReadOnlyAccess)")
            return
        }
        let versionsPath = path + [.key("PolicyVersionList")]
        let versions = o["PolicyVersionList"].flatMap { ctx.list($0, at: versionsPath, expected: "policy versions", lenient: true) } ?? []
        let defaultId = o["DefaultVersionId"]?.stringValue
        var chosen: (JSONValue, [JSONPathComponent])?
        for (i, version) in versions.enumerated() {
            let isDefault = version["IsDefaultVersion"]?.boolValue == true || (defaultId != nil && version["VersionId"]?.stringValue == defaultId)
            if isDefault, let document = version["Document"] {
                let p = versions.count == 1 && o["PolicyVersionList"]?.objectValue != nil ? versionsPath : versionsPath + [.index(i)]
                chosen = (document, p + [.key("Document")])
                break
            }
        }
        guard let chosen else {
            ctx.warning(path, "managed policy \(arn) has no default version document in PolicyVersionList (DefaultVersionId \(defaultId ?? "missing")); what it allows cannot be judged")
            return
        }
        localDocuments[arn] = (chosen.0, chosen.1)
        fragment.managedPolicyDocuments[arn] = chosen.0
    }

    /// The document of a managed policy of this dump, parsed once however many entities attach it.
    private mutating func document(ofManagedPolicy arn: String) -> PolicyDocument? {
        if let cached = parsed[arn] { return cached }
        guard let local = localDocuments[arn] else { return nil }
        var result: PolicyDocument?
        switch ctx.policyDocument(local.value) {
        case .success(let d): result = d
        case .failure(let problem): ctx.error(local.path, problem.message)
        }
        parsed[arn] = result
        return result
    }

    private mutating func attachedManagedPolicies(_ o: JSONObject, at path: [JSONPathComponent], origin: String, into fragment: inout InventoryFragment) -> [AttachedPolicy] {
        guard let value = o["AttachedManagedPolicies"] else { return [] }
        let listPath = path + [.key("AttachedManagedPolicies")]
        guard let items = ctx.list(value, at: listPath, expected: "{PolicyName, PolicyArn} objects", lenient: true) else { return [] }
        var out: [AttachedPolicy] = []
        for (i, item) in items.enumerated() {
            let p = value.objectValue != nil ? listPath : listPath + [.index(i)]
            guard let arn = item["PolicyArn"]?.stringValue else {
                ctx.error(p, "an attached managed policy needs its 'PolicyArn' (a string)")
                continue
            }
            let name = item["PolicyName"]?.stringValue ?? arn.split(separator: "/").last.map(String.init) ?? arn
            let document = document(ofManagedPolicy: arn)
            if document == nil { fragment.unresolvedPolicies.append(UnresolvedPolicy(arn: arn, path: p)) }
            out.append(AttachedPolicy(name: name, arn: arn, document: document, origin: origin))
        }
        return out
    }

    private func inlinePolicies(_ o: JSONObject, key: String, at path: [JSONPathComponent], origin: String) -> [AttachedPolicy] {
        guard let value = o[key] else { return [] }
        let listPath = path + [.key(key)]
        guard let items = ctx.list(value, at: listPath, expected: "{PolicyName, PolicyDocument} objects", lenient: true) else { return [] }
        var out: [AttachedPolicy] = []
        for (i, item) in items.enumerated() {
            let p = value.objectValue != nil ? listPath : listPath + [.index(i)]
            let name = item["PolicyName"]?.stringValue ?? "inline-\(i)"
            guard let documentValue = item["PolicyDocument"] else {
                ctx.error(p, "inline policy '\(name)' has no 'PolicyDocument'")
                continue
            }
            switch ctx.policyDocument(documentValue) {
            case .success(let d): out.append(AttachedPolicy(name: name, document: d, origin: origin))
            case .failure(let problem): ctx.error(p + [.key("PolicyDocument")], problem.message)
            }
        }
        return out
    }

    private mutating func boundary(_ o: JSONObject, at path: [JSONPathComponent], into fragment: inout InventoryFragment) -> AttachedPolicy? {
        guard let value = o["PermissionsBoundary"], value != .null else { return nil }
        let p = path + [.key("PermissionsBoundary")]
        guard let arn = value["PermissionsBoundaryArn"]?.stringValue else {
            ctx.error(p, "a permissions boundary needs its 'PermissionsBoundaryArn' (a string)")
            return nil
        }
        let document = document(ofManagedPolicy: arn)
        if document == nil { fragment.unresolvedPolicies.append(UnresolvedPolicy(arn: arn, path: p)) }
        let name = arn.split(separator: "/").last.map(String.init) ?? arn
        return AttachedPolicy(name: name, arn: arn, document: document, origin: "permissions-boundary")
    }

    private func tags(_ o: JSONObject, at path: [JSONPathComponent]) -> [String: String]? {
        guard let value = o["Tags"] else { return nil }
        guard let items = ctx.list(value, at: path + [.key("Tags")], expected: "{Key, Value} tags", lenient: true) else { return nil }
        var out: [String: String] = [:]
        for item in items {
            if let k = item["Key"]?.stringValue { out[k] = item["Value"]?.scalarText ?? "" }
        }
        return out
    }

    private func date(_ value: JSONValue?, at path: @autoclosure () -> [JSONPathComponent]) -> Int64? {
        guard let value, value != .null else { return nil }
        if let s = value.stringValue, let t = IAMDate.parse(s) { return t }
        ctx.warning(path(), "'\(value.scalarText ?? value.kindDescription)' is not a date AWS writes (ISO-8601 such as 2019-11-13T17:30:00Z); the date is ignored")
        return nil
    }

    /// The entity's ARN; an ARN with the pseudo-account `aws` is placed in the dump's only account, with a warning.
    private func entityARN(_ o: JSONObject, at path: [JSONPathComponent], type: String, home: String?) -> IAMEntityARN? {
        guard let text = o["Arn"]?.stringValue else {
            ctx.error(path + [.key("Arn")], "missing the \(type)'s 'Arn' (a string such as arn:aws:iam::111111111111:\(type)/Name)")
            return nil
        }
        switch IAMEntityARN.parse(text, expectedType: type) {
        case .success(let arn):
            ctx.warnIfUnprintable(text, at: path + [.key("Arn")], what: "\(type) ARN")
            return arn
        case .failure(let problem):
            let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            if parts.count == 6, parts[4] == "aws", let home,
               case .success(let placed) = IAMEntityARN.parse(parts.prefix(4).joined(separator: ":") + ":\(home):" + parts[5], expectedType: type) {
                ctx.warning(path + [.key("Arn")], "\(type) ARN \(text) names the account 'aws', which owns no \(type)s (sanitised data?); loaded as \(placed.arn), in \(home), the only account of this dump")
                return placed
            }
            ctx.error(path + [.key("Arn")], problem.message)
            return nil
        }
    }

    // MARK: - Groups, users, roles

    private mutating func readGroup(_ value: JSONValue, at path: [JSONPathComponent], home: String?, into fragment: inout InventoryFragment) {
        guard let o = ctx.object(value, at: path, expected: "a group (GroupDetail)") else { return }
        guard let arn = entityARN(o, at: path, type: "group", home: home) else { return }
        let origin = "group:\(arn.name)"
        var policies = inlinePolicies(o, key: "GroupPolicyList", at: path, origin: origin)
        policies += attachedManagedPolicies(o, at: path, origin: origin, into: &fragment)
        groups["\(arn.accountId)/\(arn.name)"] = (arn.arn, policies)
        fragment.groupArns.append(arn.arn)
    }

    private mutating func readUser(_ value: JSONValue, at path: [JSONPathComponent], home: String?, into fragment: inout InventoryFragment) {
        guard let o = ctx.object(value, at: path, expected: "a user (UserDetail)") else { return }
        guard let arn = entityARN(o, at: path, type: "user", home: home) else { return }
        if let first = seenUsers[arn.arn] {
            ctx.error(path, "user \(arn.arn) is already described at \(first.dottedPath); a dump lists each user once")
            return
        }
        seenUsers[arn.arn] = path
        var user = User(arn: arn.arn, accountId: arn.accountId, name: arn.name, path: arn.path)
        var given: FieldSet<UserField> = [.policies, .permissionsBoundary, .groups]
        if let id = o["UserId"]?.stringValue {
            user.uniqueId = id
            given.insert(.uniqueId)
        }
        var policies = inlinePolicies(o, key: "UserPolicyList", at: path, origin: "inline")
        policies += attachedManagedPolicies(o, at: path, origin: "managed", into: &fragment)
        if let groupList = o["GroupList"], let names = ctx.list(groupList, at: path + [.key("GroupList")], expected: "group names", lenient: false) {
            for (i, nameValue) in names.enumerated() {
                guard let name = ctx.string(nameValue, at: path + [.key("GroupList"), .index(i)], expected: "a group name") else { continue }
                user.groups.append(name)
                if let group = groups["\(arn.accountId)/\(name)"] {
                    policies += group.policies
                } else {
                    ctx.warning(path + [.key("GroupList"), .index(i)], "user \(arn.name) is in group '\(name)', which this dump does not describe; the group's policies are unknown, so the user's permissions may be understated")
                }
            }
        }
        user.policies = policies
        user.permissionsBoundary = boundary(o, at: path, into: &fragment)
        if let t = tags(o, at: path) {
            user.tags = t
            given.insert(.tags)
        }
        if let t = date(o["CreateDate"], at: path + [.key("CreateDate")]) {
            user.createdAt = t
            given.insert(.createdAt)
        }
        fragment.users.append(UserDraft(user: user, given: given, path: path))
    }

    private mutating func readRole(_ value: JSONValue, at path: [JSONPathComponent], into fragment: inout InventoryFragment) {
        guard let o = ctx.object(value, at: path, expected: "a role (RoleDetail)") else { return }
        guard let arn = entityARN(o, at: path, type: "role", home: nil) else { return }
        if let first = seenRoles[arn.arn] {
            ctx.error(path, "role \(arn.arn) is already described at \(first.dottedPath); a dump lists each role once")
            return
        }
        seenRoles[arn.arn] = path
        guard let trustValue = o["AssumeRolePolicyDocument"] else {
            ctx.error(path + [.key("AssumeRolePolicyDocument")], "role \(arn.arn) has no 'AssumeRolePolicyDocument'; every role has a trust policy")
            return
        }
        let trust: PolicyDocument
        switch ctx.policyDocument(trustValue) {
        case .success(let d): trust = d
        case .failure(let problem):
            ctx.error(path + [.key("AssumeRolePolicyDocument")], problem.message)
            return
        }
        if let summary = TrustReferences.unstorableSummary(trust) {
            ctx.warning(path + [.key("AssumeRolePolicyDocument")], "IAM would not store this trust policy: \(summary); the role is kept and simulations of it answer 'invalid'")
        }
        if let size = TrustReferences.sizeWarning(trust) {
            ctx.warning(path + [.key("AssumeRolePolicyDocument")], size)
        }
        fragment.referencedAccounts.formUnion(TrustReferences.accounts(in: trust))
        if let name = o["RoleName"]?.stringValue, name != arn.name {
            ctx.warning(path + [.key("RoleName")], "RoleName '\(name)' differs from the name in the role's ARN ('\(arn.name)'); the ARN is used")
        }
        var role = Role(arn: arn.arn, accountId: arn.accountId, name: arn.name, path: arn.path, trustPolicy: trust)
        var given: FieldSet<RoleField> = [.trustPolicy, .policies, .permissionsBoundary]
        if let id = o["RoleId"]?.stringValue {
            role.uniqueId = id
            given.insert(.uniqueId)
        }
        if let d = o["Description"]?.stringValue {
            role.description = d
            given.insert(.description)
        }
        if let v = o["MaxSessionDuration"], v != .null {
            if case .number(let n) = v, let seconds = Int(n), (3600...43200).contains(seconds) {
                role.maxSessionDuration = seconds
                given.insert(.maxSessionDuration)
            } else {
                ctx.warning(path + [.key("MaxSessionDuration")], "MaxSessionDuration \(v.scalarText ?? v.kindDescription) is not a number of seconds in 3600...43200 (IAM's range); the default 3600 is used")
            }
        }
        var policies = inlinePolicies(o, key: "RolePolicyList", at: path, origin: "inline")
        policies += attachedManagedPolicies(o, at: path, origin: "managed", into: &fragment)
        role.policies = policies
        role.permissionsBoundary = boundary(o, at: path, into: &fragment)
        if let t = tags(o, at: path) {
            role.tags = t
            given.insert(.tags)
        }
        if let lastUsed = o["RoleLastUsed"], lastUsed != .null {
            // IAM reports use over a trailing window of 400 days; an empty RoleLastUsed means no use
            // in that window (IAM User Guide, "Refining permissions using last accessed information").
            if let dateValue = lastUsed["LastUsedDate"], dateValue != .null {
                if let t = date(dateValue, at: path + [.key("RoleLastUsed"), .key("LastUsedDate")]) {
                    role.lastUsed = .at(epochSeconds: t)
                    given.insert(.lastUsed)
                }
            } else {
                role.lastUsed = .never
                given.insert(.lastUsed)
            }
        }
        if let t = date(o["CreateDate"], at: path + [.key("CreateDate")]) {
            role.createdAt = t
            given.insert(.createdAt)
        }
        fragment.roles.append(RoleDraft(role: role, given: given, path: path))
    }
}
