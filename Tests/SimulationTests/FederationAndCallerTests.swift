import Inventory
import Simulation
import PolicyEngine
import Testing

/// assume-role.md §B.2 (callers), §B.4 (federation) and §B.7 (unstorable trust policies).
@Suite("callers, federation and storability (§B.2, §B.4, §B.7)")
struct FederationAndCallerTests {
    static let gh = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"
    static let okta = "arn:aws:iam::111111111111:saml-provider/Okta"
    static let ghTrust = Fixture.trust("{\"Federated\":\"\(gh)\"}", action: "\"sts:AssumeRoleWithWebIdentity\"", condition: #"{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/app:*"}}"#)
    static let audOnly = Fixture.trust("{\"Federated\":\"\(gh)\"}", action: "\"sts:AssumeRoleWithWebIdentity\"", condition: #"{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}"#)
    static let inv = Fixture.inventory(
        roles: [
            Fixture.role("Deploy", trust: ghTrust), Fixture.role("Loose", trust: audOnly),
            Fixture.role("AssumeOnly", trust: Fixture.trust("{\"Federated\":\"\(gh)\"}")),
            Fixture.role("Sso", trust: Fixture.trust("{\"Federated\":\"\(okta)\"}", action: "\"sts:AssumeRoleWithSAML\"", condition: #"{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}"#)),
            Fixture.role("Elsewhere", account: Fixture.dev, trust: Fixture.trust("{\"Federated\":\"arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com\"}", action: "\"sts:AssumeRoleWithWebIdentity\"")),
            Fixture.role("Cognito", trust: Fixture.trust("{\"Federated\":\"cognito-identity.amazonaws.com\"}", action: "\"sts:AssumeRoleWithWebIdentity\"", condition: #"{"ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}"#)),
            Fixture.role("Open", trust: Fixture.trust("{\"AWS\":\"*\"}")),
        ],
        users: [Fixture.user("alice", policies: [Fixture.allow()])],
        oidc: [gh], saml: [okta])
    static let sim = Simulator(inventory: inv)

    static func web(_ role: String, account: String = Fixture.prod, sub: String = "repo:acme/app:ref:refs/heads/main", provider: String = "token.actions.githubusercontent.com") -> SimulationResult {
        sim.simulate(Fixture.request(nil, Fixture.roleArn(role, account: account), action: .assumeRoleWithWebIdentity) {
            $0.webIdentity = .init(provider: provider, claims: [.init(key: "sub", value: .single(sub)), .init(key: "aud", value: .single("sts.amazonaws.com")), .init(key: "amr", value: .multi(["authenticated"]))])
        })
    }

    @Test("GitHub Actions: the right repository is allowed, another repository is denied with a hint")
    func github() {
        #expect(Self.web("Deploy").decision == .allowed)
        let other = Self.web("Deploy", sub: "repo:evil/app:ref:refs/heads/main")
        #expect(other.decision == .denied && Fixture.tag(other) == "trust-policy")
        #expect(other.hints.contains { !$0.callerCanMake })
    }

    @Test("a trust that checks only aud lets any repository in, as AWS does")
    func audOnly() { #expect(Self.web("Loose", sub: "repo:anyone/anything:ref:refs/heads/x").decision == .allowed) }

    @Test("a statement that allows only sts:AssumeRole does not allow AssumeRoleWithWebIdentity")
    func separateActions() { #expect(Fixture.tag(Self.web("AssumeOnly")) == "trust-policy") }

    @Test("the OIDC provider must be registered in the role's account, else federation fails")
    func unregisteredProvider() {
        let r = Self.web("Elsewhere", account: Fixture.dev)
        #expect(r.decision == .denied && Fixture.tag(r) == "federation")
    }

    @Test("built-in providers (Cognito) need no IAM provider, and amr is multivalued")
    func cognito() { #expect(Self.web("Cognito", provider: "cognito-identity.amazonaws.com").decision == .allowed) }

    @Test("SAML: a registered provider in the role's account, matched as Federated, with saml:* keys")
    func saml() {
        let ok = Self.sim.simulate(Fixture.request(nil, Fixture.roleArn("Sso"), action: .assumeRoleWithSAML, session: nil) {
            $0.saml = .init(provider: Self.okta, aud: "https://signin.aws.amazon.com/saml", sub: "alice")
        })
        #expect(ok.decision == .allowed)
        #expect(ok.session?.arn.hasSuffix("/Sso/alice") == true)
        let unknown = Self.sim.simulate(Fixture.request(nil, Fixture.roleArn("Sso"), action: .assumeRoleWithSAML, session: nil) {
            $0.saml = .init(provider: "arn:aws:iam::111111111111:saml-provider/Other", aud: "https://signin.aws.amazon.com/saml")
        })
        #expect(Fixture.tag(unknown) == "federation")
    }

    @Test("the root user and federated users cannot call AssumeRole: denied, tag caller")
    func rejectedCallers() {
        #expect(Fixture.tag(Self.sim.simulate(Fixture.request("arn:aws:iam::111111111111:root", Fixture.roleArn("Open")))) == "caller")
        #expect(Fixture.tag(Self.sim.simulate(Fixture.request("arn:aws:sts::111111111111:federated-user/bob", Fixture.roleArn("Open")))) == "caller")
    }

    @Test("a role that is not in the inventory is denied, tag target")
    func missingRole() {
        let r = Self.sim.simulate(Fixture.request(Fixture.userArn("alice"), Fixture.roleArn("Nope")))
        #expect(r.decision == .denied && Fixture.tag(r) == "target")
    }

    @Test("an outsider is assumed to allow on its side (said in words); unknown-denies flips it")
    func outsiders() {
        let r = Self.sim.simulate(Fixture.request("arn:aws:iam::222222222222:user/mallory", Fixture.roleArn("Open")))
        #expect(r.decision == .allowed)
        #expect(r.assumptions.contains { $0.contains("not in the inventory") && $0.contains("worst case") })
        let flipped = Self.sim.simulate(Fixture.request("arn:aws:iam::222222222222:user/mallory", Fixture.roleArn("Open")) { $0.callerPolicies = .unknownDenies })
        #expect(flipped.decision == .denied && Fixture.tag(flipped) == "identity-policy")
    }

    @Test("a bare account ID matches account principals and * only")
    func bareAccount() {
        let inv = Fixture.inventory(roles: [Fixture.role("ByUser", trust: Fixture.trust("{\"AWS\":\"arn:aws:iam::222222222222:user/x\"}")), Fixture.role("ByAccount", trust: Fixture.trust("{\"AWS\":\"222222222222\"}"))])
        let s = Simulator(inventory: inv)
        #expect(s.simulate(Fixture.request(Fixture.vendor, Fixture.roleArn("ByUser"))).decision == .denied)
        #expect(s.simulate(Fixture.request(Fixture.vendor, Fixture.roleArn("ByAccount"))).decision == .allowed)
    }

    @Test("a session ARN resolves to its role by account and name, whatever the role's path")
    func sessionResolution() {
        let inv = Fixture.inventory(roles: [Fixture.role("Ops", trust: Fixture.trust("{\"AWS\":\"111111111111\"}"), policies: [Fixture.allow()], path: "/team/"),
                                            Fixture.role("R", trust: Fixture.trust("{\"AWS\":\"arn:aws:iam::111111111111:role/team/Ops\"}"))])
        let r = Simulator(inventory: inv).simulate(Fixture.request("arn:aws:sts::111111111111:assumed-role/Ops/s", Fixture.roleArn("R")))
        #expect(r.decision == .allowed)
        #expect(r.assumptions.isEmpty)
    }

    @Test("unstorable trust policies give invalid, tag malformed-policy", arguments: [
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"}]}"#,
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole","Resource":"*"}]}"#,
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole","NotResource":"x"}]}"#,
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}"#,
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"}}]}"#,
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/*"},"Action":"sts:AssumeRole"}]}"#,
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:sts::111111111111:assumed-role/R/*"},"Action":"sts:AssumeRole"}]}"#,
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"}]}"#,
        #"{"Version":"2020-01-01","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"}]}"#,
    ])
    func unstorable(json: String) {
        let s = Simulator(inventory: Fixture.inventory(roles: [Fixture.role("Bad", trust: Fixture.doc(json))], users: [Fixture.user("alice", policies: [Fixture.allow()])]))
        let r = s.simulate(Fixture.request(Fixture.userArn("alice"), Fixture.roleArn("Bad")))
        #expect(r.decision == .invalid && Fixture.tag(r) == "malformed-policy")
        #expect(r.hints.allSatisfy { !$0.callerCanMake })
    }

    @Test("a GitHub trust without a sub condition is not malformed (roles written before the rule keep working)")
    func noSubIsStorable() { #expect(Self.web("Loose").decision == .allowed) }
}
