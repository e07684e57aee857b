import TerminalUI
import TrustAnalysis

/// The trust graph of a focus: callers on the left, the focus, what it can assume on the right.
public struct GraphScreen: Sendable {
    /// The focused node id (ARN or account id); nil shows the account-level overview.
    public var focus: String?
    public var depth = 1
    public var selectedEdge = 0

    public init() {}

    public var capturesAllKeys: Bool { false }

    public mutating func handle(_ key: Key, context: ScreenContext) -> ScreenOutcome { .notHandled }

    public func title(context: ScreenContext) -> String { "Trust graph" }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {}

    public func detailsLines(context: ScreenContext, width: Int) -> [StyledLine]? { nil }
}
