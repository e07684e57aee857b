import Inventory
import Simulation
import PolicyEngine
import Testing

/// assume-role.md §a: every row of the validation table, each limit on both sides.
@Suite("request validation (§a)")
struct RequestValidationTests {
    static let sim = Simulator(inventory: Fixture.inventory(roles: [Fixture.role("R", trust: Fixture.trust("{\"AWS\":\"111111111111\"}"))], users: [Fixture.user("alice", policies: [Fixture.allow()])]))
    static let alice = Fixture.userArn("alice")

    static func decide(_ configure: (inout AssumeRoleRequest) -> Void) -> SimulationResult {
        sim.simulate(Fixture.request(alice, Fixture.roleArn("R"), configure: configure))
    }

    static func isInvalid(_ r: SimulationResult) -> Bool { r.decision == .invalid && Fixture.tag(r) == "request-validation" }

    @Test("a well-formed request passes validation and is allowed")
    func wellFormed() { #expect(Self.decide { _ in }.decision == .allowed) }

    @Test("RoleArn must be an IAM role ARN of 20–2048 characters", arguments: [
        ("arn:aws:iam::111111111111:saml-provider/Okta", true), ("arn:aws:iam::1111:role/R", true), ("short", true),
        ("arn:aws:s3:::bucket/role/R", true), ("arn:aws:iam::111111111111:role/" + String(repeating: "a", count: 2048), true),
        ("arn:aws:iam::111111111111:role/R", false),
    ])
    func roleArn(arn: String, invalid: Bool) {
        #expect(Self.isInvalid(Self.decide { $0.role = arn }) == invalid)
    }

    @Test("RoleSessionName: 2–64 characters of [\\w+=,.@-]", arguments: [
        ("a", true), ("ab", false), (String(repeating: "x", count: 64), false), (String(repeating: "x", count: 65), true),
        ("with space", true), ("a:b", true), ("a/b", true), ("ok+=,.@-_9", false), ("é-name", true),
    ])
    func sessionName(name: String, invalid: Bool) {
        #expect(Self.isInvalid(Self.decide { $0.sessionName = name }) == invalid)
    }

    @Test("RoleSessionName is required for AssumeRole")
    func sessionNameRequired() { #expect(Self.isInvalid(Self.decide { $0.sessionName = nil })) }

    @Test("ExternalId: 2–1224 characters of [\\w+=,.@:/-], underscore allowed (A2)", arguments: [
        ("a", true), ("ab", false), (String(repeating: "x", count: 1224), false), (String(repeating: "x", count: 1225), true),
        ("with_underscore", false), ("urn:vendor/id-1", false), ("has space", true), ("semi;colon", true),
    ])
    func externalId(id: String, invalid: Bool) {
        let r = Self.decide { $0.externalId = id }
        #expect(Self.isInvalid(r) == invalid)
        // The secret never appears in the reason, even when it is the faulty parameter.
        if invalid && id.count > 3 { #expect(!r.reason.contains(id)) }
    }

    @Test("DurationSeconds: 900–43200 is the API range", arguments: [(899, true), (900, false), (43200, false), (43201, true)])
    func duration(seconds: Int, invalid: Bool) {
        // Within the API range, the role maximum (3600) is checked later and gives `duration`, not `request-validation`.
        #expect(Self.isInvalid(Self.decide { $0.durationSeconds = seconds }) == invalid)
    }

    @Test("SourceIdentity: 2–64 characters of [\\w+=,.@-], not starting with aws:", arguments: [
        ("a", true), ("alice", false), ("aws:alice", true), ("AWS:alice", true), ("al ice", true), (String(repeating: "x", count: 65), true),
    ])
    func sourceIdentity(value: String, invalid: Bool) {
        #expect(Self.isInvalid(Self.decide { $0.sourceIdentity = value }) == invalid)
    }

    @Test("Tags: at most 50; keys 1–128, values 0–256 of letters, digits, spaces and _.:/=+-@; keys unique ignoring case")
    func tags() {
        typealias T = AssumeRoleRequest.SessionTag
        #expect(Self.isInvalid(Self.decide { $0.sessionTags = (0..<51).map { T(key: "k\($0)", value: "v") } }))
        #expect(!Self.isInvalid(Self.decide { $0.sessionTags = (0..<50).map { T(key: "k\($0)", value: "v") } }))
        #expect(Self.isInvalid(Self.decide { $0.sessionTags = [T(key: "", value: "v")] }))
        #expect(Self.isInvalid(Self.decide { $0.sessionTags = [T(key: String(repeating: "k", count: 129), value: "v")] }))
        #expect(!Self.isInvalid(Self.decide { $0.sessionTags = [T(key: "Cost Centre:é/=+-@_.", value: "")] }))
        #expect(Self.isInvalid(Self.decide { $0.sessionTags = [T(key: "k", value: String(repeating: "v", count: 257))] }))
        #expect(Self.isInvalid(Self.decide { $0.sessionTags = [T(key: "k!", value: "v")] }))
        #expect(Self.isInvalid(Self.decide { $0.sessionTags = [T(key: "Team", value: "a"), T(key: "team", value: "b")] }))
    }

    @Test("TransitiveTagKeys: at most 50 valid tag keys")
    func transitiveKeys() {
        #expect(Self.isInvalid(Self.decide { $0.transitiveTagKeys = (0..<51).map { "k\($0)" } }))
        #expect(Self.isInvalid(Self.decide { $0.transitiveTagKeys = ["bad!"] }))
    }

    @Test("Policy: 1–2048 characters in the allowed range, and a parseable policy")
    func passedPolicy() {
        let good = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
        #expect(Self.decide { $0.policy = good }.decision == .allowed)
        #expect(Self.isInvalid(Self.decide { $0.policy = "" }))
        #expect(Self.isInvalid(Self.decide { $0.policy = good + String(repeating: " ", count: 2048) }))
        #expect(Self.isInvalid(Self.decide { $0.policy = "{not json" }))
        #expect(Self.isInvalid(Self.decide { $0.policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}"# }))
        #expect(Self.isInvalid(Self.decide { $0.policy = "{\"a\":\"\u{2603}\"}" }))
    }

    @Test("WebIdentityToken and SAMLAssertion are required for their operations")
    func federatedTokens() {
        #expect(Self.isInvalid(Self.decide { $0.action = .assumeRoleWithWebIdentity }))
        #expect(Self.isInvalid(Self.decide { $0.action = .assumeRoleWithSAML; $0.sessionName = nil }))
    }

    @Test("validation runs before everything else: a bad session name on a missing role is invalid, not denied")
    func orderFirst() {
        let r = Self.sim.simulate(Fixture.request("arn:aws:iam::111111111111:root", Fixture.roleArn("Nope"), session: "x"))
        #expect(r.decision == .invalid)
        #expect(Fixture.tag(r) == "request-validation")
        #expect(r.hints.allSatisfy { $0.callerCanMake })
    }
}
