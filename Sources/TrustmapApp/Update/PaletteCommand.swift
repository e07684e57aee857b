import TerminalUI
import TrustAnalysis

/// The command palette's commands: they mirror the command line, so what works in a script works here.
public struct PaletteCommand: Sendable {
    public var name: String
    public var usage: String
    public var help: String

    public static let catalogue: [PaletteCommand] = [
        PaletteCommand(name: "simulate", usage: "simulate --principal P --role R [any simulate flag]", help: "fill the simulate form and run it"),
        PaletteCommand(name: "graph", usage: "graph ARN_OR_ACCOUNT [--depth N]", help: "trust graph focused there"),
        PaletteCommand(name: "findings", usage: "findings [--min-severity S] [RULE_ID]", help: "findings view, filtered"),
        PaletteCommand(name: "who-can-assume", usage: "who-can-assume ROLE_ARN", help: "who can assume the role, in the main view"),
        PaletteCommand(name: "paths", usage: "paths --from X [--to Y]", help: "role chains, drawn in the graph view"),
        PaletteCommand(name: "theme", usage: "theme NAME", help: "switch theme"),
        PaletteCommand(name: "export", usage: "export dot|mermaid|json|sarif FILE", help: "write the current graph or findings to a file"),
        PaletteCommand(name: "reveal", usage: "reveal", help: "show secrets (external IDs) in full"),
        PaletteCommand(name: "mask", usage: "mask", help: "mask secrets again"),
        PaletteCommand(name: "help", usage: "help", help: "open help"),
        PaletteCommand(name: "quit", usage: "quit", help: "quit trustmap"),
    ]

    /// The command line as the prompt shows it: the value after `--external-id` replaced by `•`, one per
    /// character, so the cursor stays where it is and a room watching the projector never sees the secret.
    public static func maskingSecrets(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        let flag = "--external-id"
        while let r = rest.range(of: flag) {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            if rest.first == "=" {
                out.append("=")
                rest = rest.dropFirst()
            }
            let spaces = rest.prefix { $0 == " " }
            out += spaces
            rest = rest.dropFirst(spaces.count)
            let value = rest.prefix { $0 != " " }
            out += String(repeating: "•", count: value.count)
            rest = rest.dropFirst(value.count)
        }
        return out + rest
    }

    /// Splits a command line into words; single or double quotes keep spaces inside a word.
    public static func tokenize(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// Tab completion: the command name, then role and principal ARNs and account ids of the inventory.
    public static func complete(_ text: String, state: AppState) -> String {
        let words = tokenize(text)
        let endsWithSpace = text.last == " "
        if words.count <= 1 && !endsWithSpace {
            let prefix = words.first ?? ""
            let names = catalogue.map(\.name).filter { $0.hasPrefix(prefix) }
            if names.count == 1 { return names[0] + " " }
            return commonPrefix(names).map { $0.count > prefix.count ? $0 : text } ?? text
        }
        let last = endsWithSpace ? "" : (words.last ?? "")
        guard !last.hasPrefix("-") else { return text }
        var candidates: [String] = state.inventory.roles.map(\.arn) + state.inventory.users.map(\.arn) + state.inventory.accounts.map(\.id)
        if words.first == "theme" { candidates = state.themes.names }
        let matches = candidates.filter { $0.hasPrefix(last) }
        guard let completed = matches.count == 1 ? matches[0] + " " : commonPrefix(matches), completed.count > last.count else { return text }
        return String(text.dropLast(last.count)) + completed
    }

    static func commonPrefix(_ items: [String]) -> String? {
        guard var prefix = items.first else { return nil }
        for item in items.dropFirst() {
            while !item.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

extension AppState {
    /// Runs a palette command. Errors go to the status line, never a crash.
    public mutating func runCommand(_ text: String) -> [Effect] {
        let words = PaletteCommand.tokenize(text.hasPrefix(":") ? String(text.dropFirst()) : text)
        guard let name = words.first else { return [] }
        let args = Array(words.dropFirst())
        func fail(_ m: String) -> [Effect] {
            message = m
            messageIsError = true
            return []
        }
        switch name {
        case "quit", "q":
            exitStatus = 0
        case "reveal":
            revealSecrets = true
            message = "secrets revealed — :mask or x masks them again"
        case "mask":
            revealSecrets = false
            message = "secrets masked"
        case "help":
            overlay = .help(filter: TextField(""), scroll: 0)
        case "theme":
            guard let n = args.first else { return fail("theme: name a theme (\(themes.names.joined(separator: ", ")))") }
            guard let i = themes.index(named: n) else { return fail("theme: no theme '\(n)'; known: \(themes.names.joined(separator: ", "))") }
            themeIndex = i
            message = "theme: \(n)"
        case "graph":
            var target: String?
            var i = 0
            while i < args.count {
                if args[i] == "--depth" {
                    guard i + 1 < args.count, let d = Int(args[i + 1]), (1...4).contains(d) else { return fail("graph: --depth takes 1 to 4") }
                    graphScreen.depth = d
                    i += 1
                } else if args[i].hasPrefix("-") {
                    return fail("graph: unknown flag \(args[i]) (known: --depth N)")
                } else {
                    target = args[i]
                }
                i += 1
            }
            if let target {
                guard select(id: target) else { return fail("graph: '\(target)' is not in the inventory") }
                keepCursorVisible()
            }
            graphScreen.selectedEdge = 0
            mainView = .graph
        case "findings":
            if let error = findingsScreen.apply(arguments: args) { return fail(error) }
            mainView = .findings
            focus = .main
        case "simulate":
            if let error = simulateScreen.apply(arguments: args, context: screenContext) { return fail(error) }
            mainView = .simulate
            focus = .main
        case "who-can-assume":
            guard let role = args.first, !role.hasPrefix("-") else { return fail("who-can-assume: name a role ARN") }
            guard inventory.role(arn: role) != nil else { return fail("who-can-assume: no role \(role) in the inventory") }
            listScreen = ListScreen()
            listScreen.content = .whoCanAssume(role: role, assumers: analysis.whoCanAssume(roleArn: role))
            mainView = .list
            focus = .main
        case "paths":
            var from: String?, to: String?, maxHops = 5
            var i = 0
            while i < args.count {
                let flag = args[i]
                guard i + 1 < args.count || !flag.hasPrefix("--") else { return fail("paths: \(flag) needs a value") }
                switch flag {
                case "--from": from = args[i + 1]; i += 1
                case "--to": to = args[i + 1]; i += 1
                case "--max-hops":
                    guard let n = Int(args[i + 1]), (1...10).contains(n) else { return fail("paths: --max-hops takes 1 to 10") }
                    maxHops = n
                    i += 1
                default: return fail("paths: unknown argument \(flag) (usage: paths --from X [--to Y] [--max-hops N])")
                }
                i += 1
            }
            guard let from else { return fail("paths: --from is required (an account id or ARN)") }
            listScreen = ListScreen()
            listScreen.content = .paths(from: from, to: to, chains: analysis.paths(from: from, to: to, maxHops: maxHops))
            mainView = .list
            focus = .main
        case "export":
            guard args.count == 2 else { return fail("export: usage: export dot|mermaid|json|sarif FILE") }
            let graph = analysis.graph.neighbourhood(of: mainView == .graph ? selection?.id : nil, depth: graphScreen.depth)
            let contents: String
            switch args[0] {
            case "dot": contents = DOTWriter.write(graph)
            case "mermaid": contents = MermaidWriter.write(graph)
            case "json": contents = mainView == .findings ? FindingsJSONWriter.write(findingsScreen.visible(analysis)) : GraphJSONWriter.write(graph)
            case "sarif": contents = SARIFWriter.write(findingsScreen.visible(analysis))
            default: return fail("export: format must be dot, mermaid, json or sarif")
            }
            return [.writeFile(path: args[1], contents: contents)]
        default:
            if PaletteCommand.catalogue.contains(where: { $0.name == name }) {
                return fail("\(name): not available in this build yet")
            }
            return fail("unknown command '\(name)': press ? for the list of commands")
        }
        return []
    }
}
