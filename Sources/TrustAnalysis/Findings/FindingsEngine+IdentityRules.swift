import Inventory
import PolicyEngine

/// The rules that judge identity policies: TM-ASSUME-ANY-ROLE and TM-TRUST-REWRITE.
extension FindingsEngine {
    /// Users, then roles; `part` of `parts` judges one contiguous slice of that sequence.
    mutating func judgeIdentityPolicies(part: Int = 0, of parts: Int = 1) {
        let users = estate.inventory.users, roles = estate.inventory.roles
        let total = users.count + roles.count
        for k in total * part / parts..<total * (part + 1) / parts {
            // Fields are read in place: binding `users[k]` or `roles[i]` would copy the whole value.
            if k < users.count {
                judgeIdentity(arn: users[k].arn, account: users[k].accountId, policies: users[k].policies,
                              boundary: users[k].permissionsBoundary, isAdmin: estate.userIsAdmin[k])
            } else {
                let i = k - users.count
                // Service-linked roles are skipped: AWS owns their policies and only the service can assume them.
                if roles[i].isServiceLinked { continue }
                judgeIdentity(arn: roles[i].arn, account: roles[i].accountId, policies: roles[i].policies,
                              boundary: roles[i].permissionsBoundary, isAdmin: estate.roleIsAdmin[i])
            }
        }
    }

    mutating func judgeIdentity(arn: String, account: String, policies: [AttachedPolicy], boundary: AttachedPolicy?, isAdmin: Bool) {
        for p in policies {
            guard let doc = p.document else { continue }
            for s in doc.statements where s.effect == .allow {
                judgeAssumeAnyRole(s, policy: p, holder: arn)
            }
        }
        if !isAdmin { judgeTrustRewrite(arn: arn, account: account, policies: policies, boundary: boundary) }
    }

    /// sts:AssumeRole by name or an `sts:` wildcard, on `*` or roles of any account, with no
    /// aws:ResourceAccount / aws:ResourceOrgID (or aws:ResourceOrgPaths) condition.
    mutating func judgeAssumeAnyRole(_ s: PolicyStatement, policy: AttachedPolicy, holder: String) {
        guard let actions = s.actions,
              let action = actions.first(where: { a in
                  let l = a.lowercased()
                  return l.hasPrefix("sts:") && Glob.matches(l, "sts:assumerole")
              }),
              let resources = s.resources,
              let resource = resources.first(where: Self.isAnyAccountRole)
        else { return }
        let scoped = s.conditions.contains { c in
            ["aws:resourceaccount", "aws:resourceorgid", "aws:resourceorgpaths"].contains(c.lowercasedKey) && c.parsedOperator.isStrictPositive
        }
        guard !scoped else { return }
        collector.add(.assumeAnyRole, subject: holder, edge: nil,
                      evidence: "policy '\(policy.name)' statement \(s.label) allows \(action) on \(resource)")
    }

    /// `*`, or a role ARN pattern whose account is a wildcard (`arn:aws:iam::*:role/NAME`).
    static func isAnyAccountRole(_ resource: String) -> Bool {
        if resource == "*" { return true }
        let parts = Arn.components(resource, padding: true)
        guard parts.count == 6, parts[0] == "arn", Glob.matches(String(parts[2]), "iam") else { return false }
        guard parts[4] == "*" else { return false }
        return Glob.matches(String(parts[5]), "role/x") || parts[5].hasPrefix("role/")
    }

    mutating func judgeTrustRewrite(arn: String, account: String, policies: [AttachedPolicy], boundary: AttachedPolicy?) {
        let action = "iam:updateassumerolepolicy"
        // Built only for principals allowed the action at all: most are not, and the list is per account.
        let estate = estate
        lazy var ownRoles = (estate.rolesByAccount[account] ?? []).map { estate.roleARNs[$0] }
        var grant: String?
        for p in policies {
            guard let doc = p.document else { continue }
            for s in doc.statements where s.effect == .allow && TrustStatementFacts.covers(s, action) {
                if let target = Self.ownRoleTarget(s, ownRoles: ownRoles) {
                    grant = "policy '\(p.name)' statement \(s.label) allows iam:UpdateAssumeRolePolicy on \(target)"
                    break
                }
            }
            if grant != nil { break }
        }
        guard let grant else { return }
        // An unconditional Deny of the action on every resource takes it away again.
        let denied = policies.contains { p in
            p.document?.statements.contains { s in
                s.effect == .deny && s.conditions.isEmpty && TrustStatementFacts.covers(s, action) && (s.resources ?? []).contains("*")
            } ?? false
        }
        if denied { return }
        if let boundary, boundary.arn != Estate.administratorAccessARN {
            // A boundary must allow the action too; an unknown boundary document is taken to refuse it.
            guard let doc = boundary.document else { return }
            let allows = doc.statements.contains { s in
                s.effect == .allow && TrustStatementFacts.covers(s, action) && Self.ownRoleTarget(s, ownRoles: ownRoles) != nil
            }
            if !allows { return }
        }
        collect(grant, arn)
    }

    private mutating func collect(_ grant: String, _ arn: String) {
        collector.add(.trustRewrite, subject: arn, edge: nil, evidence: grant + " and is not administrator-equivalent")
    }

    /// The resource of the statement that reaches a role of the holder's own account, or nil.
    static func ownRoleTarget(_ s: PolicyStatement, ownRoles: [String]) -> String? {
        if let resources = s.resources {
            if resources.contains("*") { return "*" }
            for r in resources where ownRoles.contains(where: { ResourcePattern.matches(r, arn: $0) }) { return r }
            return nil
        }
        if let not = s.notResources {
            if ownRoles.contains(where: { role in !not.contains { ResourcePattern.matches($0, arn: role) } }) { return "NotResource " + not.joined(separator: ", ") }
        }
        return nil
    }
}
