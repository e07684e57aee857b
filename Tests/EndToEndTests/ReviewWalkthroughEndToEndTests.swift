import Foundation
import Testing

/// A security review on the demo, driven through tmux as a person would: find a role, read its graph,
/// simulate through the palette, jump from a finding, switch themes, resize, quit.
@Suite("Review walkthrough under tmux", .serialized, .enabled(if: EndToEnd.isAvailable, EndToEnd.skipReason))
struct ReviewWalkthroughEndToEndTests {
    static let vendorRole = "arn:aws:iam::111100000004:role/observa-integration"
    static let vendorAccount = "222200000001"
    static let rightExternalId = "5f0c2a9e-7b41-4e8d-a3c6-91d2e8b47f10"

    /// True when some occurrence of `glyph` is drawn under an SGR sequence that sets a colour.
    static func glyphIsColoured(_ glyph: Character, in escaped: String) -> Bool {
        var params: [String] = []  // the SGR parameters in force
        var i = escaped.startIndex
        while i < escaped.endIndex {
            let c = escaped[i]
            if c == "\u{1B}", escaped.index(after: i) < escaped.endIndex, escaped[escaped.index(after: i)] == "[" {
                var j = escaped.index(i, offsetBy: 2)
                var seq = ""
                while j < escaped.endIndex, escaped[j] != "m", seq.count < 40 {
                    seq.append(escaped[j])
                    j = escaped.index(after: j)
                }
                if seq == "0" || seq.isEmpty { params = [] } else { params.append(seq) }
                i = j < escaped.endIndex ? escaped.index(after: j) : j
                continue
            }
            if c == glyph {
                let colours = params.joined(separator: ";").split(separator: ";").compactMap { Int($0) }
                if colours.contains(where: { (30...37).contains($0) || (40...47).contains($0) || $0 == 38 || $0 == 48 || (90...107).contains($0) }) {
                    return true
                }
            }
            i = escaped.index(after: i)
        }
        return false
    }

    @Test("search, graph with a critical edge, simulate wrong then right external ID, jump from a finding, themes, resize, quit")
    func walkthrough() throws {
        let t = try TmuxSession(command: DashboardEndToEndTests.command(env: "TERM=xterm-256color"), width: 160, height: 48)
        #expect(t.waitFor(text: "Acme Corp").ok)

        // 1. Search a role and open its graph: the administrator role a vendor reaches with a pattern external ID.
        t.send("/")
        t.type("role/vaultline-backup")
        t.send("Enter")
        #expect(t.waitFor(text: "match 1 of 1").ok)
        t.send("g")
        let graph = t.waitFor(text: "Trust graph · vaultline-backup")
        #expect(graph.ok, "\(graph.screen)")
        // The critical edge is marked in text (the ‼ glyph on the edge) …
        let edgeLine = graph.screen.split(separator: "\n").first { $0.contains("─‼") || $0.contains("‼ ") && $0.contains("▶") }
        #expect(edgeLine != nil, "no ‼ on an edge:\n\(graph.screen)")
        // … and in colour: the glyph is drawn with a colour attribute.
        let escaped = t.screen(escapes: true)
        #expect(Self.glyphIsColoured("‼", in: escaped), "the critical glyph is not coloured")

        // 2. Simulate through the palette: a wrong external ID is DENIED, the right one ALLOWED.
        t.send(":")
        t.type("simulate --principal \(Self.vendorAccount) --role \(Self.vendorRole) --external-id wrong-value-123")
        #expect(!t.screen().contains("wrong-value-123"), "the prompt showed the external ID")
        t.send("Enter")
        let denied = t.waitFor(text: "D E N I E D")
        #expect(denied.ok, "\(denied.screen)")
        t.send(":")
        t.type("simulate --principal \(Self.vendorAccount) --role \(Self.vendorRole) --external-id \(Self.rightExternalId)")
        let typing = t.screen()
        t.send("Enter")
        let allowed = t.waitFor(text: "A L L O W E D")
        #expect(allowed.ok, "\(allowed.screen)")
        for screen in [typing, denied.screen, allowed.screen] {
            #expect(!screen.contains(Self.rightExternalId), "an external ID was shown in full")
            #expect(!screen.contains("5f0c2a9e-7b41"), "an external ID was shown in full")
        }

        // 3. Findings: Enter on the first (critical) finding jumps to its subject's graph.
        t.send("Escape")
        t.send("f")
        #expect(t.waitFor(text: "Findings").ok)
        t.send("Enter")
        let jumped = t.waitFor { $0.contains("Trust graph ·") && !$0.contains("Trust graph · vaultline-backup ─") }
        #expect(jumped.ok, "\(jumped.screen)")

        // 4. Themes cycle.
        t.send("t")
        #expect(t.waitFor(text: "theme: light").ok)
        t.send("t")
        #expect(t.waitFor(text: "theme: high-contrast").ok)

        // 5. Resize to tiny and back.
        t.resize(width: 50, height: 12)
        #expect(t.waitFor(text: "too small").ok)
        t.resize(width: 160, height: 48)
        #expect(t.waitFor(text: "Acme Corp").ok)

        // 6. Quit with status 0 and a restored terminal.
        t.send("q")
        let done = t.waitFor { DashboardEndToEndTests.finished($0) }
        #expect(done.screen.contains("EXIT:0"), "\(done.screen)")
        #expect(DashboardEndToEndTests.terminalIsSane(done.screen))
        #expect(t.display("#{alternate_on}") == "0")
    }
}
