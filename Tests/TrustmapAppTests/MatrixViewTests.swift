import Inventory
import TerminalUI
import Testing
import TrustAnalysis
@testable import TrustmapApp

/// What the matrix looks like: snapshots, mono readability, tiny panes and a large estate.
@Suite("Account matrix: view")
struct MatrixViewTests {
    static func demoState() -> AppState {
        let report = InventoryLoader.loadDemo()
        var s = AppState(analysis: Analysis.analyze(report.inventory, at: Fixtures.now), sourceDescription: "demo", now: Fixtures.now)
        s.press(.character("m"))
        return s
    }

    /// The characters of the main pane's inside, row by row.
    static func paneText(_ frame: ScreenBuffer, width: Int, height: Int) -> [String] {
        let pane = MatrixFixtures.pane(width: width, height: height)
        return (pane.y..<pane.maxY).map { y in
            var line = ""
            for x in pane.x..<pane.maxX where !frame[x, y].isContinuation { line.append(frame[x, y].character) }
            return line
        }
    }

    // MARK: Snapshots

    @Test("the demo organization's matrix at 120×40")
    func demo120x40() {
        assertSnapshot(AppView.render(Self.demoState(), width: 120, height: 40), named: "matrix-demo-120x40")
    }

    @Test("the demo organization's matrix at 80×24, the smallest supported size")
    func demo80x24() {
        assertSnapshot(AppView.render(Self.demoState(), width: 80, height: 24), named: "matrix-demo-80x24")
    }

    @Test("every kind of column at 120×40: the anyone cell of prod selected, its worst finding in the details")
    func fixture120x40() {
        var s = MatrixFixtures.state()
        s.press(.end)
        assertSnapshot(AppView.render(s, width: 120, height: 40), named: "matrix-fixture-120x40")
    }

    @Test("every kind of column at 80×24, a cell with two edges selected")
    func fixture80x24() {
        var s = MatrixFixtures.state()
        s.press(.right)
        assertSnapshot(AppView.render(s, width: 80, height: 24), named: "matrix-fixture-80x24")
    }

    @Test("the edge list behind a cell, the second edge selected, at 120×40")
    func edgeList120x40() {
        var s = MatrixFixtures.state()
        s.press(.right, .enter, .down)
        assertSnapshot(AppView.render(s, width: 120, height: 40), named: "matrix-edges-120x40")
    }

    // MARK: Content

    @Test("a cell shows the worst severity's glyph in its colour; trust without a finding is ●; no trust is blank")
    func glyphs() {
        let s = MatrixFixtures.state()
        let frame = AppView.render(s, width: 120, height: 40)
        let text = Self.paneText(frame, width: 120, height: 40)
        #expect(text[1].hasPrefix("into↓ from→"))
        #expect(text[1].contains(" 1  2  3  4 │3p ex  *"))
        // prod: itself (alice, MFA) ●, staging (low) ·, vendor with an external ID ○, anyone ‼.
        #expect(text[2].hasPrefix("▸ 1 prod"))
        #expect(text[2].contains("[●] ·       │ ○     ‼"))
        // staging: its own column empty but bracketed, security ·, vendor without an external ID !, unknown ▲.
        #expect(text[3].contains("2 staging"))
        #expect(text[3].contains("[ ] ·    │ !  ▲"))
        #expect(text[4].contains("3 security  ●    [●]   │"))
        let pane = MatrixFixtures.pane(width: 120, height: 40)
        let anyoneX = pane.x + (text[2].distance(from: text[2].startIndex, to: text[2].firstIndex(of: "‼")!))
        #expect(frame[anyoneX, pane.y + 2].role == .critical)
    }

    @Test("the selected cell is drawn in the selection role; its row and column headers are emphasised")
    func selection() {
        var s = MatrixFixtures.state()
        s.press(.down, .right)  // staging's own column
        let frame = AppView.render(s, width: 120, height: 40)
        let pane = MatrixFixtures.pane(width: 120, height: 40)
        let text = Self.paneText(frame, width: 120, height: 40)
        let row = Array(text[3])
        let open = row.firstIndex(of: "[")!
        for dx in 0..<3 { #expect(frame[pane.x + open + dx, pane.y + 3].role == .selection) }
        #expect(text[3].hasPrefix("▸ 2 staging"))
        #expect(frame[pane.x + 4, pane.y + 3].role == .focus)
        #expect(frame[pane.x + 4, pane.y + 3].emphasis.contains(.underline))
        // The column label "2" sits over the bracketed glyph, in the focus role.
        #expect(frame[pane.x + open + 1, pane.y + 1].character == "2")
        #expect(frame[pane.x + open + 1, pane.y + 1].role == .focus)
        #expect(frame[pane.x + open + 1 - 3, pane.y + 1].role == .text)
        #expect(text[0].hasPrefix("from 2 staging → into 2 staging: no trust"))
    }

    @Test("the details describe the cell: both accounts with names and kinds, every edge, the worst finding and its remediation")
    func details() {
        var s = MatrixFixtures.state()
        s.press(.end)
        let lines = s.matrixScreen.detailsLines(context: s.screenContext, width: 60)!.map(\.plainText)
        let all = lines.joined(separator: "\n")
        #expect(all.contains("from anyone (\"*\")"))
        #expect(all.contains("into prod (111111111111) · organization"))
        #expect(all.contains("worst ‼ critical"))
        #expect(all.contains("Edges (1)"))
        #expect(all.contains("anyone (*) → prod:role/Public"))
        #expect(all.contains("sts:AssumeRole"))
        #expect(all.contains("Worst finding"))
        #expect(all.contains("Remediation"))

        s.press(.home, .character("l"))  // staging → prod, two edges
        let two = s.matrixScreen.detailsLines(context: s.screenContext, width: 60)!.map(\.plainText).joined(separator: "\n")
        #expect(two.contains("from 2 · staging (333333333333) · organization"))
        #expect(two.contains("Edges (2)"))
        #expect(two.contains("staging:root") || two.contains("staging → prod:role/Deployer"))
        #expect(two.contains("prod:role/Reports"))
        #expect(two.contains("aws:MultiFactorAuthPresent"))

        s.press(.end, .left, .left)  // third parties → prod
        let vendor = s.matrixScreen.detailsLines(context: s.screenContext, width: 60)!.map(\.plainText).joined(separator: "\n")
        #expect(vendor.contains("from third parties"))
        #expect(vendor.contains("acme-vendor (222222222222) · third party"))
        #expect(vendor.contains("c0…(29)"))
        #expect(!vendor.contains("c0ffee-4a7e"))
    }

    // MARK: Colour is never the only signal

    @Test("mono: every cell with trust shows a glyph, and nothing in a severity colour is a blank")
    func mono() {
        for (state, name) in [(MatrixFixtures.state(), "fixture"), (MatrixFixtures.generatedState(accounts: 60), "generated")] {
            for (w, h) in [(80, 24), (120, 40)] {
                let frame = AppView.render(state, width: w, height: h)
                let pane = MatrixFixtures.pane(width: w, height: h)
                let screen = state.matrixScreen
                let model = screen.model(state.screenContext)
                let (layout, _) = screen.layout(for: pane, model: model)
                var checked = 0
                for r in layout.rowRange {
                    for mark in model.marks(row: r, columns: layout.columnRange) {
                        let x = pane.x + layout.x(ofColumn: mark.column)! + layout.glyphOffset
                        let y = pane.y + layout.y(ofRow: r)!
                        let expected = mark.severity?.glyph ?? MatrixGlyph.trust
                        #expect(String(frame[x, y].character) == expected, "\(name) \(w)×\(h) row \(r) column \(mark.column)")
                        checked += 1
                    }
                }
                #expect(checked > 0)
                let severityRoles: Set<StyleRole> = [.critical, .high, .medium, .low, .info]
                for y in pane.y..<pane.maxY {
                    for x in pane.x..<pane.maxX where severityRoles.contains(frame[x, y].role) && frame[x, y].character == " " {
                        // Only the legend's spacing may sit between coloured runs; a coloured blank inside the grid would be colour alone.
                        #expect(y >= pane.y + layout.legendTop, "coloured blank at \(x),\(y) in \(name)")
                    }
                }
            }
        }
    }

    // MARK: Sizes

    @Test("panes from 1×1 to 10×4 draw without crashing and never outside their rectangle")
    func tiny() {
        let states = [MatrixFixtures.state(), MatrixFixtures.generatedState(accounts: 12)]
        for var state in states {
            for listOpen in [false, true] {
                if listOpen {
                    state.matrixScreen.column = 1
                    _ = state.matrixScreen.handle(.enter, context: state.screenContext)
                }
                for w in 1...10 {
                    for h in 1...4 {
                        var buffer = ScreenBuffer(width: w + 4, height: h + 4)
                        let rect = Rect(x: 2, y: 2, width: w, height: h)
                        state.matrixScreen.draw(into: &buffer, rect: rect, context: state.screenContext)
                        for y in 0..<buffer.height {
                            for x in 0..<buffer.width where !rect.contains(x: x, y: y) {
                                #expect(buffer[x, y] == .blank, "drew outside \(rect) at \(x),\(y)")
                            }
                        }
                        _ = state.matrixScreen.detailsLines(context: state.screenContext, width: w)
                    }
                }
                var none = ScreenBuffer(width: 0, height: 0)
                state.matrixScreen.draw(into: &none, rect: .zero, context: state.screenContext)
            }
        }
        for w in 0...12 {
            for h in 0...5 { _ = AppView.render(MatrixFixtures.state(), width: w, height: h) }
        }
    }

    @Test("an estate without roles says so instead of drawing an empty grid")
    func empty() {
        let inventory = Inventory(name: "empty", accounts: [Account(id: "111111111111", name: "prod", inOrganization: true)])
        var s = AppState(analysis: Analysis.analyze(inventory, at: Fixtures.now), sourceDescription: "empty", now: Fixtures.now)
        s.press(.character("m"))
        #expect(AppView.render(s, width: 120, height: 40).text.contains("No roles in this inventory"))
        s.press(.enter, .down, .right, .end)
        #expect(s.message == nil || s.message?.contains("empty") == true)
        #expect(s.matrixScreen.row == 0 && s.matrixScreen.column == 0)
    }

    // MARK: Large estates

    @Test("a 300-account estate: the matrix is built once, each keypress draws only the visible window, and the window is right")
    func large() {
        var s = MatrixFixtures.generatedState(accounts: 300)
        let screen = s.matrixScreen
        let model = screen.model(s.screenContext)
        #expect(model.rows.count == 300)
        #expect(model.columns.count == 303)
        // A frame per keypress, as the run loop draws them.
        let keys: [Key] = Array(repeating: .down, count: 40) + Array(repeating: .right, count: 40) + [.pageDown, .character("]"), .end, .end]
        for k in keys {
            s.press(k)
            _ = AppView.render(s, width: 120, height: 40)
        }
        #expect(s.matrixScreen.modelBuildCount == 1)
        #expect(s.matrixScreen.row == 299 && s.matrixScreen.column == 302)

        let pane = MatrixFixtures.pane(width: 120, height: 40)
        let frame = AppView.render(s, width: 120, height: 40)
        let text = Self.paneText(frame, width: 120, height: 40)
        let (layout, _) = s.matrixScreen.layout(for: pane, model: model)
        // Only the visible window: the last rows and the last columns, with the outside columns at the end.
        #expect(layout.rowRange.upperBound == 300)
        #expect(layout.rowRange.count < 40)
        #expect(layout.columnRange.upperBound == 303)
        #expect(text[1].hasSuffix("3p  ex   *") || text[1].contains("│ 3p  ex   *"))
        #expect(text[1].contains("◂"))
        #expect(text.contains { $0.hasPrefix("▸ 300 acct-299") })
        #expect(!text.contains { $0.contains("acct-000") })
        #expect(text[0].hasPrefix("from anyone → into 300 acct-299: no trust"))
        // Row 275 (acct-275, i % 25 == 0) trusts anyone: its glyph sits in the last column.
        let y = pane.y + layout.y(ofRow: 275)!
        let x = pane.x + layout.x(ofColumn: 302)! + layout.glyphOffset
        #expect(frame[x, y].character == "‼")
        #expect(frame[x, y].role == .critical)
    }
}
