import Testing
@testable import TrustAnalysis

@Suite("TM-ANY-PRINCIPAL and TM-ANY-PRINCIPAL-WEAKLY-GUARDED")
struct AnyPrincipalRuleTests {
    @Test("a wildcard principal with no condition is critical, on the edge from anyone")
    func bareWildcard() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"*\"}"))
        let f = try #require(a.finding("TM-ANY-PRINCIPAL"))
        #expect(f.severity == .critical)
        #expect(f.edge == EdgeRef(from: "*", to: "arn:aws:iam::111111111111:role/Target"))
        #expect(a.edge("*")?.severity == .critical)
        #expect(!Fixture.rules(a).contains("TM-ANY-PRINCIPAL-WEAKLY-GUARDED"))
    }

    @Test("\"Principal\": \"*\" is judged like {\"AWS\": \"*\"}")
    func bareStringWildcard() throws {
        let a = try Fixture.trusting(Fixture.allow("\"*\""))
        #expect(Fixture.rules(a).contains("TM-ANY-PRINCIPAL"))
    }

    @Test("a wildcard whose only conditions every caller passes is still critical")
    func ineffectiveConditions() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"*\"}", condition: "{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"))
        #expect(Fixture.rules(a).contains("TM-ANY-PRINCIPAL"))
        #expect(!Fixture.rules(a).contains("TM-ANY-PRINCIPAL-WEAKLY-GUARDED"))
    }

    @Test("a wildcard guarded only by an external ID is weakly guarded (high), not critical")
    func weaklyGuardedByExternalID() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"*\"}", condition: "{\"StringEquals\":{\"sts:ExternalId\":\"0f6c1f7e-4a1e-4d7b-9c7e-0a2b4c6d8e10\"}}"))
        let f = try #require(a.finding("TM-ANY-PRINCIPAL-WEAKLY-GUARDED"))
        #expect(f.severity == .high)
        #expect(f.evidence.contains("0f…(36)"))
        #expect(!f.evidence.contains("0f6c1f7e"))
        #expect(!Fixture.rules(a).contains("TM-ANY-PRINCIPAL"))
    }

    @Test("a wildcard guarded only by a source IP range is weakly guarded")
    func weaklyGuardedByNetwork() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"*\"}", condition: "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}"))
        #expect(Fixture.rules(a).contains("TM-ANY-PRINCIPAL-WEAKLY-GUARDED"))
    }

    @Test("near miss: a wildcard pinned to the organization is not flagged, and gets no edge from anyone")
    func orgGuard() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"*\"}", condition: "{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-acme000001\"}}"))
        #expect(!Fixture.rules(a).contains("TM-ANY-PRINCIPAL"))
        #expect(!Fixture.rules(a).contains("TM-ANY-PRINCIPAL-WEAKLY-GUARDED"))
        #expect(a.edge("*") == nil)
        // Drawn once from the organization node; the account behind it is named on demand, as before.
        #expect(a.edge("o-acme000001")?.requires.map(\.label) == ["OrgID"])
        #expect(a.assumeRoleEdge(from: "333333333333", to: "arn:aws:iam::111111111111:role/Target")?.requires.map(\.label) == ["OrgID"])
    }

    @Test("near miss: aws:PrincipalArn with a fixed account and a wildcard role name is a guard")
    func arnGuard() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"*\"}", condition: "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::333333333333:role/ci-*\"}}"))
        #expect(Fixture.rules(a).isDisjoint(with: ["TM-ANY-PRINCIPAL", "TM-ANY-PRINCIPAL-WEAKLY-GUARDED"]))
    }

    @Test("a negated or IfExists organization test is no guard")
    func negatedOrgIsNoGuard() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"*\"}", condition: "{\"StringEqualsIfExists\":{\"aws:PrincipalOrgID\":\"o-acme000001\"}}"))
        #expect(Fixture.rules(a).contains("TM-ANY-PRINCIPAL"))
    }

    @Test("exclusivity is per statement: a weak and a bare wildcard statement give both findings")
    func perStatement() throws {
        let a = try Fixture.trusting(
            Fixture.allow("{\"AWS\":\"*\"}", condition: "{\"StringEquals\":{\"sts:ExternalId\":\"0f6c1f7e-4a1e-4d7b-9c7e-0a2b4c6d8e10\"}}", sid: "A"),
            Fixture.allow("{\"AWS\":\"*\"}", sid: "B"))
        #expect(Fixture.rules(a).isSuperset(of: ["TM-ANY-PRINCIPAL", "TM-ANY-PRINCIPAL-WEAKLY-GUARDED"]))
    }

    @Test("a wildcard is judged only by the any-principal rules")
    func onlyAnyPrincipalRules() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"*\"}"))
        #expect(Fixture.rules(a).isDisjoint(with: ["TM-XACCT-NO-EXTERNAL-ID", "TM-UNKNOWN-EXTERNAL-ACCOUNT", "TM-NO-MFA-FOR-HUMANS"]))
    }

    @Test("an RCP that fences the account off from outsiders guards wildcard trust")
    func rcpGuard() throws {
        let header = Fixture.header.replacingOccurrences(of: "  managementAccount: \"111111111111\"\n", with: """
              managementAccount: "999999999999"
              rcps:
                - name: OnlyOrg
                  targets: ["root"]
                  document: {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-acme000001"},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}]}

            """)
        let a = try Fixture.analyze(Fixture.role(trust: Fixture.policy(Fixture.allow("{\"AWS\":\"*\"}"))), header: header)
        #expect(!Fixture.rules(a).contains("TM-ANY-PRINCIPAL"))
        #expect(a.edge("*") == nil)
    }
}
