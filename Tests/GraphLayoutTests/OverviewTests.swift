import GraphLayout
import Testing

@Suite("Overview of a small graph")
struct OverviewTests {
    @Test("accounts are layered by longest path and the edges closing cycles become stubs")
    func accountOverview() {
        let f = Fixture(
            ["prod", "staging", "dev", "vendor", "sandbox"], "vendor>prod prod>staging staging>prod dev>staging prod>dev")
        let result = f.graph.layoutOverview(options: LayoutOptions(rowSpacing: .compact))
        #expect(
            result.text == """
                dev ───────▶ staging ─┐
                sandbox  ┌────────────┴─▶ prod ↺ dev +1
                vendor ──┘
                """)
        #expect(result.backEdges.map(\.edgeID) == [1, 4])
        #expect(result.columns.map(\.index) == [0, 1, 2])
    }

    @Test("150 nodes with caps off are all placed")
    func largeOverview() {
        var generator = SplitMix(seed: 3)
        let nodes = (0..<150).map { LayoutGraph.Node(label: "account-\($0)") }
        let edges = (0..<300).map {
            LayoutGraph.Edge(from: Int.random(in: 0..<150, using: &generator), to: Int.random(in: 0..<150, using: &generator), id: $0)
        }
        let graph = LayoutGraph(nodes: nodes, edges: edges)
        let hood = Neighbourhood.overview(graph)
        #expect(hood.visibleNodeCount == 150)
        #expect(hood.forwardEdges.allSatisfy { hood.column(of: $0.from)! < hood.column(of: $0.to)! })
        let result = LayeredLayout.layout(hood, of: graph)
        #expect(result.nodes.count == 150)
        #expect(Set(result.routes.flatMap(\.edgeIDs)) == Set(hood.forwardEdges.map(\.id)))
    }

    @Test("an overview cap keeps the first nodes of each column by sort key")
    func cappedOverview() {
        let f = Fixture(["a", "b", "c", "d"], "")
        let hood = Neighbourhood.overview(f.graph, capPerColumn: 2)
        #expect(hood.columns == [Neighbourhood.Column(index: 0, nodes: [0, 1], hiddenNodes: [2, 3])])
        #expect(LayeredLayout.layout(hood, of: f.graph, options: LayoutOptions(rowSpacing: .compact)).text == "a\nb\n… 2 more")
    }
}
