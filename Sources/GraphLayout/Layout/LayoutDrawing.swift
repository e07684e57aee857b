/// Second half of a layout: sizes the columns (truncating labels to fit),
/// places them at fixed x, draws every route into a grid of line bits, then
/// writes labels, arrowheads and stubs over it.
///
/// A channel between two columns is, left to right: one blank cell after the
/// widest label, `leadLength` cells of line, the tracks, `tailLength` cells
/// of line, the arrowhead, one blank cell before the next column's labels.
struct LayoutDrawing {
    let b: LayoutBuilder
    let stubs: [Int: String]
    let channels: [(trackCount: Int, track: [Int: Int])]
    let height: Int
    let lead: Int
    let tail: Int

    var width = 0
    var columnX: [Int] = []
    var columnWidth: [Int] = []
    /// `LineBits` raw values per cell (kept raw: this loop touches every cell of every path).
    var bits: [UInt8] = []
    var overlay: [Character?] = []
    /// Per node or "… N more" vertex: the text drawn and whether it was cut.
    var shown: [Int: (text: String, width: Int, truncated: Bool)] = [:]
    /// Per node vertex with a visible stub: the stub and its x.
    var stubShown: [Int: TextPlacement] = [:]

    init(builder: LayoutBuilder, stubs: [Int: String], channels: [(trackCount: Int, track: [Int: Int])], height: Int) {
        self.b = builder
        self.stubs = stubs
        self.channels = channels
        self.height = height
        self.lead = max(1, builder.options.leadLength)
        self.tail = max(1, builder.options.tailLength)
    }

    private var measure: TextWidth { b.measure }
    private var glyphs: GlyphSet { b.glyphs }

    mutating func draw(crossings: Int) -> LayoutResult {
        let (cap, withStubs) = chooseLabelCap()
        placeColumns(cap: cap, withStubs: withStubs)
        bits = [UInt8](repeating: 0, count: width * height)
        overlay = [Character?](repeating: nil, count: width * height)

        var paths: [[GridPoint]] = []
        for connection in b.connections { paths.append(drawPath(of: connection)) }
        writeLabels()

        var grid = [[Character]](repeating: [], count: height)
        for y in 0..<height {
            grid[y] = (0..<width).map { x in
                overlay[y * width + x] ?? glyphs.lines[Int(bits[y * width + x] & 0xF)]
            }
        }
        return LayoutResult(
            width: width, height: height, columns: columnPlacements(), nodes: nodePlacements(),
            overflows: overflowPlacements(), backEdges: backEdgeStubs(), routes: routes(paths, grid: grid),
            grid: grid, crossings: crossings)
    }

    // MARK: Sizes

    private func overflowText(hidden count: Int, cap: Int) -> String {
        let full = glyphs.ellipsis + " \(count) more"
        if measure.width(of: full) <= cap { return full }
        let short = "+\(count)"
        if measure.width(of: short) <= cap { return short }
        return measure.truncate(short, toWidth: cap, ellipsis: glyphs.ellipsis)
    }

    private func widths(cap: Int, withStubs: Bool) -> [Int] {
        b.layers.map { layer in
            var widest = 1
            for v in layer {
                switch b.kinds[v] {
                case .node(let id):
                    let full = b.graph.nodes[id].labelWidth
                    var w = min(full, cap)
                    if withStubs, full <= cap, let stub = stubs[id] { w = full + 1 + measure.width(of: stub) }
                    widest = max(widest, w)
                case .overflow:
                    widest = max(widest, measure.width(of: overflowText(hidden: b.hiddenOfVertex[v]!.count, cap: cap)))
                case .dummy:
                    break
                }
            }
            return widest
        }
    }

    /// Labels as long as `maxLabelWidth` allows; when `availableWidth` is set
    /// and the drawing is too wide, drop the stubs first, then shorten labels
    /// one column at a time down to one.
    private func chooseLabelCap() -> (cap: Int, withStubs: Bool) {
        var widest = 1
        for v in b.kinds.indices {
            switch b.kinds[v] {
            case .node(let id): widest = max(widest, b.graph.nodes[id].labelWidth)
            case .overflow: widest = max(widest, measure.width(of: overflowText(hidden: b.hiddenOfVertex[v]!.count, cap: .max)))
            case .dummy: break
            }
        }
        let maxCap = max(1, min(b.options.maxLabelWidth, widest))
        guard let available = b.options.availableWidth else { return (maxCap, true) }
        let channelTotal = channels.reduce(0) { $0 + lead + $1.trackCount + tail + 3 }
        func fits(_ cap: Int, _ withStubs: Bool) -> Bool {
            widths(cap: cap, withStubs: withStubs).reduce(channelTotal, +) <= available
        }
        if fits(maxCap, true) { return (maxCap, true) }
        var cap = maxCap
        while cap > 1 && !fits(cap, false) { cap -= 1 }
        return (cap, false)
    }

    private mutating func placeColumns(cap: Int, withStubs: Bool) {
        for layer in b.layers {
            for v in layer {
                switch b.kinds[v] {
                case .node(let id):
                    let node = b.graph.nodes[id]
                    if node.labelWidth <= cap {
                        shown[v] = (node.label, node.labelWidth, false)
                    } else {
                        let cut = measure.truncate(node.label, toWidth: cap, ellipsis: glyphs.ellipsis)
                        shown[v] = (cut, measure.width(of: cut), true)
                    }
                case .overflow:
                    let text = overflowText(hidden: b.hiddenOfVertex[v]!.count, cap: cap)
                    shown[v] = (text, measure.width(of: text), false)
                case .dummy:
                    break
                }
            }
        }
        columnWidth = widths(cap: cap, withStubs: withStubs)
        var x = 0
        for layer in b.layers.indices {
            columnX.append(x)
            x += columnWidth[layer]
            if layer < channels.count { x += lead + channels[layer].trackCount + tail + 3 }
        }
        width = x
        guard withStubs else { return }
        for (v, kind) in b.kinds.enumerated() {
            guard case .node(let id) = kind, let stub = stubs[id], let label = shown[v], !label.truncated else { continue }
            let x = columnX[b.layerOf[v]] + label.width + 1
            stubShown[v] = TextPlacement(x: x, y: b.row[v], text: stub, width: measure.width(of: stub))
        }
    }

    // MARK: Lines

    /// Where a vertex's outgoing line starts: after its label, one blank, and
    /// its stub if any; a dummy's line runs through its whole column.
    private func outX(_ v: Int) -> Int {
        let x = columnX[b.layerOf[v]]
        if case .dummy = b.kinds[v] { return x + columnWidth[b.layerOf[v]] }
        if let stub = stubShown[v] { return stub.x + stub.width + 1 }
        return x + (shown[v]?.width ?? 0) + 1
    }

    /// Where an incoming line ends: the arrowhead cell, or a dummy's column start.
    private func inX(_ v: Int) -> Int {
        let x = columnX[b.layerOf[v]]
        if case .dummy = b.kinds[v] { return x }
        return x - 2
    }

    private mutating func horizontal(_ y: Int, from a: Int, to c: Int, into path: inout [GridPoint]) {
        for x in a...c {
            var cell: UInt8 = 0
            if x > a { cell |= LineBits.west.rawValue }
            if x < c { cell |= LineBits.east.rawValue }
            bits[y * width + x] |= cell
            append(GridPoint(x: x, y: y), to: &path)
        }
    }

    private mutating func vertical(_ x: Int, from a: Int, to c: Int, into path: inout [GridPoint]) {
        let step = a <= c ? 1 : -1
        let (toward, back) = step > 0 ? (LineBits.south.rawValue, LineBits.north.rawValue) : (LineBits.north.rawValue, LineBits.south.rawValue)
        for y in stride(from: a, through: c, by: step) {
            var cell: UInt8 = 0
            if y != a { cell |= back }
            if y != c { cell |= toward }
            bits[y * width + x] |= cell
            append(GridPoint(x: x, y: y), to: &path)
        }
    }

    private func append(_ point: GridPoint, to path: inout [GridPoint]) {
        if path.last != point { path.append(point) }
    }

    private mutating func drawPath(of connection: LayoutBuilder.Connection) -> [GridPoint] {
        var path: [GridPoint] = []
        for (p, q) in zip(connection.chain, connection.chain.dropFirst()) {
            let layer = b.layerOf[p]
            if case .dummy = b.kinds[p] { horizontal(b.row[p], from: columnX[layer], to: outX(p), into: &path) }
            if let track = channels[layer].track[p * b.kinds.count + q] {
                let x = columnX[layer] + columnWidth[layer] + lead + 1 + track
                horizontal(b.row[p], from: outX(p), to: x, into: &path)
                vertical(x, from: b.row[p], to: b.row[q], into: &path)
                horizontal(b.row[q], from: x, to: inX(q), into: &path)
            } else {
                horizontal(b.row[p], from: outX(p), to: inX(q), into: &path)
            }
        }
        let end = connection.to
        overlay[b.row[end] * width + inX(end)] = glyphs.arrow
        return path
    }

    // MARK: Text

    private mutating func write(_ text: String, x start: Int, y: Int) {
        var x = start
        for character in text {
            let w = measure.characterWidth(character)
            guard w > 0 else { continue }
            guard x + w <= width else { break }
            overlay[y * width + x] = character
            for extra in 1..<max(1, w) { overlay[y * width + x + extra] = LayoutResult.wideContinuation }
            x += w
        }
    }

    private mutating func writeLabels() {
        for (v, label) in shown { write(label.text, x: columnX[b.layerOf[v]], y: b.row[v]) }
        for (_, stub) in stubShown { write(stub.text, x: stub.x, y: stub.y) }
    }

    // MARK: Placements

    private func columnIndex(_ v: Int) -> Int { b.hood.columns[b.layerOf[v]].index }

    private func columnPlacements() -> [ColumnPlacement] {
        b.layers.indices.map { ColumnPlacement(index: b.hood.columns[$0].index, x: columnX[$0], width: columnWidth[$0]) }
    }

    private func nodePlacements() -> [NodePlacement] {
        b.layers.flatMap { layer in
            layer.compactMap { v -> NodePlacement? in
                guard case .node(let id) = b.kinds[v], let label = shown[v] else { return nil }
                return NodePlacement(
                    id: id, column: columnIndex(v), x: columnX[b.layerOf[v]], y: b.row[v], width: label.width,
                    text: label.text, isTruncated: label.truncated)
            }
        }
    }

    private func overflowPlacements() -> [OverflowPlacement] {
        b.layers.flatMap { layer in
            layer.compactMap { v -> OverflowPlacement? in
                guard case .overflow = b.kinds[v], let label = shown[v] else { return nil }
                return OverflowPlacement(
                    column: columnIndex(v), x: columnX[b.layerOf[v]], y: b.row[v], width: label.width, text: label.text,
                    hiddenNodeIDs: b.hiddenOfVertex[v] ?? [])
            }
        }
    }

    private func backEdgeStubs() -> [BackEdgeStub] {
        b.hood.backEdges.map { edge in
            BackEdgeStub(edgeID: edge.id, from: edge.from, to: edge.to, stub: b.vertexOfNode[edge.from].flatMap { stubShown[$0] })
        }
    }

    private func endpoint(_ v: Int) -> RouteEndpoint {
        if case .node(let id) = b.kinds[v] { return .node(id) }
        return .overflow(column: columnIndex(v))
    }

    private func routes(_ paths: [[GridPoint]], grid: [[Character]]) -> [EdgeRoute] {
        var usage = [Int32](repeating: 0, count: width * height)
        for path in paths { for point in path { usage[point.y * width + point.x] += 1 } }
        let ordered = zip(b.connections, paths).sorted { lhs, rhs in
            let (a, c) = (lhs.0, rhs.0)
            return (b.layerOf[a.from], b.row[a.from], b.layerOf[a.to], b.row[a.to])
                < (b.layerOf[c.from], b.row[c.from], b.layerOf[c.to], b.row[c.to])
        }
        return ordered.map { connection, path in
            let plain = { (p: GridPoint) in
                self.overlay[p.y * self.width + p.x] == nil
                    && LineBits(rawValue: self.bits[p.y * self.width + p.x]).isHorizontalOnly
            }
            let own = longestRun(in: path) { plain($0) && usage[$0.y * width + $0.x] == 1 }
            return EdgeRoute(
                edgeIDs: connection.edgeIDs, from: endpoint(connection.from), to: endpoint(connection.to),
                cells: path.map { RouteCell(x: $0.x, y: $0.y, character: grid[$0.y][$0.x]) },
                arrow: path.last ?? GridPoint(x: 0, y: 0), labelRun: own ?? longestRun(in: path, where: plain))
        }
    }

    /// The longest stretch of consecutive cells on one row satisfying `keep`;
    /// the leftmost-topmost one among equals.
    private func longestRun(in path: [GridPoint], where keep: (GridPoint) -> Bool) -> HorizontalRun? {
        var best: HorizontalRun?
        var current: HorizontalRun?
        for point in path {
            if keep(point) {
                if var run = current, run.y == point.y, run.x + run.length == point.x {
                    run.length += 1
                    current = run
                } else {
                    current = HorizontalRun(x: point.x, y: point.y, length: 1)
                }
                if let run = current, run.length > (best?.length ?? 0) { best = run }
            } else {
                current = nil
            }
        }
        return best
    }
}
