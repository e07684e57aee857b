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
            "name": .string("Synthetic organization (\(options.accounts) accounts × \(options.rolesPerAccount) roles × \(options.usersPerAccount) users, seed \(options.seed)"
                + (options.shape == .classic ? ")" : ", shape \(options.shape.rawValue))")),
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
    ///
    /// As large as real dumps are: `Policies` carries every attached managed policy with its whole
    /// `PolicyVersionList`, and AWS managed policies such as ReadOnlyAccess have had many versions
    /// (about 100 KB a dump in all). Only the default versions say anything about the inventory: the
    /// older ones are there for their weight, as in real exports, and a loader must pass them over.
    public func authorizationDetails(account: String) -> JSONValue {
        authorizationDetails(roles: roles.filter { $0.account == account }, users: users.filter { $0.account == account })
    }

    /// One account's dump from its own roles and users (`write` groups them once: filtering every principal
    /// of the organization for each account made writing quadratic in the accounts).
    func authorizationDetails(roles: [Principal], users: [Principal]) -> JSONValue {
        let (principals, attachments) = authorizationPrincipals(roles: roles, users: users)
        let policyList: [JSONValue] = attachments.keys.sorted().map { arn in
            Self.managedPolicyDetail(arn: arn, attachments: attachments[arn] ?? 0)
        }
        var dump = principals
        dump["Policies"] = .array(policyList)
        return .object(dump)
    }

    /// One account's dump as text, byte for byte `JSONWriter.write(authorizationDetails(…), pretty: false)`:
    /// the managed policies, nine tenths of each dump and the same in every account but for their attachment
    /// count, are written once per policy (`ManagedPolicyText`) and spliced in rather than built and written
    /// again for every account.
    func authorizationDetailsText(roles: [Principal], users: [Principal], policies: inout [String: ManagedPolicyText]) -> [UInt8] {
        let (principals, attachments) = authorizationPrincipals(roles: roles, users: users)
        var text: [UInt8] = []
        text.reserveCapacity(1 << 17)
        text.append(UInt8(ascii: "{"))
        CompactJSON.writeMembers(principals, into: &text)
        CompactJSON.append(",\"Policies\":[", to: &text)
        for (i, arn) in attachments.keys.sorted().enumerated() {
            if i > 0 { text.append(UInt8(ascii: ",")) }
            if policies[arn] == nil { policies[arn] = ManagedPolicyText(arn: arn) }
            policies[arn]!.write(attachments: attachments[arn] ?? 0, into: &text)
        }
        CompactJSON.append("]}", to: &text)
        return text
    }

    /// A managed policy's `ManagedPolicyDetail` as text, split around its attachment count.
    struct ManagedPolicyText {
        let head: [UInt8]
        let tail: [UInt8]

        init(arn: String) {
            let marker = Array("\u{1}attachments\u{1}".utf8)
            let whole = CompactJSON.write(SyntheticOrganization.managedPolicyDetail(arn: arn, attachments: 0, attachmentText: .number("\u{1}attachments\u{1}")))
            let at = (0...(whole.count - marker.count)).first { whole[$0..<($0 + marker.count)].elementsEqual(marker) }!
            head = Array(whole[..<at])
            tail = Array(whole[(at + marker.count)...])
        }

        func write(attachments: Int, into out: inout [UInt8]) {
            out += head
            CompactJSON.append(String(attachments), to: &out)
            out += tail
        }
    }

    /// The dump's members but `Policies`, and the attachments of each managed policy.
    private func authorizationPrincipals(roles: [Principal], users: [Principal]) -> (JSONObject, [String: Int]) {
        var attachments: [String: Int] = [:]
        func split(_ policies: [Policy]) -> (inline: [JSONValue], attached: [JSONValue]) {
            var inline: [JSONValue] = [], attached: [JSONValue] = []
            for p in policies {
                if let arn = p.arn {
                    attachments[arn, default: 0] += 1
                    attached.append(["PolicyName": .string(p.name), "PolicyArn": .string(arn)])
                } else {
                    inline.append(["PolicyName": .string(p.name), "PolicyDocument": p.document ?? .null])
                }
            }
            return (inline, attached)
        }
        let roleList: [JSONValue] = roles.map { r in
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
        let userList: [JSONValue] = users.map { u in
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
        return (JSONObject([("UserDetailList", .array(userList)), ("GroupDetailList", []), ("RoleDetailList", .array(roleList))]), attachments)
    }

    /// The default version's document of each AWS managed policy the generator attaches: what the dumps say
    /// these policies allow (ReadOnlyAccess reduced to a few read actions).
    static let managedDocuments: [String: JSONValue] = [
        administratorAccess: ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "*", "Resource": "*"]]],
        readOnlyAccess: ["Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": ["iam:Get*", "iam:List*", "s3:Get*", "s3:List*", "ec2:Describe*"], "Resource": "*"]]],
    ]

    /// How many versions each managed policy has had; the last is the default.
    static let managedVersions: [String: Int] = [administratorAccess: 1, readOnlyAccess: 7]

    /// One `ManagedPolicyDetail`: the default version first, then the older ones, newest first, as AWS lists them.
    static func managedPolicyDetail(arn: String, attachments: Int, attachmentText: JSONValue? = nil) -> JSONValue {
        let name = String(arn.split(separator: "/").last ?? "")
        let count = managedVersions[arn] ?? 1
        let created: Int64 = 1_423_180_800 // 2015-02-06
        func versionDate(_ v: Int) -> String { iso(created + Int64(v - 1) * 86_400 * 97) }
        var versions: [JSONValue] = []
        for v in stride(from: count, through: 1, by: -1) {
            let document = v == count ? managedDocuments[arn] ?? .null : olderVersionDocument(name: name, version: v, of: count)
            versions.append(["Document": document, "VersionId": .string("v\(v)"), "IsDefaultVersion": .bool(v == count),
                             "CreateDate": .string(versionDate(v))])
        }
        return [
            "PolicyName": .string(name), "PolicyId": .string("ANPA" + name.uppercased().prefix(17)), "Arn": .string(arn), "Path": "/",
            "DefaultVersionId": .string("v\(count)"), "AttachmentCount": attachmentText ?? .number(String(attachments)), "PermissionsBoundaryUsageCount": 0,
            "IsAttachable": true, "CreateDate": .string(versionDate(1)), "UpdateDate": .string(versionDate(count)),
            "PolicyVersionList": .array(versions),
        ]
    }

    /// An older, non-default version of a read-only managed policy: read actions over a list of services
    /// that grew from one version to the next (made up here, in the shape AWS's own read-only policies have).
    static func olderVersionDocument(name: String, version: Int, of count: Int) -> JSONValue {
        let services = readOnlyServices.prefix(readOnlyServices.count * (version + count) / (2 * count))
        var actions: [JSONValue] = []
        for (i, service) in services.enumerated() {
            actions.append(.string("\(service):Describe*"))
            actions.append(.string("\(service):Get*"))
            actions.append(.string("\(service):List*"))
            if i % 3 == 0 { actions.append(.string("\(service):BatchGet*")) }
            if i % 5 == 2 { actions.append(.string("\(service):Search*")) }
        }
        let half = actions.count / 2
        return [
            "Version": "2012-10-17",
            "Statement": [
                ["Sid": .string("\(name)ComputeAndStorage"), "Effect": "Allow", "Action": .array(Array(actions[..<half])), "Resource": "*"],
                ["Sid": .string("\(name)Everything\(version)"), "Effect": "Allow", "Action": .array(Array(actions[half...])), "Resource": "*"],
            ],
        ]
    }

    /// Service prefixes for the read-only policies' older versions.
    static let readOnlyServices: [String] = [
        "access-analyzer", "account", "acm", "acm-pca", "airflow", "amplify", "apigateway", "appconfig", "appflow",
        "application-autoscaling", "applicationinsights", "appmesh", "apprunner", "appstream", "appsync", "aps", "athena",
        "auditmanager", "autoscaling", "autoscaling-plans", "backup", "batch", "bedrock", "budgets", "ce", "chatbot",
        "cloud9", "clouddirectory", "cloudformation", "cloudfront", "cloudhsm", "cloudsearch", "cloudtrail", "cloudwatch",
        "codeartifact", "codebuild", "codecommit", "codedeploy", "codeguru-profiler", "codeguru-reviewer", "codepipeline",
        "codestar", "codestar-connections", "cognito-identity", "cognito-idp", "cognito-sync", "comprehend", "config",
        "connect", "cur", "databrew", "dataexchange", "datapipeline", "datasync", "dax", "detective", "devicefarm",
        "devops-guru", "directconnect", "dlm", "dms", "docdb-elastic", "ds", "dynamodb", "ebs", "ec2", "ec2messages",
        "ecr", "ecr-public", "ecs", "eks", "elasticache", "elasticbeanstalk", "elasticfilesystem", "elasticloadbalancing",
        "elasticmapreduce", "elastictranscoder", "emr-containers", "emr-serverless", "es", "events", "evidently",
        "firehose", "fis", "fms", "forecast", "frauddetector", "fsx", "gamelift", "glacier", "globalaccelerator", "glue",
        "grafana", "greengrass", "groundstation", "guardduty", "health", "healthlake", "iam", "identitystore",
        "imagebuilder", "inspector", "inspector2", "iot", "iotanalytics", "iotevents", "iotsitewise", "ivs", "kafka",
        "kendra", "kinesis", "kinesisanalytics", "kinesisvideo", "kms", "lakeformation", "lambda", "lex", "license-manager",
        "lightsail", "logs", "lookoutvision", "macie2", "managedblockchain", "mediaconnect", "mediaconvert", "medialive",
        "mediapackage", "mediastore", "memorydb", "mgh", "mobiletargeting", "mq", "network-firewall", "networkmanager",
        "nimble", "oam", "opsworks", "organizations", "outposts", "personalize", "pi", "pipes", "polly", "pricing",
        "proton", "qldb", "quicksight", "ram", "rds", "redshift", "redshift-serverless", "rekognition", "resource-explorer-2",
        "resource-groups", "robomaker", "route53", "route53domains", "route53resolver", "rum", "s3", "sagemaker",
        "savingsplans", "scheduler", "schemas", "sdb", "secretsmanager", "securityhub", "serverlessrepo", "servicecatalog",
        "servicequotas", "ses", "shield", "signer", "sns", "sqs", "ssm", "ssm-incidents", "sso", "states", "storagegateway",
        "sts", "support", "swf", "synthetics", "tag", "textract", "timestream", "transcribe", "transfer", "translate",
        "trustedadvisor", "waf", "waf-regional", "wafv2", "wellarchitected", "workdocs", "worklink", "workmail",
        "workspaces", "xray",
    ]

    /// Writes `DIR/inventory.json` and `DIR/gaad/<account>.json`.
    public func write(to directory: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory + "/gaad", withIntermediateDirectories: true)
        try Data(CompactJSON.write(nativeInventory())).write(to: URL(fileURLWithPath: directory + "/inventory.json"))
        var rolesOf: [String: [Principal]] = [:], usersOf: [String: [Principal]] = [:]
        for r in roles { rolesOf[r.account, default: []].append(r) }
        for u in users { usersOf[u.account, default: []].append(u) }
        // The dumps are independent: two workers, interleaved over the accounts, each with its own policy texts.
        let parts = min(2, accounts.count)
        let (org, byRole, byUser) = (self, rolesOf, usersOf)
        let failures = ParallelResults<Error?>.run(parts) { p in
            var policies: [String: ManagedPolicyText] = [:]
            for i in stride(from: p, to: org.accounts.count, by: parts) {
                let id = org.accounts[i].id
                let dump = org.authorizationDetailsText(roles: byRole[id] ?? [], users: byUser[id] ?? [], policies: &policies)
                do {
                    try Data(dump).write(to: URL(fileURLWithPath: directory + "/gaad/\(id).json"))
                } catch {
                    return error
                }
            }
            return nil
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
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
