import ArgumentParser
import PolicyEngine
import TrustAnalysis

struct WhoCanAssumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-can-assume",
        abstract: "Every principal (known, outside account, service, federated, anyone) that can assume the role, with the conditions it must meet.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The role ARN.")
    var roleArn: String

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let result = try analysis.analyze(inventory)
        guard let role = result.graph.node(id: roleArn), role.kind == .role, role.inInventory else {
            printError("error: \(roleArn): no such role in the inventory")
            throw ExitCode(64)
        }
        let assumers = result.whoCanAssume(roleArn: roleArn)
        switch format {
        case .json:
            let list: [JSONValue] = assumers.map { a in
                var o = JSONObject()
                o["principal"] = .string(a.node.id)
                o["kind"] = .string(a.node.kind.rawValue)
                if let acct = a.node.account { o["account"] = .string(acct) }
                o["label"] = .string(a.node.label)
                if let t = a.node.trust { o["trust"] = .string(t.rawValue) }
                o["action"] = .string(a.edge.action)
                o["statement"] = .string(a.edge.statement)
                o["requires"] = .array(a.edge.requires.map { .string($0.text) })
                if let s = a.edge.severity { o["severity"] = .string(s.name) }
                o["findings"] = .array(a.edge.findingRules.map { .string($0) })
                return .object(o)
            }
            print(JSONWriter.write(["role": .string(roleArn), "assumers": .array(list)]))
        case .text:
            print("Who can assume \(roleArn.terminalSafe): \(assumers.count) caller\(assumers.count == 1 ? "" : "s")")
            for a in assumers {
                let glyph = a.edge.severity?.glyph ?? " "
                var who = a.node.kind == .anyone ? "anyone (any AWS principal of any account)" : a.node.id
                if a.node.kind == .account { who += " (\(a.node.label), \(a.node.trust?.rawValue ?? "account"): any principal whose own policies allow it)" }
                else if let t = a.node.trust, a.node.kind != .anyone { who += " (\(a.node.kind.rawValue), \(t.rawValue))" }
                else if a.node.kind != .anyone { who += " (\(a.node.kind.rawValue))" }
                print("\(glyph) \(who.terminalSafe)")
                print("    via \(a.edge.action.terminalSafe), trust statement \(a.edge.statement.terminalSafe)")
                if a.edge.requires.isEmpty { print("    requires nothing more") }
                for r in a.edge.requires { print("    requires \(r.text.terminalSafe)") }
                if !a.edge.findingRules.isEmpty { print("    findings: \(a.edge.findingRules.joined(separator: ", ").terminalSafe)") }
            }
        }
    }
}
