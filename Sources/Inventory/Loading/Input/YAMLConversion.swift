import PolicyEngine
import Yams

/// YAML nodes to `JSONValue`, keeping what the author wrote.
///
/// Quoted scalars are always strings (`"111111111111"` stays an account id, not a number);
/// plain scalars follow YAML's resolution (numbers keep their text, `true`/`false` become
/// booleans, timestamps stay text so the loaders parse them exactly).
enum YAMLConversion {
    /// The value of a composed document. Yams resolves an alias (`*name`) to the very node its anchor names,
    /// so a few hundred bytes of nested aliases stand for billions of nodes once written out: the nodes that
    /// aliases add are counted first (each repeated list or mapping once), and more than `maxAliasNodes` is an error.
    static func value(of node: Node, maxAliasNodes: Int) -> Result<JSONValue, SourceDocument.SyntaxProblem> {
        var counter = AliasExpansion(limit: maxAliasNodes)
        do {
            _ = try counter.size(of: node)
        } catch {
            return .failure(error)
        }
        return value(of: node)
    }

    /// What aliases add, found without writing anything out: every list and mapping is told apart by its kind
    /// and start (an alias keeps the mark of the node it repeats), and its expanded size is worked out once.
    private struct AliasExpansion {
        struct Key: Hashable {
            var mapping: Bool
            var line: Int
            var column: Int
        }

        let limit: Int
        var sizes: [Key: Int] = [:]
        var added = 0

        init(limit: Int) { self.limit = limit }

        mutating func size(of node: Node) throws(SourceDocument.SyntaxProblem) -> Int {
            let key: Key?
            switch node {
            case .mapping(let m): key = m.mark.map { Key(mapping: true, line: $0.line, column: $0.column) }
            case .sequence(let s): key = s.mark.map { Key(mapping: false, line: $0.line, column: $0.column) }
            default: return 1
            }
            if let key, let known = sizes[key] {
                added += known
                if added > limit {
                    throw SourceDocument.SyntaxProblem(
                        syntax: .yaml, position: SourcePosition(line: key.line, column: key.column),
                        message: "YAML aliases (*name) expand to more than \(limit) nodes (the \(key.mapping ? "mapping" : "list") here is repeated by aliases, \(known) nodes each time); raise the limit with --max-yaml-alias-nodes",
                        isLimit: true)
                }
                return known
            }
            var total = 1
            switch node {
            case .mapping(let m):
                for (k, v) in m { total += try size(of: k) + size(of: v) }
            case .sequence(let s):
                for item in s { total += try size(of: item) }
            default:
                break
            }
            if let key { sizes[key] = total }
            return total
        }
    }

    private static func value(of node: Node) -> Result<JSONValue, SourceDocument.SyntaxProblem> {
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain && scalar.style != .any { return .success(.string(scalar.string)) }
            switch node.tag.description {
            case Tag.Name.null.rawValue: return .success(.null)
            case Tag.Name.bool.rawValue:
                return .success(.bool(["true", "yes", "on", "y"].contains(scalar.string.lowercased())))
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return .success(.number(scalar.string))
            default: return .success(.string(scalar.string))
            }
        case .sequence(let sequence):
            var items: [JSONValue] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                switch value(of: item) {
                case .success(let v): items.append(v)
                case .failure(let f): return .failure(f)
                }
            }
            return .success(.array(items))
        case .mapping(let mapping):
            var members: [(key: String, value: JSONValue)] = []
            members.reserveCapacity(mapping.count)
            for (k, v) in mapping {
                guard case .scalar(let keyScalar) = k else {
                    return .failure(SourceDocument.SyntaxProblem(syntax: .yaml, position: position(of: k), message: "a mapping key must be a plain text key, found a mapping or a list"))
                }
                switch value(of: v) {
                case .success(let converted): members.append((keyScalar.string, converted))
                case .failure(let f): return .failure(f)
                }
            }
            return .success(.object(JSONObject(members)))
        case .alias:
            return .failure(SourceDocument.SyntaxProblem(syntax: .yaml, position: position(of: node), message: "YAML aliases (*name) are not supported in inventories; write the value out"))
        }
    }

    static func position(of node: Node) -> SourcePosition? {
        node.mark.map { SourcePosition(line: $0.line, column: $0.column) }
    }

    /// Where the value at each path starts; the deepest existing ancestor's start when a path goes further than
    /// the document. One walk answers them all, and a mapping with wanted members is indexed once, so that many
    /// warnings about one large mapping (10,000 unknown keys) cost a pass over it, not one pass per warning.
    static func positions(of paths: [[JSONPathComponent]], in root: Node) -> [[JSONPathComponent]: SourcePosition] {
        let trie = PathTrie()
        for p in paths { trie.insert(p) }
        visit(root, trie)
        var out: [[JSONPathComponent]: SourcePosition] = [:]
        for p in paths {
            var node = trie
            var position = node.position
            for c in p {
                guard let next = node.children[c], next.visited else { break }
                node = next
                position = next.position
            }
            if let position { out[p] = position }
        }
        return out
    }

    private final class PathTrie {
        var children: [JSONPathComponent: PathTrie] = [:]
        var visited = false
        var position: SourcePosition?

        func insert(_ path: [JSONPathComponent]) {
            var node = self
            for c in path {
                if let next = node.children[c] {
                    node = next
                } else {
                    let next = PathTrie()
                    node.children[c] = next
                    node = next
                }
            }
        }
    }

    private static func visit(_ node: Node, _ trie: PathTrie) {
        trie.visited = true
        trie.position = position(of: node)
        guard !trie.children.isEmpty else { return }
        switch node {
        case .mapping(let mapping):
            // The first member of each name, as a reader sees it (YAML rejects repeated names anyway).
            var wanted: [String: PathTrie] = [:]
            for (c, child) in trie.children {
                if case .key(let k) = c { wanted[k] = child }
            }
            guard !wanted.isEmpty else { return }
            for (k, v) in mapping {
                guard let name = k.scalar?.string, let child = wanted.removeValue(forKey: name) else { continue }
                visit(v, child)
                if wanted.isEmpty { break }
            }
        case .sequence(let sequence):
            for (c, child) in trie.children {
                if case .index(let i) = c, i >= 0, i < sequence.count { visit(sequence[i], child) }
            }
        default:
            break
        }
    }

    static func describe(_ error: YamlError) -> SourceDocument.SyntaxProblem {
        func place(_ mark: Mark) -> SourcePosition { SourcePosition(line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return SourceDocument.SyntaxProblem(syntax: .yaml, position: place(mark), message: "YAML syntax error: \(problem)\(while_)")
        case .reader(let problem, _, _, _):
            return SourceDocument.SyntaxProblem(syntax: .yaml, position: nil, message: "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return SourceDocument.SyntaxProblem(syntax: .yaml, position: place(context.mark), message: "duplicate key \(names) in one mapping; each key may appear once")
        default:
            return SourceDocument.SyntaxProblem(syntax: .yaml, position: nil, message: "YAML syntax error: \(error)")
        }
    }
}
