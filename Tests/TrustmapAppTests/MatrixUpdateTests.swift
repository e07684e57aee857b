import TerminalUI
import Testing
import TrustAnalysis
@testable import TrustmapApp

/// Every key of the matrix, through `update` as the terminal delivers it.
/// The fixture's rows: 0 prod, 1 staging, 2 security; columns: 0 prod, 1 staging, 2 security,
/// 3 sandbox, 4 third parties, 5 unknown externals, 6 anyone.
@Suite("Account matrix: keys")
struct MatrixUpdateTests {
    func cell(_ s: AppState) -> (row: Int, column: Int) { (s.matrixScreen.row, s.matrixScreen.column) }

    @Test("m opens the matrix with the main pane focused and the top-left cell selected")
    func opens() {
        let s = MatrixFixtures.state()
        #expect(s.mainView == .matrix)
        #expect(s.focus == .main)
        #expect(cell(s) == (0, 0))
        #expect(s.matrixScreen.edgeCursor == nil)
    }

    @Test("↓ and j move down a row, ↑ and k up, stopping at the first and the last row")
    func rows() {
        var s = MatrixFixtures.state()
        s.press(.up)
        #expect(cell(s) == (0, 0))
        s.press(.down)
        #expect(cell(s) == (1, 0))
        s.press(.character("j"), .character("j"), .down)
        #expect(cell(s) == (2, 0))
        s.press(.character("k"))
        #expect(cell(s) == (1, 0))
        s.press(.up, .up, .up)
        #expect(cell(s) == (0, 0))
        #expect(s.mainView == .matrix && s.focus == .main)
    }

    @Test("→ and l move right a column, ← and h left, stopping at the first and the last column")
    func columns() {
        var s = MatrixFixtures.state()
        s.press(.left, .character("h"))
        #expect(cell(s) == (0, 0))
        s.press(.right, .character("l"))
        #expect(cell(s) == (0, 2))
        for _ in 0..<10 { s.press(.right) }
        #expect(cell(s) == (0, 6))
        s.press(.character("h"), .left)
        #expect(cell(s) == (0, 4))
        // ← in the matrix moves; it does not fold the navigator.
        #expect(s.focus == .main)
    }

    @Test("PgDn and PgUp move ten rows, stopping at the ends")
    func pages() {
        var s = MatrixFixtures.generatedState(accounts: 25)
        s.press(.pageDown)
        #expect(cell(s) == (10, 0))
        s.press(.pageDown, .pageDown)
        #expect(cell(s) == (24, 0))
        s.press(.pageUp)
        #expect(cell(s) == (14, 0))
        s.press(.pageUp, .pageUp)
        #expect(cell(s) == (0, 0))
    }

    @Test("] and [ move ten columns, stopping at the ends")
    func columnPages() {
        var s = MatrixFixtures.generatedState(accounts: 25)
        s.press(.character("]"))
        #expect(cell(s) == (0, 10))
        s.press(.character("]"), .character("]"))
        #expect(cell(s) == (0, 27))  // 25 accounts + third parties, unknown externals, anyone
        s.press(.character("["))
        #expect(cell(s) == (0, 17))
        s.press(.character("["), .character("["))
        #expect(cell(s) == (0, 0))
    }

    @Test("Home goes to the first column, then to the first row; End to the last column, then to the last row")
    func homeEnd() {
        var s = MatrixFixtures.state()
        s.press(.down, .right, .right)
        s.press(.end)
        #expect(cell(s) == (1, 6))
        s.press(.end)
        #expect(cell(s) == (2, 6))
        s.press(.home)
        #expect(cell(s) == (2, 0))
        s.press(.home)
        #expect(cell(s) == (0, 0))
    }

    @Test("Enter on an empty cell says there is no trust and stays in the matrix")
    func enterEmpty() {
        var s = MatrixFixtures.state()
        s.press(.right, .right, .right)  // sandbox → prod: nothing
        s.press(.enter)
        #expect(s.mainView == .matrix)
        #expect(s.message == "no trust from sandbox into prod")
        #expect(s.matrixScreen.edgeCursor == nil)
    }

    @Test("Enter on a cell with one edge selects the edge's role and opens its trust graph")
    func enterSingle() {
        var s = MatrixFixtures.state()
        s.press(.end)  // anyone → prod: the Public role
        s.press(.enter)
        #expect(s.mainView == .graph)
        #expect(s.selection?.id == "arn:aws:iam::111111111111:role/Public")
    }

    @Test("Enter on a cell with several edges lists them; ↓ then Enter opens the selected edge's role")
    func enterList() {
        var s = MatrixFixtures.state()
        s.press(.right)  // staging → prod: Deployer and Reports
        s.press(.enter)
        #expect(s.mainView == .matrix)
        #expect(s.matrixScreen.edgeCursor == 0)
        s.press(.up)
        #expect(s.matrixScreen.edgeCursor == 0)
        s.press(.down, .character("j"), .down)
        #expect(s.matrixScreen.edgeCursor == 1)
        s.press(.home)
        #expect(s.matrixScreen.edgeCursor == 0)
        s.press(.end, .character("k"), .pageDown)
        #expect(s.matrixScreen.edgeCursor == 1)
        s.press(.pageUp)
        #expect(s.matrixScreen.edgeCursor == 0)
        s.press(.down, .enter)
        #expect(s.mainView == .graph)
        #expect(s.selection?.id == "arn:aws:iam::111111111111:role/Reports")
    }

    @Test("Esc closes the edge list (← and h too); a second Esc hands the focus back to the navigator")
    func escape() {
        var s = MatrixFixtures.state()
        s.press(.right, .enter)
        s.press(.escape)
        #expect(s.matrixScreen.edgeCursor == nil)
        #expect(cell(s) == (0, 1))
        s.press(.enter, .left)
        #expect(s.matrixScreen.edgeCursor == nil)
        #expect(cell(s) == (0, 1))
        s.press(.enter, .character("h"))
        #expect(s.matrixScreen.edgeCursor == nil)
        s.press(.escape)
        #expect(s.focus == .navigator)
        #expect(s.mainView == .matrix)
    }

    @Test("s simulates the cell's worst edge; in the edge list, the selected edge")
    func simulate() {
        let context = MatrixFixtures.state().screenContext
        var screen = MatrixScreen()
        screen.column = 1  // staging → prod: Deployer (low finding) and Reports (MFA, no finding)
        #expect(screen.handle(.character("s"), context: context) == .simulate(principal: "333333333333", role: "arn:aws:iam::111111111111:role/Deployer"))
        _ = screen.handle(.enter, context: context)
        _ = screen.handle(.down, context: context)
        #expect(screen.handle(.character("s"), context: context) == .simulate(principal: "333333333333", role: "arn:aws:iam::111111111111:role/Reports"))

        var s = MatrixFixtures.state()
        s.press(.right, .character("s"))
        #expect(s.mainView == .simulate)
    }

    @Test("s on an empty cell is left to the dashboard, which simulates from the navigator's selection")
    func simulateEmpty() {
        let context = MatrixFixtures.state().screenContext
        var screen = MatrixScreen()
        screen.column = 3
        #expect(screen.handle(.character("s"), context: context) == .notHandled)
        var s = MatrixFixtures.state()
        s.press(.right, .right, .right, .character("s"))
        #expect(s.mainView == .simulate)
    }

    @Test("keys the matrix does not use reach the dashboard: f opens findings, q quits")
    func fallThrough() {
        var s = MatrixFixtures.state()
        s.press(.character("f"))
        #expect(s.mainView == .findings)
        s = MatrixFixtures.state()
        s.press(.character("q"))
        #expect(s.exitStatus == 0)
    }

    @Test("the selection is pulled back inside a matrix smaller than it")
    func clamped() {
        let context = MatrixFixtures.state().screenContext
        var screen = MatrixScreen()
        screen.row = 50
        screen.column = 99
        #expect(screen.handle(.up, context: context) == .handled)
        #expect(screen.row == 1 && screen.column == 6)
    }

    @Test("moving past the pane scrolls rows and columns; the row and column headers stay in place")
    func scrolls() {
        var s = MatrixFixtures.generatedState(accounts: 40)
        for _ in 0..<20 { s.press(.down) }
        for _ in 0..<15 { s.press(.right) }
        #expect(cell(s) == (20, 15))
        let pane = MatrixFixtures.pane(width: 80, height: 24)
        let frame = AppView.render(s, width: 80, height: 24)
        let lines = frame.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func paneLine(_ y: Int) -> String {
            String(Array(lines[pane.y + y]).dropFirst(pane.x).prefix(pane.width))
        }
        // Caption and column labels keep the top two lines.
        #expect(paneLine(0).hasPrefix("from 16 acct-015 → into 21"))
        #expect(paneLine(1).hasPrefix("into↓ from"))
        #expect(paneLine(1).contains("◂"))
        #expect(!paneLine(1).contains(" 1  2 "))
        #expect(paneLine(1).contains("16"))
        // The first rows are scrolled out, the selected one is marked, and more is said to be above and below.
        let rowLines = (2..<pane.height).map(paneLine)
        #expect(rowLines.contains { $0.hasPrefix("▸ 21 acct-020") })
        #expect(rowLines.first?.hasPrefix("▴") == true)
        #expect(!rowLines.contains { $0.contains(" 1 acct-000") })
        #expect(rowLines.contains { $0.hasPrefix("▾") })
        // Back home, nothing is scrolled.
        s.press(.home, .home)
        let home = AppView.render(s, width: 80, height: 24).text.split(separator: "\n").map(String.init)
        #expect(home[pane.y + 1].contains("into↓ from→") && home[pane.y + 1].contains(" 1  2  3"))
        #expect(home[pane.y + 2].contains("▸  1 acct-000"))
    }

    @Test("the status bar shows the matrix keys while it has the focus")
    func statusBar() {
        let s = MatrixFixtures.state()
        let bottom = AppView.render(s, width: 120, height: 40).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(bottom.contains("Enter edges"))
        #expect(bottom.contains("s simulate"))
        #expect(bottom.contains("? help"))
        #expect(KeyTable.bindings(in: .matrix).count == 7)
    }
}
