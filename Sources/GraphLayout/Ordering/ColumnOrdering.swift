/// Orders the vertices inside each column to reduce crossings
/// (graph-layout.md, step 3; dagre's `lib/order`).
///
/// Alternating sweeps: left to right, each column is sorted by the
/// barycenter of its neighbours in the column before; right to left, by
/// those in the column after. Vertices without neighbours there keep their
/// slot (as dagre's `sort` does). After each sweep the exact crossing count
/// decides whether this order is the best so far; the best one is kept.
/// Equal barycenters fall back to the tie rank (the sort key), so the result
/// never depends on input order.
struct ColumnOrdering {
    var layers: [[Int]]
    let predecessors: [[Int]]
    let successors: [[Int]]
    let tieRank: [Int]
    /// Vertices that stay at the bottom of their column ("… N more").
    let pinned: [Bool]
    private var position: [Int]

    init(layers: [[Int]], predecessors: [[Int]], successors: [[Int]], tieRank: [Int], pinned: [Bool]) {
        self.predecessors = predecessors
        self.successors = successors
        self.tieRank = tieRank
        self.pinned = pinned
        self.position = [Int](repeating: 0, count: tieRank.count)
        self.layers = layers.map { layer in
            layer.sorted { (pinned[$0] ? 1 : 0, tieRank[$0]) < (pinned[$1] ? 1 : 0, tieRank[$1]) }
        }
        for layer in self.layers { for (i, v) in layer.enumerated() { position[v] = i } }
    }

    /// Runs the sweeps and returns the best order found with its crossing count.
    mutating func run(maxSweeps: Int) -> (layers: [[Int]], crossings: Int) {
        var best = layers
        var bestCrossings = crossings()
        var sinceImprovement = 0
        var sweep = 0
        while sweep < maxSweeps, bestCrossings > 0, sinceImprovement < 4 {
            if sweep % 2 == 0 {
                for layer in layers.indices.dropFirst() { reorder(layer, by: predecessors) }
            } else {
                for layer in layers.indices.dropLast().reversed() { reorder(layer, by: successors) }
            }
            let count = crossings()
            if count < bestCrossings {
                best = layers
                bestCrossings = count
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
            sweep += 1
        }
        return (best, bestCrossings)
    }

    func crossings() -> Int {
        var total = 0
        for layer in layers.indices.dropLast() {
            var edges: [(left: Int, right: Int)] = []
            for v in layers[layer] { for w in successors[v] { edges.append((position[v], position[w])) } }
            total += CrossingCounter.count(edges, rightColumnSize: layers[layer + 1].count)
        }
        return total
    }

    private mutating func reorder(_ layer: Int, by neighbours: [[Int]]) {
        let current = layers[layer]
        guard current.count > 1 else { return }
        var slots: [Int?] = []
        var sortable: [(barycenter: Double, rank: Int, vertex: Int)] = []
        var bottom: [Int] = []
        for v in current {
            if pinned[v] { bottom.append(v); continue }
            let around = neighbours[v]
            if around.isEmpty {
                slots.append(v)
            } else {
                var sum = 0
                for w in around { sum += position[w] }
                sortable.append((Double(sum) / Double(around.count), tieRank[v], v))
                slots.append(nil)
            }
        }
        sortable.sort { ($0.barycenter, $0.rank) < ($1.barycenter, $1.rank) }
        var next = sortable.makeIterator()
        var ordered = slots.map { $0 ?? next.next()!.vertex }
        ordered.append(contentsOf: bottom)
        layers[layer] = ordered
        for (i, v) in ordered.enumerated() { position[v] = i }
    }
}
