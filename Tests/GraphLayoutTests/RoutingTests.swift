import GraphLayout
import Testing

@Suite("Edge routes")
struct RoutingTests {
    let fanIn = Fixture(["Focus", "c1", "c2", "c3"], "c1>Focus c2>Focus c3>Focus")

    @Test("a route runs from after its source's label to its arrowhead, with the grid's characters")
    func routeCells() throws {
        let result = fanIn.layout(focus: "Focus")
        let route = try #require(result.route(forEdge: 0))
        #expect(route.from == .node(fanIn["c1"]))
        #expect(route.to == .node(fanIn["Focus"]))
        #expect(String(route.cells.map(\.character)) == "─┐┼─▶")
        #expect(route.cells.first.map { GridPoint(x: $0.x, y: $0.y) } == GridPoint(x: 3, y: 0))
        #expect(route.arrow == GridPoint(x: 6, y: 1))
        for cell in route.cells { #expect(result.grid[cell.y][cell.x] == cell.character) }
    }

    @Test("the label run prefers the stretch no other edge uses")
    func labelRunIsExclusive() throws {
        let roomy = fanIn.layout(focus: "Focus", options: LayoutOptions(rowSpacing: .compact, leadLength: 6))
        #expect(
            roomy.text == """
                c1 ──────┐
                c2 ──────┼─▶ Focus
                c3 ──────┘
                """)
        let run = try #require(roomy.route(forEdge: 2)?.labelRun)
        #expect(run == HorizontalRun(x: 3, y: 2, length: 6))
        #expect(roomy.route(forEdge: 1)?.labelRun == HorizontalRun(x: 3, y: 1, length: 6))
    }

    @Test("parallel edges share one route that lists both ids")
    func parallelEdges() {
        let f = Fixture(["A", "B"], "A>B A>B")
        let result = f.layout(focus: "A")
        #expect(result.routes.map(\.edgeIDs) == [[0, 1]])
        #expect(result.text == "A ──▶ B")
    }

    @Test("a click finds the node under it and the routes through it")
    func hitTesting() {
        let result = fanIn.layout(focus: "Focus")
        #expect(result.node(atX: 9, y: 1)?.id == fanIn["Focus"])
        #expect(result.node(atX: 2, y: 1) == nil)
        #expect(result.routeIndices(atX: 3, y: 0).map { result.routes[$0].edgeIDs } == [[0]])
        #expect(result.routeIndices(atX: 4, y: 1).count == 3, "the shared stretch into the focus")
    }

    @Test("routes that share a horizontal stretch always share a source or a target when nothing crosses")
    func noMisleadingMerges() {
        var generator = SplitMix(seed: 99)
        var checked = 0
        for _ in 0..<200 {
            let n = Int.random(in: 2...12, using: &generator)
            let nodes = (0..<n).map { LayoutGraph.Node(label: "n\($0)") }
            let edges = (0..<Int.random(in: 1...(2 * n), using: &generator)).map {
                LayoutGraph.Edge(from: Int.random(in: 0..<n, using: &generator), to: Int.random(in: 0..<n, using: &generator), id: $0)
            }
            let result = LayoutGraph(nodes: nodes, edges: edges).layoutNeighbourhood(of: 0, depthIn: 2, depthOut: 2)
            guard result.crossings == 0 else { continue }
            checked += 1
            var users: [Int: [Int]] = [:]
            for (index, route) in result.routes.enumerated() {
                for (a, b) in zip(route.cells, route.cells.dropFirst()) where a.y == b.y {
                    users[a.y * result.width + min(a.x, b.x), default: []].append(index)
                }
            }
            for list in users.values {
                for a in list {
                    for b in list where a < b {
                        let (ra, rb) = (result.routes[a], result.routes[b])
                        #expect(ra.from == rb.from || ra.to == rb.to, "\(result.text)")
                    }
                }
            }
        }
        #expect(checked > 150)
    }
}
