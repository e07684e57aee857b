import TerminalUI

/// Where the parts of the matrix go in a pane of a given size, and which window of rows and columns
/// shows: a pure function of the size, the model's shape and the selected cell.
///
/// ```
/// from 4 staging → into 1 prod · ‼ critical · 2 edges      ← caption (the selected cell)
/// into↓ from→  1  2  3  4 │3p ex  *                         ← column labels (headers fixed)
/// ▸ 1 prod    [●]    ‼    │ !     ▲                          ← rows (row headers fixed)
///   2 staging     [ ]     │
/// ‼ critical  ! high  ▲ medium …                            ← legend
/// ```
///
/// The window keeps the selected cell centred when the matrix is bigger than the pane (as the
/// findings list does), so scrolling needs no state beyond the selection.
struct MatrixLayout: Sendable, Hashable {
    /// Rows of text above the grid: the caption (when there is room) and the column labels.
    var captionY: Int?
    var labelsY: Int?
    var gridTop: Int
    var legendTop: Int
    var legendLineCount: Int

    var rowHeaderWidth: Int
    var nameWidth: Int
    var numberWidth: Int
    var columnWidth: Int

    var rowRange: Range<Int>
    var columnRange: Range<Int>
    /// x offset (from the pane's left) of each visible column, in `columnRange` order.
    var columnX: [Int]
    /// x offset of the line between the estate's accounts and the outside columns, when it shows.
    var separatorX: Int?

    init(width: Int, height: Int, rowCount: Int, columnCount: Int, accountColumnCount: Int,
         maxNameWidth: Int, numberWidth: Int, selectedRow: Int, selectedColumn: Int, legendLineCount: Int) {
        let width = max(0, width), height = max(0, height)
        self.numberWidth = numberWidth
        columnWidth = max(3, numberWidth + 1)

        // Caption and labels first, then the legend, then whatever is left for rows.
        let top: Int
        if height >= 4 {
            captionY = 0
            labelsY = 1
            top = 2
        } else if height >= 2 {
            captionY = nil
            labelsY = 0
            top = 1
        } else {
            captionY = nil
            labelsY = nil
            top = 0
        }
        gridTop = top
        self.legendLineCount = min(legendLineCount, max(0, height - top - 1))
        let visibleRows = max(0, height - top - self.legendLineCount)
        legendTop = top + visibleRows

        // Row headers: "▸ 12 name " — two fifths of the pane, or room for eight letters of a name
        // in a narrow pane (up to half of it): the number is the key, the caption and details give names in full.
        let fixed = 2 + numberWidth + 1
        let wanted = fixed + maxNameWidth + 1
        let cap = max(fixed + 2, width * 2 / 5, min(width / 2, fixed + 9))
        rowHeaderWidth = min(wanted, cap, width)
        nameWidth = max(0, rowHeaderWidth - fixed - 1)

        rowRange = Self.window(selected: selectedRow, count: rowCount, visible: visibleRows)

        // One column of room is kept for the separator before the outside columns.
        let room = width - rowHeaderWidth
        let visibleColumns = room >= columnWidth + 1 ? (room - 1) / columnWidth : (room >= columnWidth ? 1 : 0)
        columnRange = Self.window(selected: selectedColumn, count: columnCount, visible: visibleColumns)
        var xs: [Int] = []
        var x = rowHeaderWidth
        var separator: Int?
        for c in columnRange {
            if c == accountColumnCount, c > columnRange.lowerBound {
                separator = x
                x += 1
            }
            xs.append(x)
            x += columnWidth
        }
        columnX = xs
        separatorX = separator
    }

    /// The visible slice of `count` items with `selected` centred, clamped to the ends.
    static func window(selected: Int, count: Int, visible: Int) -> Range<Int> {
        guard count > 0, visible > 0 else { return 0..<0 }
        if count <= visible { return 0..<count }
        let start = min(max(0, selected - visible / 2), count - visible)
        return start..<(start + visible)
    }

    /// x offset of a visible column, nil when it is scrolled out.
    func x(ofColumn column: Int) -> Int? {
        columnRange.contains(column) ? columnX[column - columnRange.lowerBound] : nil
    }

    /// y offset of a visible row, nil when it is scrolled out.
    func y(ofRow row: Int) -> Int? {
        rowRange.contains(row) ? gridTop + row - rowRange.lowerBound : nil
    }

    /// Where the glyph of a column sits inside its `columnWidth` cells: under the last digit of its label.
    var glyphOffset: Int { columnWidth - 2 }
}
