import Inventory
import Testing

/// Two files about the same things: the later wins field by field, and a warning names both.
@Suite("merging files")
struct MergeTests {
    static let trustA = #"{Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "222222222222"}, Action: "sts:AssumeRole"}]}"#
    static let trustB = #"{Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {AWS: "333333333333"}, Action: "sts:AssumeRole"}]}"#

    @Test("the later file wins the fields it gives; fields it leaves out are kept; a warning names both files")
    func fieldByField() throws {
        let first = """
            version: 1
            roles:
              - arn: arn:aws:iam::111111111111:role/Audit
                trustPolicy: \(Self.trustA)
                description: from the first file
                tags: {owner: secops}
            """
        let second = """
            version: 1
            roles:
              - arn: arn:aws:iam::111111111111:role/Audit
                trustPolicy: \(Self.trustB)
                maxSessionDuration: 7200
            """
        let report = InventoryLoader.load(texts: [("first.yaml", first), ("second.yaml", second)])
        let role = try #require(report.inventory.roles.first)
        #expect(report.inventory.roles.count == 1)
        #expect(role.trustPolicy.statements.first?.principal?.values(ofType: "AWS") == ["333333333333"])
        #expect(role.description == "from the first file")
        #expect(role.tags == ["owner": "secops"])
        #expect(role.maxSessionDuration == 7200)
        #expect(report.warnings == [LoadDiagnostic(
            file: "second.yaml", line: 3, column: 5, field: "roles[0]",
            message: "role arn:aws:iam::111111111111:role/Audit is also described by first.yaml, which differs in trustPolicy; this file (the later one) wins for those fields")])
    }

    @Test("identical descriptions merge with one summary warning per pair of files")
    func identical() {
        let text = """
            version: 1
            roles:
              - arn: arn:aws:iam::111111111111:role/Audit
                trustPolicy: \(Self.trustA)
            users:
              - arn: arn:aws:iam::111111111111:user/alice
            """
        let report = InventoryLoader.load(texts: [("a.yaml", text), ("b.yaml", text)])
        #expect(report.inventory.roles.count == 1 && report.inventory.users.count == 1)
        #expect(report.warnings.map(\.message) == ["1 role and 1 user described here were already described identically by a.yaml; merged"])
    }

    @Test("an account named by two files keeps the union of what they say, the later winning conflicts")
    func accounts() throws {
        let listing = #"{"Accounts": [{"Id": "111111111111", "Name": "Production Account", "Status": "ACTIVE", "Arn": "arn:aws:organizations::999999999999:account/o-exampleorgid/111111111111"}]}"#
        let native = """
            version: 1
            accounts:
              - id: "111111111111"
                name: prod
                tags: {env: prod}
            """
        let report = InventoryLoader.load(texts: [("accounts.json", listing), ("estate.yaml", native)])
        let account = try #require(report.inventory.accounts.first { $0.id == "111111111111" })
        #expect(account.name == "prod")
        #expect(account.status == "ACTIVE")
        #expect(account.tags == ["env": "prod"])
        #expect(account.inOrganization)
        #expect(report.inventory.organization?.id == "o-exampleorgid")
        #expect(report.inventory.organization?.managementAccount == "999999999999")
        #expect(report.warnings.map(\.file) == ["estate.yaml"])
        #expect(report.warnings.first?.message.contains("accounts.json") == true)
    }

    @Test("output is sorted whatever order the files describe things in")
    func sorted() {
        let text = """
            version: 1
            accounts: [{id: "333333333333"}, {id: "111111111111"}]
            roles:
              - {arn: "arn:aws:iam::111111111111:role/Z", trustPolicy: \(Self.trustA)}
              - {arn: "arn:aws:iam::111111111111:role/A", trustPolicy: \(Self.trustA)}
            """
        let inv = InventoryLoader.load(text: text, fileName: "s.yaml").inventory
        #expect(inv.accounts.map(\.id) == ["111111111111", "222222222222", "333333333333"])
        #expect(inv.roles.map(\.name) == ["A", "Z"])
    }
}
