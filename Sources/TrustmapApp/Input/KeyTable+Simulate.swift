import TerminalUI

/// The keys of the simulate screen (owned with SimulateScreen.swift).
extension KeyTable {
    static let simulateBindings: [KeyBinding] = []
}
