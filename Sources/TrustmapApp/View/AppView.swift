import Inventory
import PolicyEngine
import TerminalUI

/// Draws the whole frame from the state: a pure function, so snapshots test it without a terminal.
public enum AppView {
    public static func render(_ state: AppState, width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        let layout = state.layout(width: width, height: height)
        if layout.isTooSmall {
            drawTooSmall(into: &buffer, width: width, height: height)
            return buffer
        }
        HeaderView.draw(state, into: &buffer, rect: layout.header)
        if !layout.navigator.isEmpty { NavigatorView.draw(state, into: &buffer, rect: layout.navigator) }
        MainPaneView.draw(state, into: &buffer, rect: layout.main)
        DetailsView.draw(state, into: &buffer, rect: layout.details)
        StatusBarView.draw(state, into: &buffer, rect: layout.status)
        OverlayView.draw(state, into: &buffer, layout: layout)
        return buffer
    }

    /// Below 80×24 the dashboard cannot be read: say so plainly, in as much room as there is.
    static func drawTooSmall(into buffer: inout ScreenBuffer, width: Int, height: Int) {
        let words = "terminal too small: \(width)×\(height), trustmap needs \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight) — enlarge the window, or press q to quit"
        let lines = TextWrap.wrap(words, width: max(1, width))
        let top = max(0, (height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < height {
            buffer.write(line, x: 0, y: top + i, role: .warning)
        }
    }

    /// Border role for a pane: focused panes stand out by colour and by a `▸` in the title.
    static func paneTitle(_ title: String, focused: Bool) -> String {
        focused ? "▸ " + title : title
    }
}

/// Word wrapping by display width; words longer than a line are cut.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var w = String(word)
            while DisplayWidth.of(w) > width {
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                }
                var head = ""
                for c in w {
                    if DisplayWidth.of(head) + DisplayWidth.of(c) > width { break }
                    head.append(c)
                }
                if head.isEmpty { head = String(w.first!) }
                lines.append(head)
                w = String(w.dropFirst(head.count))
            }
            if line.isEmpty {
                line = w
            } else if DisplayWidth.of(line) + 1 + DisplayWidth.of(w) <= width {
                line += " " + w
            } else {
                lines.append(line)
                line = w
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
