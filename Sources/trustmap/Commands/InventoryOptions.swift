import ArgumentParser
import Foundation
import Inventory
import PolicyEngine

/// The inventory inputs every command takes, and the one way they are loaded.
struct InventoryOptions: ParsableArguments {
    @Argument(help: "Inventory files or folders (native YAML/JSON, AWS exports). None: the embedded demo organization.")
    var inventory: [String] = []

    @Option(name: .customLong("max-input-size"), help: ArgumentHelp(
        "The most one input file may hold, read and decompressed: bytes, or with K, M, G (powers of 1024).",
        valueName: "SIZE"))
    var maxInputSize: String?

    @Option(name: .customLong("max-inflate-ratio"), help: ArgumentHelp(
        "How many times its compressed size a .gz input may inflate to (checked above 16M).", valueName: "N"))
    var maxInflateRatio: Int?

    @Option(name: .customLong("max-yaml-alias-nodes"), help: ArgumentHelp(
        "How many values YAML aliases (*name) may add to one file by repeating their anchor.", valueName: "N"))
    var maxYAMLAliasNodes: Int?

    func validate() throws {
        if let maxInputSize, LoadLimits.parseSize(maxInputSize) == nil {
            throw ValidationError("--max-input-size must be a positive size in bytes, optionally with K, M or G (such as 2G)")
        }
        if let maxInflateRatio, maxInflateRatio < 1 { throw ValidationError("--max-inflate-ratio must be at least 1") }
        if let maxYAMLAliasNodes, maxYAMLAliasNodes < 0 { throw ValidationError("--max-yaml-alias-nodes must be 0 or more") }
    }

    /// The load limits, defaults overridden by the flags.
    var limits: LoadLimits {
        var limits = LoadLimits.default
        if let size = maxInputSize.flatMap(LoadLimits.parseSize) { limits.maxInputBytes = size }
        if let maxInflateRatio { limits.maxInflateRatio = maxInflateRatio }
        if let maxYAMLAliasNodes { limits.maxYAMLAliasNodes = maxYAMLAliasNodes }
        return limits
    }

    /// The inputs loaded with the limits, or the demo when there are none.
    func loadReport() -> LoadReport {
        inventory.isEmpty ? InventoryLoader.loadDemo() : InventoryLoader.load(paths: inventory, limits: limits)
    }

    /// Loads the inputs, or the demo when there are none. Prints every error and exits 65 when unusable;
    /// warnings go to standard error unless `quiet`.
    func load(quiet: Bool = false) throws -> LoadReport {
        let report = loadReport()
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
