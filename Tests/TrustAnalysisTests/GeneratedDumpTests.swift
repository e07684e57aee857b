import Foundation
import Inventory
import PolicyEngine
import Testing
@testable import TrustAnalysis

/// The generated authorization-details dumps are as heavy as real ones (issue #4's ~100 MB for 1,000
/// accounts), and the weight — older versions of managed policies — changes nothing a loader reports.
@Suite("Generated authorization-details dumps")
struct GeneratedDumpTests {
    let org = SyntheticOrganization(.init(accounts: 6, rolesPerAccount: 50, usersPerAccount: 10, seed: 7))

    @Test("each attached managed policy comes with its whole version list, the default first")
    func versionLists() throws {
        let dump = org.authorizationDetails(account: org.accounts[1].id)
        let policies = try #require(dump["Policies"]?.arrayValue)
        let readOnly = try #require(policies.first { $0["Arn"]?.stringValue == SyntheticOrganization.readOnlyAccess })
        let versions = try #require(readOnly["PolicyVersionList"]?.arrayValue)
        #expect(versions.count == SyntheticOrganization.managedVersions[SyntheticOrganization.readOnlyAccess])
        #expect(versions.filter { $0["IsDefaultVersion"]?.boolValue == true }.count == 1)
        #expect(versions.first?["VersionId"]?.stringValue == readOnly["DefaultVersionId"]?.stringValue)
        #expect(versions.first?["Document"] == SyntheticOrganization.managedDocuments[SyntheticOrganization.readOnlyAccess])
        // About 100 KB a dump, as real dumps with AWS managed policies are.
        let bytes = JSONWriter.write(dump, pretty: false).utf8.count
        #expect((80_000...130_000).contains(bytes), "\(bytes) bytes")
    }

    @Test("loading the dumps takes the default versions only: policies equal the native inventory's where both give a document")
    func defaultVersionsOnly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-dumps-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try org.write(to: dir)
        let gaad = InventoryLoader.load(paths: [dir + "/gaad"])
        try #require(gaad.isUsable)
        #expect(gaad.warnings.isEmpty, "\(gaad.warnings)")
        let expected = PolicyDocument(json: try #require(SyntheticOrganization.managedDocuments[SyntheticOrganization.readOnlyAccess]))
        var checked = 0
        for role in gaad.inventory.roles {
            for p in role.policies where p.arn == SyntheticOrganization.readOnlyAccess {
                #expect(p.document == expected)
                checked += 1
            }
        }
        #expect(checked > 0)
        let native = InventoryLoader.load(paths: [dir + "/inventory.json"])
        #expect(native.inventory.roles.map { $0.policies.map(\.name).sorted() } == gaad.inventory.roles.map { $0.policies.map(\.name).sorted() })
        #expect(native.inventory.users.map { $0.policies.map(\.name).sorted() } == gaad.inventory.users.map { $0.policies.map(\.name).sorted() })
    }
}
