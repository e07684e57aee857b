import Inventory
import PolicyEngine
import Testing

/// `get-account-authorization-details` dumps, in small inline fixtures shaped as AWS returns them.
@Suite("authorization-details dumps")
struct AuthorizationDetailsTests {
    static let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole"}]}"#

    static func dump(trust: String = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222222222222:root\"},\"Action\":\"sts:AssumeRole\"}]}") -> String {
        """
        {"RoleDetailList": [{
            "Path": "/", "RoleName": "Audit", "RoleId": "AROAEXAMPLE", "Arn": "arn:aws:iam::111111111111:role/Audit",
            "CreateDate": "2022-08-07 12:55:43+00:00", "AssumeRolePolicyDocument": \(trust),
            "RolePolicyList": [{"PolicyName": "inline", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}}],
            "AttachedManagedPolicies": [{"PolicyName": "Local", "PolicyArn": "arn:aws:iam::111111111111:policy/Local"},
                                        {"PolicyName": "SecurityAudit", "PolicyArn": "arn:aws:iam::aws:policy/SecurityAudit"}],
            "Tags": [{"Key": "owner", "Value": "secops"}], "RoleLastUsed": {}, "MaxSessionDuration": 7200}],
         "UserDetailList": [{"UserName": "alice", "Arn": "arn:aws:iam::111111111111:user/alice", "Path": "/", "UserId": "AIDAEXAMPLE",
            "GroupList": ["admins"], "UserPolicyList": [], "AttachedManagedPolicies": []}],
         "GroupDetailList": [{"GroupName": "admins", "Arn": "arn:aws:iam::111111111111:group/admins", "Path": "/",
            "GroupPolicyList": [{"PolicyName": "g-inline", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}}],
            "AttachedManagedPolicies": [{"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}]}],
         "Policies": [{"PolicyName": "Local", "Arn": "arn:aws:iam::111111111111:policy/Local", "DefaultVersionId": "v2",
            "PolicyVersionList": [
              {"VersionId": "v1", "IsDefaultVersion": false, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}},
              {"VersionId": "v2", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}}]}]}
        """
    }

    @Test("a role keeps its trust policy, inline policy and managed policies resolved from the default version")
    func role() throws {
        let report = InventoryLoader.load(text: Self.dump(), fileName: "prod.json")
        #expect(report.errors.isEmpty)
        #expect(report.warnings.isEmpty)
        let role = try #require(report.inventory.roles.first)
        #expect(role.arn == "arn:aws:iam::111111111111:role/Audit")
        #expect(role.trustPolicy.statements.first?.principal?.values(ofType: "AWS") == ["arn:aws:iam::222222222222:root"])
        #expect(role.policies.map(\.name) == ["inline", "Local", "SecurityAudit"])
        #expect(role.policies.map(\.origin) == ["inline", "managed", "managed"])
        // v2 is the default version: the Deny, not v1's Allow *.
        #expect(role.policies[1].document?.statements.first?.effect == .deny)
        // SecurityAudit is not in the dump: the bundled copy stands in.
        #expect(role.policies[2].document?.statements.isEmpty == false)
        #expect(role.tags == ["owner": "secops"])
        #expect(role.lastUsed == .never)
        #expect(role.maxSessionDuration == 7200)
        #expect(role.createdAt == IAMDate.parse("2022-08-07T12:55:43Z"))
    }

    @Test("a user receives its groups' inline and managed policies, each marked with the group")
    func userGroups() throws {
        let report = InventoryLoader.load(text: Self.dump(), fileName: "prod.json")
        let alice = try #require(report.inventory.users.first)
        #expect(alice.groups == ["admins"])
        #expect(alice.policies.map(\.name) == ["g-inline", "AdministratorAccess"])
        #expect(alice.policies.map(\.origin) == ["group:admins", "group:admins"])
        #expect(alice.policies[1].document?.statements.first?.actions == ["*"])
        #expect(report.inventory.groupCount == 1)
    }

    @Test("a trust policy as a JSON string or URL-encoded string reads the same as the object")
    func encodedDocuments() throws {
        let plain = try #require(InventoryLoader.load(text: Self.dump(), fileName: "a.json").inventory.roles.first)
        var quoted = ""
        JSONWriter.writeString(Self.trust, into: &quoted)
        let fromString = try #require(InventoryLoader.load(text: Self.dump(trust: quoted), fileName: "b.json").inventory.roles.first)
        var encoded = ""
        for byte in Self.trust.utf8 {
            let unreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "-._~".utf8.contains(byte)
            encoded += unreserved ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
        let fromEncoded = try #require(InventoryLoader.load(text: Self.dump(trust: "\"\(encoded)\""), fileName: "c.json").inventory.roles.first)
        #expect(fromString.trustPolicy == plain.trustPolicy)
        #expect(fromEncoded.trustPolicy == plain.trustPolicy)
    }

    @Test("an AWS managed policy neither in the dump nor bundled stays unknown, with one warning saying what cannot be judged")
    func unknownManaged() throws {
        let text = """
            {"RoleDetailList": [
              {"Arn": "arn:aws:iam::111111111111:role/A", "AssumeRolePolicyDocument": \(Self.trust),
               "AttachedManagedPolicies": [{"PolicyName": "AmazonS3FullAccess", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"}]},
              {"Arn": "arn:aws:iam::111111111111:role/B", "AssumeRolePolicyDocument": \(Self.trust),
               "AttachedManagedPolicies": [{"PolicyName": "AmazonS3FullAccess", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"}]}]}
            """
        let report = InventoryLoader.load(text: text, fileName: "d.json")
        #expect(report.isUsable)
        #expect(report.inventory.roles.allSatisfy { $0.policies.first?.document == nil && $0.policies.first?.arn == "arn:aws:iam::aws:policy/AmazonS3FullAccess" })
        #expect(report.warnings == [LoadDiagnostic(
            file: "d.json", line: 3, column: 32, field: "RoleDetailList[0].AttachedManagedPolicies[0]",
            message: "AWS managed policy arn:aws:iam::aws:policy/AmazonS3FullAccess is attached to 2 roles but no input includes its document and trustmap does not bundle it; what it allows cannot be judged (for example whether its holders may call sts:AssumeRole) — include the dump's Policies or a native policy document")])
    }

    @Test("a managed policy missing from one dump is resolved from another dump's Policies")
    func crossFile() throws {
        let a = """
            {"RoleDetailList": [{"Arn": "arn:aws:iam::111111111111:role/A", "AssumeRolePolicyDocument": \(Self.trust),
              "AttachedManagedPolicies": [{"PolicyName": "AmazonS3FullAccess", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"}]}]}
            """
        let b = """
            {"RoleDetailList": [], "Policies": [{"Arn": "arn:aws:iam::aws:policy/AmazonS3FullAccess", "DefaultVersionId": "v1",
              "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true, "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}}]}]}
            """
        let report = InventoryLoader.load(texts: [("a.json", a), ("b.json", b)])
        #expect(report.warnings.isEmpty)
        #expect(report.inventory.roles.first?.policies.first?.document?.statements.first?.actions == ["s3:*"])
    }

    @Test("AWS's own CLI example shape — an object where a list belongs — loads with a precise warning")
    func objectForList() throws {
        let text = """
            {"GroupDetailList": [{"GroupName": "Admins", "Arn": "arn:aws:iam::111111111111:group/Admins",
              "AttachedManagedPolicies": {"PolicyName": "AdministratorAccess", "PolicyArn": "arn:aws:iam::aws:policy/AdministratorAccess"},
              "GroupPolicyList": []}],
             "UserDetailList": [{"UserName": "Alice", "Arn": "arn:aws:iam::111111111111:user/Alice", "GroupList": ["Admins"]}]}
            """
        let report = InventoryLoader.load(text: text, fileName: "e.json")
        #expect(report.isUsable)
        #expect(report.warnings == [LoadDiagnostic(
            file: "e.json", line: 2, column: 30, field: "GroupDetailList[0].AttachedManagedPolicies",
            message: "expected a list of {PolicyName, PolicyArn} objects, found a single object; read as a list of one (this is off-schema: AWS returns a list here)")])
        #expect(report.inventory.users.first?.policies.map(\.name) == ["AdministratorAccess"])
    }

    @Test("a user whose ARN names the account 'aws' is placed in the dump's only account, with a warning")
    func awsPseudoAccount() throws {
        let text = """
            {"RoleDetailList": [{"Arn": "arn:aws:iam::123456789012:role/R", "AssumeRolePolicyDocument": \(Self.trust)}],
             "UserDetailList": [{"UserName": "USER", "Arn": "arn:aws:iam::aws:user/USER"}]}
            """
        let report = InventoryLoader.load(text: text, fileName: "f.json")
        #expect(report.isUsable)
        #expect(report.inventory.users.map(\.arn) == ["arn:aws:iam::123456789012:user/USER"])
        #expect(report.warnings.map(\.field) == ["UserDetailList[0].Arn"])
    }

    @Test("accounts named only in trust policies become unknown accounts; owners are known")
    func unknownAccounts() {
        let inventory = InventoryLoader.load(text: Self.dump(), fileName: "prod.json").inventory
        #expect(inventory.accounts.map(\.id) == ["111111111111", "222222222222"])
        #expect(inventory.accounts.map(\.isListed) == [true, false])
    }

    @Test("a truncated dump says so")
    func truncated() {
        let report = InventoryLoader.load(text: #"{"RoleDetailList": [], "IsTruncated": true, "Marker": "x"}"#, fileName: "g.json")
        #expect(report.isUsable)
        #expect(report.warnings.map(\.field) == ["IsTruncated"])
    }

    @Test("several accounts' dumps in one file (a list of dumps) load together")
    func listOfDumps() {
        let text = """
            [{"RoleDetailList": [{"Arn": "arn:aws:iam::111111111111:role/A", "AssumeRolePolicyDocument": \(Self.trust)}]},
             {"RoleDetailList": [{"Arn": "arn:aws:iam::333333333333:role/B", "AssumeRolePolicyDocument": \(Self.trust)}]}]
            """
        let report = InventoryLoader.load(text: text, fileName: "many.json")
        #expect(report.files.map(\.kind) == ["aws-authorization-details"])
        #expect(report.inventory.roles.map(\.arn) == ["arn:aws:iam::111111111111:role/A", "arn:aws:iam::333333333333:role/B"])
    }
}

extension String {
    func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
