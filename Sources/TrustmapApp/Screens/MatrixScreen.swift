import TerminalUI
import TrustAnalysis

/// The account matrix: accounts × accounts (plus third parties, unknown externals and anyone as
/// extra columns), each cell the worst trust from column to row. Rows are the accounts roles live in
/// (trust *into* the row); columns are where the callers come from.
///
/// The matrix is computed once per analysis and kept in a shared cache; a frame draws only the
/// visible window of rows and columns, so 1,000 accounts cost what 20 do.
public struct MatrixScreen: Sendable {
    /// The selected cell, as indices into the model's rows and columns.
    public var row = 0
    public var column = 0
    /// The cursor in the list of edges behind the selected cell, while that list is open.
    public var edgeCursor: Int?

    /// Rows per PgUp / PgDn, and columns per `[` / `]` (the pane's size is not known to `handle`).
    static let page = 10

    private let cache = MatrixCache()

    public init() {}

    public var capturesAllKeys: Bool { false }

    /// Builds the matrix now (it is built on first use otherwise): for callers that want the cost
    /// paid before the first frame.
    public func prepare(context: ScreenContext) {
        _ = cache.model(for: context.analysis)
    }

    func model(_ context: ScreenContext) -> MatrixModel { cache.model(for: context.analysis) }

    /// How many times this screen (and its copies) built the matrix.
    var modelBuildCount: Int { cache.buildCount }

    // MARK: Keys

    public mutating func handle(_ key: Key, context: ScreenContext) -> ScreenOutcome {
        let model = model(context)
        clamp(to: model)
        guard !model.isEmpty else {
            return key == .enter ? .message("no roles: the matrix is empty", isError: false) : .notHandled
        }
        if edgeCursor != nil { return handleEdgeList(key, model: model, context: context) }
        let lastRow = max(0, model.rows.count - 1), lastColumn = max(0, model.columns.count - 1)
        switch key {
        case .up, .character("k"): row = max(0, row - 1)
        case .down, .character("j"): row = min(lastRow, row + 1)
        case .left, .character("h"): column = max(0, column - 1)
        case .right, .character("l"): column = min(lastColumn, column + 1)
        case .pageUp: row = max(0, row - Self.page)
        case .pageDown: row = min(lastRow, row + Self.page)
        case .character("["): column = max(0, column - Self.page)
        case .character("]"): column = min(lastColumn, column + Self.page)
        // Home / End go to the first / last column (the outside columns are at the end);
        // pressed again, to the first / last row.
        case .home:
            if column == 0 { row = 0 } else { column = 0 }
        case .end:
            if column == lastColumn { row = lastRow } else { column = lastColumn }
        case .enter:
            guard let cell = model.cell(row: row, column: column), !cell.edges.isEmpty else {
                return .message("no trust from \(columnName(column, model: model, context: context)) into \(model.rowNames[row])", isError: false)
            }
            if cell.edges.count == 1 { return .select(id: cell.edges[0].to, openGraph: true) }
            edgeCursor = 0
        case .character("s"):
            // Simulate the cell's worst edge: the request a reviewer most wants to try.
            guard let cell = model.cell(row: row, column: column), let edge = Self.worstEdge(of: cell) else { return .notHandled }
            return .simulate(principal: edge.from, role: edge.to)
        default:
            return .notHandled
        }
        return .handled
    }

    mutating func handleEdgeList(_ key: Key, model: MatrixModel, context: ScreenContext) -> ScreenOutcome {
        let edges = model.cell(row: row, column: column)?.edges ?? []
        guard !edges.isEmpty else {
            edgeCursor = nil
            return .handled
        }
        let last = edges.count - 1
        var cursor = min(max(0, edgeCursor ?? 0), last)
        switch key {
        case .up, .character("k"): cursor = max(0, cursor - 1)
        case .down, .character("j"): cursor = min(last, cursor + 1)
        case .pageUp: cursor = max(0, cursor - Self.page)
        case .pageDown: cursor = min(last, cursor + Self.page)
        case .home: cursor = 0
        case .end: cursor = last
        case .escape, .left, .character("h"):
            edgeCursor = nil
            return .handled
        case .enter:
            return .select(id: edges[cursor].to, openGraph: true)
        case .character("s"):
            return .simulate(principal: edges[cursor].from, role: edges[cursor].to)
        default:
            return .notHandled
        }
        edgeCursor = cursor
        return .handled
    }

    /// Keeps the selection inside the matrix (an analysis with fewer accounts, an empty estate).
    mutating func clamp(to model: MatrixModel) {
        row = min(max(0, row), max(0, model.rows.count - 1))
        column = min(max(0, column), max(0, model.columns.count - 1))
    }

    /// The first edge with the cell's worst severity (edges are sorted by caller and role).
    static func worstEdge(of cell: AccountMatrix.Cell) -> TrustEdge? {
        guard let first = cell.edges.first else { return nil }
        return cell.edges.first { $0.severity == cell.severity } ?? first
    }

    // MARK: Drawing

    public func title(context: ScreenContext) -> String {
        let m = model(context)
        if edgeCursor != nil { return "Account matrix · edges of one cell" }
        return "Account matrix · \(m.rows.count) × \(m.columns.count)"
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        guard !rect.isEmpty else { return }
        let model = model(context)
        guard !model.isEmpty else {
            for (i, line) in TextWrap.wrap("No roles in this inventory: the matrix has no rows.", width: rect.width).enumerated() {
                buffer.write(line, x: rect.x, y: rect.y + i, role: .muted, maxWidth: rect.width, clip: rect)
            }
            return
        }
        var s = self
        s.clamp(to: model)
        if let cursor = edgeCursor, let cell = model.cell(row: s.row, column: s.column), !cell.edges.isEmpty {
            s.drawEdgeList(cell.edges, cursor: min(cursor, cell.edges.count - 1), into: &buffer, rect: rect, model: model, context: context)
        } else {
            s.drawGrid(into: &buffer, rect: rect, model: model, context: context)
        }
    }

    func layout(for rect: Rect, model: MatrixModel) -> (MatrixLayout, [StyledLine]) {
        let maxLegend = rect.height >= 16 ? 3 : (rect.height >= 10 ? 1 : 0)
        let legend = MatrixLegend.lines(width: rect.width, maxLines: maxLegend)
        let layout = MatrixLayout(
            width: rect.width, height: rect.height, rowCount: model.rows.count, columnCount: model.columns.count,
            accountColumnCount: model.accountColumnCount, maxNameWidth: model.maxNameWidth, numberWidth: model.numberWidth,
            selectedRow: row, selectedColumn: column, legendLineCount: legend.count)
        return (layout, Array(legend.prefix(layout.legendLineCount)))
    }

    func drawGrid(into buffer: inout ScreenBuffer, rect: Rect, model: MatrixModel, context: ScreenContext) {
        let (layout, legend) = layout(for: rect, model: model)
        let emphasis: Emphasis = [.bold, .underline]

        if let y = layout.captionY {
            buffer.write(runs: caption(model: model, context: context), x: rect.x, y: rect.y + y, maxWidth: rect.width, clip: rect)
        }

        // Column labels, right-aligned over the glyphs; the selected one stands out.
        if let y = layout.labelsY.map({ rect.y + $0 }) {
            let scrolledLeft = layout.columnRange.lowerBound > 0
            buffer.write("into↓ from→", x: rect.x, y: y, role: .muted, maxWidth: max(0, layout.rowHeaderWidth - (scrolledLeft ? 2 : 1)), clip: rect)
            if scrolledLeft {
                buffer.write(MatrixGlyph.moreLeft, x: rect.x + layout.rowHeaderWidth - 1, y: y, role: .muted, clip: rect)
            }
            for (i, c) in layout.columnRange.enumerated() {
                let label = model.columnLabel(c)
                let right = rect.x + layout.columnX[i] + layout.glyphOffset
                let x = right - DisplayWidth.of(label) + 1
                let selected = c == column
                buffer.write(label, x: x, y: y, role: selected ? .focus : .text, emphasis: selected ? emphasis : [], clip: rect)
            }
            if layout.columnRange.upperBound < model.columns.count, let lastX = layout.columnX.last {
                buffer.write(MatrixGlyph.moreRight, x: rect.x + lastX + layout.columnWidth, y: y, role: .muted, clip: rect)
            }
            if let sx = layout.separatorX { buffer.write(String(MatrixGlyph.separator), x: rect.x + sx, y: y, role: .border, clip: rect) }
        }

        for r in layout.rowRange {
            guard let dy = layout.y(ofRow: r) else { continue }
            let y = rect.y + dy
            drawRowHeader(r, y: y, into: &buffer, rect: rect, layout: layout, model: model)
            if let sx = layout.separatorX { buffer.write(String(MatrixGlyph.separator), x: rect.x + sx, y: y, role: .border, clip: rect) }
            // The diagonal (the row's own account) is bracketed whether or not it holds trust.
            if let d = model.diagonalColumn(ofRow: r), let dx = layout.x(ofColumn: d) {
                let gx = rect.x + dx + layout.glyphOffset
                buffer.write(String(MatrixGlyph.diagonalOpen), x: gx - 1, y: y, role: .muted, clip: rect)
                buffer.write(String(MatrixGlyph.diagonalClose), x: gx + 1, y: y, role: .muted, clip: rect)
            }
            for mark in model.marks(row: r, columns: layout.columnRange) {
                guard let cx = layout.x(ofColumn: mark.column) else { continue }
                let glyph = mark.severity?.glyph ?? MatrixGlyph.trust
                buffer.write(glyph, x: rect.x + cx + layout.glyphOffset, y: y, role: SeverityStyle.role(mark.severity), clip: rect)
            }
            if r == row, let cx = layout.x(ofColumn: column) {
                // The selected cell: its three cells in the selection role, keeping the glyph and brackets.
                let gx = rect.x + cx + layout.glyphOffset
                for x in (gx - 1)...(gx + 1) where rect.contains(x: x, y: y) {
                    buffer.setRole(.selection, x: x, y: y, emphasis: [.bold])
                }
            }
        }

        for (i, line) in legend.enumerated() {
            buffer.write(runs: line, x: rect.x, y: rect.y + layout.legendTop + i, maxWidth: rect.width, clip: rect)
        }
    }

    /// `▸ 12 name`: the selected row's header is marked and emphasised; `▴` / `▾` say rows are scrolled out.
    func drawRowHeader(_ r: Int, y: Int, into buffer: inout ScreenBuffer, rect: Rect, layout: MatrixLayout, model: MatrixModel) {
        let emphasis: Emphasis = [.bold, .underline]
        let selected = r == row
        var marker = " "
        if selected {
            marker = MatrixGlyph.selectedRow
        } else if r == layout.rowRange.lowerBound, r > 0 {
            marker = MatrixGlyph.moreAbove
        } else if r == layout.rowRange.upperBound - 1, r < model.rows.count - 1 {
            marker = MatrixGlyph.moreBelow
        }
        let number = model.rowNumbers[r].map(String.init) ?? ""
        let numberText = String(repeating: " ", count: max(0, layout.numberWidth - number.count)) + number
        let name = DisplayWidth.truncate(model.rowNames[r], to: layout.nameWidth)
        buffer.write(runs: [
            TextRun(marker + " ", selected ? .focus : .muted),
            TextRun(numberText + " ", selected ? .focus : .muted, emphasis: selected ? [.bold] : []),
            TextRun(name, selected ? .focus : .text, emphasis: selected ? emphasis : []),
        ], x: rect.x, y: y, maxWidth: max(0, layout.rowHeaderWidth - 1), clip: rect)
    }

    /// The line above the grid: the selected cell in words, which is also the legend of its column.
    func caption(model: MatrixModel, context: ScreenContext) -> StyledLine {
        let from = columnLabelAndName(column, model: model, context: context)
        let into = (model.rowNumbers[row].map { "\($0) " } ?? "") + model.rowNames[row]
        var line: StyledLine = [
            TextRun("from ", .muted), TextRun(from, .focus, emphasis: [.bold]),
            TextRun(" → into ", .muted), TextRun(into, .focus, emphasis: [.bold]), TextRun(": ", .muted),
        ]
        if let cell = model.cell(row: row, column: column), !cell.edges.isEmpty {
            if let s = cell.severity {
                line.append(TextRun(s.glyph + " " + s.name, SeverityStyle.role(s)))
            } else {
                line.append(TextRun(MatrixGlyph.trust + " no finding", .text))
            }
            line.append(TextRun(", \(cell.edges.count) edge" + (cell.edges.count == 1 ? "" : "s"), .muted))
        } else {
            line.append(TextRun("no trust", .muted))
        }
        return line
    }

    func columnName(_ c: Int, model: MatrixModel, context: ScreenContext) -> String {
        guard model.columns.indices.contains(c) else { return "" }
        switch model.columns[c] {
        case .account(let id): return context.inventory.account(id: id)?.displayName ?? id
        case .thirdParty: return "third parties"
        case .unknownExternal: return "unknown externals"
        case .anyone: return "anyone"
        case .organization: return "organization"
        }
    }

    func columnLabelAndName(_ c: Int, model: MatrixModel, context: ScreenContext) -> String {
        if case .account? = model.columns.indices.contains(c) ? model.columns[c] : nil {
            return "\(c + 1) " + columnName(c, model: model, context: context)
        }
        return columnName(c, model: model, context: context)
    }

    func drawEdgeList(_ edges: [TrustEdge], cursor: Int, into buffer: inout ScreenBuffer, rect: Rect, model: MatrixModel, context: ScreenContext) {
        buffer.write(runs: caption(model: model, context: context), x: rect.x, y: rect.y, maxWidth: rect.width, clip: rect)
        let top = 1
        let visible = max(0, rect.height - top)
        let window = MatrixLayout.window(selected: cursor, count: edges.count, visible: visible)
        for (i, e) in zip(window, edges[window]) {
            let y = rect.y + top + i - window.lowerBound
            let requires = e.requires.map(\.label).joined(separator: " ")
            let line: StyledLine = [
                TextRun((e.severity?.glyph ?? MatrixGlyph.trust) + " ", SeverityStyle.role(e.severity)),
                TextRun(MatrixDetails.shortName(e.from, context: context), .text),
                TextRun(" → ", .muted),
                TextRun(MatrixDetails.shortName(e.to, context: context), .text),
                TextRun(requires.isEmpty ? "" : "  " + requires, .key),
            ]
            if i == cursor {
                buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1).intersection(rect), with: Cell(" ", role: .selection))
                buffer.write(line.plainText, x: rect.x, y: y, role: .selection, emphasis: [.bold], maxWidth: rect.width, clip: rect)
            } else {
                buffer.write(runs: line, x: rect.x, y: y, maxWidth: rect.width, clip: rect)
            }
        }
    }

    // MARK: Details

    public func detailsLines(context: ScreenContext, width: Int) -> [StyledLine]? {
        let model = model(context)
        guard !model.isEmpty else { return nil }
        var s = self
        s.clamp(to: model)
        return MatrixDetails.lines(row: s.row, column: s.column, edgeCursor: edgeCursor, model: model, context: context, width: width)
    }
}
