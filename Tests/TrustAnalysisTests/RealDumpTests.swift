import Foundation
import Inventory
import Testing
@testable import TrustAnalysis

/// The findings on the real dumps under ../shared/data/external, as judged by hand (see the analysis
/// note): what must be flagged, and the AWS-owned roles that must not be.
@Suite("Findings on real dumps")
struct RealDumpTests {
    static let external = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/external").path
    static let available = FileManager.default.fileExists(atPath: external + "/cloudsplaining/example.json")

    func analyze(_ path: String) throws -> Analysis {
        let report = InventoryLoader.load(paths: [Self.external + "/" + path])
        try #require(report.isUsable, "\(path): \(report.errors)")
        return Analysis.analyze(report.inventory, at: 1_796_083_200)
    }

    @Test("CloudMapper's demo: bad_role trusts every AWS principal and is an administrator",
          .enabled(if: available, "../shared/data/external is absent"))
    func cloudmapper() throws {
        let a = try analyze("cloudmapper/iam-get-account-authorization-details.json")
        #expect(Set(a.findings.map(\.rule)) == ["TM-ANY-PRINCIPAL", "TM-PRIVILEGED-EXTERNAL"])
        #expect(a.findings.allSatisfy { $0.subject.hasSuffix(":role/bad_role") })
    }

    @Test("Cloudsplaining's example: the privilege-escalation chain is found; AWS service-linked roles are not blamed",
          .enabled(if: available, "../shared/data/external is absent"))
    func cloudsplaining() throws {
        let a = try analyze("cloudsplaining/example.json")
        #expect(a.findings.contains { $0.rule == "TM-CHAIN-TO-PRIVILEGED" && $0.subject.hasSuffix("role/privesc-AssumeRole-ending-role") })
        #expect(a.findings.contains { $0.rule == "TM-TRUST-REWRITE" && $0.subject.hasSuffix("user/privesc14-UpdatingAssumeRolePolicy-user") })
        #expect(!a.findings.contains { $0.subject.contains("/aws-service-role/") })
    }

    @Test("every real authorization-details dump analyses without errors",
          .enabled(if: available, "../shared/data/external is absent"),
          arguments: ["awscli-examples/iam-get-account-authorization-details.json", "cloudsplaining/example-authz-details.json",
                      "cloudsplaining/example-urlencoded.json", "cloudsplaining/example_authz_details_for_overrides_complete.json",
                      "cloudsplaining/example_authz_v2.json"])
    func everyDump(path: String) throws {
        let a = try analyze(path)
        #expect(a.findings.allSatisfy { !$0.evidence.isEmpty && FindingRule.named($0.rule) != nil })
    }

    @Test("skipped visibly when the real dumps are absent", .enabled(if: !available))
    func skipped() {
        print("skipped: findings on real dumps (../shared/data/external not found)")
    }
}
