import ArgumentParser
import Foundation
import Inventory
import PolicyEngine

/// The inventory inputs every command takes, and the one way they are loaded.
struct InventoryOptions: ParsableArguments {
    @Argument(help: "Inventory files or folders (native YAML/JSON, AWS exports). None: the embedded demo organization.")
    var inventory: [String] = []

    /// Loads the inputs, or the demo when there are none. Prints every error and exits 65 when unusable;
    /// warnings go to standard error unless `quiet`.
    func load(quiet: Bool = false) throws -> LoadReport {
        let report = inventory.isEmpty ? InventoryLoader.loadDemo() : InventoryLoader.load(paths: inventory)
        if !report.isUsable {
            for e in report.errors { printError("error: \(e)") }
            throw ExitCode(65)
        }
        if !quiet {
            for w in report.warnings { printError("warning: \(w)") }
        }
        return report
    }
}

/// One line on standard error. Messages quote file names, ARNs and inventory text: control and bidi
/// characters in them are escaped (`TerminalSafe`), so no input can drive the terminal.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.terminalSafe + "\n").utf8))
}
