import Inventory
import Simulation
import PolicyEngine
import Testing

/// assume-role.md §h (durations and chaining) and §d.1 (sts:TagSession, sts:SetSourceIdentity).
@Suite("durations, chaining and companion actions (§h, §d.1)")
struct DurationAndCompanionTests {
    static let inv = Fixture.inventory(
        roles: [
            Fixture.role("Long", trust: Fixture.trust("{\"AWS\":[\"111111111111\",\"arn:aws:iam::111111111111:role/Hop\"],\"Service\":\"lambda.amazonaws.com\"}"), maxSession: 43200),
            Fixture.role("Short", trust: Fixture.trust("{\"AWS\":\"111111111111\"}")),
            Fixture.role("Hop", trust: Fixture.trust("{\"AWS\":\"111111111111\"}"), policies: [Fixture.allow()]),
            Fixture.role("Instance", trust: Fixture.trust("{\"Service\":\"ec2.amazonaws.com\"}"), policies: [Fixture.allow()]),
            Fixture.role("Tagged", trust: Fixture.trust("{\"AWS\":\"111111111111\"}", action: "[\"sts:AssumeRole\",\"sts:TagSession\"]")),
        ],
        users: [Fixture.user("alice", policies: [Fixture.allow("sts:*")]), Fixture.user("narrow", policies: [Fixture.allow()])])
    static let sim = Simulator(inventory: inv)

    static func run(_ principal: String, _ role: String, _ configure: (inout AssumeRoleRequest) -> Void = { _ in }) -> SimulationResult {
        sim.simulate(Fixture.request(principal, Fixture.roleArn(role), configure: configure))
    }

    @Test("the default DurationSeconds is 3600")
    func defaultDuration() { #expect(Self.run(Fixture.userArn("alice"), "Short").session?.durationSeconds == 3600) }

    @Test("a request above the role's MaxSessionDuration is invalid, tag duration", arguments: [(3600, false), (3601, true)])
    func roleMaximum(seconds: Int, invalid: Bool) {
        let r = Self.run(Fixture.userArn("alice"), "Short") { $0.durationSeconds = seconds }
        #expect((r.decision == .invalid && Fixture.tag(r) == "duration") == invalid)
        #expect(Self.run(Fixture.userArn("alice"), "Long") { $0.durationSeconds = 43200 }.decision == .allowed)
    }

    @Test("role chaining caps sessions at one hour, whatever the role's maximum")
    func chaining() {
        let hop = "arn:aws:sts::111111111111:assumed-role/Hop/s"
        let r = Self.run(hop, "Long") { $0.durationSeconds = 7200 }
        #expect(r.decision == .invalid && Fixture.tag(r) == "duration")
        #expect(r.reason.contains("role chaining"))
        #expect(Self.run(hop, "Long") { $0.durationSeconds = 3600 }.decision == .allowed)
        #expect(Self.run(Fixture.userArn("alice"), "Long") { $0.durationSeconds = 7200; $0.chained = true }.decision == .invalid)
    }

    @Test("sessions of roles that trust only EC2 are not chaining by default (instance profiles)")
    func instanceProfile() {
        #expect(Self.run("arn:aws:sts::111111111111:assumed-role/Instance/i-1", "Long") { $0.durationSeconds = 7200 }.decision == .allowed)
    }

    @Test("MaxSessionDuration does not limit service principals")
    func services() {
        #expect(Self.run("lambda.amazonaws.com", "Long") { $0.durationSeconds = 43200 }.decision == .allowed)
    }

    @Test("duration checks run after authorization: a denied caller learns nothing about the role's maximum (A4)")
    func durationAfterAuthorization() {
        let r = Self.run("arn:aws:iam::222222222222:user/x", "Short") { $0.durationSeconds = 7200; $0.callerPolicies = .unknownDenies }
        #expect(r.decision == .denied)
    }

    @Test("session tags require sts:TagSession in the trust policy and the identity policy")
    func tagSession() {
        let tags: (inout AssumeRoleRequest) -> Void = { $0.sessionTags = [.init(key: "team", value: "red")] }
        let r = Self.run(Fixture.userArn("alice"), "Short", tags)
        #expect(r.decision == .denied && Fixture.tag(r) == "trust-policy")
        #expect(r.reason.contains("sts:TagSession"))
        #expect(Self.run(Fixture.userArn("alice"), "Tagged", tags).decision == .allowed)
        let narrow = Self.run(Fixture.userArn("narrow"), "Tagged", tags)
        #expect(Fixture.tag(narrow) == "identity-policy" && narrow.reason.contains("sts:TagSession"))
        #expect(Self.run(Fixture.userArn("alice"), "Tagged") { $0.transitiveTagKeys = ["team"]; $0.sessionTags = [.init(key: "team", value: "r")] }.decision == .allowed)
    }

    @Test("a source identity requires sts:SetSourceIdentity")
    func setSourceIdentity() {
        let r = Self.run(Fixture.userArn("alice"), "Short") { $0.sourceIdentity = "alice" }
        #expect(Fixture.tag(r) == "trust-policy" && r.reason.contains("sts:SetSourceIdentity"))
    }

    @Test("the main action's context carries the tags, so a trust can require them")
    func requireTags() {
        let trust = Fixture.trust("{\"AWS\":\"111111111111\"}", action: "[\"sts:AssumeRole\",\"sts:TagSession\"]", condition: "{\"StringEquals\":{\"aws:RequestTag/team\":\"red\"}}")
        let s = Simulator(inventory: Fixture.inventory(roles: [Fixture.role("T", trust: trust)], users: [Fixture.user("alice", policies: [Fixture.allow("sts:*")])]))
        #expect(s.simulate(Fixture.request(Fixture.userArn("alice"), Fixture.roleArn("T")) { $0.sessionTags = [.init(key: "team", value: "red")] }).decision == .allowed)
        let r = s.simulate(Fixture.request(Fixture.userArn("alice"), Fixture.roleArn("T")))
        #expect(r.decision == .denied)
        #expect(r.hints.contains { $0.text.contains("team") && $0.callerCanMake })
    }
}
