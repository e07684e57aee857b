import Foundation
import PolicyEngine

extension SyntheticOrganization {
    /// The native inventory (inventory.md, version 1).
    public func nativeInventory() -> JSONValue {
        var org = JSONObject()
        org["id"] = .string(organizationID)
        org["managementAccount"] = .string(accounts[0].id)
        org["scps"] = [
            ["name": "FullAWSAccess", "targets": ["root"],
             "document": ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "*", "Resource": "*"]]]],
            ["name": "DenyLeavingOrganization", "targets": ["root"],
             "document": ["Version": "2012-10-17", "Statement": [["Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"]]]],
        ]
        var accountList: [JSONValue] = accounts.map { a in
            ["id": .string(a.id), "name": .string(a.name), "inOrganization": true]
        }
        accountList += vendors.map { v in ["id": .string(v.id), "name": .string(v.name), "inOrganization": false, "thirdParty": true] }
        let roleList: [JSONValue] = roles.map { r in
            var o = JSONObject()
            o["arn"] = .string(r.arn("role"))
            o["uniqueId"] = .string(r.uniqueID)
            o["trustPolicy"] = r.trust
            o["policies"] = .array(r.policies.map(Self.nativePolicy))
            o["maxSessionDuration"] = .number(String(r.maxSession))
            if r.neverUsed { o["lastUsed"] = "never" } else if let t = r.lastUsed { o["lastUsed"] = .string(Self.iso(t)) }
            o["createdAt"] = .string(Self.iso(r.createdAt))
            o["tags"] = ["kind": .string(r.kind)]
            return .object(o)
        }
        let userList: [JSONValue] = users.map { u in
            var o = JSONObject()
            o["arn"] = .string(u.arn("user"))
            o["uniqueId"] = .string(u.uniqueID)
            o["policies"] = .array(u.policies.map(Self.nativePolicy))
            o["mfaDevices"] = .number(String(u.mfaDevices))
            o["createdAt"] = .string(Self.iso(u.createdAt))
            return .object(o)
        }
        return [
            "version": 1,
            "name": .string("Synthetic organization (\(options.accounts) accounts × \(options.rolesPerAccount) roles × \(options.usersPerAccount) users, seed \(options.seed))"),
            "organization": .object(org),
            "accounts": .array(accountList),
            "roles": .array(roleList),
            "users": .array(userList),
            "samlProviders": .array(samlProviders.map { .string($0) }),
            "oidcProviders": .array(oidcProviders.map { .string($0) }),
        ]
    }

    static func nativePolicy(_ p: Policy) -> JSONValue {
        var o = JSONObject([("name", .string(p.name))])
        if let arn = p.arn { o["arn"] = .string(arn) }
        if let d = p.document { o["document"] = d }
        return .object(o)
    }

    /// `aws iam get-account-authorization-details` output for one account.
    public func authorizationDetails(account: String) -> JSONValue {
        var managed: [String: Bool] = [:]
        func split(_ policies: [Policy]) -> (inline: [JSONValue], attached: [JSONValue]) {
            var inline: [JSONValue] = [], attached: [JSONValue] = []
            for p in policies {
                if let arn = p.arn {
                    managed[arn] = true
                    attached.append(["PolicyName": .string(p.name), "PolicyArn": .string(arn)])
                } else {
                    inline.append(["PolicyName": .string(p.name), "PolicyDocument": p.document ?? .null])
                }
            }
            return (inline, attached)
        }
        let roleList: [JSONValue] = roles.filter { $0.account == account }.map { r in
            let (inline, attached) = split(r.policies)
            var o = JSONObject()
            o["Path"] = .string(r.path)
            o["RoleName"] = .string(r.name)
            o["RoleId"] = .string(r.uniqueID)
            o["Arn"] = .string(r.arn("role"))
            o["CreateDate"] = .string(Self.iso(r.createdAt))
            o["AssumeRolePolicyDocument"] = r.trust
            o["InstanceProfileList"] = []
            o["RolePolicyList"] = .array(inline)
            o["AttachedManagedPolicies"] = .array(attached)
            o["Tags"] = [["Key": "kind", "Value": .string(r.kind)]]
            o["MaxSessionDuration"] = .number(String(r.maxSession))
            if let t = r.lastUsed, !r.neverUsed { o["RoleLastUsed"] = ["LastUsedDate": .string(Self.iso(t)), "Region": "us-east-1"] } else { o["RoleLastUsed"] = [:] }
            return .object(o)
        }
        let userList: [JSONValue] = users.filter { $0.account == account }.map { u in
            let (inline, attached) = split(u.policies)
            var o = JSONObject()
            o["Path"] = .string(u.path)
            o["UserName"] = .string(u.name)
            o["UserId"] = .string(u.uniqueID)
            o["Arn"] = .string(u.arn("user"))
            o["CreateDate"] = .string(Self.iso(u.createdAt))
            o["UserPolicyList"] = .array(inline)
            o["GroupList"] = []
            o["AttachedManagedPolicies"] = .array(attached)
            o["Tags"] = []
            return .object(o)
        }
        let documents: [String: JSONValue] = [
            Self.administratorAccess: ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "*", "Resource": "*"]]],
            Self.readOnlyAccess: ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["iam:Get*", "iam:List*", "s3:Get*", "s3:List*", "ec2:Describe*"], "Resource": "*"]]],
        ]
        let policyList: [JSONValue] = managed.keys.sorted().map { arn in
            let name = String(arn.split(separator: "/").last ?? "")
            return [
                "PolicyName": .string(name), "PolicyId": .string("ANPA" + name.uppercased().prefix(17)), "Arn": .string(arn), "Path": "/",
                "DefaultVersionId": "v1", "AttachmentCount": 1, "IsAttachable": true,
                "PolicyVersionList": [["Document": documents[arn] ?? .null, "VersionId": "v1", "IsDefaultVersion": true]],
            ]
        }
        return ["UserDetailList": .array(userList), "GroupDetailList": [], "RoleDetailList": .array(roleList), "Policies": .array(policyList)]
    }

    /// Writes `DIR/inventory.json` and `DIR/gaad/<account>.json`.
    public func write(to directory: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory + "/gaad", withIntermediateDirectories: true)
        try Data(JSONWriter.write(nativeInventory(), pretty: false).utf8).write(to: URL(fileURLWithPath: directory + "/inventory.json"))
        for a in accounts {
            try Data(JSONWriter.write(authorizationDetails(account: a.id), pretty: false).utf8)
                .write(to: URL(fileURLWithPath: directory + "/gaad/\(a.id).json"))
        }
    }

    public var counts: (accounts: Int, roles: Int, users: Int) { (accounts.count + vendors.count, roles.count, users.count) }

    /// `2026-01-01T00:00:00Z` from seconds since 1970 (proleptic Gregorian, UTC).
    static func iso(_ t: Int64) -> String {
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let secs = t - days * 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(secs / 3600)):\(two(secs % 3600 / 60)):\(two(secs % 60))Z"
    }
}
