import PolicyEngine
import TerminalUI
import TrustAnalysis

/// The simulate view: the request form and the result with its trace and hints.
/// (Placeholder: being built.)
public struct SimulateScreen: Sendable {
    public init() {}

    /// Fills the form from the selection or a selected edge; `run` also runs the simulation.
    public mutating func prefill(principal: String?, role: String?, context: ScreenContext) {}

    /// Applies palette `:simulate` flags (the same flags as `trustmap simulate`), then runs.
    /// Returns an error sentence for the prompt line when the flags are wrong.
    public mutating func apply(arguments: [String], context: ScreenContext) -> String? { "simulate: not built yet" }

    /// True while a text field is being edited: every key (q, g, …) is typed into it.
    public var capturesAllKeys: Bool { false }

    public mutating func handle(_ key: Key, context: ScreenContext) -> ScreenOutcome { .notHandled }

    public func title(context: ScreenContext) -> String { "Simulate" }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {}

    /// What the details pane shows while this screen is active (nil: the navigator selection).
    public func detailsLines(context: ScreenContext, width: Int) -> [StyledLine]? { nil }
}
