import Foundation
import TerminalUI
import Testing
@testable import TrustmapApp

@Suite("Dashboard shell: update")
struct ShellUpdateTests {
    @Test("the first account starts unfolded; organization accounts come before third parties")
    func initialTree() {
        let s = Fixtures.state()
        #expect(s.navigatorItems.map(\.label) == ["prod", "Audit", "Deployer", "Ops", "alice", "staging", "acme-vendor"])
        #expect(s.selection?.label == "prod")
    }

    @Test("j/k and arrows move; Home/End jump; the cursor stays in range")
    func movement() {
        var s = Fixtures.state()
        s.press(.character("j"), .down)
        #expect(s.selection?.label == "Deployer")
        s.press(.character("k"))
        #expect(s.selection?.label == "Audit")
        s.press(.end)
        #expect(s.selection?.label == "acme-vendor")
        s.press(.down, .down)
        #expect(s.selection?.label == "acme-vendor")
        s.press(.home, .up)
        #expect(s.selection?.label == "prod")
    }

    @Test("← folds an account, → and Enter unfold it; ← on a role goes to its account")
    func folding() {
        var s = Fixtures.state()
        s.press(.down, .left)
        #expect(s.selection?.label == "prod")
        s.press(.left)
        #expect(s.navigatorItems.count == 3)
        s.press(.right)
        #expect(s.navigatorItems.count == 7)
        s.press(.end, .enter)
        #expect(s.navigatorItems.count == 7)
    }

    @Test("Tab cycles panes forward, Shift-Tab backward; Esc returns to the navigator")
    func panes() {
        var s = Fixtures.state()
        s.press(.tab)
        #expect(s.focus == .main)
        s.press(.tab, .tab)
        #expect(s.focus == .navigator)
        s.press(.backTab)
        #expect(s.focus == .details)
        s.press(.escape)
        #expect(s.focus == .navigator)
    }

    @Test("/ searches folded accounts too, unfolds the match; n and N cycle")
    func search() {
        var s = Fixtures.state()
        s.press(.character("/"))
        s.type("ops")
        s.press(.enter)
        #expect(s.selection?.id == "arn:aws:iam::111111111111:role/Ops")
        s.press(.character("n"))
        #expect(s.selection?.id == "arn:aws:iam::333333333333:role/Ops")
        #expect(s.expanded.contains("333333333333"))
        s.press(.character("n"))
        #expect(s.selection?.id == "arn:aws:iam::111111111111:role/Ops")
        s.press(.character("N"))
        #expect(s.selection?.id == "arn:aws:iam::333333333333:role/Ops")
        s.press(.character("/"))
        s.type("nothing-like-this")
        s.press(.enter)
        #expect(s.messageIsError)
        #expect(s.message?.contains("no match") == true)
    }

    @Test("search matches each entry once, case-insensitively, never across two entries' texts")
    func searchCorpus() {
        let index = Fixtures.state().navigatorIndex
        let ids = index.searchIDs
        #expect(index.searchMatches("OPS").map { ids[$0] } == ["arn:aws:iam::111111111111:role/Ops", "arn:aws:iam::333333333333:role/Ops"])
        // Each entry's text ends its ARN; the next begins with a name: no match may join them.
        #expect(index.searchMatches("role/opsalice").isEmpty)
        #expect(index.searchMatches("111111111111").count == ids.filter { $0.contains("111111111111") }.count)
        #expect(index.searchMatches("\u{0}").isEmpty)
    }

    @Test("keys typed into an overlay never trigger dashboard actions")
    func overlaysTakeKeys() {
        var s = Fixtures.state()
        s.press(.character("/"))
        s.type("q")
        #expect(s.exitStatus == nil)
        s.press(.escape)
        #expect(s.overlay == nil)
        s.press(.character("?"))
        s.type("qt")
        #expect(s.exitStatus == nil)
        s.press(.escape)
        s.press(.character("q"))
        #expect(s.exitStatus == 0)
    }

    @Test("x asks before revealing; n keeps secrets masked; y reveals; x masks again")
    func reveal() {
        var s = Fixtures.state()
        s.press(.character("x"))
        #expect(s.overlay == .confirmReveal)
        s.press(.character("n"))
        #expect(!s.revealSecrets)
        s.press(.character("x"), .character("y"))
        #expect(s.revealSecrets)
        s.press(.character("x"))
        #expect(!s.revealSecrets)
    }

    @Test("t cycles themes and wraps around")
    func themes() {
        var s = Fixtures.state()
        let names = (0..<5).map { _ -> String in
            s.press(.character("t"))
            return s.theme.name
        }
        #expect(names == ["light", "high-contrast", "mono", "default", "light"])
    }

    @Test("palette: theme, unknown commands and history")
    func palette() {
        var s = Fixtures.state()
        s.press(.character(":"))
        s.type("theme mono")
        s.press(.enter)
        #expect(s.theme.name == "mono")
        s.press(.character(":"))
        s.type("frobnicate")
        s.press(.enter)
        #expect(s.messageIsError)
        #expect(s.message?.contains("unknown command") == true)
        s.press(.character(":"), .up)
        guard case .palette(let f)? = s.overlay else { Issue.record("palette closed"); return }
        #expect(f.text == "frobnicate")
        s.press(.up)
        guard case .palette(let g)? = s.overlay else { return }
        #expect(g.text == "theme mono")
    }

    @Test("palette Tab completes command names and ARNs")
    func completion() {
        let s = Fixtures.state()
        #expect(PaletteCommand.complete("the", state: s) == "theme ")
        #expect(PaletteCommand.complete("graph arn:aws:iam::111111111111:role/D", state: s) == "graph arn:aws:iam::111111111111:role/Deployer ")
        #expect(PaletteCommand.complete("theme hi", state: s) == "theme high-contrast ")
    }

    @Test("Ctrl-C, SIGTERM and SIGHUP end with 128 + the signal")
    func signals() {
        for (sig, code) in [(Int32(2), Int32(130)), (15, 143), (1, 129)] {
            var s = Fixtures.state()
            s.update(.interrupt(signal: sig))
            #expect(s.exitStatus == code)
        }
    }

    @Test("a click selects a navigator row; the wheel scrolls")
    func mouse() {
        var s = Fixtures.state()
        s.update(.resize(width: 120, height: 40))
        s.update(.mouse(MouseEvent(kind: .press, x: 3, y: 4)))
        #expect(s.selection?.label == "Deployer")
        s.update(.mouse(MouseEvent(kind: .wheelDown, x: 3, y: 4)))
        #expect(s.selection?.label == "staging")
    }
}

@Suite("README")
struct ReadmeTests {
    @Test("the README's key table is the key table the dashboard dispatches with")
    func keyTableInReadme() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        if !readme.contains(KeyTable.markdown) {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-keytable.md")
            try? KeyTable.markdown.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("README.md's key table is out of date: paste \(file.path) between <!-- keys:begin --> and <!-- keys:end -->")
        }
        #expect(readme.hasPrefix("# trustmap"))
        #expect(readme.contains("swift run trustmap"))
        #expect(readme.contains("swift test"))
    }
}

@Suite("Palette secrets")
struct PaletteSecretTests {
    @Test("the prompt shows an external ID typed into :simulate as bullets of the same length")
    func maskedPrompt() {
        #expect(PaletteCommand.maskingSecrets("simulate --external-id abc123 --mfa") == "simulate --external-id •••••• --mfa")
        #expect(PaletteCommand.maskingSecrets("simulate --external-id=xy") == "simulate --external-id=••")
        #expect(PaletteCommand.maskingSecrets("graph x") == "graph x")
        var s = Fixtures.state()
        s.press(.character(":"))
        s.type("simulate --external-id topsecretvalue")
        let text = AppView.render(s, width: 120, height: 40).text
        #expect(!text.contains("topsecretvalue"))
        #expect(text.contains("••••••••••••••"))
    }
}

@Suite("Status line")
struct StatusLineTests {
    @Test("an error message does not colour the next, ordinary message")
    func errorFlagResets() {
        var s = Fixtures.state()
        s.update(.command("frobnicate"))
        #expect(s.messageIsError)
        s.press(.character("t"))
        #expect(s.message == "theme: light")
        #expect(!s.messageIsError)
    }
}
