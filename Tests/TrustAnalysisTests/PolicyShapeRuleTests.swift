import Testing
@testable import TrustAnalysis

@Suite("Shape of the trust policy: malformed, actions, vacuous conditions, MFA")
struct PolicyShapeRuleTests {
    let alice = """
        users:
          - arn: arn:aws:iam::111111111111:user/alice
            mfaDevices: 1
        """

    @Test("NotPrincipal makes the trust malformed, and the statement is judged by no other rule")
    func notPrincipal() throws {
        let a = try Fixture.trusting("{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::222222222222:root\"},\"Action\":\"sts:AssumeRole\"}")
        #expect(Fixture.rules(a) == ["TM-MALFORMED-TRUST"])
        #expect(a.graph.incoming(to: "arn:aws:iam::111111111111:role/Target").isEmpty)
    }

    @Test("a partial wildcard in Principal and a Resource element are malformed")
    func partialWildcardAndResource() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::222222222222:role/*\"}"))
        #expect(Fixture.rules(a) == ["TM-MALFORMED-TRUST"])
        let b = try Fixture.trusting("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}")
        #expect(Fixture.rules(b) == ["TM-MALFORMED-TRUST"])
    }

    @Test("near miss: a well-formed trust is not malformed")
    func wellFormed() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"Service\":\"ec2.amazonaws.com\"}"))
        #expect(!Fixture.rules(a).contains("TM-MALFORMED-TRUST"))
    }

    @Test("Federated with sts:AssumeRole, and AWS with AssumeRoleWithWebIdentity, are mismatches")
    func mismatch() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"Federated\":\"accounts.google.com\"}", condition: "{\"StringEquals\":{\"accounts.google.com:aud\":\"x.apps.googleusercontent.com\"}}"))
        #expect(a.finding("TM-ACTION-PRINCIPAL-MISMATCH")?.evidence.contains("sts:AssumeRole") == true)
        let b = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:role/Ci\"}", action: "\"sts:AssumeRoleWithWebIdentity\""))
        #expect(Fixture.rules(b).contains("TM-ACTION-PRINCIPAL-MISMATCH"))
    }

    @Test("near miss: a wildcard action never fires the mismatch")
    func mismatchWildcard() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"Federated\":\"accounts.google.com\"}", action: "\"sts:Assume*\"",
                                                   condition: "{\"StringEquals\":{\"accounts.google.com:aud\":\"x.apps.googleusercontent.com\"}}"))
        #expect(!Fixture.rules(a).contains("TM-ACTION-PRINCIPAL-MISMATCH"))
    }

    @Test("sts:* and * in a trust are broad actions; near miss: sts:Assume* is not")
    func broadAction() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"Service\":\"ec2.amazonaws.com\"}", action: "\"sts:*\""))
        #expect(a.finding("TM-TRUST-BROAD-ACTION")?.severity == .low)
        let b = try Fixture.trusting(Fixture.allow("{\"Service\":\"ec2.amazonaws.com\"}", action: "\"sts:Assume*\""))
        #expect(!Fixture.rules(b).contains("TM-TRUST-BROAD-ACTION"))
    }

    @Test("BoolIfExists MFA true is vacuous; near miss: Bool MFA true is not, and neither is a Deny statement")
    func vacuousMFA() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::111111111111:root\"}", condition: "{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"))
        #expect(a.finding("TM-VACUOUS-CONDITION")?.severity == .medium)
        let b = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::111111111111:root\"}", condition: "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"))
        #expect(!Fixture.rules(b).contains("TM-VACUOUS-CONDITION"))
        let c = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::111111111111:root\"}", condition: "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"),
                                     "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"},\"StringLike\":{\"aws:PrincipalArn\":\"*\"}}}")
        #expect(!Fixture.rules(c).contains("TM-VACUOUS-CONDITION"))
    }

    @Test("ForAllValues on a single-valued key and StringLike * are vacuous; near miss: ForAllValues on aws:TagKeys")
    func vacuousSetAndStar() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:root\"}", condition: "{\"ForAllValues:StringEquals\":{\"aws:PrincipalAccount\":\"333333333333\"}}"))
        #expect(Fixture.rules(a).contains("TM-VACUOUS-CONDITION"))
        let b = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:root\"}", condition: "{\"StringLike\":{\"aws:PrincipalTag/team\":\"*\"}}"))
        #expect(Fixture.rules(b).contains("TM-VACUOUS-CONDITION"))
        let c = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:root\"}", condition: "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}"))
        #expect(!Fixture.rules(c).contains("TM-VACUOUS-CONDITION"))
    }

    @Test("conditions on sts:ExternalId are judged only by the external-ID rules")
    func externalIDNotVacuous() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::222222222222:root\"}", condition: "{\"StringLike\":{\"sts:ExternalId\":\"*\"}}"))
        #expect(!Fixture.rules(a).contains("TM-VACUOUS-CONDITION"))
        #expect(Fixture.rules(a).contains("TM-EXTERNAL-ID-NOT-EXACT"))
    }

    @Test("trust to an IAM user without MFA is low; near miss: with Bool MFA true")
    func noMFAUser() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::111111111111:user/alice\"}"), extra: alice)
        #expect(a.finding("TM-NO-MFA-FOR-HUMANS")?.severity == .low)
        let b = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::111111111111:user/alice\"}", condition: "{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}"), extra: alice)
        #expect(!Fixture.rules(b).contains("TM-NO-MFA-FOR-HUMANS"))
    }

    @Test("root trust of an account with IAM users needs MFA; near miss: an account without users")
    func noMFARoot() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::111111111111:root\"}"), extra: alice)
        #expect(Fixture.rules(a).contains("TM-NO-MFA-FOR-HUMANS"))
        let b = try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:root\"}"), extra: alice)
        #expect(!Fixture.rules(b).contains("TM-NO-MFA-FOR-HUMANS"))
    }
}
