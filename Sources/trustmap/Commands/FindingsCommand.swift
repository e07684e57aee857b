import ArgumentParser
import TrustAnalysis

struct FindingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "The risk findings of the trust relationships (findings.md).",
        discussion: "Exit 1 with --fail-on S when an active (not suppressed) finding at or above S exists.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Output format: text, json or sarif.")
    var format: Format = .text

    @Option(name: .customLong("min-severity"), help: "Show only findings at or above: info, low, medium, high, critical.")
    var minSeverity: String = "info"

    @Option(name: .customLong("fail-on"), help: "Exit 1 when an active finding at or above this severity exists.")
    var failOn: String?

    func validate() throws {
        if Severity(name: minSeverity) == nil { throw ValidationError("--min-severity must be one of info, low, medium, high, critical") }
        if let failOn, Severity(name: failOn) == nil { throw ValidationError("--fail-on must be one of info, low, medium, high, critical") }
    }

    func run() throws {
        let result = try analysis.analyze(inventory)
        let minimum = Severity(name: minSeverity) ?? .info
        let shown = result.findings.filter { $0.severity >= minimum }
        switch format {
        case .text: print(FindingsTextWriter.write(shown), terminator: "")
        case .json: print(FindingsJSONWriter.write(shown), terminator: "")
        case .sarif: print(SARIFWriter.write(shown), terminator: "")
        }
        if let failOn, let threshold = Severity(name: failOn),
           result.findings.contains(where: { !$0.isSuppressed && $0.severity >= threshold }) {
            throw ExitCode(1)
        }
    }
}
