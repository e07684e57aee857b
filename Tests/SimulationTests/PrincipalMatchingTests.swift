import Inventory
import Simulation
import PolicyEngine
import Testing

/// assume-role.md §c: every row of the principal table, and the same-/cross-account rule of §B.3.
@Suite("principal matching (§c) and the same-account rule (§B.3)")
struct PrincipalMatchingTests {
    static let alice = CallerPrincipal.parse("arn:aws:iam::111111111111:user/ops/alice")!
    static var session: CallerPrincipal {
        var p = CallerPrincipal.parse("arn:aws:sts::111111111111:assumed-role/Deploy/run-1")!
        p.roleArn = "arn:aws:iam::111111111111:role/ci/Deploy"
        p.uniqueId = "AROAEXAMPLE000000000001"
        return p
    }
    static let service = CallerPrincipal.parse("lambda.amazonaws.com")!
    static let web = CallerPrincipal(kind: .webIdentity, arn: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com")
    static let saml = CallerPrincipal(kind: .saml, arn: "arn:aws:iam::111111111111:saml-provider/Okta")

    static func m(_ type: String, _ value: String, _ caller: CallerPrincipal) -> PrincipalMatch {
        PrincipalPattern(type: type, value: value).matchKind(caller)
    }

    @Test("\"*\" matches every caller of every type, directly")
    func anyone() {
        for c in [Self.alice, Self.session, Self.service, Self.web, Self.saml] { #expect(PrincipalPattern.anyone.matchKind(c) == .direct) }
    }

    @Test("{\"AWS\": \"*\"} matches IAM users and sessions but not services or federated callers")
    func anyAWS() {
        #expect(Self.m("AWS", "*", Self.alice) == .direct)
        #expect(Self.m("AWS", "*", Self.session) == .direct)
        #expect(Self.m("AWS", "*", Self.service) == .none)
        #expect(Self.m("AWS", "*", Self.web) == .none)
        #expect(Self.m("AWS", "*", Self.saml) == .none)
    }

    @Test("an account ID or account root ARN matches every principal of that account, as an account match")
    func account() {
        #expect(Self.m("AWS", "111111111111", Self.alice) == .account)
        #expect(Self.m("AWS", "arn:aws:iam::111111111111:root", Self.session) == .account)
        #expect(Self.m("AWS", "222222222222", Self.alice) == .none)
        #expect(Self.m("AWS", "arn:aws-cn:iam::111111111111:root", Self.alice) == .none)
    }

    @Test("a user ARN matches that user exactly, case-sensitively")
    func user() {
        #expect(Self.m("AWS", "arn:aws:iam::111111111111:user/ops/alice", Self.alice) == .direct)
        #expect(Self.m("AWS", "arn:aws:iam::111111111111:user/ops/Alice", Self.alice) == .none)
        #expect(Self.m("AWS", "arn:aws:iam::111111111111:user/ops/alice", Self.session) == .none)
    }

    @Test("a role ARN matches every session of that role; a session ARN only that session")
    func roleAndSession() {
        #expect(Self.m("AWS", "arn:aws:iam::111111111111:role/ci/Deploy", Self.session) == .direct)
        #expect(Self.m("AWS", "arn:aws:iam::111111111111:role/Deploy", Self.session) == .none)
        #expect(Self.m("AWS", "arn:aws:sts::111111111111:assumed-role/Deploy/run-1", Self.session) == .direct)
        #expect(Self.m("AWS", "arn:aws:sts::111111111111:assumed-role/Deploy/run-2", Self.session) == .none)
    }

    @Test("a federated-user ARN matches only that federated user")
    func federatedUser() {
        let fu = CallerPrincipal.parse("arn:aws:sts::111111111111:federated-user/bob")!
        #expect(Self.m("AWS", "arn:aws:sts::111111111111:federated-user/bob", fu) == .direct)
        #expect(Self.m("AWS", "arn:aws:sts::111111111111:federated-user/bob", Self.alice) == .none)
    }

    @Test("a unique ID matches the principal that has it (users, and sessions of the role)")
    func uniqueIds() {
        var a = Self.alice
        a.uniqueId = "AIDAEXAMPLE000000000001"
        #expect(Self.m("AWS", "AIDAEXAMPLE000000000001", a) == .direct)
        #expect(Self.m("AWS", "AROAEXAMPLE000000000001", Self.session) == .direct)
        #expect(Self.m("AWS", "AIDAEXAMPLE000000000009", a) == .none)
    }

    @Test("Service, Federated and CanonicalUser values")
    func otherTypes() {
        #expect(Self.m("Service", "lambda.amazonaws.com", Self.service) == .direct)
        #expect(Self.m("Service", "ec2.amazonaws.com", Self.service) == .none)
        #expect(Self.m("Federated", "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com", Self.web) == .direct)
        #expect(Self.m("Federated", "cognito-identity.amazonaws.com", CallerPrincipal(kind: .webIdentity, arn: "cognito-identity.amazonaws.com")) == .direct)
        #expect(Self.m("Federated", "arn:aws:iam::111111111111:saml-provider/Okta", Self.saml) == .direct)
        #expect(Self.m("Federated", "arn:aws:iam::111111111111:saml-provider/Okta", Self.web) == .none)
        #expect(Self.m("CanonicalUser", "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", Self.alice) == .none)
    }

    @Test("the unique-ID pattern recognises AIDA/AROA ids only")
    func uniqueIdShape() {
        #expect(PrincipalPattern.looksLikeUniqueId("AIDAEXAMPLE000000000001"))
        #expect(PrincipalPattern.looksLikeUniqueId("AROA1234567890ABCDEF"))
        #expect(!PrincipalPattern.looksLikeUniqueId("AKIA1234567890ABCDEF"))
        #expect(!PrincipalPattern.looksLikeUniqueId("AIDAshort"))
    }

    // §B.3, row by row, through the simulator.
    static let inv = Fixture.inventory(
        roles: [
            Fixture.role("Direct", trust: Fixture.trust("{\"AWS\":\"arn:aws:iam::111111111111:user/alice\"}")),
            Fixture.role("Account", trust: Fixture.trust("{\"AWS\":\"arn:aws:iam::111111111111:root\"}")),
            Fixture.role("Both", trust: Fixture.doc(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole"}]}"#)),
            Fixture.role("Wildcard", trust: Fixture.trust("\"*\"")),
            Fixture.role("ByUniqueId", trust: Fixture.trust("{\"AWS\":\"AIDAALICE00000000000001\"}")),
            Fixture.role("Vendor", account: Fixture.vendor, trust: Fixture.trust("{\"AWS\":\"arn:aws:iam::111111111111:user/alice\"}")),
            Fixture.role("Svc", trust: Fixture.trust("{\"Service\":\"lambda.amazonaws.com\"}")),
        ],
        users: [Fixture.user("alice", uniqueId: "AIDAALICE00000000000001"), Fixture.user("bob", policies: [Fixture.allow()])])

    static func decide(_ principal: String, _ role: String, account: String = Fixture.prod) -> SimulationResult {
        Simulator(inventory: inv).simulate(Fixture.request(principal, Fixture.roleArn(role, account: account)))
    }

    @Test("same account, trust names the caller directly: no identity policy needed")
    func sameAccountDirect() {
        #expect(Self.decide(Fixture.userArn("alice"), "Direct").decision == .allowed)
        #expect(Self.decide(Fixture.userArn("alice"), "ByUniqueId").decision == .allowed)
        // A6: "Principal": "*" in the same account counts as a direct match.
        #expect(Self.decide(Fixture.userArn("alice"), "Wildcard").decision == .allowed)
    }

    @Test("same account, trust names only the account: the identity policy must allow")
    func sameAccountAccount() {
        let r = Self.decide(Fixture.userArn("alice"), "Account")
        #expect(r.decision == .denied)
        #expect(Fixture.tag(r) == "identity-policy")
        #expect(Self.decide(Fixture.userArn("bob"), "Account").decision == .allowed)
    }

    @Test("a direct match in any statement wins over an account match in another")
    func directBeatsAccount() { #expect(Self.decide(Fixture.userArn("alice"), "Both").decision == .allowed) }

    @Test("cross account: the identity policy must allow, whatever the match")
    func crossAccount() {
        let r = Self.decide(Fixture.userArn("alice"), "Vendor", account: Fixture.vendor)
        #expect(r.decision == .denied)
        #expect(Fixture.tag(r) == "identity-policy")
    }

    @Test("a service principal needs only the trust policy")
    func servicePrincipal() {
        #expect(Self.decide("lambda.amazonaws.com", "Svc").decision == .allowed)
        #expect(Fixture.tag(Self.decide("ec2.amazonaws.com", "Svc")) == "trust-policy")
    }

    @Test("a trust that names someone else denies even when the identity policy allows")
    func otherPrincipal() {
        let r = Self.decide(Fixture.userArn("bob"), "Direct")
        #expect(Fixture.tag(r) == "trust-policy")
        #expect(r.hints.contains { $0.changer == .roleOwner && !$0.callerCanMake })
    }

    @Test("sessions are their own principals: a trust naming alice does not match a session alice created")
    func sessionsAreNotUsers() {
        let r = Self.decide("arn:aws:sts::111111111111:assumed-role/Direct/alice", "Direct")
        #expect(Fixture.tag(r) == "trust-policy")
    }

    @Test("no implicit self-trust: a role cannot assume itself unless its trust says so")
    func noSelfTrust() {
        let r = Self.decide("arn:aws:sts::111111111111:assumed-role/Svc/s", "Svc")
        #expect(Fixture.tag(r) == "trust-policy")
    }
}
