import Inventory
import Testing
@testable import TrustAnalysis

@Suite("The embedded demo organization")
struct DemoCoverageTests {
    static let at: Int64 = 1_796_083_200  // 2026-12-01T00:00:00Z

    func demo() throws -> Analysis {
        let report = InventoryLoader.loadDemo()
        try #require(report.isUsable, "the demo does not load: \(report.errors)")
        return Analysis.analyze(report.inventory, at: Self.at)
    }

    @Test("the demo loads without errors or warnings and is the estate the issue asks for")
    func shape() throws {
        let report = InventoryLoader.loadDemo()
        #expect(report.errors.isEmpty)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let inv = report.inventory
        #expect(inv.organization?.scps.isEmpty == false)
        #expect(inv.organization?.rcps.isEmpty == false)
        #expect(inv.accounts.filter(\.isListed).count >= 8)
        #expect(inv.accounts.filter(\.thirdParty).count >= 2)
        #expect(inv.roles.count >= 40)
        #expect(inv.users.contains { ($0.mfaDevices ?? 0) > 0 } && inv.users.contains { $0.mfaDevices == 0 })
    }

    @Test("every rule of the catalogue fires on the demo")
    func everyRuleFires() throws {
        let a = try demo()
        let fired = Set(a.findings.map(\.rule))
        for rule in FindingRule.catalogue {
            #expect(fired.contains(rule.id), "\(rule.id) does not fire on the demo")
        }
    }

    @Test("every kind of principal appears as a caller in the demo's trust graph")
    func everyPrincipalKind() throws {
        let a = try demo()
        let kinds = Set(a.graph.edges.compactMap { a.graph.node(id: $0.from)?.kind })
        // The demo shares no role with its whole organization (`*` + aws:PrincipalOrgID): the organization
        // node is covered by WildcardGrantTests.
        #expect(kinds == Set(NodeKind.allCases).subtracting([.organization]))
        #expect(a.graph.node(id: "333300000001")?.trust == .unknownExternal)
        #expect(a.graph.nodes.contains { $0.id.contains("oidc-provider/token.actions.githubusercontent.com") })
        #expect(a.graph.node(id: "cognito-identity.amazonaws.com") != nil)
        // The session named in incident-responder's trust is reached from the okta-admin role.
        #expect(a.edge("arn:aws:iam::111100000003:role/okta-admin", "arn:aws:iam::111100000002:role/incident-responder")?
            .requires.contains { $0.kind == .sessionName } == true)
    }

    @Test("most of the demo's roles are safe")
    func plentyOfSafeRoles() throws {
        let a = try demo()
        let flagged = Set(a.findings.map(\.subject))
        let safe = a.inventory.roles.filter { !flagged.contains($0.arn) }
        #expect(safe.count >= 15)
    }

    @Test("the SCP keeps sandbox principals home and the RCP keeps vendors out of the data account")
    func guardrailsCutEdges() throws {
        let a = try demo()
        #expect(a.graph.outgoing(from: "arn:aws:iam::111100000008:user/experiment").allSatisfy { $0.to.contains(":111100000008:") })
        #expect(a.edge("222200000001", "arn:aws:iam::111100000007:role/observa-metrics") == nil)
        #expect(a.edge("222200000001", "arn:aws:iam::111100000004:role/observa-integration") != nil)
    }

    @Test("who can assume ops-admin: the jump role, with MFA; dave reaches it in two hops")
    func opsAdmin() throws {
        let a = try demo()
        let who = a.whoCanAssume(roleArn: "arn:aws:iam::111100000004:role/ops-admin")
        #expect(who.map(\.node.id) == ["arn:aws:iam::111100000003:role/jump"])
        #expect(who.first?.edge.requires.map(\.label) == ["MFA"])
        let paths = a.paths(from: "arn:aws:iam::111100000003:user/dave", to: "arn:aws:iam::111100000004:role/ops-admin")
        #expect(paths.first?.map(\.to) == ["arn:aws:iam::111100000003:role/jump", "arn:aws:iam::111100000004:role/ops-admin"])
    }
}
