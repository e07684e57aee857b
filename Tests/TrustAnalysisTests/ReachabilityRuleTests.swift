import Testing
@testable import TrustAnalysis

@Suite("Reachability: outsiders, chains, cycles, sessions, staleness")
struct ReachabilityRuleTests {
    static let admin = "[{name: AdministratorAccess, arn: \"arn:aws:iam::aws:policy/AdministratorAccess\"}]"
    static let uuid = "8c1b6f0e-3c9a-4f7e-9d51-2a7b0c4e6f11"
    let target = "arn:aws:iam::111111111111:role/Target"

    @Test("an administrator role a vendor can assume in one hop is critical")
    func privilegedExternal() throws {
        let a = try Fixture.analyze(Fixture.role(trust: Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::222222222222:root\"}",
                                                                                      condition: "{\"StringEquals\":{\"sts:ExternalId\":\"\(Self.uuid)\"}}")))
                                    + "    policies: \(Self.admin)\n")
        #expect(a.finding("TM-PRIVILEGED-EXTERNAL")?.severity == .critical)
        #expect(a.finding("TM-CHAIN-TO-PRIVILEGED") == nil)
    }

    @Test("near miss: an administrator role only the organization can assume is not privileged-external")
    func privilegedInternal() throws {
        let a = try Fixture.analyze(Fixture.role(trust: Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:root\"}")))
                                    + "    policies: \(Self.admin)\n")
        #expect(a.finding("TM-PRIVILEGED-EXTERNAL") == nil)
    }

    @Test("a non-administrator user that reaches an administrator role through a jump role is a chain (high)")
    func chain() throws {
        let a = try Fixture.analyze("""
            roles:
              - arn: arn:aws:iam::111111111111:role/Target
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:role/Jump\"}")))
                policies: \(Self.admin)
              - arn: arn:aws:iam::333333333333:role/Jump
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:user/bob\"}", condition: "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}")))
                policies:
                  - name: hop
                    document: {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111111111111:role/Target"}]}
            users:
              - arn: arn:aws:iam::333333333333:user/bob
                mfaDevices: 1
            """)
        let f = try #require(a.finding("TM-CHAIN-TO-PRIVILEGED"))
        #expect(f.severity == .high)
        #expect(f.evidence.contains("user/bob → arn:aws:iam::333333333333:role/Jump → arn:aws:iam::111111111111:role/Target"))
        #expect(a.paths(from: "arn:aws:iam::333333333333:user/bob", to: target).first?.count == 2)
    }

    @Test("near miss: when the jump role has no permission to assume the administrator role there is no chain")
    func chainCutByIdentity() throws {
        let a = try Fixture.analyze("""
            roles:
              - arn: arn:aws:iam::111111111111:role/Target
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:role/Jump\"}")))
                policies: \(Self.admin)
              - arn: arn:aws:iam::333333333333:role/Jump
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:user/bob\"}")))
            users:
              - arn: arn:aws:iam::333333333333:user/bob
            """)
        #expect(a.finding("TM-CHAIN-TO-PRIVILEGED") == nil)
    }

    @Test("two roles that can assume each other form a cycle (info); near miss: a role that assumes itself")
    func cycle() throws {
        let hop = "[{name: hop, document: {\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}}]"
        let a = try Fixture.analyze("""
            roles:
              - arn: arn:aws:iam::111111111111:role/A
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::111111111111:role/B\"}")))
                policies: \(hop)
              - arn: arn:aws:iam::111111111111:role/B
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::111111111111:role/A\"}")))
                policies: \(hop)
              - arn: arn:aws:iam::111111111111:role/Self
                trustPolicy: \(Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::111111111111:role/Self\"}")))
                policies: \(hop)
            """)
        #expect(a.finding("TM-CIRCULAR-TRUST", subject: "arn:aws:iam::111111111111:role/A")?.severity == .info)
        #expect(a.finding("TM-CIRCULAR-TRUST", subject: "arn:aws:iam::111111111111:role/B") != nil)
        #expect(a.finding("TM-CIRCULAR-TRUST", subject: "arn:aws:iam::111111111111:role/Self") == nil)
    }

    @Test("an outsider's session longer than an hour is low; near miss: one hour")
    func longSession() throws {
        let trust = Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::222222222222:root\"}", condition: "{\"StringEquals\":{\"sts:ExternalId\":\"\(Self.uuid)\"}}"))
        let a = try Fixture.analyze(Fixture.role(trust: trust) + "    maxSessionDuration: 43200\n")
        #expect(a.finding("TM-LONG-SESSION")?.severity == .low)
        let b = try Fixture.analyze(Fixture.role(trust: trust) + "    maxSessionDuration: 3600\n")
        #expect(b.finding("TM-LONG-SESSION") == nil)
    }

    @Test("cross-account trust on a role last used 200 days ago is stale; near miss: used last week, or unknown")
    func stale() throws {
        let trust = Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:root\"}"))
        let a = try Fixture.analyze(Fixture.role(trust: trust) + "    lastUsed: 2025-11-13T00:00:00Z\n")
        #expect(a.finding("TM-STALE-TRUST")?.evidence.contains("200 days") == true)
        let b = try Fixture.analyze(Fixture.role(trust: trust) + "    lastUsed: 2026-05-25T00:00:00Z\n")
        #expect(b.finding("TM-STALE-TRUST") == nil)
        let c = try Fixture.analyze(Fixture.role(trust: trust))
        #expect(c.finding("TM-STALE-TRUST") == nil)
    }

    @Test("a never-used role created long ago is stale; near miss: same-account trust only")
    func staleNever() throws {
        let cross = Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::333333333333:root\"}"))
        let a = try Fixture.analyze(Fixture.role(trust: cross) + "    lastUsed: never\n    createdAt: 2025-01-01T00:00:00Z\n")
        #expect(a.finding("TM-STALE-TRUST") != nil)
        let same = Fixture.policy(Fixture.allow("{\"AWS\":\"arn:aws:iam::111111111111:root\"}"))
        let b = try Fixture.analyze(Fixture.role(trust: same) + "    lastUsed: never\n    createdAt: 2025-01-01T00:00:00Z\n")
        #expect(b.finding("TM-STALE-TRUST") == nil)
    }
}
