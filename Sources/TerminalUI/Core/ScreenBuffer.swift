/// A frame in memory: what `view` draws and the backend presents.
///
/// Every write is clipped to the buffer (and to an optional clip rectangle), so views
/// can draw without checking sizes and no terminal size can make them crash.
public struct ScreenBuffer: Sendable, Hashable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (for text input), or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set {
            cursorX = newValue?.x
            cursorY = newValue?.y ?? 0
        }
    }
    private var cursorX: Int?
    private var cursorY = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { (x >= 0 && y >= 0 && x < width && y < height) ? cells[y * width + x] : .blank }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            var cell = newValue
            // A single cell cannot hold an escape: a control character written cell by cell becomes "?"
            // (text goes through `write`, which shows the escape in full).
            if cell.character.unicodeScalars.contains(where: TerminalSafe.needsEscape) { cell.character = "?" }
            cells[y * width + x] = cell
        }
    }

    /// Sets only the role of a cell, keeping its character (to highlight drawn text).
    public mutating func setRole(_ role: StyleRole, x: Int, y: Int, emphasis: Emphasis? = nil) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        cells[y * width + x].role = role
        if let emphasis { cells[y * width + x].emphasis = emphasis }
    }

    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * width + x] = cell }
        }
    }

    /// Writes text from (x, y), clipped to `clip` (default: the whole buffer) and to `maxWidth` columns.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol, x: Int, y: Int, role: StyleRole = .text, emphasis: Emphasis = [],
        maxWidth: Int? = nil, clip: Rect? = nil
    ) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return 0 }
        // The one place text reaches the screen: control and bidi characters (from an inventory, a file
        // name, an error) are drawn as their escapes, never sent to the terminal (TerminalSafe).
        if TerminalSafe.needsEscape(text) {
            return write(TerminalSafe.escape(text), x: x, y: y, role: role, emphasis: emphasis, maxWidth: maxWidth, clip: clip)
        }
        let limit = min(area.maxX, maxWidth.map { x + max(0, $0) } ?? Int.max)
        var cx = x
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if cx + w > limit { break }
            if cx >= area.x {
                cells[y * width + cx] = Cell(ch, role: role, emphasis: emphasis)
                if w == 2, cx + 1 < width {
                    cells[y * width + cx + 1] = Cell(" ", role: role, emphasis: emphasis, isContinuation: true)
                }
            }
            cx += w
        }
        return max(0, cx - x)
    }

    /// Writes styled runs one after another on a line; returns the columns written.
    @discardableResult
    public mutating func write(runs: [TextRun], x: Int, y: Int, maxWidth: Int? = nil, clip: Rect? = nil) -> Int {
        var cx = x
        for run in runs {
            let remaining = maxWidth.map { x + $0 - cx }
            if let remaining, remaining <= 0 { break }
            cx += write(run.text, x: cx, y: y, role: run.role, emphasis: run.emphasis, maxWidth: remaining, clip: clip)
        }
        return cx - x
    }

    /// A box with single-line borders and an optional title in the top border.
    public mutating func drawBox(_ rect: Rect, title: String? = nil, role: StyleRole = .border, titleRole: StyleRole = .title, ascii: Bool = false) {
        let r = rect
        guard r.width >= 2, r.height >= 2 else {
            fill(r, with: Cell(" ", role: role))
            return
        }
        let h: Character = ascii ? "-" : "─", v: Character = ascii ? "|" : "│"
        let tl: Character = ascii ? "+" : "┌", tr: Character = ascii ? "+" : "┐"
        let bl: Character = ascii ? "+" : "└", br: Character = ascii ? "+" : "┘"
        for x in r.x + 1..<r.maxX - 1 {
            self[x, r.y] = Cell(h, role: role)
            self[x, r.maxY - 1] = Cell(h, role: role)
        }
        for y in r.y + 1..<r.maxY - 1 {
            self[r.x, y] = Cell(v, role: role)
            self[r.maxX - 1, y] = Cell(v, role: role)
        }
        self[r.x, r.y] = Cell(tl, role: role)
        self[r.maxX - 1, r.y] = Cell(tr, role: role)
        self[r.x, r.maxY - 1] = Cell(bl, role: role)
        self[r.maxX - 1, r.maxY - 1] = Cell(br, role: role)
        if let title, r.width > 4 {
            let t = " " + DisplayWidth.truncate(title, to: r.width - 4) + " "
            write(t, x: r.x + 1, y: r.y, role: titleRole, maxWidth: r.width - 2)
        }
    }

    /// The frame as text, one line per row, trailing spaces trimmed: what snapshot tests compare.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width {
                let c = cells[y * width + x]
                if !c.isContinuation { line.append(c.character) }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// One letter per cell naming its style role (see `StyleRole.letter`), trailing text-role blanks trimmed.
    public var styleMap: String {
        var lines: [String] = []
        for y in 0..<height {
            var line = ""
            var lastSignificant = 0
            for x in 0..<width {
                let c = cells[y * width + x]
                line.append(c.role.letter)
                if !(c.character == " " && c.role == .text) { lastSignificant = line.count }
            }
            lines.append(String(line.prefix(lastSignificant)))
        }
        return lines.joined(separator: "\n")
    }

    /// The text of one row (for tests and the backend's change detection).
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < height else { return [] }
        return cells[(y * width)..<((y + 1) * width)]
    }

    public static func == (a: ScreenBuffer, b: ScreenBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
    }
}

/// A piece of text with one role: lines of styled text are lists of runs.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var role: StyleRole
    public var emphasis: Emphasis

    public init(_ text: String, _ role: StyleRole = .text, emphasis: Emphasis = []) {
        self.text = text
        self.role = role
        self.emphasis = emphasis
    }
}

/// A line of styled runs.
public typealias StyledLine = [TextRun]

extension Array where Element == TextRun {
    public var plainText: String { map(\.text).joined() }
    public var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
