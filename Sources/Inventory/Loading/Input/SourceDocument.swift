import PolicyEngine
import Yams

/// One parsed input: its value, and the means to place any path of it on a line and column.
///
/// Positions are looked up only when something is reported, so the fast path (a clean
/// authorization-details dump) never pays for them.
struct SourceDocument {
    enum Syntax: String, Sendable {
        case json
        case yaml
    }

    var root: JSONValue { tree.root }
    let syntax: Syntax
    private let bytes: [UInt8]
    private let yamlRoot: Node?
    /// Shared by every copy of this document, so that the tree can be let go of once for all of them.
    private let tree: Tree

    private final class Tree {
        var root: JSONValue
        init(_ root: JSONValue) { self.root = root }
    }

    private init(root: JSONValue, syntax: Syntax, bytes: [UInt8], yamlRoot: Node?) {
        self.tree = Tree(root)
        self.syntax = syntax
        self.bytes = bytes
        self.yamlRoot = yamlRoot
    }

    /// Documents at least this large are let go of on another thread.
    static let backgroundReleaseBytes = 1 << 20

    /// Done with the value (positions can still be found): a large tree is freed on another thread, since
    /// freeing a 30 MB inventory's tree takes as long as a tenth of loading it. Whatever the readers kept
    /// (policy documents share subtrees of it) stays.
    func releaseValue() {
        guard bytes.count >= Self.backgroundReleaseBytes else { return }
        var handed = JSONValue.null
        swap(&handed, &tree.root)
        Parallel.releaseInBackground(handed)
    }

    /// A syntax problem with its place.
    struct SyntaxProblem: Error {
        var syntax: Syntax
        var position: SourcePosition?
        var message: String
        /// A limit of `LoadLimits` was hit (an error wherever the file was found, not a reason to skip it).
        var isLimit = false
    }

    static func parseJSON(_ bytes: [UInt8]) -> Result<SourceDocument, SyntaxProblem> {
        do {
            let value = try JSONParser.parse(bytes, options: JSONParseOptions(parallel: true, onlyDefaultPolicyVersionDocuments: true))
            return .success(SourceDocument(root: value, syntax: .json, bytes: bytes, yamlRoot: nil))
        } catch {
            return .failure(SyntaxProblem(syntax: .json, position: error.position, message: "JSON syntax error: \(error.message)"))
        }
    }

    static func parseYAML(_ bytes: [UInt8], limits: LoadLimits = .default) -> Result<SourceDocument, SyntaxProblem> {
        let text = String(decoding: bytes, as: UTF8.self)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure(YAMLConversion.describe(error))
        } catch {
            return .failure(SyntaxProblem(syntax: .yaml, position: nil, message: "YAML syntax error: \(error)"))
        }
        guard let node else {
            return .success(SourceDocument(root: .null, syntax: .yaml, bytes: [], yamlRoot: nil))
        }
        switch YAMLConversion.value(of: node, maxAliasNodes: limits.maxYAMLAliasNodes) {
        case .success(let value):
            return .success(SourceDocument(root: value, syntax: .yaml, bytes: [], yamlRoot: node))
        case .failure(let problem):
            return .failure(problem)
        }
    }

    /// Positions of several paths at once (one pass over JSON text); a path that does not exist
    /// is placed at its deepest existing ancestor.
    func positions(of paths: [[JSONPathComponent]]) -> [[JSONPathComponent]: SourcePosition] {
        var out: [[JSONPathComponent]: SourcePosition] = [:]
        switch syntax {
        case .json:
            var wanted: Set<[JSONPathComponent]> = []
            for p in paths {
                for n in 0...p.count { wanted.insert(Array(p.prefix(n))) }
            }
            let found = JSONParser.positions(of: wanted, in: bytes)
            for p in paths {
                for n in stride(from: p.count, through: 0, by: -1) {
                    if let pos = found[Array(p.prefix(n))] {
                        out[p] = pos
                        break
                    }
                }
            }
        case .yaml:
            guard let yamlRoot else { return out }
            out = YAMLConversion.positions(of: paths, in: yamlRoot)
        }
        return out
    }
}
