import TerminalUI
import TrustAnalysis

/// The findings view: every finding, filterable by severity, rule and account, sortable; Enter jumps
/// to the subject.
public struct FindingsScreen: Sendable {
    public enum SortOrder: String, Sendable, CaseIterable {
        case severity, rule, subject, account
    }

    public var minimumSeverity: Severity = .info
    public var rule: String?
    public var account: String?
    public var sort: SortOrder = .severity
    public var cursor = 0
    public var scroll = 0
    public var showSuppressed = true

    /// The positions (into `analysis.findings`) shown for the current filters and order, kept until they
    /// change. Indices, not copies: copying tens of thousands of findings cost whole frames.
    private var cached: (key: String, indices: [Int])?
    /// Every finding's position in each order but severity (the analysis' own), sorted once when the order
    /// is first chosen: every later filter reads the order in one pass instead of sorting again. (The
    /// first choice of an order still pays its sort: 12.6 ms at 3,000 accounts, about 38 ms at 10,000.)
    private var orders: [SortOrder: [Int]] = [:]

    public init() {}

    var filterKey: String {
        "\(minimumSeverity.rawValue)|\(rule ?? "")|\(account ?? "")|\(sort.rawValue)|\(showSuppressed)"
    }

    /// Computes the list for the current filters once; `update` calls it after every action.
    public mutating func prepare(_ analysis: Analysis) {
        guard cached?.key != filterKey else { return }
        if sort != .severity, orders[sort] == nil { orders[sort] = Self.order(sort, of: analysis.findings) }
        cached = (filterKey, computeIndices(analysis))
    }

    func indices(_ analysis: Analysis) -> [Int] {
        if let cached, cached.key == filterKey { return cached.indices }
        return computeIndices(analysis)
    }

    /// Every finding's position, sorted stably on the order's key (compared as UTF-8 bytes: ARNs and rule
    /// ids are ASCII) from the analysis order, which is severity, rule, subject.
    static func order(_ sort: SortOrder, of all: [Finding]) -> [Int] {
        func less(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        var out = Array(all.indices)
        switch sort {
        case .severity: break
        case .rule: out.sort { less(all[$0].rule, all[$1].rule) || (all[$0].rule == all[$1].rule && $0 < $1) }
        case .subject: out.sort { less(all[$0].subject, all[$1].subject) || (all[$0].subject == all[$1].subject && $0 < $1) }
        case .account:
            let keys = all.map { accountOf($0.subject) }
            out.sort { less(keys[$0], keys[$1]) || (keys[$0] == keys[$1] && $0 < $1) }
        }
        return out
    }

    /// The findings shown, in the chosen order.
    public func visible(_ analysis: Analysis) -> [Finding] {
        indices(analysis).map { analysis.findings[$0] }
    }

    func computeIndices(_ analysis: Analysis) -> [Int] {
        let all = analysis.findings
        let order = sort == .severity ? nil : (orders[sort] ?? Self.order(sort, of: all))
        var out: [Int] = []
        out.reserveCapacity(all.count)
        func consider(_ i: Int) {
            guard all[i].severity >= minimumSeverity else { return }
            if let rule, all[i].rule != rule { return }
            if let account, !Self.subject(all[i].subject, isInAccount: account) { return }
            if !showSuppressed, all[i].isSuppressed { return }
            out.append(i)
        }
        if let order { for i in order { consider(i) } } else { for i in all.indices { consider(i) } }
        return out
    }

    /// Whether the account field of an ARN (or the whole text, when it is not an ARN) is `account`,
    /// compared on bytes without building a string.
    static func subject(_ arn: String, isInAccount account: String) -> Bool {
        accountField(arn).utf8.elementsEqual(account.utf8)
    }

    /// The account field of an ARN (the fifth, after four colons), found on bytes.
    static func accountOf(_ arn: String) -> String {
        String(accountField(arn))
    }

    /// The account field of an ARN, or the whole text when it has fewer than five colons.
    static func accountField(_ arn: String) -> Substring {
        var colons = 0
        var start: String.UTF8View.Index?
        let u = arn.utf8
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == UInt8(ascii: ":") {
                colons += 1
                if colons == 4 {
                    start = u.index(after: i)
                } else if colons == 5, let start {
                    return arn[start..<i]
                }
            }
            i = u.index(after: i)
        }
        return arn[...]
    }

    /// Applies `:findings [--min-severity S] [--account ID] [RULE_ID]`; returns an error sentence or nil.
    public mutating func apply(arguments: [String]) -> String? {
        var min: Severity = .info
        var rule: String?
        var account: String?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            switch a {
            case "--min-severity":
                guard i + 1 < arguments.count, let s = Severity(name: arguments[i + 1]) else {
                    return "findings: --min-severity takes critical, high, medium, low or info"
                }
                min = s
                i += 1
            case "--account":
                guard i + 1 < arguments.count else { return "findings: --account takes an account id" }
                account = arguments[i + 1]
                i += 1
            default:
                if a.hasPrefix("-") { return "findings: unknown flag \(a) (known: --min-severity S, --account ID, RULE_ID)" }
                guard FindingRule.named(a.uppercased()) != nil else {
                    return "findings: no rule \(a); rules start with TM- (see ? for help)"
                }
                rule = a.uppercased()
            }
            i += 1
        }
        minimumSeverity = min
        self.rule = rule
        self.account = account
        cursor = 0
        scroll = 0
        return nil
    }

    public mutating func handle(_ key: Key, context: ScreenContext) -> ScreenOutcome {
        prepare(context.analysis)
        let list = indices(context.analysis)
        let findings = context.analysis.findings
        switch key {
        case .up, .character("k"): cursor = max(0, cursor - 1)
        case .down, .character("j"): cursor = min(max(0, list.count - 1), cursor + 1)
        case .pageUp: cursor = max(0, cursor - 10)
        case .pageDown: cursor = min(max(0, list.count - 1), cursor + 10)
        case .home: cursor = 0
        case .end: cursor = max(0, list.count - 1)
        case .character("o"):
            let all = SortOrder.allCases
            sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
            cursor = 0
            return .message("findings sorted by \(sort.rawValue)", isError: false)
        case .character("v"):
            // Cycles the minimum severity: info → low → … → critical → info.
            let all = Severity.allCases
            minimumSeverity = all[(all.firstIndex(of: minimumSeverity)! + 1) % all.count]
            cursor = 0
            return .message("showing \(minimumSeverity.name) and worse", isError: false)
        case .character("r"):
            // Filters to the rule of the finding under the cursor, or clears the rule filter.
            if rule != nil {
                rule = nil
            } else if list.indices.contains(cursor) {
                rule = findings[list[cursor]].rule
            }
            cursor = 0
        case .character("a"):
            if account != nil {
                account = nil
            } else if list.indices.contains(cursor) {
                account = Self.accountOf(findings[list[cursor]].subject)
            }
            cursor = 0
        case .enter:
            guard list.indices.contains(cursor) else { return .handled }
            return .select(id: findings[list[cursor]].subject, openGraph: true)
        default:
            return .notHandled
        }
        return .handled
    }

    public func title(context: ScreenContext) -> String {
        var parts = ["Findings"]
        if minimumSeverity > .info { parts.append("≥ \(minimumSeverity.name)") }
        if let rule { parts.append(rule) }
        if let account { parts.append("account \(account)") }
        parts.append("by \(sort.rawValue)")
        return parts.joined(separator: " · ")
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let list = indices(context.analysis)
        guard !list.isEmpty else {
            buffer.write("No findings match these filters.", x: rect.x, y: rect.y, role: .muted, maxWidth: rect.width)
            return
        }
        let rows = rect.height
        let c = min(cursor, list.count - 1)
        let start = max(0, min(c - rows / 2, list.count - rows))
        for row in 0..<rows {
            let i = start + row
            guard i < list.count else { break }
            let f = context.analysis.findings[list[i]]
            let y = rect.y + row
            let role = SeverityStyle.role(f.severity)
            // The subject's name first (what a reviewer looks for), then the rule.
            let subject = f.subject.split(separator: "/").last.map(String.init) ?? f.subject
            let nameWidth = max(12, min(26, rect.width / 3))
            let line: StyledLine = [
                TextRun(f.severity.glyph + " ", role),
                TextRun(DisplayWidth.pad(f.severity.name, to: 9), role),
                TextRun(DisplayWidth.pad(subject, to: nameWidth) + " ", .text),
                TextRun(f.rule, .muted),
                TextRun(f.isSuppressed ? "  (suppressed)" : "", .muted),
            ]
            if i == c {
                buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), with: Cell(" ", role: .selection))
                buffer.write(line.plainText, x: rect.x, y: y, role: .selection, maxWidth: rect.width)
            } else {
                buffer.write(runs: line, x: rect.x, y: y, maxWidth: rect.width)
            }
        }
    }

    public func detailsLines(context: ScreenContext, width: Int) -> [StyledLine]? {
        let list = indices(context.analysis)
        guard list.indices.contains(cursor) else { return nil }
        return FindingDetails.lines(context.analysis.findings[list[cursor]], width: width)
    }
}

/// The style role of a severity: the colour half of "colour and glyph".
public enum SeverityStyle {
    public static func role(_ s: Severity?) -> StyleRole {
        switch s {
        case .critical?: return .critical
        case .high?: return .high
        case .medium?: return .medium
        case .low?: return .low
        case .info?: return .info
        case nil: return .text
        }
    }
}

/// A finding in full, for the details pane.
enum FindingDetails {
    static func lines(_ f: Finding, width: Int) -> [StyledLine] {
        var out: [StyledLine] = [
            [TextRun(f.severity.glyph + " " + f.severity.name.uppercased(), SeverityStyle.role(f.severity)), TextRun("  " + f.rule, .muted)],
            [TextRun(f.title, .title)],
            [],
            [TextRun("subject ", .muted), TextRun(f.subject, .text)],
        ]
        if let e = f.edge { out.append([TextRun("edge ", .muted), TextRun("\(e.from) → \(e.to)", .text)]) }
        if let s = f.suppression { out.append([TextRun("suppressed ", .muted), TextRun(s, .info)]) }
        out.append([])
        out.append([TextRun("Evidence", .title)])
        out.append([TextRun(f.evidence, .text)])
        out.append([])
        out.append([TextRun("Remediation", .title)])
        out.append([TextRun(f.remediation, .text)])
        if let rule = FindingRule.named(f.rule) {
            out.append([])
            out.append([TextRun("About this rule", .title)])
            out.append([TextRun(rule.help, .muted)])
        }
        return out.flatMap { line -> [StyledLine] in
            // Long prose wraps by words.
            if line.count == 1, DisplayWidth.of(line[0].text) > width {
                return TextWrap.wrap(line[0].text, width: width).map { [TextRun($0, line[0].role)] }
            }
            return [line]
        }
    }
}
