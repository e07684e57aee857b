import Foundation
import Inventory
import Testing
@testable import TrustAnalysis

/// Our `can-assume` edges must include PMapper's (../shared/data/pmapper-reference), except where its
/// README explains PMapper is wrong. Principals PMapper treats as administrators are in the
/// `edges-include-admins` files; we compare against those, the larger set.
@Suite("PMapper reference edges")
struct PMapperReferenceTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data").path
    static let available = FileManager.default.fileExists(atPath: data + "/pmapper-reference/README.md")

    /// Reference file → the inventory it was computed from.
    static let cases: [(reference: String, input: String)] = [
        ("awscli-examples_iam-get-account-authorization-details.edges-include-admins.json", "external/awscli-examples/iam-get-account-authorization-details.json"),
        ("cloudmapper_iam-get-account-authorization-details.edges-include-admins.json", "external/cloudmapper/iam-get-account-authorization-details.json"),
        ("cloudsplaining_example-authz-details.edges-include-admins.json", "external/cloudsplaining/example-authz-details.json"),
        ("cloudsplaining_example-urlencoded.edges-include-admins.json", "external/cloudsplaining/example-urlencoded.json"),
        ("cloudsplaining_example.edges-include-admins.json", "external/cloudsplaining/example.json"),
        ("cloudsplaining_example_authz_details_for_overrides_complete.edges-include-admins.json", "external/cloudsplaining/example_authz_details_for_overrides_complete.json"),
        ("cloudsplaining_example_authz_v2.edges-include-admins.json", "external/cloudsplaining/example_authz_v2.json"),
        ("synthetic_org-1x5x5-seed1.edges.json", "synthetic/org-1x5x5-seed1/inventory.json"),
        ("synthetic_org-5x20x10-seed1.edges.json", "synthetic/org-5x20x10-seed1/inventory.json"),
    ]

    /// PMapper edges we deliberately do not have, each with the reason (README item or AWS rule).
    static let knownDifferences: [String: String] = [:]

    @Test("our edges include every PMapper edge", .enabled(if: available, "../shared/data/pmapper-reference is absent"),
          arguments: cases.map(\.reference))
    func includesPMapper(reference: String) throws {
        let input = Self.cases.first { $0.reference == reference }!.input
        let raw = try #require(FileManager.default.contents(atPath: Self.data + "/pmapper-reference/" + reference))
        let json = try #require(try JSONSerialization.jsonObject(with: raw) as? [String: Any])
        let edges = try #require(json["edges"] as? [[String: Any]])
        let report = InventoryLoader.load(paths: [Self.data + "/" + input])
        try #require(report.isUsable, "\(input) does not load: \(report.errors)")
        let analysis = Analysis.analyze(report.inventory, at: 1_796_083_200)
        var missing: [String] = []
        for e in edges {
            let from = e["source"] as! String, to = e["destination"] as! String
            // Drawn, or behind a `*` trust statement (the graph draws those from anyone or the account).
            let ours = analysis.assumeRoleEdge(from: from, to: to) != nil
            if !ours && Self.knownDifferences[from + " -> " + to] == nil { missing.append(from + " -> " + to) }
        }
        #expect(missing.isEmpty, "\(reference): \(missing.count) of \(edges.count) PMapper edges missing: \(missing.prefix(10))")
        print("PMapper \(reference): \(edges.count) edges, all included; ours: \(analysis.graph.edges.count)")
    }

    @Test("skipped visibly when the reference data is absent", .enabled(if: !available))
    func skipped() {
        print("skipped: PMapper reference comparison (../shared/data/pmapper-reference not found)")
    }
}
