import Foundation
import Inventory
import Testing

/// The real exports under `../shared/data` (never copied into the repository). When that folder is
/// absent these tests are skipped, and say so.
enum RealData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    static var isAvailable: Bool {
        let available = FileManager.default.fileExists(atPath: root.appendingPathComponent("external").path)
        if !available { print("note: skipping the real-data inventory tests: \(root.path) is absent") }
        return available
    }

    /// Every file below `folder`, sorted.
    static func files(under folder: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let e = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath }.sorted { $0.path < $1.path }
    }
}

@Suite("real exports", .enabled(if: RealData.isAvailable))
struct RealDataTests {
    /// Counted independently of the loader, with Foundation's JSON reader.
    private func authorizationDetailsCounts(_ url: URL) -> (roles: Int, users: Int)? {
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["RoleDetailList"] != nil || object["UserDetailList"] != nil else { return nil }
        func arns(_ key: String) -> Set<String> {
            Set((object[key] as? [[String: Any]] ?? []).compactMap { $0["Arn"] as? String })
        }
        return (arns("RoleDetailList").count, arns("UserDetailList").count)
    }

    @Test("every authorization-details dump loads with the numbers of roles and users its file holds")
    func everyDump() throws {
        var checked = 0
        for url in RealData.files(under: "external") where url.pathExtension == "json" {
            guard let expected = authorizationDetailsCounts(url) else { continue }
            let report = InventoryLoader.load(paths: [url.path])
            #expect(report.errors.isEmpty, "\(url.lastPathComponent): \(report.errors)")
            #expect(report.files.map(\.kind) == ["aws-authorization-details"], "\(url.lastPathComponent)")
            #expect(report.inventory.roles.count == expected.roles, "\(url.lastPathComponent)")
            #expect(report.inventory.users.count == expected.users, "\(url.lastPathComponent)")
            checked += 1
        }
        #expect(checked >= 15)
    }

    @Test("the URL-encoded copy of the Cloudsplaining example gives exactly the same inventory as the plain one")
    func urlEncodedCopy() {
        let plain = InventoryLoader.load(paths: [RealData.root.appendingPathComponent("external/cloudsplaining/example.json").path])
        let encoded = InventoryLoader.load(paths: [RealData.root.appendingPathComponent("external/cloudsplaining/example-urlencoded.json").path])
        #expect(plain.errors.isEmpty && encoded.errors.isEmpty)
        #expect(plain.inventory.roles.count == 78 && plain.inventory.users.count == 44)
        #expect(plain.inventory.groupCount == 5 && plain.inventory.managedPolicyCount == 84)
        #expect(encoded.inventory.roles == plain.inventory.roles)
        #expect(encoded.inventory.users == plain.inventory.users)
        #expect(encoded.inventory.accounts == plain.inventory.accounts)
        #expect(encoded.inventory.groupCount == plain.inventory.groupCount)
        #expect(encoded.inventory.managedPolicyCount == plain.inventory.managedPolicyCount)
    }

    @Test("each synthetic organization's native inventory and its gaad folder give the same roles and users")
    func syntheticNativeEqualsDumps() throws {
        for org in ["org-1x5x5-seed1", "org-5x20x10-seed1"] {
            let base = RealData.root.appendingPathComponent("synthetic/\(org)")
            let native = InventoryLoader.load(paths: [base.appendingPathComponent("inventory.json").path])
            let dumps = InventoryLoader.load(paths: [base.appendingPathComponent("gaad").path])
            #expect(native.errors.isEmpty && dumps.errors.isEmpty, "\(org)")
            #expect(native.inventory.roles.map(\.arn) == dumps.inventory.roles.map(\.arn), "\(org)")
            #expect(native.inventory.users.map(\.arn) == dumps.inventory.users.map(\.arn), "\(org)")
            #expect(native.inventory.roles.map(\.trustPolicy) == dumps.inventory.roles.map(\.trustPolicy), "\(org)")
            #expect(native.inventory.users.map(\.policies) == dumps.inventory.users.map(\.policies), "\(org)")
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: base.appendingPathComponent("manifest.json"))) as? [String: Any]
            let counts = manifest?["counts"] as? [String: Any]
            #expect(native.inventory.roles.count == counts?["roles"] as? Int, "\(org)")
            #expect(native.inventory.users.count == counts?["users"] as? Int, "\(org)")
        }
    }

    @Test("the AWS CLI Organizations examples load into one organization")
    func organizationsExamples() throws {
        let names = ["organizations-describe-organization.json", "organizations-list-accounts.json", "organizations-list-roots.json",
                     "organizations-list-organizational-units-for-parent.json", "organizations-list-policies.json", "organizations-describe-policy.json"]
        let report = InventoryLoader.load(paths: names.map { RealData.root.appendingPathComponent("external/awscli-examples/\($0)").path })
        #expect(report.errors.isEmpty)
        let org = try #require(report.inventory.organization)
        #expect(org.id == "o-exampleorgid" && org.managementAccount == "111111111111")
        #expect(org.units.count == 2)
        #expect(report.inventory.accounts.filter(\.inOrganization).map(\.id) == ["111111111111", "222222222222", "333333333333", "444444444444"])
        // FullAWSAccess (content known) and AllowAllS3Actions (from describe-policy); AllowAllEC2Actions has no content.
        #expect(org.scps.map(\.name).sorted() == ["AllowAllS3Actions", "FullAWSAccess"])
    }

    @Test("the whole external folder loads as one usable inventory; unrecognised files are skipped")
    func wholeFolder() {
        let report = InventoryLoader.load(paths: [RealData.root.appendingPathComponent("external").path])
        #expect(report.isUsable, "\(report.errors)")
        #expect(report.files.contains { $0.status == .skipped })
        #expect(report.files.filter { $0.kind == "aws-authorization-details" }.count >= 15)
    }

    @Test("AWS's published CloudTrail records that are not valid JSON fail with the place of the missing comma when named")
    func publishedMalformedRecords() {
        let saml = RealData.root.appendingPathComponent("external/aws-docs-cloudtrail/iam-guide-assumerolewithsaml.raw.txt").path
        let report = InventoryLoader.load(paths: [saml])
        #expect(report.errors == [LoadDiagnostic(file: saml, line: 36, column: 9, field: nil, message: "JSON syntax error: expected ',' or '}' in an object")])
        // Inside a folder, a .txt file that does not parse is only listed as skipped.
        let folder = InventoryLoader.load(paths: [RealData.root.appendingPathComponent("external/aws-docs-cloudtrail").path])
        #expect(folder.isUsable)
        #expect(folder.inventory.observedEvents.count == 5)
    }
}
