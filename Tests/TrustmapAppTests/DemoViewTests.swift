import TerminalUI
import Testing
import TrustAnalysis
@testable import TrustmapApp

/// Every main view on the demo, at the smallest supported size and a projector-friendly one.
@Suite("Dashboard views on the demo")
struct DemoViewTests {
    static let sizes = [(80, 24), (120, 40)]

    func render(_ s: AppState, _ w: Int, _ h: Int) -> ScreenBuffer {
        var s = s
        s.update(.resize(width: w, height: h))
        return AppView.render(s, width: w, height: h)
    }

    @Test("the first screen: overview of the estate, header counts by severity glyph")
    func overview() {
        let s = DemoFixtures.state()
        for (w, h) in Self.sizes { assertSnapshot(render(s, w, h), named: "demo-overview-\(w)x\(h)") }
        let text = render(s, 120, 40).text
        let counts = Dictionary(grouping: DemoFixtures.analysis.findings.filter { !$0.isSuppressed }, by: \.severity).mapValues(\.count)
        #expect(text.contains("‼ \(counts[.critical] ?? 0)"))
        #expect(text.contains("! \(counts[.high] ?? 0)"))
    }

    @Test("the trust graph of a vendor-reachable administrator role: the critical edge carries ‼ and its role")
    func graph() {
        var s = DemoFixtures.state()
        s.update(.command("graph \(DemoFixtures.vendorAdminRole)"))
        for (w, h) in Self.sizes { assertSnapshot(render(s, w, h), named: "demo-graph-\(w)x\(h)") }
        let frame = render(s, 120, 40)
        let main = ScreenLayout(width: 120, height: 40).main.inset(by: 1)
        var criticalGlyphOnEdge = false
        for y in main.y..<main.maxY {
            for x in main.x..<main.maxX where frame[x, y].character == "‼" && frame[x, y].role == .critical {
                criticalGlyphOnEdge = true
            }
        }
        #expect(criticalGlyphOnEdge, "no critical glyph in the critical style on the graph")
    }

    @Test("Tab into the graph selects edges; the details show the selected edge")
    func graphEdges() {
        var s = DemoFixtures.state()
        s.update(.command("graph \(DemoFixtures.vendorAdminRole)"))
        s.press(.tab)
        #expect(s.focus == .main)
        let first = AppView.render(s, width: 120, height: 40).text
        #expect(first.contains("edge "))
        s.press(.down)
        let second = AppView.render(s, width: 120, height: 40).text
        #expect(first != second)
        assertSnapshot(AppView.render(s, width: 120, height: 40), named: "demo-graph-edge-120x40")
    }

    @Test("Enter on a graph edge follows it; s simulates it")
    func graphFollowAndSimulate() {
        var s = DemoFixtures.state()
        s.update(.command("graph \(DemoFixtures.vendorAdminRole)"))
        s.press(.tab, .enter)
        #expect(s.selection?.id != DemoFixtures.vendorAdminRole || s.graphScreen.focus != nil)
        var t = DemoFixtures.state()
        t.update(.command("graph \(DemoFixtures.vendorAdminRole)"))
        t.press(.tab, .character("s"))
        #expect(t.mainView == .simulate)
    }

    @Test("the account overview graph (o) and depth (+/-)")
    func overviewGraphAndDepth() {
        var s = DemoFixtures.state()
        s.update(.command("graph \(DemoFixtures.vendorAdminRole)"))
        s.press(.tab, .character("+"))
        #expect(s.graphScreen.depth == 2)
        s.press(.character("-"), .character("-"))
        #expect(s.graphScreen.depth == 1)
        s.press(.character("o"))
        #expect(s.graphScreen.overview)
        assertSnapshot(render(s, 120, 40), named: "demo-graph-overview-120x40")
    }

    @Test("findings view: sorted worst first; filters by severity, rule, account; Enter jumps to the subject's graph")
    func findings() {
        var s = DemoFixtures.state()
        s.press(.character("f"))
        for (w, h) in Self.sizes { assertSnapshot(render(s, w, h), named: "demo-findings-\(w)x\(h)") }
        let all = s.findingsScreen.visible(DemoFixtures.analysis)
        #expect(all.first?.severity == .critical)
        s.press(.character("v"), .character("v"), .character("v"))
        #expect(s.findingsScreen.visible(DemoFixtures.analysis).allSatisfy { $0.severity >= .high })
        s.press(.character("r"))
        let rule = s.findingsScreen.rule
        #expect(rule != nil)
        #expect(s.findingsScreen.visible(DemoFixtures.analysis).allSatisfy { $0.rule == rule })
        s.press(.character("r"), .character("a"))
        #expect(s.findingsScreen.account != nil)
        s.press(.character("a"), .character("o"))
        #expect(s.findingsScreen.sort == .rule)
        let subject = s.findingsScreen.visible(DemoFixtures.analysis)[0].subject
        s.press(.enter)
        #expect(s.mainView == .graph)
        #expect(s.selection?.id == subject)
    }

    @Test(":findings filters like the command line, and reports bad flags in the prompt line")
    func findingsPalette() {
        var s = DemoFixtures.state()
        s.update(.command("findings --min-severity high"))
        #expect(s.findingsScreen.visible(DemoFixtures.analysis).allSatisfy { $0.severity >= .high })
        s.update(.command("findings TM-ANY-PRINCIPAL"))
        #expect(s.findingsScreen.visible(DemoFixtures.analysis).allSatisfy { $0.rule == "TM-ANY-PRINCIPAL" })
        s.update(.command("findings --min-severity urgent"))
        #expect(s.messageIsError)
        s.update(.command("findings TM-NOPE"))
        #expect(s.message?.contains("no rule") == true)
    }

    @Test(":who-can-assume lists every assumer with what it must present; :paths lists chains")
    func whoCanAssumeAndPaths() {
        var s = DemoFixtures.state()
        s.update(.command("who-can-assume \(DemoFixtures.vendorRole)"))
        #expect(s.mainView == .list)
        for (w, h) in Self.sizes { assertSnapshot(render(s, w, h), named: "demo-who-can-assume-\(w)x\(h)") }
        let text = render(s, 120, 40).text
        #expect(text.contains("observa-monitoring"))
        #expect(!text.contains("5f0c2a9e-7b41"), "external ID shown in full")
        s.press(.character("s"))
        #expect(s.mainView == .simulate)
        var p = DemoFixtures.state()
        p.update(.command("paths --from 222200000002"))
        #expect(p.mainView == .list)
        assertSnapshot(render(p, 120, 40), named: "demo-paths-120x40")
        p.update(.command("paths"))
        #expect(p.messageIsError)
        p.update(.command("who-can-assume arn:aws:iam::111100000004:role/nope"))
        #expect(p.messageIsError)
    }

    @Test(":export writes through an effect, never from update itself")
    func export() {
        var s = DemoFixtures.state()
        s.press(.character("g"))
        let effects = s.update(.command("export dot /tmp/trustmap-test.dot"))
        guard case .writeFile(let path, let contents)? = effects.first else {
            Issue.record("no write effect")
            return
        }
        #expect(path == "/tmp/trustmap-test.dot")
        #expect(contents.hasPrefix("digraph"))
        #expect(s.update(.command("export pdf x")).isEmpty)
        #expect(s.messageIsError)
    }

    @Test("every theme renders the demo; the mono theme loses no severity (glyphs are in the text)")
    func themes() {
        var s = DemoFixtures.state()
        for _ in 0..<4 {
            s.press(.character("t"))
            let frame = render(s, 120, 40)
            #expect(frame.text.contains("‼"))
        }
    }

    @Test("no view crashes at any tiny size, in any mode")
    func tinySizes() {
        var s = DemoFixtures.state()
        for key: Key in [.character("g"), .character("f"), .character("m"), .character("s")] {
            s.press(.escape, .escape)
            s.press(key)
            for w in [1, 2, 5, 20, 79, 80] {
                for h in [1, 3, 23, 24] { _ = render(s, w, h) }
            }
        }
    }
}
