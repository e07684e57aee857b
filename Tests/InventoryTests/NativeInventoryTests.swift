import Inventory
import Testing

/// The native format (spec/inventory.md, version 1): every field, in YAML and JSON.
@Suite("native inventory")
struct NativeInventoryTests {
    static let yaml = """
        version: 1
        name: Acme production estate
        organization:
          id: o-a1b2c3d4e5
          managementAccount: "999999999999"
          scps:
            - name: DenyLeavingOrg
              targets: ["root"]
              document: {Version: "2012-10-17", Statement: [{Effect: Deny, Action: "organizations:LeaveOrganization", Resource: "*"}]}
          rcps:
            - name: OnlyOrgMayAssume
              targets: ["111111111111"]
              document: {Version: "2012-10-17", Statement: [{Effect: Deny, Principal: "*", Action: "sts:AssumeRole", Resource: "*"}]}
          units:
            - id: ou-prod
              name: Production
              accounts: ["111111111111"]
        accounts:
          - id: "111111111111"
            name: prod
            tags: {env: prod}
            expectedSourceCidrs: ["203.0.113.0/24"]
          - id: "222222222222"
            name: acme-vendor
            inOrganization: false
            thirdParty: true
        roles:
          - arn: arn:aws:iam::111111111111:role/Audit
            uniqueId: AROAEXAMPLE000000001
            description: Read-only audit role for Acme's vendor
            trustPolicy: {Version: "2012-10-17", Statement: [{Sid: VendorAudit, Effect: Allow, Principal: {AWS: "arn:aws:iam::222222222222:root"}, Action: "sts:AssumeRole", Condition: {StringEquals: {"sts:ExternalId": "abcdefghijklmnopqrstuvwx"}}}]}
            policies:
              - name: SecurityAudit
                arn: arn:aws:iam::aws:policy/SecurityAudit
              - name: inline-read
                document: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "s3:GetObject", Resource: "*"}]}
            permissionsBoundary: {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
            maxSessionDuration: 7200
            tags: {owner: secops}
            lastUsed: 2026-10-01T00:00:00Z
            createdAt: 2024-01-15T00:00:00Z
          - account: "111111111111"
            name: Deploy
            path: /ci/
            trustPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}'
            lastUsed: never
        users:
          - arn: arn:aws:iam::111111111111:user/alice
            uniqueId: AIDAEXAMPLE000000001
            policies:
              - name: AdministratorAccess
            groups: [admins]
            mfaDevices: 1
            tags: {team: platform}
        samlProviders: ["arn:aws:iam::111111111111:saml-provider/Okta"]
        oidcProviders: ["arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"]
        """

    @Test("every field of the format loads")
    func everyField() throws {
        let report = InventoryLoader.load(text: Self.yaml, fileName: "estate.yaml")
        #expect(report.errors.isEmpty)
        #expect(report.warnings.isEmpty)
        let inv = report.inventory
        #expect(inv.name == "Acme production estate")
        let org = try #require(inv.organization)
        #expect(org.id == "o-a1b2c3d4e5")
        #expect(org.managementAccount == "999999999999")
        #expect(org.scps.map(\.name) == ["DenyLeavingOrg"])
        #expect(org.scps.first?.targets == ["root"])
        #expect(org.rcps.map(\.targets) == [["111111111111"]])
        #expect(org.units == [OrganizationalUnit(id: "ou-prod", name: "Production", accounts: ["111111111111"])])

        #expect(inv.accounts.map(\.id) == ["111111111111", "222222222222", "999999999999"])
        let prod = inv.accounts[0]
        #expect(prod.name == "prod" && prod.tags == ["env": "prod"] && prod.expectedSourceCidrs == ["203.0.113.0/24"])
        #expect(prod.inOrganization, "inOrganization defaults to true when an organization is given")
        #expect(prod.ou == "ou-prod")
        #expect(!inv.accounts[1].inOrganization && inv.accounts[1].thirdParty)
        #expect(!inv.accounts[2].isListed && inv.accounts[2].inOrganization, "the management account is referenced, not listed")

        #expect(inv.roles.map(\.arn) == ["arn:aws:iam::111111111111:role/Audit", "arn:aws:iam::111111111111:role/ci/Deploy"])
        let audit = inv.roles[0]
        #expect(audit.uniqueId == "AROAEXAMPLE000000001")
        #expect(audit.description == "Read-only audit role for Acme's vendor")
        #expect(audit.trustPolicy.statements.first?.sid == "VendorAudit")
        #expect(audit.trustPolicy.statements.first?.conditions.first?.values == ["abcdefghijklmnopqrstuvwx"])
        #expect(audit.policies.map(\.name) == ["SecurityAudit", "inline-read"])
        #expect(audit.policies[0].document != nil, "SecurityAudit comes from the bundled AWS managed policies")
        #expect(audit.permissionsBoundary?.document?.statements.count == 1)
        #expect(audit.maxSessionDuration == 7200)
        #expect(audit.tags == ["owner": "secops"])
        #expect(audit.lastUsed == .at(epochSeconds: IAMDate.parse("2026-10-01T00:00:00Z")!))
        #expect(audit.createdAt == IAMDate.parse("2024-01-15T00:00:00Z"))
        let deploy = inv.roles[1]
        #expect(deploy.path == "/ci/" && deploy.name == "Deploy" && deploy.lastUsed == .never)
        #expect(deploy.maxSessionDuration == 3600)
        #expect(deploy.trustPolicy.statements.first?.principal?.values(ofType: "Federated") == ["arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"])

        let alice = try #require(inv.users.first)
        #expect(alice.policies.first?.arn == "arn:aws:iam::aws:policy/AdministratorAccess")
        #expect(alice.policies.first?.document?.statements.first?.actions == ["*"])
        #expect(alice.groups == ["admins"] && alice.mfaDevices == 1 && alice.tags == ["team": "platform"])
        #expect(inv.samlProviders == ["arn:aws:iam::111111111111:saml-provider/Okta"])
        #expect(inv.oidcProviders.count == 1)
    }

    @Test("the same inventory in JSON gives the same result")
    func jsonEqualsYAML() {
        let json = """
            {"version": 1, "accounts": [{"id": "111111111111", "name": "prod", "tags": {"env": "prod"}}],
             "roles": [{"arn": "arn:aws:iam::111111111111:role/Audit", "maxSessionDuration": 7200,
                        "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "222222222222"}, "Action": "sts:AssumeRole"}]}}]}
            """
        let yaml = """
            version: 1
            accounts:
              - {id: "111111111111", name: prod, tags: {env: prod}}
            roles:
              - arn: arn:aws:iam::111111111111:role/Audit
                maxSessionDuration: 7200
                trustPolicy:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Principal: {AWS: "222222222222"}
                      Action: sts:AssumeRole
            """
        let a = InventoryLoader.load(text: json, fileName: "a.json").inventory
        let b = InventoryLoader.load(text: yaml, fileName: "b.yaml").inventory
        #expect(a.accounts == b.accounts)
        #expect(a.roles == b.roles)
    }

    @Test("a quoted number stays text: a quoted account id is an id, a quoted tag value a string")
    func quotedScalars() {
        let yaml = """
            version: 1
            accounts:
              - id: "012345678901"
                tags: {cost-centre: "0042"}
            """
        let inv = InventoryLoader.load(text: yaml, fileName: "q.yaml").inventory
        #expect(inv.accounts.first?.id == "012345678901")
        #expect(inv.accounts.first?.tags == ["cost-centre": "0042"])
    }

    @Test("a file without version 1 is skipped with a hint when it looks like an inventory")
    func noVersion() {
        let report = InventoryLoader.load(text: "accounts: []\n", fileName: "x.yaml")
        #expect(report.isUsable)
        #expect(report.files.map(\.status) == [.skipped])
        #expect(report.warnings.first?.message == "this looks like a trustmap inventory but has no 'version: 1' at the top; add it to load the file (skipped)")
    }

    @Test("the embedded demo loads without errors")
    func demo() {
        let report = InventoryLoader.loadDemo()
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.files.map(\.path) == [DemoInventory.fileName])
    }
}

@Suite("Hostile text in inventories")
struct HostileInventoryTextTests {
    @Test("an ARN with control characters loads with a warning that shows it escaped")
    func controlCharactersInARN() {
        let report = InventoryLoader.load(text: #"""
            version: 1
            accounts: [{ id: "111111111111", name: prod }]
            roles:
              - arn: "arn:aws:iam::111111111111:role/x\e[2J\e[HNo findings.\e[8m"
                trustPolicy: {"Version":"2012-10-17","Statement":[]}
              - { account: "111111111111", name: "rtl\u202Eexe", trustPolicy: {"Version":"2012-10-17","Statement":[]} }
            """#, fileName: "hostile.yaml")
        #expect(report.isUsable)
        #expect(report.inventory.roles.count == 2)
        let warnings = report.warnings.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("hostile.yaml:4:") && $0.contains(#"role/x\e[2J\e[HNo findings.\e[8m"#) && $0.contains("control or bidi") })
        #expect(warnings.contains { $0.contains(#"role/rtl\u202eexe"#) })
        #expect(!warnings.joined().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    }

    @Test("a 400-digit number is out of range, at its position")
    func hugeNumber() {
        let huge = String(repeating: "9", count: 400)
        let report = InventoryLoader.load(text: """
            version: 1
            accounts: [{ id: "111111111111", name: prod }]
            roles:
              - arn: arn:aws:iam::111111111111:role/A
                maxSessionDuration: \(huge)
                trustPolicy: {"Version":"2012-10-17","Statement":[]}
            """, fileName: "huge.yaml")
        let error = report.errors.first { $0.field?.hasSuffix("maxSessionDuration") == true }
        #expect(error?.line == 5)
        #expect(error?.message.contains("out of range") == true)
        #expect(error?.message.contains("(400 digits)") == true)
        #expect(error.map { $0.message.count < 200 } == true)
    }
}
