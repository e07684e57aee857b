import GraphLayout
import Testing

@Suite("Neighbourhood extraction")
struct NeighbourhoodTests {
    @Test("callers go left by hop distance, what the focus can assume goes right")
    func columnsBySignedDistance() {
        let f = Fixture(["Audit", "ci", "runner", "BreakGlass", "Admin"], "runner>ci ci>Audit Audit>BreakGlass BreakGlass>Admin")
        let hood = Neighbourhood.extract(f.graph, focus: f["Audit"], depthIn: 2, depthOut: 2)
        #expect(hood.columns.map(\.index) == [-2, -1, 0, 1, 2])
        #expect(hood.columns.map(\.nodes) == [[f["runner"]], [f["ci"]], [f["Audit"]], [f["BreakGlass"]], [f["Admin"]]])
        #expect(hood.forwardEdges.map(\.id).sorted() == [0, 1, 2, 3])
        #expect(hood.backEdges.isEmpty)
    }

    @Test("depth 1 leaves out the second hop")
    func depthLimits() {
        let f = Fixture(["Audit", "ci", "runner", "BreakGlass", "Admin"], "runner>ci ci>Audit Audit>BreakGlass BreakGlass>Admin")
        let hood = Neighbourhood.extract(f.graph, focus: f["Audit"])
        #expect(hood.columns.map(\.index) == [-1, 0, 1])
        #expect(hood.column(of: f["runner"]) == nil)
        #expect(hood.forwardEdges.map(\.id).sorted() == [1, 2])
    }

    @Test("a node reachable both ways is placed once, at its first hit, and the edge back becomes a stub")
    func cycleBecomesBackEdge() {
        let f = Fixture(["A", "B"], "A>B B>A")
        let hood = Neighbourhood.extract(f.graph, focus: f["A"])
        #expect(hood.column(of: f["B"]) == 1)
        #expect(hood.columns.map(\.index) == [0, 1])
        #expect(hood.forwardEdges.map(\.id) == [0])
        #expect(hood.backEdges.map(\.id) == [1])
    }

    @Test("an edge between two callers stays in its column and becomes a stub")
    func edgeInsideColumn() {
        let f = Fixture(["F", "x", "y"], "x>F y>F x>y")
        let hood = Neighbourhood.extract(f.graph, focus: f["F"])
        #expect(hood.column(of: f["x"]) == -1)
        #expect(hood.column(of: f["y"]) == -1)
        #expect(hood.backEdges.map(\.id) == [2])
    }

    @Test("a cap hides the nodes with the largest sort keys and does not expand them")
    func capHidesAndStops() {
        let f = Fixture(
            ["F", "c1", "c2", "c3", "c4", "far1", "far4"], "c1>F c2>F c3>F c4>F far1>c1 far4>c4")
        let hood = Neighbourhood.extract(f.graph, focus: f["F"], depthIn: 2, depthOut: 0, capPerColumn: 2)
        let callers = hood.columns.first { $0.index == -1 }!
        #expect(callers.nodes == [f["c1"], f["c2"]])
        #expect(callers.hiddenNodes == [f["c3"], f["c4"]])
        #expect(hood.column(of: f["far1"]) == -2)
        #expect(hood.column(of: f["far4"]) == nil, "hidden c4 is not expanded")
        #expect(hood.forwardEdges.map(\.id).sorted() == [0, 1, 2, 3, 4], "edges of hidden callers still lead to the focus")
    }

    @Test("a focus that is not a node gives an empty neighbourhood")
    func invalidFocus() {
        let f = Fixture(["A"], "")
        #expect(Neighbourhood.extract(f.graph, focus: 5) == .empty)
        #expect(Neighbourhood.extract(f.graph, focus: -1) == .empty)
        #expect(Neighbourhood.extract(LayoutGraph(nodes: [], edges: []), focus: 0) == .empty)
    }

    @Test("negative depths and caps are clamped, never trapped on")
    func clampedParameters() {
        let f = Fixture(["A", "B"], "A>B")
        let hood = Neighbourhood.extract(f.graph, focus: f["A"], depthIn: -3, depthOut: -1, capPerColumn: -2)
        #expect(hood.columns == [Neighbourhood.Column(index: 0, nodes: [f["A"]])])
    }

    @Test("edges whose ends are not nodes are dropped when the graph is built")
    func invalidEdgesDropped() {
        let graph = LayoutGraph(
            nodes: [.init(label: "A"), .init(label: "B")],
            edges: [.init(from: 0, to: 1, id: 7), .init(from: 0, to: 9, id: 8), .init(from: -1, to: 0, id: 9), .init(from: 0, to: 1, id: 7)])
        #expect(graph.edges == [.init(from: 0, to: 1, id: 7)])
        #expect(graph.outgoingEdges(of: 0).map(\.id) == [7])
        #expect(graph.incomingEdges(of: 1).map(\.id) == [7])
        #expect(graph.outgoingEdges(of: 42).isEmpty)
    }
}
