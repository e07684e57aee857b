import PolicyEngine

/// AWS Organizations CLI output: list-accounts (and list-accounts-for-parent), describe-organization,
/// list-roots, list-organizational-units-for-parent, list-policies, describe-policy — and the
/// organization tree with attached policies that IAMSpy and similar tools write.
///
/// Organizations ARNs carry the management account and the organization id
/// (`arn:aws:organizations::MANAGEMENT:account/o-ID/ACCOUNT`), so even a lone list-accounts
/// output says which organization its accounts belong to.
enum OrganizationsReader {
    /// The AWS managed policies attached by default, whose content AWS documents
    /// (Organizations User Guide, "Service control policies" and "Resource control policies").
    static let awsManagedContent: [String: String] = [
        "p-FullAWSAccess": #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        "p-RCPFullAWSAccess": #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#,
    ]

    /// Management account and organization id from an Organizations ARN.
    static func parts(ofARN arn: String?) -> (management: String?, organization: String?) {
        guard let arn else { return (nil, nil) }
        let p = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard p.count == 6, p[2] == "organizations" else { return (nil, nil) }
        let management = AccountID.isValid(String(p[4])) ? String(p[4]) : nil
        let organization = p[5].split(separator: "/").first { $0.hasPrefix("o-") }.map(String.init) ?? (p[4].hasPrefix("o-") ? String(p[4]) : nil)
        return (management, organization)
    }

    private static func note(arn: String?, in draft: inout OrganizationDraft) {
        let (management, organization) = parts(ofARN: arn)
        if draft.id == nil { draft.id = organization }
        if draft.managementAccount == nil { draft.managementAccount = management }
    }

    static func readAccounts(_ root: JSONObject, into fragment: inout InventoryFragment, ctx: ReadContext) {
        var org = OrganizationDraft()
        guard let items = ctx.list(root["Accounts"] ?? .null, at: [.key("Accounts")], expected: "accounts", lenient: true) else { return }
        for (i, item) in items.enumerated() {
            let path: [JSONPathComponent] = [.key("Accounts"), .index(i)]
            // One bad entry costs that entry, with a warning at its place; the others still load.
            let read: (JSONObject, String)? = ctx.errorsAsWarnings("this entry is skipped, the other accounts load") {
                guard let o = ctx.object(item, at: path, expected: "an account ({Id, Name, Status…})") else { return nil }
                guard let idValue = o["Id"] else {
                    ctx.error(path + [.key("Id")], "missing the account's 'Id' (12 digits)")
                    return nil
                }
                guard let id = ctx.accountID(idValue, at: path + [.key("Id")]) else { return nil }
                return (o, id)
            }
            guard let (o, id) = read else { continue }
            var draft = AccountDraft(account: Account(id: id, inOrganization: true), given: [.inOrganization], path: path, memberOfOrganization: true)
            if let name = o["Name"]?.stringValue {
                draft.account.name = name
                draft.given.insert(.name)
            }
            if let status = (o["State"] ?? o["Status"])?.stringValue {
                draft.account.status = status
                draft.given.insert(.status)
            }
            // Paths: "o-ID/r-ROOT/ou-A/ou-B/ACCOUNT/": the last OU before the account is its parent.
            if let paths = o["Paths"]?.arrayValue, let first = paths.first?.stringValue,
               let ou = first.split(separator: "/").last(where: { $0.hasPrefix("ou-") }) {
                draft.account.ou = String(ou)
                draft.given.insert(.ou)
            }
            note(arn: o["Arn"]?.stringValue, in: &org)
            fragment.accounts.append(draft)
        }
        if org.id != nil || org.managementAccount != nil { fragment.organization = org }
    }

    static func readOrganization(_ root: JSONObject, into fragment: inout InventoryFragment, ctx: ReadContext) {
        let path: [JSONPathComponent] = [.key("Organization")]
        guard let o = ctx.object(root["Organization"] ?? .null, at: path, expected: "the organization ({Id, MasterAccountId…})") else { return }
        var org = OrganizationDraft(path: path)
        if let id = o["Id"]?.stringValue { org.id = id } else { ctx.error(path + [.key("Id")], "missing the organization's 'Id' (o-…)") }
        if let v = o["MasterAccountId"] ?? o["ManagementAccountId"], let id = ctx.accountID(v, at: path + [.key(o["MasterAccountId"] != nil ? "MasterAccountId" : "ManagementAccountId")]) {
            org.managementAccount = id
            fragment.referencedAccounts.insert(id)
        }
        note(arn: o["Arn"]?.stringValue, in: &org)
        fragment.organization = org
    }

    static func readRoots(_ root: JSONObject, into fragment: inout InventoryFragment, ctx: ReadContext) {
        var org = OrganizationDraft()
        for item in ctx.list(root["Roots"] ?? .null, at: [.key("Roots")], expected: "roots", lenient: true) ?? [] {
            note(arn: item["Arn"]?.stringValue, in: &org)
        }
        fragment.organization = org
    }

    static func readUnits(_ root: JSONObject, into fragment: inout InventoryFragment, ctx: ReadContext) {
        var org = OrganizationDraft()
        let items = ctx.list(root["OrganizationalUnits"] ?? .null, at: [.key("OrganizationalUnits")], expected: "organizational units", lenient: true) ?? []
        for (i, item) in items.enumerated() {
            let path: [JSONPathComponent] = [.key("OrganizationalUnits"), .index(i)]
            guard let id = item["Id"]?.stringValue, id.hasPrefix("ou-") else {
                ctx.error(path + [.key("Id")], "expected the OU's 'Id' (a string starting with ou-)")
                continue
            }
            var unit = OrganizationalUnit(id: id, name: item["Name"]?.stringValue)
            // Path "o-ID/r-ROOT/ou-PARENT/ou-THIS/": the component before this OU is its parent.
            if let p = item["Path"]?.stringValue {
                let comps = p.split(separator: "/").map(String.init)
                if let at = comps.firstIndex(of: id), at > 0, comps[at - 1].hasPrefix("ou-") { unit.parent = comps[at - 1] }
            }
            note(arn: item["Arn"]?.stringValue, in: &org)
            org.units.append(unit)
        }
        fragment.organization = org
    }

    /// describe-policy output, optionally with the `Targets` of list-targets-for-policy beside `Policy`.
    static func readDescribedPolicy(_ root: JSONObject, into fragment: inout InventoryFragment, ctx: ReadContext) {
        let path: [JSONPathComponent] = [.key("Policy")]
        guard let o = ctx.object(root["Policy"] ?? .null, at: path, expected: "a policy ({PolicySummary, Content})") else { return }
        guard let summary = ctx.object(o["PolicySummary"] ?? .null, at: path + [.key("PolicySummary")], expected: "the policy summary ({Id, Name, Type})") else { return }
        var org = OrganizationDraft()
        note(arn: summary["Arn"]?.stringValue, in: &org)
        var targets: [String]?
        if let t = root["Targets"], let items = ctx.list(t, at: [.key("Targets")], expected: "targets ({TargetId, Type})", lenient: true) {
            targets = items.compactMap { $0["TargetId"]?.stringValue }
        }
        guard var draft = policyDraft(summary, content: o["Content"], contentPath: path + [.key("Content")], path: path, ctx: ctx) else { return }
        draft.targets = targets
        add(draft, type: summary["Type"]?.stringValue, to: &org, ctx: ctx, path: path)
        fragment.referencedAccounts.formUnion((targets ?? []).filter(AccountID.isValid))
        fragment.organization = org
    }

    /// list-policies output: names and ids without content.
    static func readPolicyList(_ root: JSONObject, into fragment: inout InventoryFragment, ctx: ReadContext) {
        var org = OrganizationDraft()
        let items = ctx.list(root["Policies"] ?? .null, at: [.key("Policies")], expected: "policies", lenient: true) ?? []
        for (i, item) in items.enumerated() {
            let path: [JSONPathComponent] = [.key("Policies"), .index(i)]
            guard let o = item.objectValue else { continue }
            note(arn: o["Arn"]?.stringValue, in: &org)
            guard let draft = policyDraft(o, content: o["Content"], contentPath: path + [.key("Content")], path: path, ctx: ctx) else { continue }
            add(draft, type: o["Type"]?.stringValue, to: &org, ctx: ctx, path: path)
        }
        fragment.organization = org
    }

    /// A root with `Policies` and nested `Children` (accounts and OUs), each child with its attached policies.
    static func readTree(_ root: JSONObject, into fragment: inout InventoryFragment, ctx: ReadContext) {
        var org = OrganizationDraft()
        var policies: [String: (draft: OrganizationPolicyDraft, type: String?)] = [:]
        var order: [String] = []
        func visit(_ node: JSONObject, at path: [JSONPathComponent], parentOU: String?) {
            guard let id = node["Id"]?.stringValue else { return }
            note(arn: node["Arn"]?.stringValue, in: &org)
            var nextParent = parentOU
            if AccountID.isValid(id) {
                var draft = AccountDraft(account: Account(id: id, inOrganization: true, ou: parentOU), given: [.inOrganization], path: path, memberOfOrganization: true)
                if let name = node["Name"]?.stringValue {
                    draft.account.name = name
                    draft.given.insert(.name)
                }
                if let status = node["Status"]?.stringValue {
                    draft.account.status = status
                    draft.given.insert(.status)
                }
                if parentOU != nil { draft.given.insert(.ou) }
                fragment.accounts.append(draft)
            } else if id.hasPrefix("ou-") {
                org.units.append(OrganizationalUnit(id: id, name: node["Name"]?.stringValue, parent: parentOU))
                nextParent = id
            }
            let target = id.hasPrefix("r-") ? "root" : id
            for (i, p) in (node["Policies"]?.arrayValue ?? []).enumerated() {
                guard let po = p.objectValue, let pid = po["Id"]?.stringValue ?? po["Name"]?.stringValue else { continue }
                let pp = path + [.key("Policies"), .index(i)]
                if var existing = policies[pid] {
                    existing.draft.targets?.append(target)
                    policies[pid] = existing
                } else if var draft = policyDraft(po, content: po["Content"], contentPath: pp + [.key("Content")], path: pp, ctx: ctx) {
                    draft.targets = [target]
                    policies[pid] = (draft, po["Type"]?.stringValue)
                    order.append(pid)
                }
            }
            for (i, child) in (node["Children"]?.arrayValue ?? []).enumerated() {
                if let c = child.objectValue { visit(c, at: path + [.key("Children"), .index(i)], parentOU: nextParent) }
            }
        }
        visit(root, at: [], parentOU: nil)
        for pid in order {
            if let entry = policies[pid] { add(entry.draft, type: entry.type, to: &org, ctx: ctx, path: entry.draft.path) }
        }
        fragment.organization = org
    }

    private static func policyDraft(_ summary: JSONObject, content: JSONValue?, contentPath: [JSONPathComponent], path: [JSONPathComponent], ctx: ReadContext) -> OrganizationPolicyDraft? {
        let id = summary["Id"]?.stringValue
        guard let name = summary["Name"]?.stringValue ?? id else {
            ctx.error(path, "the policy has neither 'Name' nor 'Id'")
            return nil
        }
        var document: PolicyDocument?
        if let content, content != .null {
            switch PolicyText.document(from: content) {
            case .success(let d): document = d
            case .failure(let problem):
                ctx.error(contentPath, problem.message)
                return nil
            }
        } else if let id, let known = awsManagedContent[id], let json = try? JSONParser.parse(known) {
            document = PolicyDocument(json: json)
        }
        return OrganizationPolicyDraft(name: name, id: id, targets: nil, document: document, path: path)
    }

    private static func add(_ draft: OrganizationPolicyDraft, type: String?, to org: inout OrganizationDraft, ctx: ReadContext, path: [JSONPathComponent]) {
        switch type {
        case "SERVICE_CONTROL_POLICY", nil: org.scps.append(draft)
        case "RESOURCE_CONTROL_POLICY": org.rcps.append(draft)
        default:
            ctx.warning(path, "policy '\(draft.name)' is a \(type ?? "?"), not a service or resource control policy; it does not affect role assumption and is ignored")
        }
    }
}
