import TerminalUI
import Testing
import TrustAnalysis
@testable import TrustmapApp

/// The indexed matrix the screen draws from, and the window arithmetic.
@Suite("Account matrix: model and layout")
struct MatrixModelTests {
    @Test("the filled positions are exactly the cells with trust, row by row then column by column")
    func filledPositions() {
        for analysis in [MatrixFixtures.analysis, Analysis.analyze(MatrixFixtures.generated(accounts: 30), at: MatrixFixtures.now)] {
            let m = analysis.accountMatrix()
            var expected: [[Int]] = []
            for (r, row) in m.rows.enumerated() {
                for (c, column) in m.columns.enumerated() where m.cell(row: row, column: column) != nil { expected.append([r, c]) }
            }
            #expect(m.filledPositions.map { [$0.row, $0.column] } == expected)
            #expect(!expected.isEmpty)
        }
    }

    @Test("the model numbers rows after their columns, finds the diagonal, and keeps each row's marks sorted")
    func model() {
        let model = MatrixModel(analysis: MatrixFixtures.analysis)
        #expect(model.rows == ["111111111111", "333333333333", "444444444444"])
        #expect(model.rowNames == ["prod", "staging", "security"])
        #expect(model.rowNumbers == [1, 2, 3])
        #expect(model.accountColumnCount == 4)
        #expect((0..<7).map(model.columnLabel) == ["1", "2", "3", "4", "3p", "ex", "*"])
        #expect(model.diagonalColumn(ofRow: 1) == 1)
        #expect(model.marks(row: 0, columns: 0..<7).map(\.column) == [0, 1, 4, 6])
        #expect(model.marks(row: 0, columns: 1..<5).map(\.column) == [1, 4])
        #expect(model.marks(row: 0, columns: 6..<7).first?.severity == .critical)
        #expect(model.marks(row: 9, columns: 0..<7).isEmpty)
    }

    @Test("a third-party account whose roles the inventory lists is a row without a number or a diagonal")
    func outsideRow() {
        var inventory = MatrixFixtures.inventory
        inventory.roles.append(MatrixFixtures.role("222222222222", "VendorSide", MatrixFixtures.trust(MatrixFixtures.aws("arn:aws:iam::111111111111:root"))))
        inventory.roles.sort { $0.arn < $1.arn }
        let model = MatrixModel(analysis: Analysis.analyze(inventory, at: MatrixFixtures.now))
        #expect(model.rows.last == "222222222222")
        #expect(model.rowNumbers.last == .some(nil))
        #expect(model.diagonalColumn(ofRow: model.rows.count - 1) == nil)
        #expect(model.marks(row: model.rows.count - 1, columns: 0..<1).count == 1)
    }

    @Test("a role shared with the organization (`*` + aws:PrincipalOrgID) fills the org column of its row, one edge from the organization")
    func organizationColumn() {
        var inventory = MatrixFixtures.inventory
        let guarded = #"{"StringEquals":{"aws:PrincipalOrgID":"o-matrix12345"}}"#
        inventory.roles.append(MatrixFixtures.role("444444444444", "Shared", MatrixFixtures.trust(MatrixFixtures.aws("*"), conditions: guarded)))
        inventory.roles.sort { $0.arn < $1.arn }
        let analysis = Analysis.analyze(inventory, at: MatrixFixtures.now)
        let model = MatrixModel(analysis: analysis)
        #expect((0..<8).map(model.columnLabel) == ["1", "2", "3", "4", "org", "3p", "ex", "*"])
        let row = try? #require(model.rows.firstIndex(of: "444444444444"))
        let cell = model.cell(row: row ?? 0, column: 4)
        #expect(cell?.edges.map(\.from) == ["o-matrix12345"])
        #expect(cell?.edges.map(\.to) == ["arn:aws:iam::444444444444:role/Shared"])
        // Near miss: the fixture alone shares nothing with its organization, and has no org column.
        #expect(!MatrixModel(analysis: MatrixFixtures.analysis).columns.contains(.organization))
        // Who can assume it still names the accounts behind the organization node.
        let who = analysis.whoCanAssume(roleArn: "arn:aws:iam::444444444444:role/Shared").map(\.node.id)
        #expect(["111111111111", "333333333333", "555555555555"].allSatisfy(who.contains))
        #expect(!who.contains("o-matrix12345"))
    }

    @Test("the window keeps the selection centred, clamped to the ends, and shows everything when it fits")
    func window() {
        #expect(MatrixLayout.window(selected: 0, count: 100, visible: 10) == 0..<10)
        #expect(MatrixLayout.window(selected: 50, count: 100, visible: 10) == 45..<55)
        #expect(MatrixLayout.window(selected: 99, count: 100, visible: 10) == 90..<100)
        #expect(MatrixLayout.window(selected: 3, count: 5, visible: 10) == 0..<5)
        #expect(MatrixLayout.window(selected: 3, count: 5, visible: 0) == 0..<0)
        #expect(MatrixLayout.window(selected: 0, count: 0, visible: 4) == 0..<0)
    }

    @Test("a separator column sits between the estate's accounts and the outside columns, only when both show")
    func separator() {
        let both = MatrixLayout(width: 40, height: 20, rowCount: 3, columnCount: 7, accountColumnCount: 4, maxNameWidth: 8,
                                numberWidth: 1, selectedRow: 0, selectedColumn: 0, legendLineCount: 2)
        #expect(both.columnRange == 0..<7)
        #expect(both.separatorX == both.columnX[4] - 1)
        #expect(both.columnX[3] + both.columnWidth == both.separatorX)
        let outsideOnly = MatrixLayout(width: 22, height: 20, rowCount: 3, columnCount: 40, accountColumnCount: 37, maxNameWidth: 8,
                                       numberWidth: 2, selectedRow: 0, selectedColumn: 39, legendLineCount: 2)
        #expect(outsideOnly.columnRange.upperBound == 40)
        #expect(outsideOnly.columnRange.lowerBound >= 37 || outsideOnly.separatorX != nil)
    }

    @Test("the legend names every glyph and outside column, flows by whole items, and shortens its words when narrow")
    func legend() {
        let wide = MatrixLegend.lines(width: 140, maxLines: 3).map(\.plainText)
        #expect(wide.count == 1)
        let two = MatrixLegend.lines(width: 80, maxLines: 3).map(\.plainText)
        #expect(two.count == 2)
        #expect(two.joined(separator: "  ") == wide[0])
        for word in ["‼ critical", "! high", "▲ medium", "· low", "○ info", "● trust, no finding", "[ ] same account", "3p third parties", "ex unknown externals", "* anyone"] {
            #expect(wide[0].contains(word))
        }
        let narrow = MatrixLegend.lines(width: 30, maxLines: 3).map(\.plainText)
        #expect(narrow.count == 3)
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(narrow[0].hasPrefix("‼ crit"))
        #expect(MatrixLegend.lines(width: 30, maxLines: 1).count == 1)
        #expect(MatrixLegend.lines(width: 0, maxLines: 3).isEmpty)
    }
}
