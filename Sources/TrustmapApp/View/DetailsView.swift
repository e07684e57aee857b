import Foundation
import Inventory
import PolicyEngine
import TerminalUI

enum DetailsView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, rect: Rect) {
        let focused = state.focus == .details
        buffer.drawBox(rect, title: AppView.paneTitle("Details", focused: focused), role: focused ? .focus : .border)
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return }
        let lines = content(state, width: inner.width).flatMap { StyledWrap.wrap($0, width: inner.width) }
        ScrollText.draw(lines, into: &buffer, rect: inner, scroll: state.detailsScroll)
    }

    static func content(_ state: AppState, width: Int) -> [StyledLine] {
        let reveal = state.revealSecrets
        // While a main-view screen has the focus, the details follow its selection (edge, finding, cell, result).
        if state.focus == .main || state.mainView == .simulate {
            if let lines = state.activeScreen?.detailsLines(context: state.screenContext, width: width) { return lines }
        }
        if let role = state.selectedRole { return roleLines(role, state: state, width: width, reveal: reveal) }
        if let user = state.selectedUser { return userLines(user, state: state, width: width, reveal: reveal) }
        if let id = state.selection?.accountId { return accountLines(id, state: state, width: width) }
        return [[TextRun("Nothing selected.", .muted)]]
    }

    static func field(_ name: String, _ value: String, _ role: StyleRole = .text, width: Int) -> [StyledLine] {
        let label = name + " "
        let wrapped = TextWrap.wrap(value, width: max(1, width - DisplayWidth.of(label)))
        var out: [StyledLine] = []
        for (i, w) in wrapped.enumerated() {
            out.append([TextRun(i == 0 ? label : String(repeating: " ", count: DisplayWidth.of(label)), .muted), TextRun(w, role)])
        }
        return out
    }

    static func accountDescription(_ id: String, state: AppState) -> String {
        guard let a = state.inventory.account(id: id) else { return "\(id) (not listed: unknown external)" }
        let kind = a.inOrganization ? "organization" : (a.thirdParty ? "third party" : (a.isListed ? "external" : "unknown external"))
        return "\(a.displayName) (\(a.id)) · \(kind)"
    }

    static func roleLines(_ role: Role, state: AppState, width: Int, reveal: Bool) -> [StyledLine] {
        var out: [StyledLine] = [[TextRun("role ", .muted), TextRun(role.name, .title)]]
        out += field("arn", role.arn, width: width)
        out += field("account", accountDescription(role.accountId, state: state), width: width)
        if let d = role.description { out += field("about", d, width: width) }
        out += field("session", "up to \(DurationText.describe(seconds: role.maxSessionDuration))", width: width)
        out += field("last used", DurationText.lastUsed(role.lastUsed, now: state.now), width: width)
        if let id = role.uniqueId { out += field("unique id", id, .muted, width: width) }
        if !role.tags.isEmpty {
            out += field("tags", role.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "), width: width)
        }
        out.append([])
        out.append([TextRun("Trust policy", .title)])
        out += PolicyFormatter.lines(role.trustPolicy.raw, reveal: reveal)
        for issue in role.trustPolicy.issues {
            for l in TextWrap.wrap("⚠ " + issue.description, width: width) { out.append([TextRun(l, .medium)]) }
        }
        out.append([])
        out.append([TextRun("Identity policies (\(role.policies.count))", .title)])
        out += policyList(role.policies, width: width)
        out.append([])
        if let b = role.permissionsBoundary {
            out.append([TextRun("Permissions boundary ", .title), TextRun(b.name, .text)])
        } else {
            out.append([TextRun("Permissions boundary ", .title), TextRun("none", .muted)])
        }
        return out
    }

    static func policyList(_ policies: [AttachedPolicy], width: Int) -> [StyledLine] {
        if policies.isEmpty { return [[TextRun("  none", .muted)]] }
        return policies.map { p in
            var line: StyledLine = [TextRun("  " + p.name, .text), TextRun(" " + p.origin, .muted)]
            if p.document == nil { line.append(TextRun(" (document unknown)", .medium)) }
            return line
        }
    }

    static func userLines(_ user: User, state: AppState, width: Int, reveal: Bool) -> [StyledLine] {
        var out: [StyledLine] = [[TextRun("user ", .muted), TextRun(user.name, .title)]]
        out += field("arn", user.arn, width: width)
        out += field("account", accountDescription(user.accountId, state: state), width: width)
        if let m = user.mfaDevices { out += field("MFA", m > 0 ? "\(m) device(s)" : "✗ no MFA device", m > 0 ? .text : .medium, width: width) }
        if !user.groups.isEmpty { out += field("groups", user.groups.joined(separator: ", "), width: width) }
        if let id = user.uniqueId { out += field("unique id", id, .muted, width: width) }
        out.append([])
        out.append([TextRun("Identity policies (\(user.policies.count))", .title)])
        out += policyList(user.policies, width: width)
        for p in user.policies {
            guard let doc = p.document else { continue }
            out.append([])
            out.append([TextRun(p.name, .key)])
            out += PolicyFormatter.lines(doc.raw, reveal: reveal)
        }
        return out
    }

    static func accountLines(_ id: String, state: AppState, width: Int) -> [StyledLine] {
        let entry = state.navigatorIndex.accountPosition[id].map { state.navigatorIndex.accounts[$0] }
        var out: [StyledLine] = [[TextRun("account ", .muted), TextRun(entry?.account.displayName ?? id, .title)]]
        out += field("id", id, width: width)
        out += field("kind", accountDescription(id, state: state), width: width)
        if let ou = entry?.account.ou { out += field("OU", ou, width: width) }
        out += field("roles", "\(entry?.roles.count ?? 0)", width: width)
        out += field("users", "\(entry?.users.count ?? 0)", width: width)
        if let org = state.inventory.organization, org.managementAccount == id {
            out += field("role", "management account of \(org.id)", .info, width: width)
        }
        return out
    }
}

/// Wraps a styled line at a width; continuation lines keep the line's indentation plus two spaces,
/// so a pretty-printed policy stays readable in a narrow pane and no value is cut off.
enum StyledWrap {
    static func wrap(_ line: StyledLine, width: Int) -> [StyledLine] {
        guard width > 4, line.displayWidth > width else { return [line] }
        let indent = min(width / 2, line.plainText.prefix { $0 == " " }.count + 2)
        var out: [StyledLine] = []
        var current: StyledLine = []
        var used = 0
        for run in line {
            var rest = Substring(run.text)
            while !rest.isEmpty {
                if used >= width {
                    out.append(current)
                    current = [TextRun(String(repeating: " ", count: indent), .text)]
                    used = indent
                }
                var piece = ""
                var w = 0
                for c in rest {
                    let cw = DisplayWidth.of(c)
                    if used + w + cw > width { break }
                    piece.append(c)
                    w += cw
                }
                if piece.isEmpty {
                    // Not even one character fits on this line: start a new one.
                    used = width
                    continue
                }
                current.append(TextRun(piece, run.role, emphasis: run.emphasis))
                used += w
                rest = rest.dropFirst(piece.count)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}

/// Draws styled lines into a rectangle from a scroll offset, with a position marker when they overflow.
enum ScrollText {
    static func draw(_ lines: [StyledLine], into buffer: inout ScreenBuffer, rect: Rect, scroll: Int) {
        let start = min(scroll, max(0, lines.count - rect.height))
        for row in 0..<rect.height {
            let i = start + row
            guard i < lines.count else { break }
            buffer.write(runs: lines[i], x: rect.x, y: rect.y + row, maxWidth: rect.width)
        }
        // The position goes into the pane's bottom border, where it hides no content.
        if lines.count > rect.height, rect.width > 12 {
            let marker = " \(start + 1)–\(min(lines.count, start + rect.height))/\(lines.count)" + (start + rect.height < lines.count ? " ↓ " : " ")
            buffer.write(marker, x: rect.maxX - DisplayWidth.of(marker) - 1, y: rect.maxY, role: .muted)
        }
    }
}

/// Durations and dates in words, from a given "now" (never the wall clock).
enum DurationText {
    static func describe(seconds: Int) -> String {
        if seconds % 3600 == 0 { return "\(seconds / 3600) h" }
        if seconds % 60 == 0 { return "\(seconds / 60) min" }
        return "\(seconds) s"
    }

    static func date(_ epoch: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }

    static func lastUsed(_ l: LastUsed, now: Int64) -> String {
        switch l {
        case .unknown: return "unknown"
        case .never: return "never"
        case .at(let t):
            let days = (now - t) / 86_400
            return "\(date(t)) (\(days) days ago)"
        }
    }
}
