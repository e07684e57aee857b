import Inventory
import PolicyEngine
import TerminalUI

enum MainPaneView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, rect: Rect) {
        let focused = state.focus == .main
        let context = state.screenContext
        let inner = rect.inset(by: 1)
        func framed(_ title: String) {
            buffer.drawBox(rect, title: AppView.paneTitle(title, focused: focused), role: focused ? .focus : .border)
        }
        if let screen = state.activeScreen {
            framed(screen.title(context: context))
            screen.draw(into: &buffer, rect: inner, context: context)
            return
        }
        let (title, lines) = content(state, width: max(1, rect.width - 2))
        framed(title)
        guard !inner.isEmpty else { return }
        ScrollText.draw(lines.flatMap { StyledWrap.wrap($0, width: inner.width) }, into: &buffer, rect: inner, scroll: state.mainScroll)
    }

    static func content(_ state: AppState, width: Int) -> (String, [StyledLine]) {
        do {
            if let role = state.selectedRole {
                return ("Trust · \(role.name)", TrustSummary.lines(for: role, state: state, width: width))
            }
            if let user = state.selectedUser {
                return ("User · \(user.name)", [[TextRun("Select a role to see who can assume it.", .muted)]])
            }
            return ("Overview", estateLines(state, width: width))
        }
    }

    static func estateLines(_ state: AppState, width: Int) -> [StyledLine] {
        let inv = state.inventory
        var out: [StyledLine] = []
        if let org = inv.organization {
            out.append([TextRun("Organization ", .muted), TextRun(org.id, .title)])
            out.append([TextRun("\(org.scps.count) SCPs · \(org.rcps.count) RCPs", .muted)])
            out.append([])
        }
        out.append([TextRun("Accounts", .title), TextRun("  (r roles, u users)", .muted)])
        for entry in state.navigatorIndex.accounts {
            let a = entry.account
            let kind = a.inOrganization ? "org" : (a.thirdParty ? "3rd party" : "unknown")
            out.append([
                TextRun("  " + DisplayWidth.pad(a.displayName, to: 19), .text),
                TextRun(" " + a.id, .muted),
                TextRun(" " + DisplayWidth.pad(kind, to: 9), kind == "org" ? .muted : .info),
                TextRun(" \(entry.roles.count)r \(entry.users.count)u", .muted),
            ])
        }
        return out
    }
}

/// A role's trust policy in words: who may assume it, how, and under which conditions.
enum TrustSummary {
    static func lines(for role: Role, state: AppState, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        let doc = role.trustPolicy
        if doc.statements.isEmpty {
            return [[TextRun("The trust policy has no statement: nobody can assume this role.", .muted)]]
        }
        for s in doc.statements {
            let (mark, role_): (String, StyleRole) = {
                switch s.effect {
                case .allow: return ("✓ Allow", .allowed)
                case .deny: return ("✗ Deny", .denied)
                case .invalid: return ("? Invalid effect", .invalid)
                }
            }()
            let actions = s.actions?.joined(separator: ", ") ?? ("all but " + (s.notActions?.joined(separator: ", ") ?? "?"))
            out.append([TextRun(mark + " ", role_), TextRun(actions, .text), TextRun("  statement \(s.label)", .muted)])
            if let p = s.principal {
                if p.isAnyone {
                    out.append([TextRun("    from ", .muted), TextRun("anyone (\"*\")", .high)])
                }
                for entry in p.entries {
                    for v in entry.values {
                        out.append([TextRun("    from ", .muted), TextRun(describePrincipal(type: entry.type, value: v, state: state), .text)])
                    }
                }
            }
            if s.notPrincipal != nil { out.append([TextRun("    NotPrincipal (IAM refuses this in a trust policy)", .medium)]) }
            for c in s.conditions {
                let secret = Secret.isSecretKey(c.key.lowercased())
                let values = c.values.map { secret ? Secret.display($0, reveal: state.revealSecrets) : $0 }.joined(separator: " | ")
                out.append([
                    TextRun("    when ", .muted), TextRun(c.key, .key), TextRun(" \(c.operatorName) ", .muted),
                    TextRun(values, secret ? .secret : .string),
                ])
            }
            out.append([])
        }
        return out
    }

    static func describePrincipal(type: String, value: String, state: AppState) -> String {
        switch type {
        case "AWS":
            if value == "*" { return "any AWS principal (\"*\")" }
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            let account: String? = value.count == 12 && value.allSatisfy(\.isNumber) ? value : (parts.count == 6 && parts[5] == "root" ? String(parts[4]) : nil)
            if let account {
                return "account \(DetailsView.accountDescription(account, state: state))"
            }
            if value.hasPrefix("AROA") || value.hasPrefix("AIDA") { return "unique id \(value) (a deleted principal?)" }
            return value
        case "Service": return "service \(value)"
        case "Federated": return "federated \(value)"
        default: return "\(type) \(value)"
        }
    }
}
