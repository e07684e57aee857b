import Foundation
import Inventory
import PolicyEngine
import Testing
@testable import TrustAnalysis

@Suite("Exports and suppressions")
struct ExportAndSuppressionTests {
    static let uuid = "8c1b6f0e-3c9a-4f7e-9d51-2a7b0c4e6f11"

    func vendorRole() throws -> Analysis {
        try Fixture.trusting(Fixture.allow("{\"AWS\":\"arn:aws:iam::222222222222:root\"}", condition: "{\"StringEquals\":{\"sts:ExternalId\":\"\(Self.uuid)\"}}"),
                             Fixture.allow("{\"AWS\":\"*\"}", sid: "Open"))
    }

    @Test("findings JSON has the cli.md shape, and no output ever shows the external ID")
    func findingsJSON() throws {
        let a = try vendorRole()
        let text = FindingsJSONWriter.write(a.findings)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let first = try #require((json["findings"] as? [[String: Any]])?.first)
        #expect(first["rule"] as? String == "TM-ANY-PRINCIPAL")
        #expect((first["edge"] as? [String: String])?["from"] == "*")
        #expect((json["summary"] as? [String: Int])?["critical"] == 1)
        for output in [text, SARIFWriter.write(a.findings), FindingsTextWriter.write(a.findings), DOTWriter.write(a.graph),
                       MermaidWriter.write(a.graph), GraphJSONWriter.write(a.graph)] {
            #expect(!output.contains(Self.uuid))
        }
        #expect(GraphJSONWriter.write(a.graph).contains("8c…(36)"))
    }

    @Test("SARIF is 2.1.0 with every rule and its help text")
    func sarif() throws {
        let a = try vendorRole()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(SARIFWriter.write(a.findings).utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == FindingRule.catalogue.count)
        #expect(rules.allSatisfy { (($0["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.first?["level"] as? String == "error")
    }

    @Test("DOT and Mermaid colour risky edges and label them with the glyph and requirements")
    func graphFormats() throws {
        let a = try vendorRole()
        let dot = DOTWriter.write(a.graph)
        #expect(dot.hasPrefix("digraph trustmap {"))
        #expect(dot.contains("\"*\" -> \"arn:aws:iam::111111111111:role/Target\" [color=\"#d00000\", penwidth=2, label=\"‼\""))
        #expect(dot.contains("label=\"· ExtId\"") || dot.contains("label=\"○ ExtId\""))
        let mermaid = MermaidWriter.write(a.graph)
        #expect(mermaid.hasPrefix("flowchart LR"))
        #expect(mermaid.contains("linkStyle"))
    }

    @Test("a focus keeps the neighbourhood within the depth")
    func focus() throws {
        let a = try vendorRole()
        let g = a.graph.neighbourhood(of: "222222222222", depth: 1)
        #expect(Set(g.nodes.map(\.id)) == ["222222222222", "arn:aws:iam::111111111111:role/Target"])
        // The wildcard statement also lets the role assume itself (a same-account direct match).
        #expect(Set(g.edges.map(\.from)) == ["222222222222", "arn:aws:iam::111111111111:role/Target"])
    }

    @Test("a suppressed finding is kept, marked with its reason, and no longer colours its edge")
    func suppression() throws {
        let file = """
            { "suppressions": [ { "rule": "TM-ANY-PRINCIPAL", "subject": "arn:aws:iam::111111111111:role/*", "reason": "workshop role, removed in SEC-12" } ] }
            """
        let list = try SuppressionList.parse(Array(file.utf8), fileName: "s.json")
        let a = try Fixture.analyze(Fixture.role(trust: Fixture.policy(Fixture.allow("{\"AWS\":\"*\"}"))), suppressions: list)
        let f = try #require(a.finding("TM-ANY-PRINCIPAL"))
        #expect(f.suppression == "workshop role, removed in SEC-12")
        #expect(a.edge("*")?.severity == nil)
        #expect(FindingsTextWriter.write(a.findings).contains("suppressed: workshop role"))
        #expect(FindingsJSONWriter.write(a.findings).contains("\"suppressed\": 1"))
    }

    @Test("a suppression without a reason is refused with its place")
    func suppressionNeedsReason() throws {
        let file = "{ \"suppressions\": [\n  { \"rule\": \"TM-ANY-PRINCIPAL\", \"subject\": \"x\" } ] }"
        #expect(throws: LoadDiagnostic.self) { try SuppressionList.parse(Array(file.utf8), fileName: "s.json") }
        do {
            _ = try SuppressionList.parse(Array(file.utf8), fileName: "s.json")
        } catch {
            #expect(error.line == 2)
            #expect(error.field == "suppressions[0].reason")
        }
    }

    @Test("the account matrix puts a vendor's trust in the third-party column")
    func matrix() throws {
        let a = try vendorRole()
        let m = a.accountMatrix()
        #expect(m.rows == ["111111111111"])
        #expect(m.cell(row: "111111111111", column: .thirdParty)?.edges.count == 1)
        #expect(m.cell(row: "111111111111", column: .anyone)?.severity == .critical)
    }
}
