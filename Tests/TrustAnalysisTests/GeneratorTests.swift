import Foundation
import Inventory
import PolicyEngine
import Testing
@testable import TrustAnalysis

@Suite("Synthetic generator")
struct GeneratorTests {
    let options = SyntheticOrganization.Options(accounts: 12, rolesPerAccount: 20, usersPerAccount: 5, seed: 7)

    @Test("the same seed gives the same organization, byte for byte")
    func deterministic() {
        let a = JSONWriter.write(SyntheticOrganization(options).nativeInventory(), pretty: false)
        let b = JSONWriter.write(SyntheticOrganization(options).nativeInventory(), pretty: false)
        #expect(a == b)
        var other = options
        other.seed = 8
        #expect(a != JSONWriter.write(SyntheticOrganization(other).nativeInventory(), pretty: false))
    }

    @Test("the native inventory and the authorization-details files describe the same roles and users")
    func sameFacts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-gen-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticOrganization(options).write(to: dir)
        let native = InventoryLoader.load(paths: [dir + "/inventory.json"])
        let gaad = InventoryLoader.load(paths: [dir + "/gaad"])
        try #require(native.isUsable && gaad.isUsable)
        #expect(native.inventory.roles.map(\.arn) == gaad.inventory.roles.map(\.arn))
        #expect(native.inventory.users.map(\.arn) == gaad.inventory.users.map(\.arn))
        #expect(native.inventory.roles.map(\.trustPolicy) == gaad.inventory.roles.map(\.trustPolicy))
        #expect(native.inventory.roles.count == 12 * 20)
    }

    @Test("a generated organization has the mix of trust patterns the findings look for")
    func mix() throws {
        let org = SyntheticOrganization(.init(accounts: 120, rolesPerAccount: 30, usersPerAccount: 6, seed: 1))
        let report = InventoryLoader.load(text: JSONWriter.write(org.nativeInventory(), pretty: false), fileName: "gen.json")
        try #require(report.isUsable)
        let a = Analysis.analyze(report.inventory, at: SyntheticOrganization.referenceDate)
        let fired = Set(a.findings.map(\.rule))
        for rule in ["TM-ANY-PRINCIPAL", "TM-ANY-PRINCIPAL-WEAKLY-GUARDED", "TM-XACCT-NO-EXTERNAL-ID", "TM-EXTERNAL-ID-WEAK",
                     "TM-OIDC-NO-SUBJECT", "TM-OIDC-BROAD-SUBJECT", "TM-SERVICE-CONFUSED-DEPUTY", "TM-UNKNOWN-EXTERNAL-ACCOUNT",
                     "TM-ACCOUNT-ROOT-TRUST", "TM-STALE-TRUST", "TM-LONG-SESSION", "TM-ASSUME-ANY-ROLE"] {
            #expect(fired.contains(rule), "\(rule) missing from a generated organization")
        }
        #expect(!a.graph.edges.isEmpty)
    }
}
