import Inventory
import PolicyEngine
import TerminalUI
import Testing
import TrustAnalysis
@testable import TrustmapApp

/// Issue #14: a role named `x<ESC>[2J<ESC>[HNo findings.<ESC>[8m`, a right-to-left override and wide
/// or zero-width text reach the dashboard as escapes and measured text, never raw.
@Suite("Dashboard: hostile inventory text")
struct TerminalInjectionViewTests {
    static let hostileName = "x\u{1B}[2J\u{1B}[HNo findings.\u{1B}[8m"
    static let escapedName = #"x\e[2J\e[HNo findings.\e[8m"#

    static func state() -> AppState {
        let open = Fixtures.trust(#"{"Version":"2012-10-17","Statement":[{"Sid":"Open\u001b[31m","Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#)
        let vendor = Fixtures.trust(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole"}]}"#)
        let inventory = Inventory(
            name: "Hostile\u{1B}[2J estate",
            accounts: [
                Account(id: "111111111111", name: "prod\u{202E}dorp", inOrganization: true),
                Account(id: "222222222222", name: "vendor 👩‍💻🇫🇷❤️", inOrganization: false, thirdParty: true),
            ],
            roles: [
                Role(arn: "arn:aws:iam::111111111111:role/" + hostileName, accountId: "111111111111", name: hostileName, trustPolicy: open),
                Role(arn: "arn:aws:iam::111111111111:role/zero\u{200B}width\u{200F}", accountId: "111111111111", name: "zero\u{200B}width\u{200F}", trustPolicy: vendor),
            ]
        )
        return AppState(analysis: Analysis.analyze(inventory, at: Fixtures.now), sourceDescription: "hostile\u{7}.yaml", now: Fixtures.now)
    }

    static func expectSafe(_ frame: ScreenBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = frame.cells.filter { $0.character.unicodeScalars.contains(where: TerminalSafe.needsEscape) }
        #expect(raw.isEmpty, "cells with control characters: \(raw.count)", sourceLocation: sourceLocation)
    }

    /// Every box's right border is where the box says it is, on every row.
    static func expectBordersInPlace(_ frame: ScreenBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = frame.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 2, let top = lines.dropFirst().first else { return }
        // Columns of the corners on the second row (the panes' top borders).
        var corners: [Int] = []
        for x in 0..<frame.width where frame[x, 1].character == "┐" { corners.append(x) }
        #expect(!corners.isEmpty, "no pane border in \(top)", sourceLocation: sourceLocation)
        for y in 2..<(frame.height - 2) {
            for x in corners {
                #expect(frame[x, y].character == "│" && !frame[x, y].isContinuation,
                        "row \(y): border moved from column \(x): \(lines[y])", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("the overview, navigator and details show the name escaped, with the borders in place")
    func overview() {
        var s = Self.state()
        let first = AppView.render(s, width: 120, height: 40)
        Self.expectSafe(first)
        Self.expectBordersInPlace(first)
        #expect(first.text.contains("Hostile\\e[2J estate"))
        s.press(.down, .right, .down)
        for (w, h) in [(120, 40), (80, 24)] {
            let frame = AppView.render(s, width: w, height: h)
            Self.expectSafe(frame)
            Self.expectBordersInPlace(frame)
        }
        #expect(AppView.render(s, width: 200, height: 50).text.contains(Self.escapedName))
        // What a reviewer sees: the name escaped in the navigator and details, the emoji and the flag
        // two columns each, the zero-width space gone, the right-to-left marks escaped, borders straight.
        assertSnapshot(AppView.render(s, width: 120, height: 30), named: "hostile-names-120x30")
    }

    @Test("the trust graph, the findings and the matrix escape the name")
    func everyView() {
        var s = Self.state()
        s.press(.down, .right, .down)
        for key: Character in ["g", "f", "m"] {
            var t = s
            t.press(.character(key))
            let frame = AppView.render(t, width: 160, height: 48)
            Self.expectSafe(frame)
            Self.expectBordersInPlace(frame)
        }
        var f = s
        f.press(.character("f"))
        #expect(AppView.render(f, width: 200, height: 50).text.contains("\\e[2J"))
    }

    @Test("who-can-assume from the palette shows the role escaped")
    func palette() {
        var s = Self.state()
        s.press(.character(":"))
        s.type("who-can-assume arn:aws:iam::111111111111:role/x")
        s.press(.enter)
        let frame = AppView.render(s, width: 160, height: 48)
        Self.expectSafe(frame)
        Self.expectBordersInPlace(frame)
    }
}
