import Testing
@testable import TrustAnalysis

/// `*` trust statements that let in any account or the whole organization are drawn as one edge from anyone
/// (or one per admitted account) plus edges from the role's own account; the capable principals of other
/// accounts are found on demand by every query and by the chain and cycle rules.
@Suite("Wildcard trust: drawn once, callers found on demand")
struct WildcardGrantTests {
    static let anyAssume = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}"
    static let admin = "[{name: AdministratorAccess, arn: \"arn:aws:iam::aws:policy/AdministratorAccess\"}]"
    static let orgGuard = "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-acme000001\"}}"
    let target = "arn:aws:iam::111111111111:role/Target"
    let alice = "arn:aws:iam::333333333333:user/alice"
    let bob = "arn:aws:iam::333333333333:user/bob"
    let local = "arn:aws:iam::111111111111:user/local"

    /// Target trusts `*` with `condition`; alice (security account) may assume any role, bob may not,
    /// local lives in Target's own account and has no policy at all.
    func estate(condition: String?, targetPolicies: String = "") throws -> Analysis {
        try Fixture.analyze("""
            roles:
              - arn: \(target)
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"*\"}", condition: condition)))
            \(targetPolicies)
            users:
              - arn: \(alice)
                policies: [{name: hop, document: \(Self.anyAssume)}]
              - arn: \(bob)
              - arn: \(local)
            """)
    }

    @Test("an open `*` trust: one edge from anyone, edges from the own account, and other accounts' callers on demand")
    func open() throws {
        let a = try estate(condition: nil)
        // The role's own account, Target itself included, matches `*` directly (assume-role.md A6).
        #expect(a.graph.incoming(to: target).map(\.from).sorted() == ["*", target, local])
        #expect(a.whoCanAssume(roleArn: target).map(\.node.id) == ["*", local, alice, target])
        #expect(a.assumeRoleEdge(from: alice, to: target)?.statement == "'S'")
        #expect(a.assumeRoleEdge(from: bob, to: target) == nil, "bob's own policies do not allow sts:AssumeRole")
        #expect(a.outgoingEdges(from: alice).map(\.to) == [target])
        #expect(a.paths(from: alice).map { $0.map(\.to) } == [[target]])
        #expect(a.incomingEdges(to: target).map(\.from) == ["*", target, local, alice])
    }

    @Test("an organization-guarded `*` trust: account edges, and the organization's capable principals on demand")
    func organization() throws {
        let a = try estate(condition: Self.orgGuard)
        let drawn = Set(a.graph.incoming(to: target).map(\.from))
        #expect(drawn == ["111111111111", "333333333333", target, local], "no anyone edge, no edge per principal of another account")
        #expect(a.assumeRoleEdge(from: alice, to: target) != nil)
        #expect(a.whoCanAssume(roleArn: target).map(\.node.id).contains(alice))
        #expect(!a.whoCanAssume(roleArn: target).map(\.node.id).contains(bob))
    }

    @Test("near miss: a guard naming one account keeps an edge per principal of that account")
    func pinnedAccount() throws {
        let a = try estate(condition: "{\"StringEquals\":{\"aws:PrincipalAccount\":\"333333333333\"}}")
        #expect(a.edge(alice) != nil, "drawn one by one: the guard bounds how many")
        #expect(a.edge(bob) == nil)
    }

    @Test("a chain through an organization-wide `*` role is found: a user → the open role → the administrator")
    func chainThroughWildcard() throws {
        let a = try Fixture.analyze("""
            roles:
              - arn: arn:aws:iam::111111111111:role/Admin
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"\(target)\"}")))
                policies: \(Self.admin)
              - arn: \(target)
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"*\"}", condition: Self.orgGuard)))
                policies: [{name: hop, document: \(Self.anyAssume)}]
            users:
              - arn: \(alice)
                policies: [{name: hop, document: \(Self.anyAssume)}]
            """)
        let f = try #require(a.finding("TM-CHAIN-TO-PRIVILEGED", subject: "arn:aws:iam::111111111111:role/Admin"))
        #expect(f.evidence.contains("user/alice → \(target) → arn:aws:iam::111111111111:role/Admin"))
        #expect(a.paths(from: alice, to: "arn:aws:iam::111111111111:role/Admin").first?.count == 2)
    }

    @Test("a cycle closed by a `*` trust is found; near miss: without the way back there is none")
    func cycleThroughWildcard() throws {
        func estate(back: Bool) throws -> Analysis {
            try Fixture.analyze("""
                roles:
                  - arn: \(target)
                    trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"*\"}", condition: Self.orgGuard)))
                    policies: [{name: hop, document: \(Self.anyAssume)}]
                  - arn: arn:aws:iam::333333333333:role/Back
                    trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"\(back ? target : "arn:aws:iam::333333333333:root")\"}")))
                    policies: [{name: hop, document: \(Self.anyAssume)}]
                """)
        }
        #expect(try estate(back: true).finding("TM-CIRCULAR-TRUST") != nil)
        #expect(try estate(back: false).finding("TM-CIRCULAR-TRUST") == nil)
    }
}
