import TerminalUI
import TrustAnalysis

/// The account matrix: accounts × accounts (plus third parties, unknown externals and anyone as
/// extra columns), each cell the worst trust from column to row. (Placeholder: being built.)
public struct MatrixScreen: Sendable {
    public init() {}

    public var capturesAllKeys: Bool { false }

    public mutating func handle(_ key: Key, context: ScreenContext) -> ScreenOutcome { .notHandled }

    public func title(context: ScreenContext) -> String { "Account matrix" }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {}

    public func detailsLines(context: ScreenContext, width: Int) -> [StyledLine]? { nil }
}
