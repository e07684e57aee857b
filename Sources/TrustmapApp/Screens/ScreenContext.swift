import Inventory
import TerminalUI
import TrustAnalysis

/// What a main-view screen may read: the analysis and the session's settings. Screens never do I/O.
public struct ScreenContext: Sendable {
    public var analysis: Analysis
    /// True while the user has chosen to see secrets (external IDs) in full.
    public var revealSecrets: Bool
    /// "Now", seconds since 1970 (a parameter, never the wall clock).
    public var now: Int64
    /// The id selected in the navigator (account id or ARN), if any.
    public var selectedId: String?

    public init(analysis: Analysis, revealSecrets: Bool, now: Int64, selectedId: String?) {
        self.analysis = analysis
        self.revealSecrets = revealSecrets
        self.now = now
        self.selectedId = selectedId
    }

    public var inventory: Inventory { analysis.inventory }

    /// True for ids the navigator has a row for (accounts, roles and users of the inventory); services,
    /// providers and outside principals are only nodes of the graph.
    public func hasNavigatorRow(_ id: String) -> Bool {
        inventory.role(arn: id) != nil || inventory.user(arn: id) != nil || inventory.account(id: id) != nil
    }
}

/// What a screen's key handling asks the app to do next.
public enum ScreenOutcome: Sendable, Hashable {
    /// The screen did not use the key: the dashboard's key table gets it.
    case notHandled
    /// The screen used the key; redraw.
    case handled
    /// Select this node (ARN or account id) in the navigator; optionally open its trust graph.
    case select(id: String, openGraph: Bool)
    /// Open the simulate screen prefilled with this caller and role (either may be nil).
    case simulate(principal: String?, role: String?)
    /// Open a list of principals (the nodes behind a graph's "… N more" row) in the main pane.
    case listNodes(title: String, ids: [String])
    /// Show a message in the status bar.
    case message(String, isError: Bool)
}
