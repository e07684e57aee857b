import Foundation
import PolicyEngine
/// `graph --format mermaid`: a flowchart for Markdown documents; edges labelled with the severity glyph
/// and the requirements, risky edges styled in their severity's colour.
public enum MermaidWriter {
    public static func write(_ graph: TrustGraph) -> String {
        var out = "flowchart LR\n"
        var ids: [String: String] = [:]
        for (i, n) in graph.nodes.enumerated() {
            let id = "n\(i)"
            ids[n.id] = id
            let label = escape(n.label + (n.isAdministrator ? " (admin)" : ""))
            switch n.kind {
            case .role: out += "  \(id)[\"\(label)\"]\n"
            case .user: out += "  \(id)([\"\(label)\"])\n"
            case .account: out += "  \(id)[/\"\(label) \(escape(n.id))\"/]\n"
            case .service: out += "  \(id){{\"\(label)\"}}\n"
            case .federated: out += "  \(id){\"\(label)\"}\n"
            case .anyone: out += "  \(id)((\"anyone\"))\n"
            case .organization: out += "  \(id)(((\"organization \(n.id)\")))\n"
            }
        }
        var styles: [String] = []
        for (i, e) in graph.edges.enumerated() {
            guard let a = ids[e.from], let b = ids[e.to] else { continue }
            var label = e.requires.map(\.label)
            if let s = e.severity { label.insert(s.glyph, at: 0) }
            out += label.isEmpty ? "  \(a) --> \(b)\n" : "  \(a) -->|\"\(escape(label.joined(separator: " ")))\"| \(b)\n"
            if let s = e.severity { styles.append("  linkStyle \(i) stroke:\(DOTWriter.color(s)),stroke-width:2px") }
        }
        for s in styles { out += s + "\n" }
        return out
    }

    /// Text inside a quoted Mermaid label: quotes as entities, control and bidi characters as their
    /// escapes (`TerminalSafe`), so a name can neither end the label nor reach a terminal raw.
    static func escape(_ s: String) -> String {
        TerminalSafe.escape(s).replacingOccurrences(of: "\"", with: "#quot;")
    }
}
