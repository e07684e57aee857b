import Inventory
import PolicyEngine
import Simulation
import Testing

/// Issue #14: the text trace of `simulate` quotes the request and the inventory (role, caller, Sids,
/// condition values, explanations); none of it may reach a terminal raw.
@Suite("simulation trace: hostile text")
struct TerminalInjectionTraceTests {
    static let hostileName = "x\u{1B}[2J\u{1B}[HNo findings.\u{1B}[8m"

    @Test("the trace escapes the role, the caller, the Sid and the condition values; colour is the writer's own")
    func hostileTrace() {
        let trust = Fixture.trust("\"*\"", condition: #"{"StringEquals":{"aws:PrincipalTag/team":"ops\u001b[8m"}}"#, sid: "Open\u{202E}")
        let sim = Simulator(inventory: Fixture.inventory(roles: [Fixture.role(Self.hostileName, trust: trust)]))
        let request = Fixture.request("arn:aws:iam::\(Fixture.vendor):user/bob\u{1B}]0;pwned\u{7}", Fixture.roleArn(Self.hostileName))
        let result = sim.simulate(request)
        let text = result.renderText(revealSecrets: false, colour: false)
        let raw = text.unicodeScalars.filter { TerminalSafe.needsEscape($0) && $0 != "\n" }
        #expect(raw.isEmpty, "raw: \(raw.map { String($0.value, radix: 16) })")
        #expect(text.contains(#"role/x\e[2J\e[HNo findings.\e[8m"#))
        #expect(text.contains(#"bob\e]0;pwned\x07"#))
        #expect(text.contains(#"Open\u202e"#))
        #expect(text.contains(#"ops\e[8m"#))
        let coloured = result.renderText(revealSecrets: false, colour: true)
        #expect(!coloured.contains("\u{1B}[2J") && !coloured.contains("\u{1B}]0;") && !coloured.contains("\u{1B}[8m"))
    }
}
