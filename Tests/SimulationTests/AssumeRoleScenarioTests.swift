import Inventory
import Simulation
import PolicyEngine
import Testing

@Suite("AssumeRole end to end through the inventory adapter")
struct AssumeRoleScenarioTests {
    @Test("a vendor with the right external ID may assume the audit role")
    func vendorWithExternalId() {
        let trust = Fixture.trust("{\"AWS\":\"arn:aws:iam::222222222222:root\"}", condition: "{\"StringEquals\":{\"sts:ExternalId\":\"abcdefghijklmnopqrstuvwx\"}}", sid: "VendorAudit")
        let sim = Simulator(inventory: Fixture.inventory(roles: [Fixture.role("Audit", trust: trust)]))
        let ok = sim.simulate(Fixture.request(Fixture.vendor, Fixture.roleArn("Audit")) { $0.externalId = "abcdefghijklmnopqrstuvwx" })
        #expect(ok.decision == .allowed)
        #expect(ok.reason.hasPrefix("allowed:"))
        #expect(ok.session?.arn == "arn:aws:sts::111111111111:assumed-role/Audit/s1")
        #expect(!ok.assumptions.isEmpty)
        let missing = sim.simulate(Fixture.request(Fixture.vendor, Fixture.roleArn("Audit")))
        #expect(missing.decision == .denied)
        #expect(Fixture.tag(missing) == "trust-policy")
        #expect(missing.hints.contains { $0.text.contains("external ID") && $0.callerCanMake })
        let json = JSONWriter.write(missing.jsonValue(revealSecrets: false))
        #expect(!json.contains("abcdefghijklmnopqrstuvwx"))
        #expect(json.contains("ab…(24)"))
        let revealed = JSONWriter.write(missing.jsonValue(revealSecrets: true))
        #expect(revealed.contains("abcdefghijklmnopqrstuvwx"))
        let text = missing.renderText(revealSecrets: false, colour: false)
        #expect(!text.contains("abcdefghijklmnopqrstuvwx"))
        #expect(text.contains("✗"))
        #expect(!text.contains("\u{1B}["))
    }
}

@Suite("the fast decision and the explained decision agree")
struct FastPathParityTests {
    @Test("decide-now and explain-later give the same decision, step and explicitness for every benchmark request")
    func parity() {
        let trust = Fixture.doc(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["111111111111","arn:aws:iam::222222222222:root"]},"Action":["sts:AssumeRole","sts:TagSession"],"Condition":{"StringEqualsIfExists":{"sts:ExternalId":"bench-external-id"}}},{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::333333333333:root"},"Action":"sts:AssumeRole"}]}"#)
        let inv = Fixture.inventory(
            roles: [Fixture.role("A", trust: trust, policies: [Fixture.allow()]), Fixture.role("B", account: Fixture.dev, trust: trust, boundary: Fixture.allow("s3:*")), Fixture.role("C", account: Fixture.vendor, trust: Fixture.trust("\"*\""), maxSession: 7200)],
            users: [Fixture.user("a", policies: [Fixture.allow()]), Fixture.user("b", account: Fixture.dev), Fixture.user("c", account: Fixture.vendor, policies: [Fixture.allow("sts:*")])])
        let sim = Simulator(inventory: inv)
        // Every user and role session against every role, with and without the external ID.
        let callers = inv.users.map(\.arn) + inv.roles.map { "arn:aws:sts::\($0.accountId):assumed-role/\($0.name)/parity" }
        let requests = callers.flatMap { caller in
            inv.roles.flatMap { role in
                [nil, "bench-external-id"].map { AssumeRoleRequest(principal: caller, role: role.arn, sessionName: "parity", externalId: $0, currentTime: Fixture.now) }
            }
        }
        #expect(requests.count == 36)
        for r in requests {
            let fast = sim.simulate(r)
            let reason = fast.reason
            let explainedTag = String(reason.prefix { $0 != ":" })
            #expect(explainedTag == (fast.decidingStep?.rawValue ?? "allowed"), "\(r.principal ?? "") → \(r.role)")
            #expect(fast.isExplicitDeny == (fast.decision == .denied && fast.steps.last { $0.kind == fast.decidingStep }?.outcome == .deny))
        }
    }
}
