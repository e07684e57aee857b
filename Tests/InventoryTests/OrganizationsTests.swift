import Inventory
import Testing

/// Organizations CLI output, as in the AWS CLI documentation examples.
@Suite("AWS Organizations exports")
struct OrganizationsTests {
    static let describeOrganization = #"{"Organization": {"Id": "o-exampleorgid", "MasterAccountId": "111111111111", "Arn": "arn:aws:organizations::111111111111:organization/o-exampleorgid"}}"#
    static let listAccounts = """
        {"Accounts": [
          {"Id": "111111111111", "Name": "Master Account", "Status": "ACTIVE", "Arn": "arn:aws:organizations::111111111111:account/o-exampleorgid/111111111111"},
          {"Id": "222222222222", "Name": "Production Account", "State": "SUSPENDED", "Status": "ACTIVE",
           "Paths": ["o-exampleorgid/r-examplerootid111/ou-examplerootid111-exampleouid111/222222222222/"],
           "Arn": "arn:aws:organizations::111111111111:account/o-exampleorgid/222222222222"}]}
        """
    static let units = """
        {"OrganizationalUnits": [
          {"Name": "AccountingDepartment", "Id": "ou-examplerootid111-exampleouid111", "Path": "o-exampleorgid/r-examplerootid111/ou-examplerootid111-exampleouid111/"},
          {"Name": "Payables", "Id": "ou-examplerootid111-exampleouid222", "Path": "o-exampleorgid/r-examplerootid111/ou-examplerootid111-exampleouid111/ou-examplerootid111-exampleouid222/"}]}
        """
    static let describePolicy = """
        {"Policy": {"Content": "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Effect\\": \\"Deny\\", \\"Action\\": \\"organizations:LeaveOrganization\\", \\"Resource\\": \\"*\\"}]}",
                    "PolicySummary": {"Id": "p-examplepolicyid111", "Name": "DenyLeaving", "Type": "SERVICE_CONTROL_POLICY",
                                      "Arn": "arn:aws:organizations::111111111111:policy/o-exampleorgid/service_control_policy/p-examplepolicyid111"}},
         "Targets": [{"TargetId": "r-examplerootid111", "Type": "ROOT"}, {"TargetId": "222222222222", "Type": "ACCOUNT"}]}
        """

    @Test("accounts, organization, OUs and an SCP with targets combine into one organization")
    func combined() throws {
        let report = InventoryLoader.load(texts: [
            ("describe-organization.json", Self.describeOrganization), ("list-accounts.json", Self.listAccounts),
            ("ous.json", Self.units), ("scp.json", Self.describePolicy),
        ])
        #expect(report.errors.isEmpty)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let org = try #require(report.inventory.organization)
        #expect(org.id == "o-exampleorgid" && org.managementAccount == "111111111111")
        #expect(org.units.map(\.id) == ["ou-examplerootid111-exampleouid111", "ou-examplerootid111-exampleouid222"])
        #expect(org.units.map(\.parent) == [nil, "ou-examplerootid111-exampleouid111"])
        let scp = try #require(org.scps.first)
        #expect(scp.name == "DenyLeaving" && scp.id == "p-examplepolicyid111")
        #expect(scp.targets == ["r-examplerootid111", "222222222222"])
        #expect(scp.document.statements.first?.effect == .deny, "Content arrives as a JSON string")
        let production = try #require(report.inventory.accounts.first { $0.id == "222222222222" })
        #expect(production.name == "Production Account" && production.inOrganization)
        #expect(production.status == "SUSPENDED", "State (the newer field) is preferred to Status")
        #expect(production.ou == "ou-examplerootid111-exampleouid111")
        #expect(report.files.map(\.kind) == ["organizations-organization", "organizations-accounts", "organizations-units", "organizations-policy"])
    }

    @Test("list-policies alone names SCPs without content: the AWS managed FullAWSAccess is known, others are left out with a warning")
    func listPolicies() throws {
        let text = """
            {"Policies": [
              {"Type": "SERVICE_CONTROL_POLICY", "Name": "AllowAllEC2Actions", "AwsManaged": false, "Id": "p-examplepolicyid222"},
              {"Type": "SERVICE_CONTROL_POLICY", "Name": "FullAWSAccess", "AwsManaged": true, "Id": "p-FullAWSAccess"}]}
            """
        let report = InventoryLoader.load(text: text, fileName: "list-policies.json")
        let org = try #require(report.inventory.organization)
        #expect(org.scps.map(\.name) == ["FullAWSAccess"])
        #expect(report.warnings.map(\.field) == ["Policies[0]", "Policies[1]", nil])
        #expect(report.warnings[1].message == "SCP 'FullAWSAccess' comes without targets, so it applies to no account; add `Targets` (list-targets-for-policy output) beside `Policy` in this file")
        #expect(report.warnings[2].message == "the inputs describe parts of an organization but none gives its id (describe-organization output would); shown as o-unknown")
        #expect(report.warnings[0].message == "SCP 'AllowAllEC2Actions' (p-examplepolicyid222) is listed without its content; it is left out — add the output of `aws organizations describe-policy --policy-id p-examplepolicyid222` to use it")
    }

    @Test("an organization tree with attached policies gives OUs, members and SCP targets")
    func tree() throws {
        let text = """
            {"Id": "r-abcd", "Arn": "arn:aws:organizations::023456789012:root/o-abcdefghij/r-abcd", "Name": "Root",
             "Policies": [{"Id": "p-FullAWSAccess", "Name": "FullAWSAccess", "Type": "SERVICE_CONTROL_POLICY",
                           "Content": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}],
             "Children": [{"Id": "ou-abcd-11111111", "Name": "Prod", "Type": "OrganizationalUnit",
                           "Policies": [{"Id": "p-deny", "Name": "deny lambda", "Type": "SERVICE_CONTROL_POLICY",
                                         "Content": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "lambda:*", "Resource": "*"}]}}],
                           "Children": [{"Id": "123456789012", "Name": "prod", "Type": "Account", "Status": "ACTIVE",
                                         "Policies": [{"Id": "p-FullAWSAccess", "Name": "FullAWSAccess", "Type": "SERVICE_CONTROL_POLICY",
                                                       "Content": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]}]}]}
            """
        let report = InventoryLoader.load(text: text, fileName: "tree.json")
        #expect(report.warnings.isEmpty)
        let org = try #require(report.inventory.organization)
        #expect(org.id == "o-abcdefghij")
        #expect(org.scps.map(\.name) == ["FullAWSAccess", "deny lambda"])
        #expect(org.scps.map(\.targets) == [["root", "123456789012"], ["ou-abcd-11111111"]])
        #expect(report.inventory.accounts.first { $0.id == "123456789012" }?.ou == "ou-abcd-11111111")
    }

    @Test("identity provider lists and CloudTrail STS records load")
    func providersAndTrail() {
        let saml = #"{"SAMLProviderList": [{"Arn": "arn:aws:iam::111111111111:saml-provider/Okta", "ValidUntil": "2030-01-01T00:00:00Z"}]}"#
        let oidc = #"{"OpenIDConnectProviderList": [{"Arn": "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"}]}"#
        let trail = """
            {"Records": [
              {"eventSource": "sts.amazonaws.com", "eventName": "AssumeRole", "eventTime": "2014-07-18T15:07:39Z",
               "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::777788889999:user/JohnDoe"},
               "requestParameters": {"roleArn": "arn:aws:iam::111122223333:role/EC2-dev"}, "sourceIPAddress": "192.0.2.101"},
              {"eventSource": "s3.amazonaws.com", "eventName": "DeleteBucket", "eventTime": "2016-11-14T17:25:45Z"}]}
            """
        let report = InventoryLoader.load(texts: [("saml.json", saml), ("oidc.json", oidc), ("trail.json", trail)])
        #expect(report.inventory.samlProviders == ["arn:aws:iam::111111111111:saml-provider/Okta"])
        #expect(report.inventory.oidcProviders == ["arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"])
        #expect(report.inventory.observedEvents == [ObservedEvent(
            eventName: "AssumeRole", eventTime: IAMDate.parse("2014-07-18T15:07:39Z")!, callerArn: "arn:aws:iam::777788889999:user/JohnDoe",
            roleArn: "arn:aws:iam::111122223333:role/EC2-dev", sourceIp: "192.0.2.101")])
    }
}
