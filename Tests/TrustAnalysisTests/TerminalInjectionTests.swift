import Foundation
import Inventory
import PolicyEngine
import Testing
@testable import TrustAnalysis

/// Issue #14: inventories come from other people. A role named
/// `x<ESC>[2J<ESC>[HNo findings.<ESC>[8m` must not clear the reader's screen and hide a critical finding.
@Suite("Terminal injection through the text outputs")
struct TerminalInjectionTests {
    static let hostileName = "x\u{1B}[2J\u{1B}[HNo findings.\u{1B}[8m"
    static let hostileArn = "arn:aws:iam::111111111111:role/" + hostileName
    static let escapedName = #"x\e[2J\e[HNo findings.\e[8m"#

    static func analysis() throws -> Analysis {
        try Fixture.analyze(#"""
            roles:
              - arn: "arn:aws:iam::111111111111:role/x\e[2J\e[HNo findings.\e[8m"
                trustPolicy: {"Version":"2012-10-17","Statement":[{"Sid":"Open","Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}
              - arn: "arn:aws:iam::111111111111:role/Vendor\u202Etxt.exe"
                trustPolicy: {"Version":"2012-10-17","Statement":[{"Sid":"V","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole"}]}
            """#)
    }

    /// No control or bidi character of the inventory reached the output (`allowing` what the writer itself uses).
    static func expectSafe(_ output: String, allowing layout: Set<UInt32> = [0x0A], sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = output.unicodeScalars.filter { TerminalSafe.needsEscape($0) && !layout.contains($0.value) }
        #expect(raw.isEmpty, "raw control characters \(raw.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    @Test("findings text shows the name escaped and still lists the critical finding after it")
    func findingsText() throws {
        let a = try Self.analysis()
        let text = FindingsTextWriter.write(a.findings)
        Self.expectSafe(text)
        #expect(text.contains("role/" + Self.escapedName))
        #expect(text.contains(#"role/Vendor\u202etxt.exe"#))
        #expect(text.contains("CRITICAL"))
    }

    @Test("DOT escapes the name and stays valid: every quoted string closes on its line")
    func dot() throws {
        let a = try Self.analysis()
        let dot = DOTWriter.write(a.graph)
        Self.expectSafe(dot)
        #expect(dot.contains(#"x\\e[2J\\e[HNo findings.\\e[8m"#))
        for line in dot.split(separator: "\n") {
            let unescapedQuotes = line.replacingOccurrences(of: #"\\"#, with: "").replacingOccurrences(of: #"\""#, with: "").filter { $0 == "\"" }.count
            #expect(unescapedQuotes % 2 == 0, "unbalanced quotes: \(line)")
        }
        #expect(dot.hasPrefix("digraph trustmap {\n") && dot.hasSuffix("}\n"))
    }

    @Test("Mermaid escapes the name inside its quoted label")
    func mermaid() throws {
        let a = try Self.analysis()
        let mermaid = MermaidWriter.write(a.graph)
        Self.expectSafe(mermaid)
        #expect(mermaid.contains("[\"" + Self.escapedName + "\"]"))
        for line in mermaid.split(separator: "\n") { #expect(line.filter { $0 == "\"" }.count % 2 == 0, "unbalanced quotes: \(line)") }
    }

    @Test("JSON and SARIF were already escaped by the JSON writer, and stay so")
    func jsonUnchanged() throws {
        let a = try Self.analysis()
        for json in [FindingsJSONWriter.write(a.findings), SARIFWriter.write(a.findings), GraphJSONWriter.write(a.graph)] {
            // JSON escapes every C0 character; bidi controls are legal JSON text and stay as they are (the
            // JSON outputs are for programs, and stay byte-identical).
            Self.expectSafe(json, allowing: [0x0A, 0x202E])
            #expect(json.contains(#"x\u001b[2J\u001b[HNo findings.\u001b[8m"#))
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
            #expect(parsed is [String: Any])
        }
    }
}
