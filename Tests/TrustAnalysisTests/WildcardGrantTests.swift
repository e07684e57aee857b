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

    @Test("an organization-guarded `*` trust: one edge from the organization node, its accounts and capable principals on demand")
    func organization() throws {
        let a = try estate(condition: Self.orgGuard)
        let drawn = Set(a.graph.incoming(to: target).map(\.from))
        #expect(drawn == ["111111111111", "o-acme000001", target, local], "no anyone edge, no edge per account or principal of another account")
        #expect(a.graph.node(id: "o-acme000001")?.kind == .organization)
        #expect(a.graph.node(id: "o-acme000001")?.isOutside == false)
        #expect(a.assumeRoleEdge(from: alice, to: target) != nil)
        #expect(a.whoCanAssume(roleArn: target).map(\.node.id) == ["111111111111", "333333333333", local, alice, target],
                "the accounts behind the organization node are named one by one, the node itself never")
        #expect(!a.whoCanAssume(roleArn: target).map(\.node.id).contains(bob))
        #expect(a.assumeRoleEdge(from: "333333333333", to: target)?.statement == "'S'")
        #expect(a.outgoingEdges(from: "333333333333").map(\.to) == [target])
        #expect(a.paths(from: "333333333333").contains { $0.map(\.to) == [target] && $0[0].from == "333333333333" })
        let matrix = a.accountMatrix()
        #expect(matrix.columns.contains(.organization))
        #expect(matrix.cell(row: "111111111111", column: .organization)?.edges.map(\.from) == ["o-acme000001"])
        #expect(matrix.cell(row: "111111111111", column: .account("333333333333")) == nil)
    }

    @Test("near miss: without an organization guard there is no organization node or column")
    func noOrganizationNode() throws {
        let a = try estate(condition: "{\"StringEquals\":{\"aws:PrincipalAccount\":\"333333333333\"}}")
        #expect(a.graph.node(id: "o-acme000001") == nil)
        #expect(!a.accountMatrix().columns.contains(.organization))
    }

    /// Three organization accounts; Target (in 111111111111) is shared with the organization by `*` +
    /// aws:PrincipalOrgID, or with the same accounts named one by one by aws:PrincipalAccount, which the
    /// graph draws as an edge per account: both must answer the same.
    func sharedEstate(guardedBy condition: String, extraStatements: [String] = [], lastUsed: String = "") throws -> Analysis {
        let header = Fixture.header.replacingOccurrences(of: "  - { id: \"222222222222\"", with: "  - { id: \"444444444444\", name: data }\n  - { id: \"222222222222\"")
        let statements = extraStatements + [Fixture.allow("{\"AWS\":\"*\"}", condition: condition, sid: "Org")]
        return try Fixture.analyze("""
            roles:
              - arn: \(target)
                trustPolicy: {"Version":"2012-10-17","Statement":[\(statements.joined(separator: ","))]}
                \(lastUsed)
              - arn: arn:aws:iam::444444444444:role/hop
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::444444444444:root\"}")))
                policies: [{name: hop, document: \(Self.anyAssume)}]
            users:
              - arn: \(alice)
                policies: [{name: hop, document: \(Self.anyAssume)}]
              - arn: \(bob)
            """, header: header)
    }

    static let byAccount = "{\"StringEquals\":{\"aws:PrincipalAccount\":[\"111111111111\",\"333333333333\",\"444444444444\"]}}"

    @Test("who-can-assume, paths and single edges name the same principals through the organization node as through one edge per account")
    func sameAnswersAsOneEdgePerAccount() throws {
        for extra in [[], [Fixture.allow("{\"AWS\":\"arn:aws:iam::444444444444:root\"}", sid: "Data")]] {
            let org = try sharedEstate(guardedBy: Self.orgGuard, extraStatements: extra)
            let named = try sharedEstate(guardedBy: Self.byAccount, extraStatements: extra)
            #expect(org.graph.node(id: "o-acme000001") != nil)
            #expect(named.graph.node(id: "o-acme000001") == nil)
            func who(_ a: Analysis) -> [String] { a.whoCanAssume(roleArn: target).map { "\($0.node.id) \($0.edge.statement)" } }
            #expect(who(org) == who(named))
            #expect(who(org).contains("444444444444 " + (extra.isEmpty ? "'Org'" : "'Data'")), "the first statement that lets the account in gives its edge")
            for from in ["333333333333", "444444444444", alice] {
                #expect(org.paths(from: from).map { $0.map(\.to) } == named.paths(from: from).map { $0.map(\.to) })
                #expect(org.assumeRoleEdge(from: from, to: target)?.statement == named.assumeRoleEdge(from: from, to: target)?.statement)
            }
        }
    }

    @Test("a stale organization-shared role names the accounts behind the organization node in its evidence, and its edge carries the finding")
    func staleEvidence() throws {
        let a = try sharedEstate(guardedBy: Self.orgGuard, lastUsed: "lastUsed: \"2025-01-01T00:00:00Z\"")
        let f = try #require(a.finding("TM-STALE-TRUST"))
        #expect(f.evidence.hasSuffix("assumable from other accounts by account 333333333333 (security, organization), account 444444444444 (data, organization)"))
        #expect(f.edge == EdgeRef(from: "333333333333", to: target))
        let shown = try #require(a.whoCanAssume(roleArn: target).first { $0.node.id == "333333333333" })
        #expect(shown.edge.findingRules == ["TM-STALE-TRUST"], "the edge behind the organization node carries its finding, as a drawn edge does")
        #expect(a.graph.incoming(to: target).first { $0.from == "o-acme000001" }?.findingRules == ["TM-STALE-TRUST"])
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
