import PolicyEngine

/// `findings --format sarif`: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html),
/// one result per finding, every rule of the catalogue in `tool.driver.rules` with its help text, so that
/// code-scanning dashboards show trustmap like any linter. Suppressed findings carry a SARIF suppression.
public enum SARIFWriter {
    public static func json(_ findings: [Finding], toolVersion: String = "0.1.0") -> JSONValue {
        let rules = FindingRule.catalogue
        var ruleIndex: [String: Int] = [:]
        for (i, r) in rules.enumerated() { ruleIndex[r.id] = i }
        let ruleObjects: [JSONValue] = rules.map { r in
            [
                "id": .string(r.id),
                "name": .string(pascalName(r.id)),
                "shortDescription": ["text": .string(r.title)],
                "fullDescription": ["text": .string(r.help)],
                "help": ["text": .string(r.help + "\n\nRemediation: " + r.remediation),
                         "markdown": .string(r.help + "\n\n**Remediation:** " + r.remediation)],
                "defaultConfiguration": ["level": .string(level(r.severity))],
                "properties": ["security-severity": .string(securitySeverity(r.severity)),
                               "tags": ["security", "aws-iam", "trust"]],
            ]
        }
        let results: [JSONValue] = findings.map { f in
            var o = JSONObject()
            o["ruleId"] = .string(f.rule)
            if let i = ruleIndex[f.rule] { o["ruleIndex"] = .number(String(i)) }
            o["level"] = .string(level(f.severity))
            o["message"] = ["text": .string("\(f.title): \(f.evidence)")]
            let name = f.subject.split(separator: "/").last.map(String.init) ?? f.subject
            o["locations"] = [["logicalLocations": [["name": .string(name), "fullyQualifiedName": .string(f.subject), "kind": "resource"]]]]
            var fingerprint = f.rule + "|" + f.subject
            if let e = f.edge { fingerprint += "|" + e.from }
            o["partialFingerprints"] = ["trustmap/v1": .string(fingerprint)]
            var props = JSONObject()
            props["severity"] = .string(f.severity.name)
            props["remediation"] = .string(f.remediation)
            if let e = f.edge { props["edge"] = ["from": .string(e.from), "to": .string(e.to)] }
            o["properties"] = .object(props)
            if let reason = f.suppression {
                o["suppressions"] = [["kind": "external", "justification": .string(reason)]]
            }
            return .object(o)
        }
        return [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": [
                    "name": "trustmap",
                    "version": .string(toolVersion),
                    "informationUri": "https://github.com/trustmap/trustmap",
                    "rules": .array(ruleObjects),
                ]],
                "results": .array(results),
            ]],
        ]
    }

    public static func write(_ findings: [Finding]) -> String { JSONWriter.write(json(findings)) + "\n" }

    static func level(_ s: Severity) -> String {
        switch s {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// GitHub code scanning reads `security-severity` (0–10) to rank results.
    static func securitySeverity(_ s: Severity) -> String {
        switch s {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        case .info: return "1.0"
        }
    }

    /// `TM-ANY-PRINCIPAL` → `AnyPrincipal`.
    static func pascalName(_ id: String) -> String {
        id.split(separator: "-").dropFirst().map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined()
    }
}
