@testable import GraphLayout
import Testing

@Suite("Ordering inside columns")
struct OrderingTests {
    /// X→B and Y→A cross when both columns are in sort-key order.
    let crossed = Fixture(["F", "A", "B", "X", "Y"], "A>F B>F X>B Y>A")

    @Test("sort-key order alone leaves a crossing that the sweeps remove")
    func crossingReduction() {
        let naive = crossed.layout(focus: "F", depthIn: 2, depthOut: 0, options: LayoutOptions(rowSpacing: .compact, maxSweeps: 0))
        #expect(naive.crossings == 1)
        let swept = crossed.layout(focus: "F", depthIn: 2, depthOut: 0)
        #expect(swept.crossings == 0)
        #expect(
            swept.text == """
                X ──▶ B ─┬─▶ F
                Y ──▶ A ─┘
                """)
    }

    @Test("the same graph with its edges given in any order draws the same picture", arguments: 0..<6)
    func determinism(seed: Int) {
        let nodes = ["F", "a", "b", "c", "x", "y", "z"]
        let edges = "a>F b>F c>F F>x F>y a>x c>y z>c y>a F>z b>c"
        let reference = Fixture(nodes, edges).layout(focus: "F", depthIn: 2, depthOut: 2)
        var order = Array(0..<11)
        var generator = SplitMix(seed: UInt64(seed))
        order.shuffle(using: &generator)
        let shuffled = Fixture(nodes, edges, edgeOrder: order).layout(focus: "F", depthIn: 2, depthOut: 2)
        #expect(shuffled.text == reference.text)
        #expect(shuffled.routes == reference.routes)
        #expect(shuffled.backEdges == reference.backEdges)
        #expect(shuffled.nodes == reference.nodes)
    }

    @Test("with nothing else to go by, the sort key decides, not the label")
    func sortKeyBreaksTies() {
        let graph = LayoutGraph(
            nodes: [
                .init(label: "Focus"), .init(label: "alpha", sortKey: "2"), .init(label: "zeta", sortKey: "1"),
            ],
            edges: [.init(from: 1, to: 0, id: 0), .init(from: 2, to: 0, id: 1)])
        let result = graph.layoutNeighbourhood(of: 0, options: LayoutOptions(rowSpacing: .compact))
        #expect(
            result.text == """
                zeta ──┬─▶ Focus
                alpha ─┘
                """)
    }

    @Test(
        "the bilayer count is exact",
        arguments: [
            ([(0, 0), (1, 1)], 2, 0),
            ([(0, 1), (1, 0)], 2, 1),
            ([(0, 0), (0, 1), (1, 0), (1, 1)], 2, 1),
            ([(0, 2), (1, 1), (2, 0)], 3, 3),
            ([(0, 3), (1, 0), (1, 2), (2, 1)], 4, 4),
            ([(0, 0)], 1, 0),
        ])
    func bilayerCount(edges: [(Int, Int)], rightSize: Int, expected: Int) {
        #expect(CrossingCounter.count(edges.map { (left: $0.0, right: $0.1) }, rightColumnSize: rightSize) == expected)
    }
}

/// A seeded generator so shuffles are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
