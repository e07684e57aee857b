import PolicyEngine

/// `graph --format json` (cli.md).
public enum GraphJSONWriter {
    public static func json(_ graph: TrustGraph) -> JSONValue {
        let nodes: [JSONValue] = graph.nodes.map { n in
            var o = JSONObject()
            o["id"] = .string(n.id)
            o["kind"] = .string(n.kind.rawValue)
            if let a = n.account { o["account"] = .string(a) }
            o["label"] = .string(n.label)
            if n.kind == .account, let t = n.trust { o["trust"] = .string(t.rawValue) }
            if n.isAdministrator { o["administrator"] = true }
            return .object(o)
        }
        let edges: [JSONValue] = graph.edges.map { e in
            var o = JSONObject()
            o["from"] = .string(e.from)
            o["to"] = .string(e.to)
            o["kind"] = "can-assume"
            o["action"] = .string(e.action)
            o["requires"] = .array(e.requires.map { .string($0.text) })
            if let s = e.severity { o["severity"] = .string(s.name) }
            o["findings"] = .array(e.findingRules.map { .string($0) })
            return .object(o)
        }
        return ["nodes": .array(nodes), "edges": .array(edges)]
    }

    public static func write(_ graph: TrustGraph) -> String { JSONWriter.write(json(graph)) + "\n" }
}
