import TerminalUI

/// What the frame asks of every main-view screen (graph, findings, simulate, matrix, results):
/// one way to title it, draw it and fill the details pane from it.
public protocol MainScreen: Sendable {
    func title(context: ScreenContext) -> String
    func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext)
    /// What the details pane shows while the screen is active, or nil for the navigator's selection.
    func detailsLines(context: ScreenContext, width: Int) -> [StyledLine]?
}

extension GraphScreen: MainScreen {}
extension FindingsScreen: MainScreen {}
extension SimulateScreen: MainScreen {}
extension MatrixScreen: MainScreen {}
extension ListScreen: MainScreen {}

extension AppState {
    /// The screen the main pane shows, nil for the overview.
    public var activeScreen: (any MainScreen)? {
        switch mainView {
        case .overview: return nil
        case .graph: return graphScreen
        case .findings: return findingsScreen
        case .simulate: return simulateScreen
        case .matrix: return matrixScreen
        case .list: return listScreen
        }
    }
}
