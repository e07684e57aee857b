import GraphLayout
import Synchronization
import TerminalUI
import TrustAnalysis

/// The account-level aggregation of every trust edge (one pass over all edges), computed once per
/// analysis and shared by every copy of the screen: it is warmed in the background at start-up.
final class OverviewCache: Sendable {
    struct Pair: Sendable {
        var from: String
        var to: String
        var worst: TrustEdge
        var count: Int
    }

    private let slot = Mutex<(edgeCount: Int, pairs: [Pair])?>(nil)

    init() {}

    func pairs(for graph: TrustGraph) -> [Pair] {
        if let cached = slot.withLock({ $0 }), cached.edgeCount == graph.edges.count { return cached.pairs }
        let built = Self.aggregate(graph)
        slot.withLock { $0 = (graph.edges.count, built) }
        return built
    }

    static func aggregate(_ g: TrustGraph) -> [Pair] {
        func group(_ n: GraphNode) -> String { n.account ?? n.id }
        var pairs: [String: Pair] = [:]
        for e in g.edges {
            guard let a = g.node(id: e.from), let b = g.node(id: e.to) else { continue }
            let (ga, gb) = (group(a), group(b))
            if ga == gb { continue }
            let k = ga + "\u{1}" + gb
            if var p = pairs[k] {
                if let s = e.severity, s > (p.worst.severity ?? .info) || p.worst.severity == nil { p.worst = e }
                p.count += 1
                pairs[k] = p
            } else {
                pairs[k] = Pair(from: ga, to: gb, worst: e, count: 1)
            }
        }
        return pairs.keys.sorted().map { pairs[$0]! }
    }
}

/// The trust graph of a focus (graph-layout.md): callers on the left, the focus in the middle, what it
/// can assume on the right, hop by hop on demand; or the account-level overview.
///
/// Layouts are cached per (focus, depth, size): scrolling the edge list or redrawing reuses them.
public struct GraphScreen: Sendable {
    /// The focused node id (ARN, account id, service or provider); nil: follow the navigator selection.
    public var focus: String?
    public var depth = 1
    public var selectedEdge = 0
    /// True: the account-level overview (one node per account) instead of a neighbourhood.
    public var overview = false

    /// Nodes per column before a "… N more" row.
    static let capPerColumn = 12

    private var cache: Drawing?

    public init() {}

    /// A laid-out picture and the trust edges it draws.
    struct Drawing: Sendable {
        var key: String
        var layout: LayoutResult
        /// The trust-graph node id of each layout node.
        var nodeIds: [String]
        /// Trust edges drawn, by layout edge id; for the overview, one representative per account pair.
        var edges: [TrustEdge]
        /// Per layout edge id, how many trust edges it stands for (overview) — 1 in a neighbourhood.
        var multiplicity: [Int]
        /// Edge ids in the order ↑/↓ walks them: into the focus first, then out of it, by name.
        var edgeOrder: [Int]
        var focusIndex: Int?
        /// Set when the overview has more accounts than can be drawn: how many.
        var tooLarge: Int? = nil
    }

    /// The most nodes and account-to-account connections the account overview draws.
    static let overviewLimit = 150
    static let overviewEdgeLimit = 300

    /// Shared by the copies of this screen (see `OverviewCache`).
    let overviewCache = OverviewCache()

    /// Computes the account aggregation now (the run loop calls it in the background at start-up).
    public func prepareOverview(context: ScreenContext) {
        _ = overviewCache.pairs(for: context.analysis.graph)
    }

    public var capturesAllKeys: Bool { false }

    func effectiveFocus(_ context: ScreenContext) -> String? {
        overview ? nil : (focus ?? context.selectedId)
    }

    /// Lays out (or reuses the cached layout) for the pane's size. Called by `update` after every action
    /// so `draw` only paints.
    public mutating func prepare(context: ScreenContext, width: Int, height: Int) {
        let d = drawing(context: context, width: width, height: height)
        cache = d
        if !d.edgeOrder.isEmpty { selectedEdge = min(max(0, selectedEdge), d.edgeOrder.count - 1) }
    }

    func drawing(context: ScreenContext, width: Int, height: Int) -> Drawing {
        let f = effectiveFocus(context)
        let key = "\(f ?? "<overview>")|\(depth)|\(width)x\(height)"
        if let cache, cache.key == key { return cache }
        return overview || f == nil
            ? overviewDrawing(context: context, width: width, height: height, key: key)
            : Self.neighbourhoodDrawing(focus: f!, depth: depth, context: context, width: width, height: height, key: key)
    }

    // MARK: Building the pictures

    static func nodeLabel(_ n: GraphNode) -> String {
        switch n.kind {
        case .account:
            switch n.trust {
            case .thirdParty?: return "\(n.label) (3rd party)"
            case .unknownExternal?: return "\(n.label) (unknown)"
            default: return "\(n.label) (account)"
            }
        case .role: return n.trust?.isOutside == true ? "\(n.label) (ext role)" : n.label
        case .user: return "\(n.label) (user)"
        case .service: return "\(n.label) (service)"
        case .federated: return "\(n.label) (federated)"
        case .anyone: return "* anyone"
        case .organization: return "◇ organization"
        }
    }

    static func neighbourhoodDrawing(focus: String, depth: Int, context: ScreenContext, width: Int, height: Int, key: String) -> Drawing {
        let g = context.analysis.graph
        guard g.node(id: focus) != nil else {
            return Drawing(key: key, layout: .empty, nodeIds: [], edges: [], multiplicity: [], edgeOrder: [], focusIndex: nil)
        }
        // BFS on the adjacency lists, both directions, bounded: a sub-millisecond extraction.
        var index: [String: Int] = [focus: 0]
        var ids = [focus]
        var walked: [String: TrustEdge] = [:]
        var frontier = [focus]
        let nodeBudget = 400
        for _ in 0..<max(1, depth) {
            var next: [String] = []
            for id in frontier {
                // The focus's own edges include the roles it reaches through `*` trust statements, which the
                // graph draws from anyone: what this user or role can get into is the question here. (Only
                // for the focus: each one costs the engine a simulation per such role.)
                // An account's own edges likewise include the roles it gets into through the organization node.
                let kind = g.node(id: id)?.kind
                let out = id == focus && (g.node(id: id)?.inInventory == true || kind == .account) ? context.analysis.outgoingEdges(from: id) : g.outgoing(from: id)
                for e in out + g.incoming(to: id) {
                    let other = e.from == id ? e.to : e.from
                    if index[other] == nil {
                        guard ids.count < nodeBudget else { continue }
                        index[other] = ids.count
                        ids.append(other)
                        next.append(other)
                    }
                    walked[e.from + "\u{1}" + e.to + "\u{1}" + e.action] = e
                }
            }
            frontier = next
            if frontier.isEmpty { break }
        }
        // Only edges the walk went along: an edge between two callers, or from a caller straight to
        // something the focus can assume, is not about the focus and would only add crossings.
        let trustEdges = walked.keys.sorted().map { walked[$0]! }
        let nodes = ids.map { id -> LayoutGraph.Node in
            let n = g.node(id: id)!
            // The organization stands for every other account of it: first in its column, never behind "… more".
            let first = n.kind == .organization ? "\u{0}" : ""
            return LayoutGraph.Node(label: nodeLabel(n), sortKey: first + n.label.lowercased() + "\u{1}" + id)
        }
        let layoutEdges = trustEdges.enumerated().map { LayoutGraph.Edge(from: index[$1.from]!, to: index[$1.to]!, id: $0) }
        let lg = LayoutGraph(nodes: nodes, edges: layoutEdges)
        // Room on each edge's first horizontal stretch for its label (`‼ ExtId,MFA`): as long as the
        // longest label, within a quarter of the pane.
        let longest = trustEdges.map { e in (e.severity == nil ? 0 : 2) + DisplayWidth.of(e.requires.map(\.label).joined(separator: ",")) }.max() ?? 0
        // Node names matter more than edge labels: when the labels' room would squeeze names below
        // a readable width, lay out again with short leads (the details pane still lists requirements).
        var layout = LayoutResult.empty
        for lead in [max(3, min(longest + 3, width / 4)), 3] {
            let options = LayoutOptions(maxLabelWidth: 28, availableWidth: width, availableHeight: height, leadLength: lead, tailLength: 2)
            layout = lg.layoutNeighbourhood(of: 0, depthIn: depth, depthOut: depth, capPerColumn: capPerColumn, options: options)
            let squeezed = layout.nodes.contains { $0.isTruncated && $0.width < 14 }
            if !squeezed { break }
        }
        // Walk order: edges into the focus, then out of it, then the rest, each by the far end's label.
        func name(_ id: String) -> String { (g.node(id: id)?.label ?? id).lowercased() }
        let order = trustEdges.indices.sorted { a, b in
            let ea = trustEdges[a], eb = trustEdges[b]
            func rank(_ e: TrustEdge) -> Int { e.to == focus ? 0 : (e.from == focus ? 1 : 2) }
            if rank(ea) != rank(eb) { return rank(ea) < rank(eb) }
            return (name(ea.from), name(ea.to)) < (name(eb.from), name(eb.to))
        }
        return Drawing(key: key, layout: layout, nodeIds: ids, edges: trustEdges, multiplicity: Array(repeating: 1, count: trustEdges.count), edgeOrder: order, focusIndex: 0)
    }

    /// One node per account (the quotient graph), plus services, providers and anyone as their own nodes.
    func overviewDrawing(context: ScreenContext, width: Int, height: Int, key: String) -> Drawing {
        let g = context.analysis.graph
        var index: [String: Int] = [:]
        var ids: [String] = []
        let sortedPairs = overviewCache.pairs(for: g)
        for p in sortedPairs {
            for id in [p.from, p.to] where index[id] == nil {
                index[id] = ids.count
                ids.append(id)
            }
        }
        // Above ~150 nodes a layered picture is neither fast nor readable (graph-layout.md): the matrix
        // and the lists serve such estates better.
        if ids.count > Self.overviewLimit || sortedPairs.count > Self.overviewEdgeLimit {
            return Drawing(key: key, layout: .empty, nodeIds: [], edges: [], multiplicity: [], edgeOrder: [], focusIndex: nil, tooLarge: sortedPairs.count)
        }
        let nodes = ids.map { id -> LayoutGraph.Node in
            let label: String
            if let n = g.node(id: id) {
                label = Self.nodeLabel(n)
            } else {
                label = context.inventory.account(id: id)?.displayName ?? id
            }
            return LayoutGraph.Node(label: label, sortKey: label.lowercased() + "\u{1}" + id)
        }
        let edges = sortedPairs.enumerated().map { LayoutGraph.Edge(from: index[$1.from]!, to: index[$1.to]!, id: $0) }
        let lg = LayoutGraph(nodes: nodes, edges: edges)
        // Names stay readable; a picture wider than the pane scrolls sideways with the selected edge.
        let options = LayoutOptions(maxLabelWidth: 20, availableWidth: nil, availableHeight: height, leadLength: 6, tailLength: 2)
        let layout = lg.layoutOverview(capPerColumn: max(4, height / 2), options: options)
        return Drawing(key: key, layout: layout, nodeIds: ids, edges: sortedPairs.map(\.worst), multiplicity: sortedPairs.map(\.count), edgeOrder: Array(sortedPairs.indices), focusIndex: nil)
    }

    // MARK: Keys

    public mutating func handle(_ key: Key, context: ScreenContext) -> ScreenOutcome {
        let d = cache ?? drawing(context: context, width: 80, height: 20)
        let count = d.edgeOrder.count
        switch key {
        case .up, .character("k"):
            guard count > 0 else { return .handled }
            selectedEdge = (selectedEdge - 1 + count) % count
        case .down, .character("j"):
            guard count > 0 else { return .handled }
            selectedEdge = (selectedEdge + 1) % count
        case .character("+"), .character("="):
            depth = min(4, depth + 1)
            return .message("graph depth \(depth)", isError: false)
        case .character("-"):
            depth = max(1, depth - 1)
            return .message("graph depth \(depth)", isError: false)
        case .character("o"):
            overview.toggle()
            selectedEdge = 0
            return .message(overview ? "account overview — o returns to the selection" : "graph of the selection", isError: false)
        case .enter:
            guard let e = selected(in: d) else { return .handled }
            // An edge into a "… N more" row opens the list of the principals it stands for.
            if let route = d.layout.route(forEdge: d.edgeOrder[selectedEdge]) {
                for end in [route.from, route.to] {
                    guard case .overflow(let column) = end, let o = d.layout.overflows.first(where: { $0.column == column }) else { continue }
                    let ids = o.hiddenNodeIDs.map { d.nodeIds[$0] }
                    return .listNodes(title: "\(ids.count) more around \(context.analysis.graph.node(id: effectiveFocus(context) ?? "")?.label ?? "the focus")", ids: ids)
                }
            }
            let current = effectiveFocus(context)
            var target = e.to == current ? e.from : e.to
            if overview, let n = context.analysis.graph.node(id: target), let a = n.account { target = a }
            overview = false
            selectedEdge = 0
            if context.hasNavigatorRow(target) {
                focus = nil
                return .select(id: target, openGraph: true)
            }
            // Services, providers and principals outside the inventory have no navigator row: focus them here.
            focus = target
            return .handled
        case .character("s"):
            guard let e = selected(in: d), !overview else { return .handled }
            return .simulate(principal: e.from, role: e.to)
        default:
            return .notHandled
        }
        return .handled
    }

    /// True when the selected edge is drawn into (or out of) a "… N more" row.
    var selectedEdgeMeetsOverflow: Bool {
        guard let d = cache, d.edgeOrder.indices.contains(selectedEdge), let route = d.layout.route(forEdge: d.edgeOrder[selectedEdge]) else { return false }
        return [route.from, route.to].contains { if case .overflow = $0 { return true } else { return false } }
    }

    func selected(in d: Drawing) -> TrustEdge? {
        guard d.edgeOrder.indices.contains(selectedEdge) else { return nil }
        return d.edges[d.edgeOrder[selectedEdge]]
    }

    // MARK: Drawing

    public func title(context: ScreenContext) -> String {
        if overview || effectiveFocus(context) == nil { return "Trust graph · accounts overview" }
        let f = effectiveFocus(context)!
        let label = context.analysis.graph.node(id: f)?.label ?? f
        return "Trust graph · \(label)" + (depth > 1 ? " · depth \(depth)" : "")
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        guard !rect.isEmpty else { return }
        let d = drawing(context: context, width: rect.width, height: rect.height)
        let g = context.analysis.graph
        if let n = d.tooLarge {
            let text = "\(n) account-to-account trust connections: too many for one readable picture. Press m for the account matrix, or o to return to the selection's graph."
            for (i, l) in TextWrap.wrap(text, width: rect.width).enumerated() { buffer.write(l, x: rect.x, y: rect.y + i, role: .muted) }
            return
        }
        if d.nodeIds.isEmpty {
            let f = effectiveFocus(context) ?? ""
            let text = g.node(id: f) == nil && !f.isEmpty
                ? "No trust edge touches this principal: nobody can assume it and it assumes nothing the inventory shows."
                : "No trust edges in this inventory."
            for (i, l) in TextWrap.wrap(text, width: rect.width).enumerated() { buffer.write(l, x: rect.x, y: rect.y + i, role: .muted) }
            return
        }
        let layout = d.layout
        let selectedId = d.edgeOrder.indices.contains(selectedEdge) ? d.edgeOrder[selectedEdge] : nil
        let (offsetX, offsetY) = viewport(d, rect: rect)
        func put(_ ch: Character, _ x: Int, _ y: Int, _ role: StyleRole, _ emphasis: Emphasis = []) {
            let sx = rect.x + x - offsetX, sy = rect.y + y - offsetY
            guard rect.contains(x: sx, y: sy) else { return }
            buffer[sx, sy] = Cell(ch, role: role, emphasis: emphasis)
        }
        // 1. The grid as drawn (lines muted).
        for (y, row) in layout.grid.enumerated() where y >= offsetY && y < offsetY + rect.height {
            for (x, ch) in row.enumerated() where ch != " " && ch != LayoutResult.wideContinuation {
                put(ch, x, y, .border)
            }
        }
        // 2. Node labels: the focus stands out; outside principals are marked by words in the label.
        for p in layout.nodes {
            let id = d.nodeIds[p.id]
            let n = g.node(id: id)
            let role: StyleRole = p.id == d.focusIndex ? .title : (n?.isOutside == true ? .info : .text)
            buffer.write(p.text, x: rect.x + p.x - offsetX, y: rect.y + p.y - offsetY, role: role, emphasis: p.id == d.focusIndex ? [.bold, .underline] : [], clip: rect)
        }
        for o in layout.overflows {
            buffer.write(o.text, x: rect.x + o.x - offsetX, y: rect.y + o.y - offsetY, role: .muted, clip: rect)
        }
        for b in layout.backEdges {
            if let s = b.stub { buffer.write(s.text, x: rect.x + s.x - offsetX, y: rect.y + s.y - offsetY, role: .muted, clip: rect) }
        }
        // 3. Risky routes last, in their severity's style, with the glyph and the requirement label inline.
        let ordered = layout.routes.indices.sorted { a, b in
            let sa = layout.routes[a].edgeIDs.compactMap { d.edges[$0].severity }.max()?.rawValue ?? -1
            let sb = layout.routes[b].edgeIDs.compactMap { d.edges[$0].severity }.max()?.rawValue ?? -1
            return sa < sb
        }
        for ri in ordered {
            let route = layout.routes[ri]
            let routeEdges = route.edgeIDs.map { d.edges[$0] }
            let worst = routeEdges.compactMap(\.severity).max()
            let isSelected = selectedId.map { route.edgeIDs.contains($0) } ?? false
            let role: StyleRole = isSelected ? .selection : (worst.map { SeverityStyle.role($0) } ?? .border)
            if worst != nil || isSelected {
                for c in route.cells { put(c.character, c.x, c.y, role) }
            }
            guard let run = route.labelRun else { continue }
            var label = worst.map { $0.glyph } ?? ""
            let reqs = Array(Set(routeEdges.flatMap { $0.requires.map(\.label) })).sorted()
            if !reqs.isEmpty { label += (label.isEmpty ? "" : " ") + reqs.joined(separator: ",") }
            if d.multiplicity.count > route.edgeIDs.first ?? 0, overview || effectiveFocus(context) == nil {
                let n = route.edgeIDs.reduce(0) { $0 + d.multiplicity[$1] }
                if n > 1 { label += (label.isEmpty ? "" : " ") + "×\(n)" }
            }
            guard !label.isEmpty, run.length >= 3 else { continue }
            let text = DisplayWidth.truncate(label, to: run.length - 2)
            // The severity glyph keeps its colour on the selected edge too: selection must not hide risk.
            let labelRole: StyleRole = isSelected ? .selection : (worst.map { SeverityStyle.role($0) } ?? .muted)
            for (i, ch) in text.enumerated() {
                let glyphRole = i == 0 && worst != nil ? SeverityStyle.role(worst) : labelRole
                put(ch, run.x + 1 + i, run.y, glyphRole)
            }
        }
        // 4. Legend on the last row when there is room: what the glyphs mean.
        if rect.height > layout.height + 1 {
            let legend = "‼ critical  ! high  ▲ medium  · low  ○ info   ↑↓ edge  Enter follow  s simulate  +/- depth  o overview"
            buffer.write(legend, x: rect.x, y: rect.maxY - 1, role: .muted, maxWidth: rect.width)
        }
    }


    /// Which part of a picture larger than the pane is shown: the focus centred, then the selected edge
    /// brought into view. Drawing and mouse clicks share it.
    func viewport(_ d: Drawing, rect: Rect) -> (x: Int, y: Int) {
        let layout = d.layout
        let selectedId = d.edgeOrder.indices.contains(selectedEdge) ? d.edgeOrder[selectedEdge] : nil
        var offsetY = 0
        if layout.height > rect.height, let fi = d.focusIndex, let p = layout.placement(ofNode: fi) {
            offsetY = max(0, min(layout.height - rect.height, p.y - rect.height / 2))
        }
        if let sid = selectedId, let route = layout.route(forEdge: sid), layout.height > rect.height {
            let ys = route.cells.map(\.y)
            if let lo = ys.min(), let hi = ys.max(), lo < offsetY || hi >= offsetY + rect.height {
                offsetY = max(0, min(layout.height - rect.height, (lo + hi) / 2 - rect.height / 2))
            }
        }
        var offsetX = 0
        if layout.width > rect.width, let sid = selectedId, let route = layout.route(forEdge: sid) {
            let xs = route.cells.map(\.x)
            let mid = ((xs.min() ?? 0) + (xs.max() ?? 0)) / 2
            offsetX = max(0, min(layout.width - rect.width, mid - rect.width / 2))
        }
        return (offsetX, offsetY)
    }

    /// A click at a screen cell inside the pane: on an edge selects it; on a node follows to it.
    public mutating func click(x: Int, y: Int, rect: Rect, context: ScreenContext) -> ScreenOutcome {
        guard let d = cache else { return .notHandled }
        let (ox, oy) = viewport(d, rect: rect)
        let lx = x - rect.x + ox, ly = y - rect.y + oy
        for ri in d.layout.routeIndices(atX: lx, y: ly) {
            guard let id = d.layout.routes[ri].edgeIDs.first, let pos = d.edgeOrder.firstIndex(of: id) else { continue }
            selectedEdge = pos
            return .handled
        }
        if let p = d.layout.node(atX: lx, y: ly), p.id != d.focusIndex {
            let id = d.nodeIds[p.id]
            if context.hasNavigatorRow(id) {
                focus = nil
                overview = false
                return .select(id: id, openGraph: true)
            }
            focus = id
            overview = false
            selectedEdge = 0
            return .handled
        }
        return .handled
    }

    public func detailsLines(context: ScreenContext, width: Int) -> [StyledLine]? {
        guard let d = cache, let e = selected(in: d) else { return nil }
        var lines = EdgeDetails.lines(e, context: context, width: width)
        if overview, d.edgeOrder.indices.contains(selectedEdge) {
            let n = d.multiplicity[d.edgeOrder[selectedEdge]]
            lines.insert([TextRun("\(n) trust edge\(n == 1 ? "" : "s") between these accounts; the worst is shown", .muted)], at: 0)
        }
        return lines
    }
}
