import Testing
@testable import TrustAnalysis

@Suite("Cross-account trust and external IDs")
struct CrossAccountRuleTests {
    static let uuid = "8c1b6f0e-3c9a-4f7e-9d51-2a7b0c4e6f11"
    let vendorRoot = "{\"AWS\":\"arn:aws:iam::222222222222:root\"}"

    @Test("a vendor trust without an external ID is high severity, on the edge from the vendor account")
    func vendorWithoutExternalID() throws {
        let a = try Fixture.trusting(Fixture.allow(vendorRoot))
        let f = try #require(a.finding("TM-XACCT-NO-EXTERNAL-ID"))
        #expect(f.severity == .high)
        #expect(f.edge?.from == "222222222222")
        #expect(a.edge("222222222222")?.severity == .high)
    }

    @Test("an unknown external account without an external ID is medium, and also unknown-external")
    func unknownWithoutExternalID() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"444444444444\"}"))
        #expect(a.finding("TM-XACCT-NO-EXTERNAL-ID")?.severity == .medium)
        #expect(a.finding("TM-UNKNOWN-EXTERNAL-ACCOUNT") != nil)
        #expect(a.graph.node(id: "444444444444")?.trust == .unknownExternal)
    }

    @Test("near miss: a vendor with an exact external ID is only info root-trust")
    func vendorWithExactExternalID() throws {
        let a = try Fixture.trusting(Fixture.allow(vendorRoot, condition: "{\"StringEquals\":{\"sts:ExternalId\":\"\(Self.uuid)\"}}"))
        #expect(Fixture.rules(a) == ["TM-ACCOUNT-ROOT-TRUST"])
        #expect(a.finding("TM-ACCOUNT-ROOT-TRUST")?.severity == .info)
    }

    @Test("an external ID tested with StringLike and a wildcard is not exact (high)")
    func externalIDLike() throws {
        let a = try Fixture.trusting(Fixture.allow(vendorRoot, condition: "{\"StringLike\":{\"sts:ExternalId\":\"acme-*\"}}"))
        #expect(a.finding("TM-EXTERNAL-ID-NOT-EXACT")?.severity == .high)
        #expect(!Fixture.rules(a).contains("TM-XACCT-NO-EXTERNAL-ID"))
        #expect(!Fixture.rules(a).contains("TM-ACCOUNT-ROOT-TRUST"))
    }

    @Test("an external ID tested with IfExists is not exact: a caller that sends none passes")
    func externalIDIfExists() throws {
        let a = try Fixture.trusting(Fixture.allow(vendorRoot, condition: "{\"StringEqualsIfExists\":{\"sts:ExternalId\":\"\(Self.uuid)\"}}"))
        #expect(Fixture.rules(a).contains("TM-EXTERNAL-ID-NOT-EXACT"))
    }

    @Test("near miss: StringLike without a wildcard is an exact test")
    func externalIDLikeWithoutWildcard() throws {
        let a = try Fixture.trusting(Fixture.allow(vendorRoot, condition: "{\"StringLike\":{\"sts:ExternalId\":\"\(Self.uuid)\"}}"))
        #expect(!Fixture.rules(a).contains("TM-EXTERNAL-ID-NOT-EXACT"))
    }

    @Test("near miss: a guard pinning the caller's account silences the missing external ID")
    func guardedVendor() throws {
        let a = try Fixture.trusting(Fixture.allow(vendorRoot, condition: "{\"ArnEquals\":{\"aws:PrincipalArn\":\"arn:aws:iam::222222222222:role/Auditor\"}}"))
        #expect(!Fixture.rules(a).contains("TM-XACCT-NO-EXTERNAL-ID"))
        #expect(!Fixture.rules(a).contains("TM-ACCOUNT-ROOT-TRUST"))
    }

    @Test("a short external ID is weak")
    func weakShort() throws {
        let a = try Fixture.trusting(Fixture.allow(vendorRoot, condition: "{\"StringEquals\":{\"sts:ExternalId\":\"acme123\"}}"))
        let f = try #require(a.finding("TM-EXTERNAL-ID-WEAK"))
        #expect(f.evidence.contains("ac…(7)"))
        #expect(f.evidence.contains("shorter than 16"))
    }

    @Test("an external ID equal to an account id is weak, and so is one of low entropy")
    func weakAccountIDAndEntropy() throws {
        let a = try Fixture.trusting(Fixture.allow(vendorRoot, condition: "{\"StringEquals\":{\"sts:ExternalId\":\"111111111111\"}}"))
        #expect(Fixture.rules(a).contains("TM-EXTERNAL-ID-WEAK"))
        let b = try Fixture.trusting(Fixture.allow(vendorRoot, condition: "{\"StringEquals\":{\"sts:ExternalId\":\"abababababababababab\"}}"))
        #expect(b.finding("TM-EXTERNAL-ID-WEAK")?.evidence.contains("entropy") == true)
    }

    @Test("near miss: a UUID external ID is not weak")
    func uuidIsStrong() throws {
        let a = try Fixture.trusting(Fixture.allow(vendorRoot, condition: "{\"StringEquals\":{\"sts:ExternalId\":\"\(Self.uuid)\"}}"))
        #expect(!Fixture.rules(a).contains("TM-EXTERNAL-ID-WEAK"))
    }

    @Test("the same external ID guarding two vendors is reused, on every role that carries it")
    func reused() throws {
        let cond = "{\"StringEquals\":{\"sts:ExternalId\":\"\(Self.uuid)\"}}"
        let a = try Fixture.analyze("""
            roles:
              - arn: arn:aws:iam::111111111111:role/Target
                trustPolicy: \(Fixture.policy(Fixture.allow(vendorRoot, condition: cond)))
              - arn: arn:aws:iam::111111111111:role/Other
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::555555555555:root\"}", condition: cond)))
            """)
        #expect(a.finding("TM-EXTERNAL-ID-REUSED") != nil)
        #expect(a.finding("TM-EXTERNAL-ID-REUSED", subject: "arn:aws:iam::111111111111:role/Other") != nil)
        #expect(a.finding("TM-EXTERNAL-ID-REUSED")?.evidence.contains(Self.uuid) == false)
    }

    @Test("near miss: one external ID on two roles for the same vendor is not reuse")
    func sameVendorTwice() throws {
        let cond = "{\"StringEquals\":{\"sts:ExternalId\":\"\(Self.uuid)\"}}"
        let a = try Fixture.analyze("""
            roles:
              - arn: arn:aws:iam::111111111111:role/Target
                trustPolicy: \(Fixture.policy(Fixture.allow(vendorRoot, condition: cond)))
              - arn: arn:aws:iam::111111111111:role/Other
                trustPolicy: \(Fixture.policy(Fixture.allow(vendorRoot, condition: cond)))
            """)
        #expect(a.finding("TM-EXTERNAL-ID-REUSED") == nil)
    }

    @Test("trust to another organization account is low root-trust; same-account root trust is not flagged")
    func rootTrust() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:root\"}"))
        #expect(a.finding("TM-ACCOUNT-ROOT-TRUST")?.severity == .low)
        let b = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::111111111111:root\"}"))
        #expect(!Fixture.rules(b).contains("TM-ACCOUNT-ROOT-TRUST"))
    }

    @Test("near miss: root trust with a guard naming roles is not flagged")
    func rootTrustNamingRoles() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:root\"}",
                                                   condition: "{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::333333333333:role/Auditor\"}}"))
        #expect(!Fixture.rules(a).contains("TM-ACCOUNT-ROOT-TRUST"))
    }

    @Test("an unknown external account is flagged whatever its conditions; near miss: a known vendor is not")
    func unknownExternalWhateverConditions() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::444444444444:role/Partner\"}", condition: "{\"StringEquals\":{\"sts:ExternalId\":\"\(Self.uuid)\"}}"))
        #expect(a.finding("TM-UNKNOWN-EXTERNAL-ACCOUNT")?.edge?.from == "arn:aws:iam::444444444444:role/Partner")
        let b = try Fixture.trusting(Fixture.allow(vendorRoot, condition: "{\"StringEquals\":{\"sts:ExternalId\":\"\(Self.uuid)\"}}"))
        #expect(!Fixture.rules(b).contains("TM-UNKNOWN-EXTERNAL-ACCOUNT"))
    }

    @Test("a unique id that belongs to nobody is a dangling principal; near miss: one that belongs to a user")
    func dangling() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"AROAXXXXXXXXXXXXXXXXX\"}"))
        #expect(Fixture.rules(a).contains("TM-DANGLING-PRINCIPAL"))
        let b = try Fixture.trusting(Fixture.allow("{\"AWS\":\"AIDAYYYYYYYYYYYYYYYYY\"}", condition: "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"), extra: """
            users:
              - arn: arn:aws:iam::111111111111:user/alice
                uniqueId: AIDAYYYYYYYYYYYYYYYYY
            """)
        #expect(!Fixture.rules(b).contains("TM-DANGLING-PRINCIPAL"))
        #expect(b.edge("arn:aws:iam::111111111111:user/alice") != nil)
    }
}
