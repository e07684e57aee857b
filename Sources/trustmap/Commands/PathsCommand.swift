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

    // `.unconditional`: `--max-hops -1` is a value to reject with a sentence, not a missing value.
    @Option(name: .customLong("max-hops"), parsing: .unconditional, help: "The longest chain considered (1 or more).")
    var maxHops: Int = 5

    @Option(parsing: .unconditional, help: "With --to: the most chains shown (default 200).")
    var limit: Int = 200

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        if maxHops < 1 { throw ValidationError("--max-hops must be 1 or more, got \(maxHops)") }
        if limit < 1 { throw ValidationError("--limit must be 1 or more, got \(limit)") }
    }

    func run() throws {
        let result = try analysis.analyze(inventory)
        guard result.graph.node(id: from) != nil || result.inventory.accounts.contains(where: { $0.id == from }) else {
            printError("error: --from \(from): no such principal or account in the trust graph")
            throw ExitCode(64)
        }
        // One more than shown, to know whether the list was cut.
        var paths = result.paths(from: from, to: to, maxHops: maxHops, limit: limit + 1)
        let truncated = to != nil && paths.count > limit
        if truncated { paths = Array(paths.prefix(limit)) }
        let starts = result.startNodes(from)
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
            var members: [(key: String, value: JSONValue)] = [("from", .string(from)), ("paths", .array(list))]
            if truncated { members.append(("truncated", .bool(true))) }
            print(JSONWriter.write(.object(JSONObject(members))))
        case .text:
            let isAccount = starts.count > 1 || result.graph.node(id: from)?.kind == .account
            if isAccount {
                // An account stands for a foothold anywhere in it: its principals are where the search starts,
                // so chains between them are not listed. Say so, or "no chains" reads as "no edges".
                let principals = starts.compactMap { result.graph.node(id: $0) }.filter { $0.kind == .role || $0.kind == .user }
                let roles = principals.filter { $0.kind == .role }.count, users = principals.count - roles
                let inside = Set(starts)
                let insideEdges = starts.reduce(0) { n, s in n + result.outgoingEdges(from: s).filter { inside.contains($0.to) }.count }
                print("From account \(from.terminalSafe): the search starts at the account and its \(roles) role\(roles == 1 ? "" : "s") and \(users) user\(users == 1 ? "" : "s") (a foothold anywhere in it); \(insideEdges) edge\(insideEdges == 1 ? "" : "s") between them \(insideEdges == 1 ? "is" : "are") not listed as chains.")
            }
            if paths.isEmpty {
                let what = "No role chains from \(from.terminalSafe)\(to.map { " to \($0.terminalSafe)" } ?? "")"
                print(isAccount && to == nil ? "\(what) lead outside the account within \(maxHops) hops." : "\(what) within \(maxHops) hops.")
                if isAccount { print("For chains inside the account, start from one of its principals: --from ROLE_OR_USER_ARN.") }
            }
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
            if truncated { print("Showing the first \(limit) chains; there are more: --limit N shows more, --max-hops N shortens them.") }
        }
    }
}
