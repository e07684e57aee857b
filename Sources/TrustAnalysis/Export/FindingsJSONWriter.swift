import PolicyEngine

/// `findings --format json` (cli.md): the findings and a summary of the active ones per severity.
/// A suppressed finding carries `"suppressed": "<reason>"` and is counted under `summary.suppressed`.
public enum FindingsJSONWriter {
    public static func json(_ findings: [Finding]) -> JSONValue {
        var list: [JSONValue] = []
        for f in findings {
            var o = JSONObject()
            o["rule"] = .string(f.rule)
            o["severity"] = .string(f.severity.name)
            o["title"] = .string(f.title)
            o["subject"] = .string(f.subject)
            if let e = f.edge { o["edge"] = ["from": .string(e.from), "to": .string(e.to)] }
            o["evidence"] = .string(f.evidence)
            o["remediation"] = .string(f.remediation)
            if let reason = f.suppression { o["suppressed"] = .string(reason) }
            list.append(.object(o))
        }
        var summary = JSONObject()
        for s in Severity.allCases.reversed() {
            summary[s.name] = .number(String(findings.filter { $0.severity == s && !$0.isSuppressed }.count))
        }
        summary["suppressed"] = .number(String(findings.filter(\.isSuppressed).count))
        return ["findings": .array(list), "summary": .object(summary)]
    }

    public static func write(_ findings: [Finding]) -> String { JSONWriter.write(json(findings)) + "\n" }
}
