import TerminalUI
import TrustAnalysis

/// A result list in the main pane: who can assume a role, or the role chains from a principal.
public struct ListScreen: Sendable {
    public enum Content: Sendable {
        case none
        case whoCanAssume(role: String, assumers: [Assumer])
        case paths(from: String, to: String?, chains: [[TrustEdge]])
        /// Principals a capped graph column could not show.
        case nodes(title: String, ids: [String])
    }

    public var content: Content = .none
    public var cursor = 0

    public init() {}

    public var count: Int {
        switch content {
        case .none: return 0
        case .whoCanAssume(_, let a): return a.count
        case .paths(_, _, let c): return c.count
        case .nodes(_, let ids): return ids.count
        }
    }

    public mutating func handle(_ key: Key, context: ScreenContext) -> ScreenOutcome {
        switch key {
        case .up, .character("k"): cursor = max(0, cursor - 1)
        case .down, .character("j"): cursor = min(max(0, count - 1), cursor + 1)
        case .pageUp: cursor = max(0, cursor - 10)
        case .pageDown: cursor = min(max(0, count - 1), cursor + 10)
        case .home: cursor = 0
        case .end: cursor = max(0, count - 1)
        case .enter:
            switch content {
            case .whoCanAssume(_, let a) where a.indices.contains(cursor):
                let id = a[cursor].node.id
                if context.hasNavigatorRow(id) {
                    return .select(id: id, openGraph: true)
                }
                return .message("\(id) is outside the inventory", isError: false)
            case .paths(_, _, let chains) where chains.indices.contains(cursor):
                if let last = chains[cursor].last { return .select(id: last.to, openGraph: true) }
            case .nodes(_, let ids) where ids.indices.contains(cursor):
                return .select(id: ids[cursor], openGraph: true)
            default: break
            }
        case .character("s"):
            if case .whoCanAssume(let role, let a) = content, a.indices.contains(cursor) {
                return .simulate(principal: a[cursor].node.id, role: role)
            }
            return .notHandled
        default:
            return .notHandled
        }
        return .handled
    }

    public func title(context: ScreenContext) -> String {
        switch content {
        case .none: return "Results"
        case .whoCanAssume(let role, let a): return "Who can assume \(Self.short(role)) · \(a.count)"
        case .paths(let from, let to, let c): return "Paths from \(Self.short(from))" + (to.map { " to \(Self.short($0))" } ?? "") + " · \(c.count)"
        case .nodes(let title, _): return title
        }
    }

    static func short(_ id: String) -> String {
        id.split(separator: "/").last.map(String.init) ?? id
    }

    func lines(context: ScreenContext) -> [(StyledLine, Int)] {
        var out: [(StyledLine, Int)] = []
        switch content {
        case .none:
            out.append(([TextRun("Nothing to show.", .muted)], -1))
        case .whoCanAssume(_, let assumers):
            if assumers.isEmpty { out.append(([TextRun("Nobody can assume this role.", .muted)], -1)) }
            for (i, a) in assumers.enumerated() {
                let sev = a.edge.severity
                let glyph = sev?.glyph ?? " "
                var line: StyledLine = [
                    TextRun(glyph + " ", SeverityStyle.role(sev)),
                    TextRun(DisplayWidth.pad(a.node.kind.rawValue, to: 10), .muted),
                    TextRun(a.node.label, .text),
                ]
                if a.node.id != a.node.label { line.append(TextRun("  " + a.node.id, .muted)) }
                out.append((line, i))
                let req = a.edge.requires.map { $0.text }
                out.append(([TextRun("      " + a.edge.action + (req.isEmpty ? "" : " — requires " + req.joined(separator: ", ")), .muted)], i))
            }
        case .nodes(_, let ids):
            for (i, id) in ids.enumerated() {
                let n = context.analysis.graph.node(id: id)
                let sev = context.analysis.worstSeverity(forNode: id)
                out.append(([
                    TextRun((sev?.glyph ?? " ") + " ", SeverityStyle.role(sev)),
                    TextRun(DisplayWidth.pad(n?.kind.rawValue ?? "", to: 10), .muted),
                    TextRun(n?.label ?? id, .text),
                    TextRun("  " + id, .muted),
                ], i))
            }
        case .paths(_, _, let chains):
            if chains.isEmpty { out.append(([TextRun("No role chain found.", .muted)], -1)) }
            for (i, chain) in chains.enumerated() {
                let sev = chain.compactMap(\.severity).max()
                var line: StyledLine = [TextRun((sev?.glyph ?? " ") + " ", SeverityStyle.role(sev)), TextRun("\(chain.count) hop\(chain.count == 1 ? "" : "s"): ", .muted)]
                if let first = chain.first { line.append(TextRun(Self.short(first.from), .text)) }
                for hop in chain {
                    let req = hop.requires.map(\.label).joined(separator: ",")
                    line.append(TextRun(" ─" + (req.isEmpty ? "" : "[\(req)]") + "▶ ", SeverityStyle.role(hop.severity)))
                    line.append(TextRun(Self.short(hop.to), .text))
                }
                out.append((line, i))
            }
        }
        return out
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let all = lines(context: context).flatMap { l, i in StyledWrap.wrap(l, width: rect.width).map { ($0, i) } }
        let firstOfCursor = all.firstIndex { $0.1 == cursor } ?? 0
        let start = max(0, min(firstOfCursor - rect.height / 3, all.count - rect.height))
        for row in 0..<rect.height {
            let i = start + row
            guard i < all.count else { break }
            let (line, item) = all[i]
            if item == cursor {
                buffer.fill(Rect(x: rect.x, y: rect.y + row, width: rect.width, height: 1), with: Cell(" ", role: .selection))
                buffer.write(line.plainText, x: rect.x, y: rect.y + row, role: .selection, maxWidth: rect.width)
            } else {
                buffer.write(runs: line, x: rect.x, y: rect.y + row, maxWidth: rect.width)
            }
        }
    }

    public func detailsLines(context: ScreenContext, width: Int) -> [StyledLine]? {
        switch content {
        case .whoCanAssume(_, let a) where a.indices.contains(cursor):
            return EdgeDetails.lines(a[cursor].edge, context: context, width: width)
        case .paths(_, _, let chains) where chains.indices.contains(cursor):
            return chains[cursor].enumerated().flatMap { i, e in [[TextRun("Hop \(i + 1)", .title)]] + EdgeDetails.lines(e, context: context, width: width) + [[]] }
        default:
            return nil
        }
    }
}

/// A trust edge in full, for the details pane.
enum EdgeDetails {
    static func lines(_ e: TrustEdge, context: ScreenContext, width: Int) -> [StyledLine] {
        let g = context.analysis.graph
        let from = g.node(id: e.from)?.label ?? e.from
        let to = g.node(id: e.to)?.label ?? e.to
        var out: [StyledLine] = [
            [TextRun("edge ", .muted), TextRun(from, .title), TextRun(" → ", .muted), TextRun(to, .title)],
            [TextRun("from ", .muted), TextRun(e.from, .text)],
            [TextRun("to ", .muted), TextRun(e.to, .text)],
            [TextRun("action ", .muted), TextRun(e.action, .text)],
        ]
        if !e.statement.isEmpty { out.append([TextRun("statement ", .muted), TextRun(e.statement, .text)]) }
        if let s = e.severity {
            out.append([TextRun("risk ", .muted), TextRun(s.glyph + " " + s.name, SeverityStyle.role(s)), TextRun("  " + e.findingRules.joined(separator: ", "), .muted)])
        } else {
            out.append([TextRun("risk ", .muted), TextRun("no finding", .muted)])
        }
        out.append([])
        out.append([TextRun("Requires", .title)])
        if e.requires.isEmpty { out.append([TextRun("  nothing beyond the caller's own permissions", .muted)]) }
        for r in e.requires { out.append([TextRun("  • ", .muted), TextRun(r.text, r.kind == .externalID ? .secret : .text)]) }
        for f in context.analysis.findings(forSubject: e.to) where f.edge == e.ref || f.edge == nil {
            out.append([])
            out += FindingDetails.lines(f, width: width)
        }
        return out
    }
}
