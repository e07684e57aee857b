import GraphLayout
import Testing

/// Snapshot-like pictures: each layout is rendered as text and compared with
/// the drawing it should be.
@Suite("Layered layout pictures")
struct LayeredLayoutTests {
    @Test("a chain A→B→C is one straight line with arrowheads")
    func chain() {
        let f = Fixture(["A", "B", "C"], "A>B B>C")
        let result = f.layout(focus: "B")
        #expect(result.text == "A ──▶ B ──▶ C")
        #expect(result.columns.map(\.index) == [-1, 0, 1])
        #expect(result.nodes.map(\.x) == [0, 6, 12])
        #expect((result.width, result.height) == (13, 1))
    }

    @Test("five callers merge into one track that meets the focus")
    func fanIn() {
        let f = Fixture(["Focus", "c1", "c2", "c3", "c4", "c5"], "c1>Focus c2>Focus c3>Focus c4>Focus c5>Focus")
        #expect(
            f.layout(focus: "Focus").text == """
                c1 ─┐
                c2 ─┤
                c3 ─┼─▶ Focus
                c4 ─┤
                c5 ─┘
                """)
    }

    @Test("a fan-out shares the source's track")
    func fanOut() {
        let f = Fixture(["Focus", "t1", "t2", "t3"], "Focus>t1 Focus>t2 Focus>t3")
        #expect(
            f.layout(focus: "Focus").text == """
                       ┌─▶ t1
                Focus ─┼─▶ t2
                       └─▶ t3
                """)
    }

    @Test("a cycle A→B→A draws B's edge back as a stub and lists it")
    func cycle() {
        let f = Fixture(["A", "B"], "A>B B>A")
        let result = f.layout(focus: "A")
        #expect(result.text == "A ──▶ B ↺ A")
        #expect(result.backEdges.count == 1)
        #expect(result.backEdges[0].edgeID == 1)
        #expect(result.backEdges[0].stub == TextPlacement(x: 8, y: 0, text: "↺ A", width: 3))
        #expect(result.routes.map(\.edgeIDs) == [[0]])
    }

    @Test("self-loops and several back edges each get a stub naming the first target")
    func stubs() {
        let f = Fixture(["A", "B", "C"], "A>B B>A B>C C>B A>A")
        #expect(f.layout(focus: "A", depthIn: 0, depthOut: 2).text == "A ↺ A ──▶ B ↺ A ──▶ C ↺ B")
    }

    @Test("a diamond closes on its last node without crossings")
    func diamond() {
        let f = Fixture(["A", "B", "C", "D"], "A>B A>C B>D C>D")
        let result = f.layout(focus: "A", depthIn: 0, depthOut: 2)
        #expect(
            result.text == """
                A ─┬─▶ B ─┬─▶ D
                   └─▶ C ─┘
                """)
        #expect(result.crossings == 0)
    }

    @Test("an edge that skips a column runs straight through it")
    func longEdge() {
        let f = Fixture(["C", "F", "B"], "C>F F>B C>B")
        #expect(
            f.layout(focus: "F").text == """
                C ─┬──────┬─▶ B
                   └─▶ F ─┘
                """)
    }

    @Test("callers and assumable roles two hops out on both sides")
    func bothSides() {
        let f = Fixture(
            ["Audit", "ci", "vendor", "BreakGlass", "Admin", "runner"],
            "vendor>Audit ci>Audit Audit>BreakGlass BreakGlass>Admin runner>ci")
        #expect(
            f.layout(focus: "Audit", depthIn: 2, depthOut: 2).text == """
                runner ──▶ ci ─────┬─▶ Audit ──▶ BreakGlass ──▶ Admin
                           vendor ─┘
                """)
    }

    @Test("a capped column ends with a '… N more' row that carries the hidden ids")
    func capWithOverflow() {
        let f = Fixture(["F", "c1", "c2", "c3", "c4", "c5", "c6"], "c1>F c2>F c3>F c4>F c5>F c6>F")
        let result = f.layout(focus: "F", cap: 3)
        #expect(
            result.text == """
                c1 ───────┐
                c2 ───────┼─▶ F
                c3 ───────┤
                … 3 more ─┘
                """)
        #expect(result.overflows.count == 1)
        #expect(result.overflows[0].hiddenNodeIDs == [f["c4"], f["c5"], f["c6"]])
        #expect(result.overflows[0].column == -1)
        #expect(result.overflows[0].y == 3)
        let hiddenRoute = result.routes.first { $0.from == .overflow(column: -1) }
        #expect(hiddenRoute?.edgeIDs == [3, 4, 5])
        #expect(result.route(forEdge: 4)?.to == .node(f["F"]))
    }

    @Test("a lone focus is just its label")
    func loneFocus() {
        let f = Fixture(["Audit"], "")
        let result = f.layout(focus: "Audit")
        #expect(result.text == "Audit")
        #expect(result.nodes.map(\.id) == [0])
        #expect(result.routes.isEmpty)
    }

    @Test("an empty graph lays out as nothing")
    func emptyGraph() {
        let graph = LayoutGraph(nodes: [], edges: [])
        let result = graph.layoutNeighbourhood(of: 0)
        #expect(result.text.isEmpty)
        #expect((result.width, result.height) == (0, 0))
        #expect(result.grid.isEmpty)
        #expect(graph.layoutOverview().grid.isEmpty)
    }

    @Test("blank rows separate nodes when the height allows it")
    func spacedRows() {
        let f = Fixture(["Focus", "c1", "c2", "t1"], "c1>Focus c2>Focus Focus>t1")
        let roomy = f.layout(focus: "Focus", options: LayoutOptions(availableHeight: 5))
        #expect(
            roomy.text == """
                c1 ─┐
                    ├─▶ Focus ──▶ t1
                c2 ─┘
                """)
        let tight = f.layout(focus: "Focus", options: LayoutOptions(availableHeight: 2))
        #expect(tight.height == 2)
    }

    @Test("the ASCII glyph set draws the same picture without box drawing")
    func asciiGlyphs() {
        let f = Fixture(["Focus", "c1", "c2", "t1"], "c1>Focus c2>Focus Focus>t1")
        let result = f.layout(focus: "Focus", options: LayoutOptions(rowSpacing: .compact, glyphs: .ascii))
        #expect(
            result.text == """
                c1 -+-> Focus --> t1
                c2 -+
                """)
    }

    @Test("labels longer than the maximum are cut with an ellipsis")
    func truncatedLabels() {
        let f = Fixture(
            ["arn:aws:iam::111111111111:role/Audit", "vendor-account-role"],
            "vendor-account-role>arn:aws:iam::111111111111:role/Audit")
        let result = f.layout(
            focus: "arn:aws:iam::111111111111:role/Audit", options: LayoutOptions(maxLabelWidth: 12, rowSpacing: .compact))
        #expect(result.text == "vendor-acco… ──▶ arn:aws:iam…")
        #expect(result.nodes.allSatisfy { $0.isTruncated })
        #expect(result.nodes.map(\.width) == [12, 12])
    }

    @Test("labels shrink until the drawing fits the available width")
    func fitsAvailableWidth() {
        let f = Fixture(
            ["arn:aws:iam::111111111111:role/Audit", "vendor-account-role"],
            "vendor-account-role>arn:aws:iam::111111111111:role/Audit")
        let result = f.layout(
            focus: "arn:aws:iam::111111111111:role/Audit", options: LayoutOptions(availableWidth: 20, rowSpacing: .compact))
        #expect(result.text == "vendor… ──▶ arn:aw…")
        #expect(result.width <= 20)
    }

    @Test("wide characters take two cells and are cut on their boundary")
    func wideCharacters() {
        let f = Fixture(["監査ロール", "caller"], "caller>監査ロール")
        let result = f.layout(focus: "監査ロール", options: LayoutOptions(maxLabelWidth: 7, rowSpacing: .compact))
        #expect(result.text == "caller ──▶ 監査ロ…")
        #expect(result.grid[0].count == result.width)
        #expect(result.grid[0][12] == LayoutResult.wideContinuation)
    }

    @Test(
        "tiny widths never crash and keep every label inside its column",
        arguments: 1...10)
    func tinyWidths(width: Int) {
        let f = Fixture(
            ["arn:aws:iam::111111111111:role/Audit", "a-rather-long-caller", "x", "another-target-role"],
            "a-rather-long-caller>arn:aws:iam::111111111111:role/Audit x>arn:aws:iam::111111111111:role/Audit arn:aws:iam::111111111111:role/Audit>another-target-role x>x")
        for glyphs in [GlyphSet.unicode, .ascii] {
            let options = LayoutOptions(
                maxLabelWidth: width, availableWidth: width, availableHeight: width, leadLength: 1 - width,
                tailLength: -width, maxStubLabelWidth: -1, glyphs: glyphs)
            let result = f.layout(focus: "arn:aws:iam::111111111111:role/Audit", cap: width % 3, options: options)
            #expect(result.grid.count == result.height)
            #expect(result.grid.allSatisfy { $0.count == result.width })
            let columns = Dictionary(uniqueKeysWithValues: result.columns.map { ($0.index, $0) })
            for node in result.nodes {
                #expect(node.width <= max(1, width))
                #expect(node.width <= columns[node.column]!.width)
            }
        }
    }
}
