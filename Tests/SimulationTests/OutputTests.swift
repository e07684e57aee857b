import Inventory
import Simulation
import PolicyEngine
import Testing

/// The JSON shape of `simulate --format json`, the text trace, and `--request FILE` decoding.
@Suite("result output and request decoding")
struct OutputTests {
    static let trust = Fixture.trust("{\"AWS\":\"arn:aws:iam::222222222222:root\"}", condition: #"{"StringEquals":{"sts:ExternalId":"s3cr3t-external-id-value"}}"#, sid: "VendorAudit")
    static let sim = Simulator(inventory: Fixture.inventory(roles: [Fixture.role("Audit", trust: trust)]))

    @Test("the JSON has decision, reason, request, steps with statements and conditions, and session")
    func jsonShape() {
        let r = Self.sim.simulate(Fixture.request(Fixture.vendor, Fixture.roleArn("Audit")) { $0.externalId = "s3cr3t-external-id-value" })
        let json = r.jsonValue(revealSecrets: false)
        #expect(json["decision"] == "allowed")
        #expect(json["reason"]?.stringValue?.hasPrefix("allowed:") == true)
        #expect(json["request"]?["externalId"] == "s3…(24)")
        let trustStep = json["steps"]?.arrayValue?.first { $0["step"] == "trust-policy" }
        let statement = trustStep?["statements"]?.arrayValue?.first
        #expect(statement?["sid"] == "VendorAudit")
        #expect(statement?["principal"]?["by"] == "account root 222222222222")
        let condition = statement?["conditions"]?.arrayValue?.first
        #expect(condition?["operator"] == "StringEquals")
        #expect(condition?["policyValues"] == ["s3…(24)"])
        #expect(condition?["requestValues"] == ["s3…(24)"])
        #expect(condition?["result"] == .bool(true))
        #expect(json["session"]?["arn"] == "arn:aws:sts::111111111111:assumed-role/Audit/s1")
        #expect(!JSONWriter.write(json).contains("s3cr3t-external-id-value"))
        #expect(JSONWriter.write(r.jsonValue(revealSecrets: true)).contains("s3cr3t-external-id-value"))
    }

    @Test("a denied result lists hints, each saying whether the caller can make it")
    func hints() {
        let r = Self.sim.simulate(Fixture.request(Fixture.vendor, Fixture.roleArn("Audit")) { $0.externalId = "wrong-value" })
        let hints = r.jsonValue(revealSecrets: false)["hints"]?.arrayValue ?? []
        #expect(hints.contains { $0["text"]?.stringValue?.contains("external ID required by statement 'VendorAudit'") == true && $0["callerCanMake"] == .bool(true) })
        #expect(!r.reason.contains("wrong-value"))
    }

    @Test("the text trace uses ✓ and ✗, colour only when asked")
    func text() {
        let r = Self.sim.simulate(Fixture.request(Fixture.vendor, Fixture.roleArn("Audit")))
        let plain = r.renderText(revealSecrets: false, colour: false)
        #expect(plain.hasPrefix("DENIED  trust-policy:"))
        #expect(plain.contains("✓") && plain.contains("✗"))
        #expect(plain.contains("condition ✗ StringEquals sts:ExternalId: policy ['s3…(24)'] vs request [absent]"))
        #expect(!plain.contains("\u{1B}["))
        #expect(r.renderText(revealSecrets: false, colour: true).contains("\u{1B}["))
    }

    @Test("the same request gives the same output, byte for byte")
    func deterministic() {
        let a = JSONWriter.write(Self.sim.simulate(Fixture.request(Fixture.vendor, Fixture.roleArn("Audit"))).jsonValue(revealSecrets: false))
        let b = JSONWriter.write(Self.sim.simulate(Fixture.request(Fixture.vendor, Fixture.roleArn("Audit"))).jsonValue(revealSecrets: false))
        #expect(a == b)
    }

    @Test("--request decoding reads every field of §0.5")
    func decoding() throws {
        let text = #"""
        {"action":"sts:AssumeRole","principal":"222222222222","role":"arn:aws:iam::111111111111:role/Audit","sessionName":"s","durationSeconds":900,
         "externalId":"x1","mfa":true,"mfaAgeSeconds":30,"sourceIp":"10.0.0.1","sessionTags":{"team":"red"},"transitiveTagKeys":["team"],
         "sourceIdentity":"me","chained":false,"currentTime":"2026-01-01T00:00:00Z","context":{"aws:SourceVpce":"vpce-1","k":["a","b"]},
         "sessionPolicy":{"Version":"2012-10-17","Statement":[]},"callerPolicies":"unknown-denies"}
        """#
        let r = try AssumeRoleRequest(json: JSONParser.parse(text), currentTime: 0)
        #expect(r.durationSeconds == 900 && r.mfa && r.mfaAgeSeconds == 30 && r.externalId == "x1")
        #expect(r.sessionTags == [.init(key: "team", value: "red")])
        #expect(r.currentTime == 1_767_225_600)
        #expect(r.extraContext.last?.value == .multi(["a", "b"]))
        #expect(r.callerPolicies == .unknownDenies && r.chained == false && r.sessionPolicy != nil)
    }

    @Test("--request decoding errors name the field and its path")
    func decodingErrors() throws {
        let bad = #"{"role":"arn:aws:iam::111111111111:role/A","webIdentity":{"provider":"x","amr":[1,{"a":1}]}}"#
        #expect(throws: RequestDecodingError.self) { try AssumeRoleRequest(json: JSONParser.parse(bad), currentTime: 0) }
        do {
            _ = try AssumeRoleRequest(json: JSONParser.parse(bad), currentTime: 0)
        } catch let e as RequestDecodingError {
            #expect(e.field == "webIdentity.amr[1]")
            let position = JSONParser.position(of: e.path, in: Array(bad.utf8))
            #expect(position?.line == 1)
        }
        do {
            _ = try AssumeRoleRequest(json: JSONParser.parse(#"{"role":"r","externalID":"x"}"#), currentTime: 0)
            Issue.record("a misspelt field must be an error")
        } catch let e as RequestDecodingError {
            #expect(e.field == "externalID")
        }
    }
}

/// Issue #14, item 8: a hint about the caller's own attributes said "not changeable by the caller" twice.
@Suite("hint wording")
struct HintWordingTests {
    @Test("a principal-tag condition's hint says once that the caller cannot change it")
    func once() {
        let trust = Fixture.trust("{\"AWS\":\"222222222222\"}", condition: #"{"StringEquals":{"aws:PrincipalTag/team":"ops"}}"#)
        let sim = Simulator(inventory: Fixture.inventory(roles: [Fixture.role("Tagged", trust: trust)]))
        let r = sim.simulate(Fixture.request(Fixture.vendor, Fixture.roleArn("Tagged")))
        let text = r.renderText(revealSecrets: false, colour: false)
        #expect(r.decision == .denied)
        #expect(text.components(separatedBy: "not changeable by the caller").count == 2, "\(text)")
    }
}
