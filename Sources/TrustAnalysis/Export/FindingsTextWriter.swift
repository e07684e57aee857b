import PolicyEngine

/// Findings as text for a terminal: grouped by severity, then by rule, one block per finding.
/// Inventory text (names, ARNs, evidence quoting policies) is escaped (`TerminalSafe`): a role name
/// must not be able to clear the screen or hide the findings after it.
public enum FindingsTextWriter {
    public static func write(_ findings: [Finding], width: Int = 100) -> String {
        var out = ""
        if findings.isEmpty { return "No findings.\n" }
        for severity in Severity.allCases.reversed() {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            out += "\(severity.glyph) \(severity.name.uppercased()) (\(group.count))\n"
            var rule = ""
            for f in group {
                if f.rule != rule {
                    rule = f.rule
                    out += "  \(f.rule) — \(f.title.terminalSafe)\n"
                }
                out += "    \(f.subject.terminalSafe)"
                if let e = f.edge, e.from != f.subject { out += "   ← \(e.from.terminalSafe)" }
                out += "\n"
                if let reason = f.suppression { out += "      suppressed: \(reason.terminalSafe)\n" }
                out += wrap("evidence: " + f.evidence.terminalSafe, indent: 6, width: width)
                out += wrap("fix: " + f.remediation.terminalSafe, indent: 6, width: width)
            }
            out += "\n"
        }
        out += summaryLine(findings) + "\n"
        return out
    }

    public static func summaryLine(_ findings: [Finding]) -> String {
        let active = findings.filter { !$0.isSuppressed }
        var parts = Severity.allCases.reversed().map { s in "\(active.filter { $0.severity == s }.count) \(s.name)" }
        let suppressed = findings.count - active.count
        if suppressed > 0 { parts.append("\(suppressed) suppressed") }
        return "\(active.count) finding\(active.count == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }

    static func wrap(_ text: String, indent: Int, width: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + 1 + word.count + indent > width {
                lines.append(line)
                line = "  " + word
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { pad + $0 + "\n" }.joined()
    }
}
