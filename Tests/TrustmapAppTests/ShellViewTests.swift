import TerminalUI
import Testing
@testable import TrustmapApp

@Suite("Dashboard shell: view snapshots")
struct ShellViewTests {
    @Test("a role selected at 120×40: navigator, trust summary, details with the policy highlighted")
    func role120x40() {
        var s = Fixtures.state()
        s.press(.down)
        assertSnapshot(AppView.render(s, width: 120, height: 40), named: "shell-role-120x40")
    }

    @Test("the same at 80×24, the smallest supported size")
    func role80x24() {
        var s = Fixtures.state()
        s.press(.down)
        assertSnapshot(AppView.render(s, width: 80, height: 24), named: "shell-role-80x24")
    }

    @Test("below 80×24 a clear 'terminal too small' line, at every size down to 1×1")
    func tiny() {
        let s = Fixtures.state()
        assertSnapshot(AppView.render(s, width: 40, height: 10), named: "shell-tiny-40x10")
        for w in 0...12 {
            for h in 0...4 {
                _ = AppView.render(s, width: w, height: h)
            }
        }
        #expect(AppView.render(s, width: 79, height: 24).text.contains("too small"))
        #expect(!AppView.render(s, width: 80, height: 24).text.contains("too small"))
    }

    @Test("the external ID is masked in the details until revealed, and the header warns while revealed")
    func secretsMasked() {
        var s = Fixtures.state()
        s.press(.down)
        let masked = AppView.render(s, width: 120, height: 40).text
        #expect(masked.contains("c0…(29)"))
        #expect(!masked.contains("c0ffee-4a7e"))
        s.press(.character("x"), .character("y"))
        let shown = AppView.render(s, width: 200, height: 50).text
        #expect(shown.contains("c0ffee-4a7e-9b1d-2f6c8e0a1b3d"))
        #expect(shown.contains("SECRETS REVEALED"))
    }

    @Test("help lists every key of the key table and the palette commands")
    func help() {
        var s = Fixtures.state()
        s.press(.character("?"))
        let help = OverlayView.helpLines(filter: "").map(\.plainText).joined(separator: "\n")
        for b in KeyTable.bindings { #expect(help.contains(b.help), "help misses '\(b.help)'") }
        #expect(help.contains(":theme NAME"))
        #expect(AppView.render(s, width: 120, height: 40).text.contains("Help — type to filter"))
        assertSnapshot(AppView.render(s, width: 80, height: 24), named: "shell-help-80x24")
    }

    @Test("the status bar shows the keys that work here")
    func statusBar() {
        var s = Fixtures.state()
        let bottom = { (s: AppState) in AppView.render(s, width: 120, height: 40).text.split(separator: "\n").last.map(String.init) ?? "" }
        #expect(bottom(s).contains("? help"))
        #expect(bottom(s).contains("q quit"))
        s.press(.character(":"))
        #expect(bottom(s).hasPrefix(" :"))
        s.press(.escape, .character("x"))
        #expect(bottom(s).contains("y reveal"))
    }
}
