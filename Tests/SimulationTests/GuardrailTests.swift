import Inventory
import Simulation
import PolicyEngine
import Testing

/// assume-role.md §g: SCPs (caller side), RCPs (role side), boundaries (A1) and session policies.
@Suite("SCPs, RCPs, boundaries and session policies (§g)")
struct GuardrailTests {
    static let fullAccess = Fixture.allow("*")
    static func org(scps: [OrganizationPolicy] = [], rcps: [OrganizationPolicy] = [], units: [OrganizationalUnit] = []) -> Organization {
        Organization(id: "o-abc", managementAccount: "999999999999", scps: scps, rcps: rcps, units: units)
    }
    static let accounts = [
        Account(id: Fixture.prod, inOrganization: true, ou: "ou-prod"), Account(id: Fixture.dev, inOrganization: true),
        Account(id: Fixture.vendor, inOrganization: false), Account(id: "999999999999", inOrganization: true),
    ]
    static let roles = [
        Fixture.role("Target", trust: Fixture.trust("{\"AWS\":[\"111111111111\",\"333333333333\",\"222222222222\",\"999999999999\"]}")),
        Fixture.role("Mgmt", account: "999999999999", trust: Fixture.trust("{\"AWS\":\"333333333333\"}")),
        Fixture.role("AWSServiceRoleForX", trust: Fixture.trust("{\"Service\":\"x.amazonaws.com\"}"), policies: [Fixture.allow()], path: "/aws-service-role/x.amazonaws.com/"),
    ]
    static let users = [
        Fixture.user("dev", account: Fixture.dev, policies: [Fixture.allow()]), Fixture.user("admin", account: "999999999999", policies: [Fixture.allow()]),
        Fixture.user("ops", policies: [Fixture.allow()]), Fixture.user("vendor", account: Fixture.vendor, policies: [Fixture.allow()]),
    ]

    static func sim(_ o: Organization) -> Simulator {
        Simulator(inventory: Inventory(organization: o, accounts: accounts, roles: roles.sorted { $0.arn < $1.arn }, users: users.sorted { $0.arn < $1.arn }))
    }

    static let denyAssume = Fixture.allow("sts:AssumeRole", effect: "Deny")

    @Test("an SCP Deny in the caller's account denies, tag scp, not changeable by the caller")
    func scpDeny() {
        let s = Self.sim(Self.org(scps: [OrganizationPolicy(name: "NoAssume", targets: [Fixture.dev], document: Self.denyAssume)]))
        let r = s.simulate(Fixture.request(Fixture.userArn("dev", account: Fixture.dev), Fixture.roleArn("Target")))
        #expect(r.decision == .denied && Fixture.tag(r) == "scp" && r.isExplicitDeny)
        #expect(r.hints.contains { $0.changer == .organization })
    }

    @Test("SCPs attached to the role's account do not restrict a caller from another account")
    func scpRoleSideIgnored() {
        let s = Self.sim(Self.org(scps: [OrganizationPolicy(name: "NoAssume", targets: [Fixture.prod], document: Self.denyAssume)]))
        #expect(s.simulate(Fixture.request(Fixture.userArn("dev", account: Fixture.dev), Fixture.roleArn("Target"))).decision == .allowed)
    }

    @Test("SCPs do not restrict the management account, outsiders, or service-linked roles")
    func scpExemptions() {
        let s = Self.sim(Self.org(scps: [OrganizationPolicy(name: "NoAssume", targets: ["root"], document: Self.denyAssume)]))
        #expect(s.simulate(Fixture.request(Fixture.userArn("admin", account: "999999999999"), Fixture.roleArn("Target"))).decision == .allowed)
        #expect(s.simulate(Fixture.request(Fixture.userArn("vendor", account: Fixture.vendor), Fixture.roleArn("Target"))).decision == .allowed)
        let slr = s.simulate(Fixture.request("arn:aws:sts::111111111111:assumed-role/AWSServiceRoleForX/s", Fixture.roleArn("Target")))
        #expect(slr.steps.first { $0.kind == .scp }?.outcome == .notApplicable)
        #expect(s.simulate(Fixture.request(Fixture.userArn("ops"), Fixture.roleArn("Target"))).decision == .denied)
    }

    @Test("every SCP level must allow: an allow-list level without sts:AssumeRole denies implicitly")
    func scpLevels() {
        let s3Only = Fixture.allow("s3:*")
        let s = Self.sim(Self.org(scps: [OrganizationPolicy(name: "FullAWSAccess", targets: ["root"], document: Self.fullAccess), OrganizationPolicy(name: "S3Only", targets: ["ou-prod"], document: s3Only)]))
        let r = s.simulate(Fixture.request(Fixture.userArn("ops"), Fixture.roleArn("Target")))
        #expect(r.decision == .denied && Fixture.tag(r) == "scp" && !r.isExplicitDeny)
        #expect(r.reason.contains("ou-prod"))
    }

    @Test("FullAWSAccess convention: a level without SCPs, or with only Deny statements, allows implicitly")
    func fullAccessConvention() {
        let denyS3 = Fixture.allow("s3:*", effect: "Deny")
        let s = Self.sim(Self.org(scps: [OrganizationPolicy(name: "DenyS3", targets: ["ou-prod"], document: denyS3)]))
        let r = s.simulate(Fixture.request(Fixture.userArn("ops"), Fixture.roleArn("Target")))
        #expect(r.decision == .allowed)
        #expect(r.steps.contains { $0.policies.contains { $0.name.hasPrefix("FullAWSAccess") } })
    }

    @Test("OUs resolve through organization.units and parents")
    func ouTree() {
        let units = [OrganizationalUnit(id: "ou-parent"), OrganizationalUnit(id: "ou-child", parent: "ou-parent", accounts: [Fixture.dev])]
        let s = Self.sim(Self.org(scps: [OrganizationPolicy(name: "NoAssume", targets: ["ou-parent"], document: Self.denyAssume)], units: units))
        #expect(Fixture.tag(s.simulate(Fixture.request(Fixture.userArn("dev", account: Fixture.dev), Fixture.roleArn("Target")))) == "scp")
    }

    @Test("an RCP Deny on the role's account denies every caller, outsiders and services included, tag rcp")
    func rcpDeny() {
        let onlyOrg = Fixture.doc(#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-abc"},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}]}"#)
        let s = Self.sim(Self.org(rcps: [OrganizationPolicy(name: "OnlyOrg", targets: ["root"], document: onlyOrg)]))
        let r = s.simulate(Fixture.request(Fixture.userArn("vendor", account: Fixture.vendor), Fixture.roleArn("Target")))
        #expect(r.decision == .denied && Fixture.tag(r) == "rcp")
        #expect(s.simulate(Fixture.request(Fixture.userArn("dev", account: Fixture.dev), Fixture.roleArn("Target"))).decision == .allowed)
        #expect(s.simulate(Fixture.request("222222222222", Fixture.roleArn("Target"))).decision == .denied)
    }

    @Test("RCPs do not apply to roles in the management account")
    func rcpManagement() {
        let s = Self.sim(Self.org(rcps: [OrganizationPolicy(name: "DenyAll", targets: ["root"], document: Fixture.doc(#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}"#))]))
        #expect(s.simulate(Fixture.request(Fixture.userArn("dev", account: Fixture.dev), Fixture.roleArn("Mgmt", account: "999999999999"))).decision == .allowed)
    }

    @Test("the caller's boundary must allow even when the trust names the caller directly (A1)")
    func boundaryDirectTrust() {
        let inv = Fixture.inventory(roles: [Fixture.role("R", trust: Fixture.trust("{\"AWS\":\"arn:aws:iam::111111111111:user/alice\"}"))],
                                    users: [Fixture.user("alice", boundary: Fixture.allow("s3:*"))])
        let r = Simulator(inventory: inv).simulate(Fixture.request(Fixture.userArn("alice"), Fixture.roleArn("R")))
        #expect(r.decision == .denied && Fixture.tag(r) == "permissions-boundary")
        let ok = Fixture.inventory(roles: [Fixture.role("R", trust: Fixture.trust("{\"AWS\":\"arn:aws:iam::111111111111:user/alice\"}"))],
                                   users: [Fixture.user("alice", boundary: Fixture.allow("sts:*"))])
        #expect(Simulator(inventory: ok).simulate(Fixture.request(Fixture.userArn("alice"), Fixture.roleArn("R"))).decision == .allowed)
    }

    @Test("a Deny in the boundary is explicit")
    func boundaryDeny() {
        let inv = Fixture.inventory(roles: [Fixture.role("R", trust: Fixture.trust("{\"AWS\":\"111111111111\"}"))],
                                    users: [Fixture.user("alice", policies: [Fixture.allow()], boundary: Fixture.doc(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]}"#))])
        let r = Simulator(inventory: inv).simulate(Fixture.request(Fixture.userArn("alice"), Fixture.roleArn("R")))
        #expect(Fixture.tag(r) == "permissions-boundary" && r.isExplicitDeny)
    }

    @Test("the calling session's policy must allow; the policy passed in this call never changes the decision")
    func sessionPolicies() {
        let inv = Fixture.inventory(roles: [Fixture.role("Ops", trust: Fixture.trust("{\"Service\":\"ec2.amazonaws.com\"}"), policies: [Fixture.allow()]),
                                            Fixture.role("R", trust: Fixture.trust("{\"AWS\":\"arn:aws:iam::111111111111:role/Ops\"}"))])
        let s = Simulator(inventory: inv)
        let caller = "arn:aws:sts::111111111111:assumed-role/Ops/i-123"
        #expect(s.simulate(Fixture.request(caller, Fixture.roleArn("R"))).decision == .allowed)
        let limited = s.simulate(Fixture.request(caller, Fixture.roleArn("R")) { $0.sessionPolicy = Fixture.allow("s3:*") })
        #expect(limited.decision == .denied && Fixture.tag(limited) == "session-policy")
        let denying = s.simulate(Fixture.request(caller, Fixture.roleArn("R")) { $0.sessionPolicy = Fixture.allow("*", effect: "Deny") })
        #expect(Fixture.tag(denying) == "session-policy" && denying.isExplicitDeny)
        let passed = s.simulate(Fixture.request(caller, Fixture.roleArn("R")) { $0.policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"# })
        #expect(passed.decision == .allowed)
    }

    @Test("explicit denies are reported in the order SCP, RCP, trust, identity, boundary, session")
    func denyOrder() {
        let denyAll = Fixture.doc(#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}"#)
        let inv = Inventory(organization: Self.org(scps: [OrganizationPolicy(name: "NoAssume", targets: ["root"], document: Self.denyAssume)], rcps: [OrganizationPolicy(name: "DenyAll", targets: ["root"], document: denyAll)]),
                            accounts: Self.accounts,
                            roles: [Fixture.role("R", trust: Fixture.doc(#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#))],
                            users: [Fixture.user("alice", policies: [Fixture.allow(effect: "Deny")])])
        let r = Simulator(inventory: inv).simulate(Fixture.request(Fixture.userArn("alice"), Fixture.roleArn("R")))
        #expect(Fixture.tag(r) == "scp")
        #expect(r.steps.filter { $0.outcome == .deny }.map(\.kind) == [.scp, .rcp, .trustPolicy, .identityPolicy])
    }
}
