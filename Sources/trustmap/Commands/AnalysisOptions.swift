import ArgumentParser
import Foundation
import Inventory
import PolicyEngine
import TrustAnalysis

/// Options shared by the commands that analyse: the evaluation date and the suppression file.
struct AnalysisOptions: ParsableArguments {
    @Option(help: "The date staleness is measured from, ISO 8601 (default: now).")
    var at: String?

    @Option(help: "Suppression file (JSON allow-list with a reason per entry). Default: trustmap.suppressions.json beside the inventory.")
    var suppressions: String?

    func validate() throws {
        if let at, ISO8601.parseEpochSeconds(at) == nil {
            throw ValidationError("--at must be an ISO 8601 instant such as 2026-01-02T03:04:05Z")
        }
    }

    /// "Now" is read here, at the edge of the program, and passed into the analysis as a value.
    var now: Int64 { at.flatMap(ISO8601.parseEpochSeconds) ?? Int64(Date().timeIntervalSince1970) }

    /// Loads the suppression list: the given file, or `trustmap.suppressions.json` beside the first input.
    /// A malformed file is an unusable input (exit 65).
    func loadSuppressions(inputs: [String]) throws -> SuppressionList {
        var path = suppressions
        if path == nil, let first = inputs.first {
            var isDir: ObjCBool = false
            let dir = FileManager.default.fileExists(atPath: first, isDirectory: &isDir) && isDir.boolValue
                ? first : (first as NSString).deletingLastPathComponent
            let candidate = (dir.isEmpty ? "." : dir) + "/trustmap.suppressions.json"
            if FileManager.default.fileExists(atPath: candidate) { path = candidate }
        }
        guard let path else { return .none }
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("error: \(path): cannot read the suppression file")
            throw ExitCode(65)
        }
        do {
            return try SuppressionList.parse(Array(data), fileName: path)
        } catch {
            printError("error: \(error)")
            throw ExitCode(65)
        }
    }

    /// Loads and analyses: every command that analyses, the dashboard included, goes through here, so that
    /// `--at` and the suppression file mean the same everywhere.
    func analyze(_ inventory: InventoryOptions) throws -> Analysis {
        try load(inventory).analysis
    }

    /// The load report beside the analysis, for the dashboard (which shows the warnings' count, and prints
    /// none over the screen: `quiet`).
    func load(_ inventory: InventoryOptions, quiet: Bool = false) throws -> (report: LoadReport, analysis: Analysis, now: Int64) {
        let report = try inventory.load(quiet: quiet)
        let list = try loadSuppressions(inputs: inventory.inventory)
        let now = now
        return (report, Analysis.analyze(report.inventory, at: now, suppressions: list), now)
    }
}
