/// The three panes Tab cycles through.
public enum Pane: Int, Sendable, CaseIterable {
    case navigator, main, details
}

/// What the main pane shows.
public enum MainView: Sendable, Hashable {
    /// Summary of the selection (the shell's default), or the estate overview when nothing is selected.
    case overview
    case graph
    case findings
    case simulate
    case matrix
    /// Who-can-assume or paths results.
    case list
}
