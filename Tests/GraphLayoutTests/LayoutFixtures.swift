import GraphLayout

/// Small graphs written as text: `nodes` are labels (ids in order), `edges`
/// like "A>B B>C" (edge ids in order of appearance, from 0).
struct Fixture {
    let graph: LayoutGraph
    let ids: [String: Int]

    init(_ nodes: [String], _ edges: String, edgeOrder: [Int]? = nil) {
        var ids: [String: Int] = [:]
        for (i, label) in nodes.enumerated() { ids[label] = i }
        var list: [LayoutGraph.Edge] = []
        for (i, pair) in edges.split(separator: " ").enumerated() {
            let ends = pair.split(separator: ">").map(String.init)
            list.append(LayoutGraph.Edge(from: ids[ends[0]]!, to: ids[ends[1]]!, id: i))
        }
        if let edgeOrder { list = edgeOrder.map { list[$0] } }
        self.graph = LayoutGraph(nodes: nodes.map { LayoutGraph.Node(label: $0) }, edges: list)
        self.ids = ids
    }

    subscript(_ label: String) -> Int { ids[label]! }

    func layout(
        focus: String, depthIn: Int = 1, depthOut: Int = 1, cap: Int? = nil,
        options: LayoutOptions = LayoutOptions(rowSpacing: .compact)
    ) -> LayoutResult {
        graph.layoutNeighbourhood(of: self[focus], depthIn: depthIn, depthOut: depthOut, capPerColumn: cap, options: options)
    }
}
