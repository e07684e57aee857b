import TerminalUI
import TrustAnalysis

enum HeaderView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, rect: Rect) {
        buffer.fill(rect, with: Cell(" ", role: .header))
        let inv = state.inventory
        let name = inv.name ?? state.sourceDescription
        let left = " trustmap · \(name) · \(inv.accounts.count) accounts · \(inv.roles.count) roles · \(inv.users.count) users"
        var right: StyledLine = []
        // Findings by severity, glyph and count: readable without colour.
        let counts = state.severityCounts
        for s in Severity.allCases.reversed() {
            right.append(TextRun(" \(s.glyph) \(counts[s] ?? 0) ", counts[s] == nil ? .header : SeverityStyle.role(s)))
        }
        right.append(TextRun(" ", .header))
        if state.revealSecrets {
            right.append(TextRun(" ⚠ SECRETS REVEALED (x masks) ", .warning))
            right.append(TextRun(" ", .header))
        }
        let rightWidth = right.displayWidth
        buffer.write(left, x: rect.x, y: rect.y, role: .header, maxWidth: max(0, rect.width - rightWidth - 1))
        buffer.write(runs: right, x: rect.maxX - rightWidth, y: rect.y)
    }
}

enum StatusBarView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, rect: Rect) {
        buffer.fill(rect, with: Cell(" ", role: .status))
        let context: KeyContext
        switch state.overlay {
        case .search?: context = .search
        case .palette?: context = .palette
        case .help?: context = .help
        case .confirmReveal?: context = .confirm
        case nil:
            if state.focus == .main || state.activeScreenCapturesAllKeys {
                switch state.mainView {
                case .overview: context = .main
                case .graph: context = .graph
                case .findings: context = .findings
                case .list: context = .list
                case .simulate: context = .simulate
                case .matrix: context = .matrix
                }
            } else {
                context = .main
            }
        }
        if let message = state.message {
            buffer.write(" " + message, x: rect.x, y: rect.y, role: state.messageIsError ? .denied : .status, maxWidth: rect.width)
            return
        }
        // When the hints do not fit, drop the middle ones first: help and quit must always show.
        var hints = KeyTable.hints(in: context)
        func width(_ h: [(key: String, label: String)]) -> Int { h.reduce(1) { $0 + DisplayWidth.of($1.key) + DisplayWidth.of($1.label) + 3 } }
        while hints.count > 2, width(hints) > rect.width { hints.remove(at: hints.count - 2) }
        var runs: StyledLine = [TextRun(" ", .status)]
        for (i, hint) in hints.enumerated() {
            if i > 0 { runs.append(TextRun("  ", .status)) }
            runs.append(TextRun(hint.key, .status, emphasis: .bold))
            runs.append(TextRun(" " + hint.label, .status))
        }
        buffer.write(runs: runs, x: rect.x, y: rect.y, maxWidth: rect.width)
    }
}
