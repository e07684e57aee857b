import TerminalUI

/// The keys of the matrix screen (owned with MatrixScreen.swift).
extension KeyTable {
    static let matrixBindings: [KeyBinding] = []
}
