import Testing
@testable import TrustAnalysis

@Suite("Identity policies: assume any role, trust rewrite")
struct IdentityRuleTests {
    func user(_ statement: String, boundary: String? = nil) throws -> Analysis {
        var u = """
            roles: []
            users:
              - arn: arn:aws:iam::111111111111:user/bob
                policies:
                  - name: p
                    document: {"Version":"2012-10-17","Statement":[\(statement)]}
            """
        if let boundary { u += "\n    permissionsBoundary: \(boundary)" }
        return try Fixture.analyze(u)
    }

    let bob = "arn:aws:iam::111111111111:user/bob"

    @Test("sts:AssumeRole on * is assume-any-role (medium)")
    func assumeAnyStar() throws {
        let a = try user("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}")
        #expect(a.finding("TM-ASSUME-ANY-ROLE", subject: bob)?.severity == .medium)
    }

    @Test("sts:Assume* on roles of any account fires")
    func assumeAnyAccount() throws {
        let a = try user("{\"Effect\":\"Allow\",\"Action\":\"sts:Assume*\",\"Resource\":\"arn:aws:iam::*:role/deploy\"}")
        #expect(a.finding("TM-ASSUME-ANY-ROLE", subject: bob) != nil)
    }

    @Test("near miss: Action * does not fire, nor an aws:ResourceOrgID condition, nor one account's roles")
    func assumeAnyNearMisses() throws {
        #expect(try user("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}").finding("TM-ASSUME-ANY-ROLE", subject: bob) == nil)
        #expect(try user("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceOrgID\":\"o-acme000001\"}}}")
            .finding("TM-ASSUME-ANY-ROLE", subject: bob) == nil)
        #expect(try user("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::333333333333:role/*\"}")
            .finding("TM-ASSUME-ANY-ROLE", subject: bob) == nil)
    }

    @Test("a non-administrator that may call iam:UpdateAssumeRolePolicy on its account's roles can rewrite trust")
    func trustRewrite() throws {
        let a = try user("{\"Effect\":\"Allow\",\"Action\":\"iam:Update*\",\"Resource\":\"*\"}")
        #expect(a.finding("TM-TRUST-REWRITE", subject: bob)?.severity == .medium)
    }

    @Test("near miss: an administrator, or a boundary without the permission, is not flagged")
    func trustRewriteNearMisses() throws {
        #expect(try user("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}").finding("TM-TRUST-REWRITE", subject: bob) == nil)
        let bounded = try user("{\"Effect\":\"Allow\",\"Action\":\"iam:UpdateAssumeRolePolicy\",\"Resource\":\"*\"}",
                               boundary: "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")
        #expect(bounded.finding("TM-TRUST-REWRITE", subject: bob) == nil)
    }
}
