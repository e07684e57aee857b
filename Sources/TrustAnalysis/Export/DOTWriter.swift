import Foundation
import PolicyEngine
/// `graph --format dot`: Graphviz, one cluster per account, edges coloured by their worst finding and
/// labelled with the severity glyph and what the request must carry (never colour alone).
public enum DOTWriter {
    public static func write(_ graph: TrustGraph) -> String {
        var out = "digraph trustmap {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n"
        var byAccount: [String: [GraphNode]] = [:]
        var loose: [GraphNode] = []
        for n in graph.nodes {
            if let a = n.account, n.kind != .account { byAccount[a, default: []].append(n) } else { loose.append(n) }
        }
        for n in loose { out += "  \(node(n))\n" }
        for (i, a) in byAccount.keys.sorted().enumerated() {
            let name = graph.node(id: a).map { "\($0.label) (\(a))" } ?? a
            out += "  subgraph cluster_\(i) {\n    label=\(quote(name));\n    style=rounded;\n"
            for n in byAccount[a]! { out += "    \(node(n))\n" }
            out += "  }\n"
        }
        for e in graph.edges {
            var attrs = ["color=\(quote(color(e.severity)))"]
            var label = e.requires.map(\.label)
            if let s = e.severity { label.insert(s.glyph, at: 0); attrs.append("penwidth=2") }
            if e.action != "sts:AssumeRole" { label.append(e.action.replacingOccurrences(of: "sts:AssumeRoleWith", with: "")) }
            if !label.isEmpty { attrs.append("label=\(quote(label.joined(separator: " ")))") }
            if !e.findingRules.isEmpty { attrs.append("tooltip=\(quote(e.findingRules.joined(separator: ", ")))") }
            out += "  \(quote(e.from)) -> \(quote(e.to)) [\(attrs.joined(separator: ", "))];\n"
        }
        out += "}\n"
        return out
    }

    static func node(_ n: GraphNode) -> String {
        let shape: String
        switch n.kind {
        case .account: shape = "folder"
        case .user: shape = "ellipse"
        case .role: shape = "box"
        case .service: shape = "hexagon"
        case .federated: shape = "diamond"
        case .anyone: shape = "octagon"
        case .organization: shape = "doubleoctagon"
        }
        var label = n.label
        if n.isAdministrator { label += " (admin)" }
        var quoted = quote(label)
        if n.kind == .account, let t = n.trust { quoted = String(quoted.dropLast()) + "\\n" + String(quote("\(n.id) · \(t.rawValue)").dropFirst()) }
        var attrs = ["label=\(quoted)", "shape=\(shape)"]
        if n.isOutside { attrs.append("style=dashed") }
        return "\(quote(n.id)) [\(attrs.joined(separator: ", "))];"
    }

    static func color(_ s: Severity?) -> String {
        switch s {
        case .critical: return "#d00000"
        case .high: return "#e85d04"
        case .medium: return "#f4a100"
        case .low: return "#4d7ea8"
        case .info: return "#8a8a8a"
        case nil: return "#404040"
        }
    }

    /// A DOT string. Control and bidi characters are escaped first (`TerminalSafe`, so `\e` is written
    /// `\\e`): the file is valid DOT and safe to print on a terminal.
    static func quote(_ s: String) -> String {
        "\"" + TerminalSafe.escape(s).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
