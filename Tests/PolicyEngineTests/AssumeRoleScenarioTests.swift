import Inventory
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
