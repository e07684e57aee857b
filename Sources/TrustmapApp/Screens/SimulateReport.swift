import PolicyEngine
import TerminalUI

/// A simulation result laid out for reading aloud: the decision as a banner, the deciding step and
/// reason, every step, policy, statement and condition with ✓/✗ and the values compared, then what
/// would flip the decision and what was assumed. Secrets are masked unless revealed.
enum SimulateReport {
    /// The style role of a decision: the colour half of "colour and glyph".
    static func role(_ d: Decision) -> StyleRole {
        switch d {
        case .allowed: return .allowed
        case .denied: return .denied
        case .invalid: return .invalid
        }
    }

    static func glyph(_ d: Decision) -> String {
        switch d {
        case .allowed: return "✓"
        case .denied: return "✗"
        case .invalid: return "?"
        }
    }

    /// Three solid rows in the decision's role, the word spaced out in the middle: readable across a room,
    /// and in mono the reverse video and the glyph still say it.
    static func banner(_ d: Decision, width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        let r = role(d)
        let emphasis: Emphasis = [.reverse, .bold]
        let word = d.rawValue.uppercased()
        let spaced = word.map(String.init).joined(separator: " ")
        var text = "\(glyph(d))  \(spaced)  \(glyph(d))"
        if DisplayWidth.of(text) > width { text = "\(glyph(d)) \(word)" }
        text = DisplayWidth.truncate(text, to: width)
        let left = max(0, (width - DisplayWidth.of(text)) / 2)
        let middle = String(repeating: " ", count: left) + text
        let blank = String(repeating: " ", count: width)
        return [
            [TextRun(blank, r, emphasis: emphasis)],
            [TextRun(DisplayWidth.pad(middle, to: width), r, emphasis: emphasis)],
            [TextRun(blank, r, emphasis: emphasis)],
        ]
    }

    /// Everything under the banner, unwrapped (callers wrap to their width).
    static func body(_ result: SimulationResult, requestLine: String, reveal: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        let decisionRole = role(result.decision)
        if let step = result.decidingStep {
            out.append([TextRun("decided by ", .muted), TextRun(step.rawValue, decisionRole, emphasis: .bold)])
        }
        out.append([TextRun(result.reason, .text)])
        out.append([TextRun(requestLine, .muted)])
        if let s = result.session {
            out.append([TextRun("session ", .muted), TextRun(s.arn, .text), TextRun(" for \(DurationText.describe(seconds: s.durationSeconds))", .muted)])
        }
        out.append([])
        out.append([TextRun("Trace", .title)])
        out += trace(result, reveal: reveal)
        out += hintLines(result)
        out += assumptionLines(result)
        return out
    }

    static func hintLines(_ result: SimulationResult) -> [StyledLine] {
        guard result.decision != .allowed, !result.hints.isEmpty else { return [] }
        var out: [StyledLine] = [[], [TextRun("To change the outcome", .title)]]
        for h in result.hints {
            out.append([TextRun("  • ", .muted), TextRun(h.text, .text)])
            if !h.callerCanMake {
                out.append([TextRun("      not changeable by the caller (\(changerWords(h.changer)))", .muted)])
            }
        }
        return out
    }

    static func assumptionLines(_ result: SimulationResult) -> [StyledLine] {
        guard !result.assumptions.isEmpty else { return [] }
        var out: [StyledLine] = [[], [TextRun("Assumptions", .title)]]
        for a in result.assumptions { out.append([TextRun("  ? ", .warning), TextRun(a, .text)]) }
        return out
    }

    static func changerWords(_ c: Hint.Changer) -> String {
        switch c {
        case .caller: return "the caller"
        case .callerAccount: return "only the caller account's administrators"
        case .roleOwner: return "only the role's owner"
        case .organization: return "only the organization"
        }
    }

    static func stepMark(_ o: StepOutcome) -> (String, StyleRole) {
        switch o {
        case .pass, .allow: return ("✓", .allowed)
        case .fail, .deny, .implicitDeny: return ("✗", .denied)
        case .assumed: return ("?", .warning)
        case .notApplicable, .skipped: return ("·", .muted)
        }
    }

    static func trace(_ result: SimulationResult, reveal: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        let decidingIndex = result.decidingStep.flatMap { kind in result.steps.lastIndex { $0.kind == kind } }
        for (i, step) in result.steps.enumerated() {
            let (mark, markRole) = stepMark(step.outcome)
            let quiet = step.outcome == .skipped || step.outcome == .notApplicable
            var head: StyledLine = [TextRun(mark + " ", markRole), TextRun(step.kind.rawValue, quiet ? .muted : .key, emphasis: i == decidingIndex ? .bold : [])]
            if let action = step.action { head.append(TextRun(" [\(action)]", .muted)) }
            head.append(TextRun(" · " + step.outcome.words, quiet ? .muted : markRole))
            if i == decidingIndex {
                head.append(TextRun("  ◀ decided here", role(result.decision), emphasis: .bold))
            }
            out.append(head)
            if !step.detail.isEmpty { out.append([TextRun("    " + step.detail, .muted)]) }
            for p in step.policies {
                var ph: StyledLine = [TextRun("    policy ", .muted), TextRun(p.name, .text)]
                if let level = p.level { ph.append(TextRun(" (attached at \(level))", .muted)) }
                let (_, pRole) = stepMark(p.outcome)
                ph.append(TextRun(" · " + p.outcome.words, pRole))
                out.append(ph)
                for s in p.statements { out += statementLines(s, reveal: reveal) }
            }
        }
        return out
    }

    static func statementLines(_ s: StatementTrace, reveal: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        let isDeny = s.effect == "Deny"
        let mark = s.matched ? "✓" : "✗"
        let markRole: StyleRole = s.matched ? (isDeny ? .denied : .allowed) : .muted
        out.append([
            TextRun("      \(mark) ", markRole), TextRun("statement \(s.label) ", .text), TextRun(s.effect, isDeny ? .denied : .text),
            TextRun(s.matched ? " · applies" : " · does not apply", s.matched ? markRole : .muted),
        ])
        func element(_ name: String, _ m: ElementMatch) -> StyledLine {
            [TextRun("          " + DisplayWidth.pad(name, to: 10), .muted), TextRun(m.matched ? "✓ " : "✗ ", m.matched ? .allowed : .denied), TextRun(m.by, .text)]
        }
        if let p = s.principal { out.append(element("principal", p)) }
        out.append(element("action", s.action))
        if let r = s.resource { out.append(element("resource", r)) }
        for c in s.conditions {
            out.append([
                TextRun("          " + DisplayWidth.pad("condition", to: 10), .muted), TextRun(c.result ? "✓ " : "✗ ", c.result ? .allowed : .denied),
                TextRun(c.operatorName + " ", .text), TextRun(c.key, .key),
            ])
            let valueRole: StyleRole = c.isSecret ? .secret : .string
            let policyValues = c.displayed(c.policyValues, revealSecrets: reveal).map { "'\($0)'" }.joined(separator: ", ")
            out.append([TextRun("              policy  ", .muted), TextRun(policyValues.isEmpty ? "(none)" : policyValues, valueRole)])
            if let rv = c.requestValues {
                let shown = c.displayed(rv, revealSecrets: reveal).map { "'\($0)'" }.joined(separator: ", ")
                out.append([TextRun("              request ", .muted), TextRun(shown.isEmpty ? "(empty)" : shown, valueRole)])
            } else {
                out.append([TextRun("              request ", .muted), TextRun("(absent from the request)", .medium)])
            }
            if let note = c.note { out.append([TextRun("              " + note, .muted)]) }
        }
        return out
    }
}

extension SimulateReport {
    /// Wraps a styled line by words (a reason or an ARN is read more easily whole); continuation lines
    /// keep the line's indentation plus two. Words longer than a line are cut.
    static func wrap(_ line: StyledLine, width: Int) -> [StyledLine] {
        guard width > 4, line.displayWidth > width else { return [line] }
        let leading = line.plainText.prefix { $0 == " " }.count
        let indent = min(width / 2, leading + 2)
        var out: [StyledLine] = []
        var current: StyledLine = []
        var used = 0
        var atLineStart = true
        func newLine() {
            out.append(current)
            current = [TextRun(String(repeating: " ", count: indent), .text)]
            used = indent
            atLineStart = true
        }
        for run in line {
            // Words and the spaces between them, each kept with the run's style.
            var tokens: [String] = []
            var token = ""
            for c in run.text {
                if (c == " ") != (token.last == " "), !token.isEmpty {
                    tokens.append(token)
                    token = ""
                }
                token.append(c)
            }
            if !token.isEmpty { tokens.append(token) }
            for t in tokens {
                let w = DisplayWidth.of(t)
                if t.first == " " {
                    if out.isEmpty && atLineStart {
                        // The original line's own indentation.
                        current.append(TextRun(DisplayWidth.truncate(t, to: width - 1), run.role, emphasis: run.emphasis))
                        used += min(w, width - 1)
                    } else if !atLineStart {
                        if used + w <= width {
                            current.append(TextRun(t, run.role, emphasis: run.emphasis))
                            used += w
                        } else {
                            newLine()
                        }
                    }
                    continue
                }
                if used + w > width {
                    if w <= width - indent { newLine() }
                }
                var rest = Substring(t)
                while !rest.isEmpty {
                    if used >= width { newLine() }
                    var piece = ""
                    var pw = 0
                    for c in rest {
                        let cw = DisplayWidth.of(c)
                        if used + pw + cw > width { break }
                        piece.append(c)
                        pw += cw
                    }
                    if piece.isEmpty {
                        if atLineStart { break }
                        newLine()
                        continue
                    }
                    current.append(TextRun(piece, run.role, emphasis: run.emphasis))
                    used += pw
                    atLineStart = false
                    rest = rest.dropFirst(piece.count)
                }
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
