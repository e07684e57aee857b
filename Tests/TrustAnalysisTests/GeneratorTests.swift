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

    @Test("the files written with the managed policies spliced in, as bytes, are JSONWriter's output, byte for byte")
    func dumpText() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-gen-text-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let org = SyntheticOrganization(options)
        try org.write(to: dir)
        for a in org.accounts {
            let written = try String(contentsOfFile: dir + "/gaad/\(a.id).json", encoding: .utf8)
            #expect(written == JSONWriter.write(org.authorizationDetails(account: a.id), pretty: false))
        }
        let native = try String(contentsOfFile: dir + "/inventory.json", encoding: .utf8)
        #expect(native == JSONWriter.write(org.nativeInventory(), pretty: false))
        // Every escape JSONWriter makes, and characters beyond ASCII.
        let tricky: JSONValue = ["q\"b\\n\nr\rt\tc\u{1}\u{1f}é→😀": [.null, true, false, .number("1.5"), "", [:], []]]
        #expect(String(decoding: CompactJSON.write(tricky), as: UTF8.self) == JSONWriter.write(tricky, pretty: false))
    }

    @Test("the org-shared shape shares about 2 % of the roles with the organization and leaves the rest as classic has them")
    func orgSharedShape() {
        var shared = options
        shared.accounts = 40
        shared.rolesPerAccount = 50
        shared.shape = .orgShared
        var classic = shared
        classic.shape = .classic
        let s = SyntheticOrganization(shared), c = SyntheticOrganization(classic)
        let sharedRoles = s.roles.indices.filter { s.roles[$0].kind == "wildcard-org-guarded" && c.roles[$0].kind != "wildcard-org-guarded" }
        #expect((20...60).contains(sharedRoles.count), "about 2 % of 2,000 roles: \(sharedRoles.count)")
        for i in s.roles.indices where !sharedRoles.contains(i) {
            #expect(s.roles[i].arn("role") == c.roles[i].arn("role") && s.roles[i].trust == c.roles[i].trust)
        }
        #expect(s.users.map { $0.arn("user") } == c.users.map { $0.arn("user") })
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
