import TerminalUI

/// Where a key binding applies.
public enum KeyContext: String, Sendable, CaseIterable {
    /// The panes, with no overlay open.
    case main
    case search
    case palette
    case help
    case confirm
    /// The main pane, focused, showing the trust graph / findings / results / simulate / matrix.
    case graph
    case findings
    case list
    case simulate
    case matrix

    public var title: String {
        switch self {
        case .main: return "Dashboard"
        case .search: return "Search prompt (/)"
        case .palette: return "Command palette (:)"
        case .help: return "Help (?)"
        case .confirm: return "Reveal confirmation"
        case .graph: return "Trust graph (main pane focused)"
        case .findings: return "Findings (main pane focused)"
        case .list: return "Who can assume / paths (main pane focused)"
        case .simulate: return "Simulate (main pane focused)"
        case .matrix: return "Account matrix (main pane focused)"
        }
    }
}

/// One entry of the key table: the keys, the action, and the words help and the status bar show.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action?
    public var context: KeyContext
    /// Short label for the status bar (nil: not shown there).
    public var hint: String?
    /// Sentence for the help overlay and the README.
    public var help: String

    public var keyText: String { keys.map(\.description).joined(separator: " ") }
}

/// The one key table: it dispatches keys, and generates the status bar, the help overlay and the
/// README's key table, so the three cannot drift apart.
public enum KeyTable {
    public static let bindings: [KeyBinding] = baseBindings + graphBindings + findingsBindings + listBindings + simulateBindings + matrixBindings

    static let baseBindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .character("k")], action: .moveUp, context: .main, hint: nil, help: "move up"),
        KeyBinding(keys: [.down, .character("j")], action: .moveDown, context: .main, hint: nil, help: "move down"),
        KeyBinding(keys: [.left, .character("h")], action: .fold, context: .main, hint: nil, help: "fold an account / go to its account"),
        KeyBinding(keys: [.right, .character("l")], action: .unfold, context: .main, hint: nil, help: "unfold an account"),
        KeyBinding(keys: [.pageUp], action: .pageUp, context: .main, hint: nil, help: "page up"),
        KeyBinding(keys: [.pageDown], action: .pageDown, context: .main, hint: nil, help: "page down"),
        KeyBinding(keys: [.home], action: .moveHome, context: .main, hint: nil, help: "first item"),
        KeyBinding(keys: [.end], action: .moveEnd, context: .main, hint: nil, help: "last item"),
        KeyBinding(keys: [.tab], action: .nextPane, context: .main, hint: nil, help: "next pane"),
        KeyBinding(keys: [.backTab], action: .previousPane, context: .main, hint: nil, help: "previous pane"),
        KeyBinding(keys: [.enter], action: .activate, context: .main, hint: nil, help: "open / drill down / run"),
        KeyBinding(keys: [.escape], action: .back, context: .main, hint: nil, help: "back to the overview"),
        KeyBinding(keys: [.character("?")], action: .help, context: .main, hint: "help", help: "help: every key and command, filterable"),
        KeyBinding(keys: [.character("/")], action: .search, context: .main, hint: "search", help: "search the navigator (type, Enter)"),
        KeyBinding(keys: [.character("n")], action: .nextMatch, context: .main, hint: nil, help: "next search match"),
        KeyBinding(keys: [.character("N")], action: .previousMatch, context: .main, hint: nil, help: "previous search match"),
        KeyBinding(keys: [.character(":")], action: .openPalette, context: .main, hint: "command", help: "command palette"),
        KeyBinding(keys: [.character("g")], action: .showGraph, context: .main, hint: "graph", help: "trust graph of the selection"),
        KeyBinding(keys: [.character("f")], action: .showFindings, context: .main, hint: "findings", help: "findings"),
        KeyBinding(keys: [.character("s")], action: .simulate, context: .main, hint: "simulate", help: "simulate, prefilled from the selection"),
        KeyBinding(keys: [.character("m")], action: .showMatrix, context: .main, hint: "matrix", help: "account matrix"),
        KeyBinding(keys: [.character("t")], action: .nextTheme, context: .main, hint: "theme", help: "next theme"),
        KeyBinding(keys: [.character("x")], action: .toggleReveal, context: .main, hint: "reveal", help: "reveal / mask secrets (asks first)"),
        KeyBinding(keys: [.character("q")], action: .quit, context: .main, hint: "quit", help: "quit"),

        KeyBinding(keys: [.enter], action: nil, context: .search, hint: "go", help: "jump to the first match"),
        KeyBinding(keys: [.escape], action: nil, context: .search, hint: "cancel", help: "close the prompt"),

        KeyBinding(keys: [.enter], action: nil, context: .palette, hint: "run", help: "run the command"),
        KeyBinding(keys: [.tab], action: nil, context: .palette, hint: "complete", help: "complete the command, flag or ARN"),
        KeyBinding(keys: [.up, .down], action: nil, context: .palette, hint: "history", help: "earlier / later commands"),
        KeyBinding(keys: [.escape], action: nil, context: .palette, hint: "cancel", help: "close the palette"),

        KeyBinding(keys: [.up, .down, .pageUp, .pageDown], action: nil, context: .help, hint: "scroll", help: "scroll"),
        KeyBinding(keys: [.escape], action: nil, context: .help, hint: "close", help: "close help (type to filter)"),

        KeyBinding(keys: [.character("y")], action: nil, context: .confirm, hint: "reveal", help: "show external IDs in full"),
        KeyBinding(keys: [.character("n"), .escape], action: nil, context: .confirm, hint: "keep masked", help: "keep secrets masked"),
    ]

    static let graphBindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .down, .character("k"), .character("j")], action: nil, context: .graph, hint: "edge", help: "select the previous / next edge"),
        KeyBinding(keys: [.enter], action: nil, context: .graph, hint: "follow", help: "focus the graph on the far end of the selected edge"),
        KeyBinding(keys: [.character("s")], action: nil, context: .graph, hint: "simulate edge", help: "simulate the selected edge (its caller and role)"),
        KeyBinding(keys: [.character("+"), .character("-")], action: nil, context: .graph, hint: "depth", help: "show more / fewer hops"),
        KeyBinding(keys: [.character("o")], action: nil, context: .graph, hint: "overview", help: "account-level overview / back to the selection"),
        KeyBinding(keys: [.tab], action: nil, context: .graph, hint: nil, help: "next pane"),
    ]

    static let findingsBindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .down, .pageUp, .pageDown], action: nil, context: .findings, hint: nil, help: "move"),
        KeyBinding(keys: [.enter], action: nil, context: .findings, hint: "jump", help: "jump to the subject in the graph"),
        KeyBinding(keys: [.character("o")], action: nil, context: .findings, hint: "sort", help: "sort by severity, rule, subject, account"),
        KeyBinding(keys: [.character("v")], action: nil, context: .findings, hint: "severity", help: "raise the minimum severity (wraps to all)"),
        KeyBinding(keys: [.character("r")], action: nil, context: .findings, hint: "rule", help: "only this finding's rule / all rules"),
        KeyBinding(keys: [.character("a")], action: nil, context: .findings, hint: "account", help: "only this finding's account / all accounts"),
    ]

    static let listBindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .down], action: nil, context: .list, hint: nil, help: "move"),
        KeyBinding(keys: [.enter], action: nil, context: .list, hint: "open", help: "open the principal (or the chain's end) in the graph"),
        KeyBinding(keys: [.character("s")], action: nil, context: .list, hint: "simulate", help: "simulate this principal assuming the role"),
    ]

    /// The action of a key on the main screen, or nil.
    public static func action(for key: Key) -> Action? {
        for b in baseBindings where b.context == .main && b.keys.contains(key) { return b.action }
        return nil
    }

    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    /// The status bar's hints for a context: `? help  / search …`. A focused screen shows its own keys
    /// first, then the dashboard's.
    public static func hints(in context: KeyContext) -> [(key: String, label: String)] {
        let own = bindings(in: context).compactMap { b in b.hint.map { (b.keyText, $0) } }
        switch context {
        case .graph, .findings, .list, .simulate, .matrix:
            return own + [("Tab", "pane")] + hints(in: .main).filter { ["?", "q"].contains($0.key) }
        default:
            return own
        }
    }

    /// The key table as Markdown, for the README (a test keeps the README in step).
    public static var markdown: String {
        var lines: [String] = []
        for context in KeyContext.allCases {
            lines.append("| \(context.title) | |")
            for b in bindings(in: context) {
                let keys = b.keys.map { "`\($0.description)`" }.joined(separator: " ")
                lines.append("| \(keys) | \(b.help) |")
            }
        }
        return (["| key | action |", "|---|---|"] + lines).joined(separator: "\n")
    }
}
