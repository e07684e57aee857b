import ArgumentParser
import TrustAnalysis

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "The trust graph for other tools: DOT, Mermaid or JSON.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid, json
    }

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Output format: dot, mermaid or json.")
    var format: Format = .dot

    @Option(help: "Only the neighbourhood of this node (an ARN, account id, service or provider).")
    var focus: String?

    // `.unconditional`: `--depth -1` is a value to reject with a sentence, not a missing value.
    @Option(parsing: .unconditional, help: "Hops around --focus, in both directions (0 or more).")
    var depth: Int = 2

    func validate() throws {
        if depth < 0 { throw ValidationError("--depth must be 0 or more, got \(depth)") }
    }

    func run() throws {
        let result = try analysis.analyze(inventory)
        if let focus, result.graph.node(id: focus) == nil {
            printError("error: --focus \(focus): no such node in the trust graph")
            throw ExitCode(64)
        }
        let graph = result.graph.neighbourhood(of: focus, depth: depth)
        switch format {
        case .dot: print(DOTWriter.write(graph), terminator: "")
        case .mermaid: print(MermaidWriter.write(graph), terminator: "")
        case .json: print(GraphJSONWriter.write(graph), terminator: "")
        }
    }
}
