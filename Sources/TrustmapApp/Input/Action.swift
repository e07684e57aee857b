import TerminalUI

/// What the user asked for. Keys map to actions through the key table; `update` applies them.
public enum Action: Sendable, Hashable {
    case moveUp, moveDown, pageUp, pageDown, moveHome, moveEnd
    case unfold, fold
    case nextPane, previousPane
    case activate, back
    case search, nextMatch, previousMatch
    case openPalette
    case showGraph, showFindings, simulate, showMatrix
    case nextTheme
    case toggleReveal
    case help
    case quit
    /// A key for the active main-view screen (graph, findings, simulate, matrix, results).
    case screenKey(Key)
    /// A key typed into the open overlay (search text, palette, help filter, confirmation).
    case input(Key)
    /// A palette command, as typed (also what `--walkthrough` files and tests send).
    case command(String)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP: end with 128 + the signal number.
    case interrupt(signal: Int32)
}
