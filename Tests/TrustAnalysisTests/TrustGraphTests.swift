import Testing
@testable import TrustAnalysis

@Suite("Trust graph")
struct TrustGraphTests {
    @Test("a vendor trusted with an external ID gets an edge from its account that requires the masked external ID")
    func vendorEdgeRequiresExternalID() throws {
        let a = try Fixture.analyze(Fixture.role(trust: """
            {"Version":"2012-10-17","Statement":[{"Sid":"VendorAudit","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"8c1b6f0e-3c9a-4f7e-9d51-2a7b0c4e6f11"}}}]}
            """))
        let edge = try #require(a.edge("222222222222"))
        #expect(edge.requires.map(\.label) == ["ExtId"])
        #expect(edge.requires.first?.text == "StringEquals sts:ExternalId = 8c…(36)")
        #expect(edge.statement == "'VendorAudit'")
    }

    @Test("a user of the same account named in the trust policy can assume the role without an identity policy")
    func directUserNeedsNoIdentityPolicy() throws {
        let a = try Fixture.analyze(Fixture.role(trust: """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}
            """, extra: """
            users:
              - arn: arn:aws:iam::111111111111:user/alice
            """))
        let edge = try #require(a.edge("arn:aws:iam::111111111111:user/alice"))
        #expect(edge.requires.map(\.label) == ["MFA"])
    }

    @Test("account-root trust gives edges only to principals whose own policies allow the role")
    func accountTrustNeedsIdentityPolicy() throws {
        let a = try Fixture.analyze(Fixture.role(trust: """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}
            """, extra: """
            users:
              - arn: arn:aws:iam::111111111111:user/alice
                policies:
                  - name: assume
                    document: {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111111111111:role/Target"}]}
              - arn: arn:aws:iam::111111111111:user/bob
            """))
        #expect(a.edge("arn:aws:iam::111111111111:user/alice") != nil)
        #expect(a.edge("arn:aws:iam::111111111111:user/bob") == nil)
        #expect(a.edge("111111111111") != nil)
    }
}
