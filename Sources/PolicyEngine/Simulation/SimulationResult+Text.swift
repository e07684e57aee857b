extension SimulationResult {
    /// A trace a reviewer can read aloud: the decision and reason first, then each step with ✓/✗,
    /// each statement and condition (policy values beside request values), assumptions and hints.
    /// ANSI colour only when `colour` is set. Everything that comes from the request or the inventory
    /// (names, ARNs, Sids, condition values, explanations quoting them) is escaped (`TerminalSafe`).
    public func renderText(revealSecrets: Bool, colour: Bool) -> String {
        func safe(_ s: String) -> String { TerminalSafe.escape(s) }
        func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let good = "32", bad = "31", dim = "2", bold = "1", warn = "33"
        var out = ""
        let headColour = decision == .allowed ? good : (decision == .denied ? bad : warn)
        out += paint(decision.rawValue.uppercased(), "\(bold);\(headColour)") + "  " + safe(reason) + "\n"
        out += paint("  \(request.action.rawValue) \(safe(request.principal ?? callerLabel)) → \(safe(request.role))", dim) + "\n"
        if let session {
            out += "  session: \(safe(session.arn)) for \(session.durationSeconds)s\n"
        }
        for a in assumptions { out += paint("  assumption: ", warn) + safe(a) + "\n" }
        out += "\n"
        for step in steps {
            let mark: String
            switch step.outcome {
            case .pass, .allow: mark = paint("✓", good)
            case .fail, .deny, .implicitDeny: mark = paint("✗", bad)
            case .assumed: mark = paint("?", warn)
            case .notApplicable, .skipped: mark = paint("·", dim)
            }
            var head = "\(mark) \(step.kind.rawValue)"
            if let action = step.action { head += " [\(safe(action))]" }
            out += head + ": " + step.outcome.words + " — " + safe(step.detail) + "\n"
            for p in step.policies {
                var ph = "    policy \(safe(p.name))"
                if let level = p.level { ph += " (attached at \(safe(level)))" }
                out += ph + ": " + p.outcome.words + "\n"
                for s in p.statements {
                    let sm = s.matched ? paint("✓", s.effect == "Deny" ? bad : good) : paint("✗", dim)
                    out += "      \(sm) statement \(safe(s.label)) \(safe(s.effect)): \(s.matched ? "applies" : "does not apply")\n"
                    if let pr = s.principal { out += "          principal \(pr.matched ? "✓" : "✗") \(safe(pr.by))\n" }
                    out += "          action \(s.action.matched ? "✓" : "✗") \(safe(s.action.by))\n"
                    if let r = s.resource { out += "          resource \(r.matched ? "✓" : "✗") \(safe(r.by))\n" }
                    for c in s.conditions {
                        let pv = c.displayed(c.policyValues, revealSecrets: revealSecrets).map { "'\(safe($0))'" }.joined(separator: ", ")
                        let rv = c.requestValues.map { c.displayed($0, revealSecrets: revealSecrets).map { "'\(safe($0))'" }.joined(separator: ", ") } ?? "absent"
                        out += "          condition \(c.result ? paint("✓", good) : paint("✗", bad)) \(safe(c.operatorName)) \(safe(c.key)): policy [\(pv)] vs request [\(rv)]"
                        if let note = c.note { out += " (\(safe(note)))" }
                        out += "\n"
                    }
                }
            }
        }
        if decision != .allowed && !hints.isEmpty {
            out += "\nTo change the outcome:\n"
            for h in hints {
                out += "  • " + safe(h.text) + (h.callerCanMake ? "" : paint(" — not changeable by the caller (\(h.changer.rawValue))", dim)) + "\n"
            }
        }
        return out
    }

    private var callerLabel: String {
        if let w = request.webIdentity { return "web identity from \(w.provider)" }
        if let s = request.saml { return "SAML via \(s.provider)" }
        return "(no principal)"
    }
}
