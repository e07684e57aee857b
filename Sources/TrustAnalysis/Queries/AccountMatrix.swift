/// Accounts × accounts: for each account owning roles (a row) and each source of trust (a column: an
/// internal account, all third parties, all unknown external accounts, anyone), the worst trust from the
/// column into the row, with the edges behind it.
public struct AccountMatrix: Sendable {
    public enum Column: Sendable, Hashable {
        case account(String)
        /// The accounts behind the organization node: a `*` trust guarded by `aws:PrincipalOrgID`.
        case organization
        case thirdParty
        case unknownExternal
        case anyone

        public var title: String {
            switch self {
            case .account(let id): return id
            case .organization: return "organization"
            case .thirdParty: return "third parties"
            case .unknownExternal: return "unknown external"
            case .anyone: return "anyone"
            }
        }
    }

    public struct Cell: Sendable, Hashable {
        /// The worst finding on any edge of the cell; nil when the trust carries no finding.
        public var severity: Severity?
        /// Sorted by (from, to).
        public var edges: [TrustEdge]
    }

    /// Account ids owning roles: internal accounts first, then the others, each by id.
    public var rows: [String]
    public var columns: [Column]
    private var cells: [String: Cell]

    init(rows: [String], columns: [Column], cells: [String: Cell]) {
        self.rows = rows
        self.columns = columns
        self.cells = cells
    }

    static func key(_ row: String, _ column: Column) -> String { row + "\u{1}" + column.title }

    /// The trust from `column` into roles of `row`, nil when there is none.
    public func cell(row: String, column: Column) -> Cell? { cells[Self.key(row, column)] }

    /// Every cell with trust, as indices into `rows` and `columns`, row by row then column by column.
    /// A view indexes the matrix once from these instead of asking rows × columns questions
    /// (1,000 accounts make a million cells, almost all empty).
    public var filledPositions: [(row: Int, column: Int)] {
        var rowIndex: [String: Int] = [:]
        for (i, r) in rows.enumerated() { rowIndex[r] = i }
        var columnIndex: [String: Int] = [:]
        for (i, c) in columns.enumerated() { columnIndex[c.title] = i }
        var out: [(row: Int, column: Int)] = []
        out.reserveCapacity(cells.count)
        for k in cells.keys {
            guard let split = k.firstIndex(of: "\u{1}"),
                  let r = rowIndex[String(k[..<split])],
                  let c = columnIndex[String(k[k.index(after: split)...])] else { continue }
            out.append((r, c))
        }
        return out.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }
}

extension Analysis {
    public func accountMatrix() -> AccountMatrix {
        var cells: [String: AccountMatrix.Cell] = [:]
        var rowSet = Set<String>()
        for r in inventory.roles { rowSet.insert(r.accountId) }
        for e in graph.edges {
            guard let target = graph.node(id: e.to), let row = target.account, let source = graph.node(id: e.from) else { continue }
            let column: AccountMatrix.Column
            switch source.kind {
            case .anyone: column = .anyone
            case .organization: column = .organization
            case .service, .federated: continue
            case .account, .user, .role:
                guard let a = source.account else { continue }
                switch source.trust ?? .unknownExternal {
                case .organization, .internal: column = .account(a)
                case .thirdParty: column = .thirdParty
                case .unknownExternal: column = .unknownExternal
                }
            }
            let k = AccountMatrix.key(row, column)
            var cell = cells[k] ?? AccountMatrix.Cell(severity: nil, edges: [])
            cell.edges.append(e)
            if let s = e.severity, s > (cell.severity ?? .info) || cell.severity == nil { cell.severity = max(s, cell.severity ?? s) }
            cells[k] = cell
        }
        let internalAccounts = inventory.accounts.map(\.id).filter { estate.isInternal($0) }.sorted()
        let rows = rowSet.sorted { a, b in
            let ia = estate.isInternal(a), ib = estate.isInternal(b)
            return ia != ib ? ia : a < b
        }
        // The organization's column only when a `*` trust guarded by it is drawn from its node.
        let organization: [AccountMatrix.Column] = implicitEdges.organizationID.map { graph.node(id: $0) != nil } == true ? [.organization] : []
        let columns = internalAccounts.map(AccountMatrix.Column.account) + organization + [.thirdParty, .unknownExternal, .anyone]
        return AccountMatrix(rows: rows, columns: columns, cells: cells)
    }
}
