import ArgumentParser
import PolicyEngine
import TrustAnalysis

struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "Role chains from a principal or account, transitively, hop by hop with what each hop requires.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Start: an account id or a principal ARN (or a service / provider).")
    var from: String

    @Option(help: "Only chains that end at this role ARN.")
    var to: String?

    @Option(name: .customLong("max-hops"), help: "The longest chain considered.")
    var maxHops: Int = 5

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        if maxHops < 1 { throw ValidationError("--max-hops must be 1 or more") }
    }

    func run() throws {
        let result = try analysis.analyze(inventory)
        guard result.graph.node(id: from) != nil || result.inventory.accounts.contains(where: { $0.id == from }) else {
            printError("error: --from \(from): no such principal or account in the trust graph")
            throw ExitCode(64)
        }
        let paths = result.paths(from: from, to: to, maxHops: maxHops)
        switch format {
        case .json:
            let list: [JSONValue] = paths.map { p in
                ["hops": .array(p.map { e in
                    var o = JSONObject()
                    o["from"] = .string(e.from)
                    o["to"] = .string(e.to)
                    o["action"] = .string(e.action)
                    o["requires"] = .array(e.requires.map { .string($0.text) })
                    if let s = e.severity { o["severity"] = .string(s.name) }
                    return .object(o)
                })]
            }
            print(JSONWriter.write(["from": .string(from), "paths": .array(list)]))
        case .text:
            if paths.isEmpty { print("No role chains from \(from.terminalSafe)\(to.map { " to \($0.terminalSafe)" } ?? "") within \(maxHops) hops.") }
            for p in paths {
                print(p[0].from.terminalSafe)
                for e in p {
                    var line = "  → \(e.to.terminalSafe)"
                    if e.action != "sts:AssumeRole" { line += " [\(e.action.terminalSafe)]" }
                    if let s = e.severity { line += "  \(s.glyph) \(s.name)" }
                    print(line)
                    for r in e.requires { print("      requires \(r.text.terminalSafe)") }
                }
            }
        }
    }
}
