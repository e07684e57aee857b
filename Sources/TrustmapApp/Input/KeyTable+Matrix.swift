import TerminalUI

/// The keys of the matrix screen (owned with MatrixScreen.swift). `MatrixScreen.handle` dispatches
/// them; this table feeds the status bar and help, so the two are kept side by side.
extension KeyTable {
    static let matrixBindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .down, .left, .right, .character("k"), .character("j"), .character("h"), .character("l")], action: nil, context: .matrix, hint: "cell", help: "move to the cell above / below / left / right"),
        KeyBinding(keys: [.pageUp, .pageDown], action: nil, context: .matrix, hint: nil, help: "ten rows up / down"),
        KeyBinding(keys: [.character("["), .character("]")], action: nil, context: .matrix, hint: nil, help: "ten columns left / right"),
        KeyBinding(keys: [.home, .end], action: nil, context: .matrix, hint: nil, help: "first / last column (third parties, externals, anyone); again: first / last row"),
        KeyBinding(keys: [.enter], action: nil, context: .matrix, hint: "edges", help: "the edges behind the cell (one edge: its role's graph); in the list, open the role's graph"),
        KeyBinding(keys: [.character("s")], action: nil, context: .matrix, hint: "simulate", help: "simulate the cell's worst edge (in the list: the selected edge)"),
        KeyBinding(keys: [.escape], action: nil, context: .matrix, hint: "back", help: "close the edge list / back to the navigator"),
    ]
}
