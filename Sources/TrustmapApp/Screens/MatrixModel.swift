import TerminalUI
import TrustAnalysis

/// The account matrix in the form the screen draws from, computed once per analysis: labels, the
/// diagonal, and for each row only the cells that hold trust (sorted by column), so a frame looks up
/// the visible window and never walks rows × columns.
struct MatrixModel: Sendable {
    /// What a cell shows: trust without a finding, or the worst finding's severity.
    struct Mark: Sendable, Hashable {
        var column: Int
        var severity: Severity?
    }

    let matrix: AccountMatrix
    /// Account ids, as in `AccountMatrix.rows`: internal accounts first, then the others.
    let rows: [String]
    let columns: [AccountMatrix.Column]
    /// Row names for drawing (account name, or the id when unnamed).
    let rowNames: [String]
    /// The number a row shares with its column (1-based column index), nil when the row's account is
    /// not a column (a third-party or unknown account whose roles the inventory describes).
    let rowNumbers: [Int?]
    /// The widest row name, in terminal columns (measured once, not per frame).
    let maxNameWidth: Int
    /// Per row: the cells with trust, by column.
    let marks: [[Mark]]
    /// How many columns are accounts of the estate; the rest are the organization (when a `*` trust is
    /// guarded by it), third parties, unknown externals, anyone.
    let accountColumnCount: Int
    /// What the model was built from, to notice a different analysis.
    let fingerprint: Fingerprint

    struct Fingerprint: Sendable, Hashable {
        var name: String?
        var evaluatedAt: Int64
        var accounts: Int
        var roles: Int
        var edges: Int
        var findings: Int

        init(_ analysis: Analysis) {
            name = analysis.inventory.name
            evaluatedAt = analysis.evaluatedAt
            accounts = analysis.inventory.accounts.count
            roles = analysis.inventory.roles.count
            edges = analysis.graph.edges.count
            findings = analysis.findings.count
        }
    }

    init(analysis: Analysis) {
        let matrix = analysis.accountMatrix()
        self.matrix = matrix
        rows = matrix.rows
        columns = matrix.columns
        fingerprint = Fingerprint(analysis)
        var columnOfAccount: [String: Int] = [:]
        var accountColumns = 0
        for (i, c) in matrix.columns.enumerated() {
            if case .account(let id) = c {
                columnOfAccount[id] = i
                accountColumns += 1
            }
        }
        accountColumnCount = accountColumns
        rowNumbers = matrix.rows.map { columnOfAccount[$0].map { $0 + 1 } }
        let names = matrix.rows.map { analysis.inventory.account(id: $0)?.displayName ?? $0 }
        rowNames = names
        maxNameWidth = names.reduce(0) { max($0, DisplayWidth.of($1)) }
        var marks = Array(repeating: [Mark](), count: matrix.rows.count)
        for p in matrix.filledPositions {
            let cell = matrix.cell(row: matrix.rows[p.row], column: matrix.columns[p.column])
            marks[p.row].append(Mark(column: p.column, severity: cell?.severity))
        }
        self.marks = marks
    }

    var isEmpty: Bool { rows.isEmpty || columns.isEmpty }

    /// The column of the row's own account: the diagonal.
    func diagonalColumn(ofRow row: Int) -> Int? {
        rowNumbers.indices.contains(row) ? rowNumbers[row].map { $0 - 1 } : nil
    }

    /// The marks of a row within a column range, found by binary search (the row's marks are sorted).
    func marks(row: Int, columns range: Range<Int>) -> ArraySlice<Mark> {
        guard marks.indices.contains(row) else { return [] }
        let list = marks[row]
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].column < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < list.count, list[end].column < range.upperBound { end += 1 }
        return list[lo..<end]
    }

    /// The cell at a position, with its edges; nil when empty or out of range.
    func cell(row: Int, column: Int) -> AccountMatrix.Cell? {
        guard rows.indices.contains(row), columns.indices.contains(column) else { return nil }
        return matrix.cell(row: rows[row], column: columns[column])
    }

    /// The short label a column header shows: its number, or `3p` / `ex` / `*` for the outside columns.
    func columnLabel(_ column: Int) -> String {
        guard columns.indices.contains(column) else { return "" }
        switch columns[column] {
        case .account: return String(column + 1)
        case .thirdParty: return "3p"
        case .unknownExternal: return "ex"
        case .anyone: return "*"
        case .organization: return "org"
        }
    }

    /// Digits of the largest account number: the width of numbers in headers.
    var numberWidth: Int { max(1, String(max(1, accountColumnCount)).count) }
}
