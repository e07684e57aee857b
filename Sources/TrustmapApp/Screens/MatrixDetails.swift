import TerminalUI
import TrustAnalysis

/// The details pane for the matrix: the selected cell (both accounts, every edge behind it, its worst
/// finding with the remediation), or the edge selected in the cell's list.
enum MatrixDetails {
    /// Edges described in full before "… N more" (the list behind Enter has them all).
    static let edgeCap = 20

    static func lines(row: Int, column: Int, edgeCursor: Int?, model: MatrixModel, context: ScreenContext, width: Int) -> [StyledLine] {
        guard model.rows.indices.contains(row), model.columns.indices.contains(column) else { return [] }
        let cell = model.cell(row: row, column: column)
        let edges = cell?.edges ?? []
        var out: [StyledLine] = [[TextRun("matrix cell", .muted)]]
        out += fromLines(model.columns[column], number: column + 1, edges: edges, context: context, width: width)
        out += DetailsView.field("into", accountText(model.rows[row], context: context), width: width)
        if let cell, !edges.isEmpty {
            if let s = cell.severity {
                out += DetailsView.field("worst", s.glyph + " " + s.name, SeverityStyle.role(s), width: width)
            } else {
                out += DetailsView.field("worst", MatrixGlyph.trust + " trust without a finding", width: width)
            }
        } else {
            out.append([])
            out.append([TextRun("No trust from this column into this account.", .muted)])
            return out
        }
        out.append([])

        if let edgeCursor, edges.indices.contains(edgeCursor) {
            let e = edges[edgeCursor]
            out.append([TextRun("Edge \(edgeCursor + 1) of \(edges.count)", .title)])
            out += edgeLines(e, context: context, width: width)
            out += DetailsView.field("caller", e.from, .muted, width: width)
            out += DetailsView.field("role", e.to, .muted, width: width)
            let found = findings(on: [e], context: context)
            for f in found {
                out.append([])
                out += FindingDetails.lines(f, width: width)
            }
            out.append([])
            out.append([TextRun("Enter opens the role's graph · s simulates this edge · Esc back", .muted)])
            return out
        }

        out.append([TextRun("Edges (\(edges.count))", .title)])
        for e in edges.prefix(edgeCap) { out += edgeLines(e, context: context, width: width) }
        if edges.count > edgeCap {
            out.append([TextRun("… \(edges.count - edgeCap) more: Enter lists them all", .muted)])
        }
        let found = findings(on: edges, context: context)
        if let worst = found.first(where: { !$0.isSuppressed }) ?? found.first {
            out.append([])
            out.append([TextRun("Worst finding", .title)])
            out += FindingDetails.lines(worst, width: width)
            if found.count > 1 {
                out.append([])
                out.append([TextRun("All findings on these edges (\(found.count))", .title)])
                for f in found.prefix(edgeCap) {
                    out.append([TextRun(f.severity.glyph + " ", SeverityStyle.role(f.severity)), TextRun(f.rule, .text),
                                TextRun(" " + shortName(f.subject, context: context), .muted),
                                TextRun(f.isSuppressed ? " (suppressed)" : "", .muted)])
                }
            }
        }
        out.append([])
        out.append([TextRun(edges.count == 1 ? "Enter opens the role's graph · s simulates the edge" : "Enter lists the edges · s simulates the worst", .muted)])
        return out
    }

    /// Where the trust comes from: an account of the estate, or the outside sources of an extra column.
    static func fromLines(_ column: AccountMatrix.Column, number: Int, edges: [TrustEdge], context: ScreenContext, width: Int) -> [StyledLine] {
        switch column {
        case .account(let id):
            return DetailsView.field("from", "\(number) · " + accountText(id, context: context), width: width)
        case .anyone:
            return DetailsView.field("from", "anyone (\"*\"): any AWS principal in any account", .high, width: width)
        case .organization:
            let id = context.analysis.inventory.organization?.id ?? "the organization"
            return DetailsView.field("from", "organization \(id) (\"*\" guarded by aws:PrincipalOrgID): any principal of its other accounts whose own policies allow it", width: width)
        case .thirdParty, .unknownExternal:
            let kind = column == .thirdParty ? "third parties" : "unknown externals"
            var accounts: [String] = []
            for e in edges {
                let a = context.analysis.graph.node(id: e.from)?.account ?? e.from
                if accounts.last != a, !accounts.contains(a) { accounts.append(a) }
            }
            accounts.sort()
            var out = DetailsView.field("from", kind, width: width)
            for a in accounts.prefix(edgeCap) {
                out += DetailsView.field("    ", accountText(a, context: context), width: width)
            }
            if accounts.count > edgeCap { out.append([TextRun("     … \(accounts.count - edgeCap) more accounts", .muted)]) }
            return out
        }
    }

    /// `prod (111111111111) · organization`.
    static func accountText(_ id: String, context: ScreenContext) -> String {
        let kind: String
        switch context.analysis.trust(ofAccount: id) {
        case .organization: kind = "organization"
        case .internal: kind = "internal"
        case .thirdParty: kind = "third party"
        case .unknownExternal: kind = context.inventory.account(id: id) == nil ? "unknown external (not listed)" : "unknown external"
        }
        if let name = context.inventory.account(id: id)?.name, name != id { return "\(name) (\(id)) · \(kind)" }
        return "\(id) · \(kind)"
    }

    /// One edge: caller → role, the action, what the request must carry, the statement and the rules.
    static func edgeLines(_ e: TrustEdge, context: ScreenContext, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        let head: StyledLine = e.severity.map { [TextRun($0.glyph + " " + $0.name, SeverityStyle.role($0)), TextRun(" · " + e.action, .text)] }
            ?? [TextRun(MatrixGlyph.trust + " ", .text), TextRun(e.action, .text)]
        out.append(head)
        out.append([TextRun("  " + shortName(e.from, context: context) + " → " + shortName(e.to, context: context), .text)])
        for r in e.requires {
            out += DetailsView.field("  needs", r.text, r.kind == .externalID ? .secret : .string, width: width)
        }
        if e.requires.isEmpty { out += DetailsView.field("  needs", "nothing beyond the caller's own permission", .muted, width: width) }
        if !e.statement.isEmpty { out += DetailsView.field("  statement", e.statement, .muted, width: width) }
        if !e.findingRules.isEmpty { out += DetailsView.field("  rules", e.findingRules.joined(separator: ", "), width: width) }
        return out
    }

    /// The findings about these edges, in report order (worst first).
    static func findings(on edges: [TrustEdge], context: ScreenContext) -> [Finding] {
        let refs = Set(edges.map(\.ref))
        var seen = Set<String>()
        var out: [Finding] = []
        for e in edges where seen.insert(e.to).inserted {
            out += context.analysis.findings(forSubject: e.to).filter { $0.edge.map(refs.contains) ?? false }
        }
        return out.sorted(by: Finding.reportOrder)
    }

    /// A node id in a few words: `prod:role/Audit`, `acme-vendor:root`, `staging`, `anyone (*)`.
    static func shortName(_ id: String, context: ScreenContext) -> String {
        if id == "*" { return "anyone (*)" }
        if id == context.inventory.organization?.id { return "organization (\(id))" }
        func accountName(_ a: String) -> String { context.inventory.account(id: a)?.displayName ?? a }
        if id.count == 12, id.allSatisfy(\.isNumber) { return accountName(id) }
        let parts = id.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn", !parts[4].isEmpty {
            return accountName(String(parts[4])) + ":" + parts[5]
        }
        return id
    }
}
