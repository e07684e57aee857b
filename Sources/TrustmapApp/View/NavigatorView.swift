import Inventory
import TerminalUI
import TrustAnalysis

enum NavigatorView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, rect: Rect) {
        let focused = state.focus == .navigator
        buffer.drawBox(rect, title: AppView.paneTitle("Navigator", focused: focused), role: focused ? .focus : .border)
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return }
        let items = state.navigatorItems
        let start = min(state.navigatorScroll, max(0, items.count - 1))
        for row in 0..<inner.height {
            let i = start + row
            guard i < items.count else { break }
            let item = items[i]
            let y = inner.y + row
            let selected = i == state.navigatorCursor
            let line = runs(for: item, state: state)
            if selected {
                buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", role: .selection))
                buffer.write(line.plainText, x: inner.x, y: y, role: .selection, maxWidth: inner.width)
            } else {
                buffer.write(runs: line, x: inner.x, y: y, maxWidth: inner.width)
            }
        }
        if items.count > inner.height {
            let more = "\(state.navigatorCursor + 1)/\(items.count)"
            buffer.write(" \(more) ", x: rect.maxX - DisplayWidth.of(more) - 3, y: rect.maxY - 1, role: .muted)
        }
    }

    static func runs(for item: NavigatorItem, state: AppState) -> StyledLine {
        switch item.kind {
        case .account(let id):
            let open = state.expanded.contains(id)
            let entry = state.navigatorIndex.accountPosition[id].map { state.navigatorIndex.accounts[$0] }
            let account = entry?.account
            let tag: String
            if let account {
                tag = account.inOrganization ? "org" : (account.thirdParty ? "3rd party" : (account.isListed ? "external" : "unknown"))
            } else {
                tag = ""
            }
            return [
                TextRun(open ? "▾ " : "▸ ", .muted),
                TextRun(item.label, .text, emphasis: .bold),
                TextRun(" " + shortId(id), .muted),
                TextRun(" " + tag, tag == "org" ? .muted : .info),
            ]
        case .role(let arn):
            let worst = state.analysis.worstSeverity(forNode: arn)
            return [TextRun(" " + (worst?.glyph ?? " ") + " ", SeverityStyle.role(worst)), TextRun(item.label, .text)]
        case .user(let arn):
            let worst = state.analysis.worstSeverity(forNode: arn)
            return [TextRun(" " + (worst?.glyph ?? " ") + " ", SeverityStyle.role(worst)), TextRun(item.label, .text), TextRun(" (user)", .muted)]
        }
    }

    /// `1111…1111`: enough of an account id to tell accounts apart in a narrow column.
    static func shortId(_ id: String) -> String {
        id.count == 12 ? "\(id.prefix(4))…\(id.suffix(4))" : id
    }
}
