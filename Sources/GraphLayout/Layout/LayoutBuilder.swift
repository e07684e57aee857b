/// The working state of one `LayeredLayout.layout` call.
///
/// Vertices are the drawn nodes, one "… N more" row per capped column, and a
/// dummy vertex wherever an edge skips a column (it is drawn as a line straight
/// through that column), so every segment joins two adjacent columns.
struct LayoutBuilder {
    enum VertexKind {
        case node(Int)
        case overflow
        case dummy
    }

    struct Connection {
        var from: Int
        var to: Int
        var edgeIDs: [Int]
        /// from, the dummies, to.
        var chain: [Int]
    }

    let graph: LayoutGraph
    let hood: Neighbourhood
    let options: LayoutOptions
    let glyphs: GlyphSet
    let measure: TextWidth

    var kinds: [VertexKind] = []
    var layerOf: [Int] = []
    var layers: [[Int]] = []
    var vertexOfNode: [Int: Int] = [:]
    var vertexOfHidden: [Int: Int] = [:]
    var hiddenOfVertex: [Int: [Int]] = [:]
    var connections: [Connection] = []
    var predecessors: [[Int]] = []
    var successors: [[Int]] = []
    var row: [Int] = []

    init(graph: LayoutGraph, neighbourhood: Neighbourhood, options: LayoutOptions) {
        self.graph = graph
        self.hood = neighbourhood
        self.options = options
        self.glyphs = options.glyphs
        self.measure = options.textWidth
    }

    mutating func build() -> LayoutResult {
        makeVertices()
        guard !kinds.isEmpty else { return .empty }
        makeConnections()
        var ordering = ColumnOrdering(
            layers: layers, predecessors: predecessors, successors: successors, tieRank: tieRanks(),
            pinned: kinds.map { if case .overflow = $0 { true } else { false } })
        let (ordered, crossings) = ordering.run(maxSweeps: max(0, options.maxSweeps))
        layers = ordered
        let height = assignRows()
        let stubs = stubTexts()
        let plans = routeChannels()
        var drawing = LayoutDrawing(builder: self, stubs: stubs, channels: plans, height: height)
        return drawing.draw(crossings: crossings)
    }

    private mutating func addVertex(_ kind: VertexKind, layer: Int) -> Int {
        let v = kinds.count
        kinds.append(kind)
        layerOf.append(layer)
        layers[layer].append(v)
        predecessors.append([])
        successors.append([])
        return v
    }

    private mutating func makeVertices() {
        for (layer, column) in hood.columns.enumerated() {
            layers.append([])
            for node in column.nodes where node >= 0 && node < graph.nodeCount && vertexOfNode[node] == nil {
                vertexOfNode[node] = addVertex(.node(node), layer: layer)
            }
            let hidden = column.hiddenNodes.filter { $0 >= 0 && $0 < graph.nodeCount && vertexOfNode[$0] == nil }
            if !hidden.isEmpty {
                let v = addVertex(.overflow, layer: layer)
                hiddenOfVertex[v] = hidden
                for node in hidden { vertexOfHidden[node] = v }
            }
        }
    }

    private mutating func makeConnections() {
        var index: [Int: Int] = [:]  // from * vertexCount + to
        let count = kinds.count
        for edge in hood.forwardEdges {
            guard let a = vertexOfNode[edge.from] ?? vertexOfHidden[edge.from],
                let b = vertexOfNode[edge.to] ?? vertexOfHidden[edge.to], layerOf[a] < layerOf[b]
            else { continue }
            if let known = index[a * count + b] {
                connections[known].edgeIDs.append(edge.id)
            } else {
                index[a * count + b] = connections.count
                connections.append(Connection(from: a, to: b, edgeIDs: [edge.id], chain: []))
            }
        }
        connections.sort { ($0.from, $0.to) < ($1.from, $1.to) }
        for c in connections.indices {
            connections[c].edgeIDs.sort()
            var chain = [connections[c].from]
            for layer in (layerOf[connections[c].from] + 1)..<layerOf[connections[c].to] {
                chain.append(addVertex(.dummy, layer: layer))
            }
            chain.append(connections[c].to)
            for (p, q) in zip(chain, chain.dropFirst()) {
                successors[p].append(q)
                predecessors[q].append(p)
            }
            connections[c].chain = chain
        }
    }

    /// Rank used when barycenters tie: nodes by sort key; a dummy by the keys
    /// of its edge's ends; "… N more" rows last.
    private func tieRanks() -> [Int] {
        func endRank(_ v: Int) -> Int {
            if case .node(let id) = kinds[v] { return graph.rank[id] }
            return graph.nodeCount + layerOf[v]
        }
        var key = [(Int, Int)](repeating: (0, 0), count: kinds.count)
        for (v, kind) in kinds.enumerated() {
            if case .node(let id) = kind { key[v] = (graph.rank[id], -1) }
            if case .overflow = kind { key[v] = (Int.max, 0) }
        }
        for connection in connections {
            for dummy in connection.chain.dropFirst().dropLast() {
                key[dummy] = (endRank(connection.from), endRank(connection.to))
            }
        }
        let order = kinds.indices.sorted { (key[$0].0, key[$0].1, $0) < (key[$1].0, key[$1].1, $1) }
        var rank = [Int](repeating: 0, count: kinds.count)
        for (position, v) in order.enumerated() { rank[v] = position }
        return rank
    }

    /// One row per vertex, a blank row between them when asked or when it fits,
    /// each column centred on the tallest.
    private mutating func assignRows() -> Int {
        let tallest = layers.map(\.count).max() ?? 0
        let gap: Int
        switch options.rowSpacing {
        case .compact: gap = 0
        case .spaced: gap = 1
        case .auto:
            if let available = options.availableHeight, 2 * tallest - 1 <= available { gap = 1 } else { gap = 0 }
        }
        func height(_ count: Int) -> Int { count == 0 ? 0 : count * (1 + gap) - gap }
        let total = height(tallest)
        row = [Int](repeating: 0, count: kinds.count)
        for layer in layers {
            let offset = (total - height(layer.count)) / 2
            for (i, v) in layer.enumerated() { row[v] = offset + i * (1 + gap) }
        }
        return total
    }

    /// The stub text of each source of back edges, e.g. `↺ Audit +1`.
    private func stubTexts() -> [Int: String] {
        var targets: [Int: [Int]] = [:]
        for edge in hood.backEdges where vertexOfNode[edge.from] != nil && vertexOfNode[edge.to] != nil {
            if !targets[edge.from, default: []].contains(edge.to) { targets[edge.from, default: []].append(edge.to) }
        }
        var texts: [Int: String] = [:]
        for (from, list) in targets {
            let sorted = list.sorted { graph.rank[$0] < graph.rank[$1] }
            let first = measure.truncate(
                graph.nodes[sorted[0]].label, toWidth: max(1, options.maxStubLabelWidth), ellipsis: glyphs.ellipsis)
            texts[from] = glyphs.backEdge + " " + first + (sorted.count > 1 ? " +\(sorted.count - 1)" : "")
        }
        return texts
    }

    /// Per channel: its track count and the track of each bent segment,
    /// keyed by `from * vertexCount + to` (straight segments are absent).
    private func routeChannels() -> [(trackCount: Int, track: [Int: Int])] {
        guard layers.count > 1 else { return [] }
        return (0..<(layers.count - 1)).map { layer in
            var segments: [ChannelRouter.Segment] = []
            for p in layers[layer] {
                for q in successors[p] {
                    segments.append(.init(source: p, sourceRow: row[p], target: q, targetRow: row[q]))
                }
            }
            let plan = ChannelRouter.plan(segments)
            var track: [Int: Int] = [:]
            for (segment, position) in zip(segments, plan.trackOfSegment) {
                if let position { track[segment.source * kinds.count + segment.target] = position }
            }
            return (plan.trackCount, track)
        }
    }
}
