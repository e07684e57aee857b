import Inventory
import PolicyEngine
import TerminalUI
import Testing
import TrustAnalysis
@testable import TrustmapApp

@Suite("Trust graph: large neighbourhoods")
struct GraphOverflowTests {
    /// One role trusted directly by twenty users of its own account: more callers than a column shows.
    static var hubState: AppState {
        let users = (0..<20).map { i in
            User(arn: "arn:aws:iam::111111111111:user/u\(i < 10 ? "0" : "")\(i)", accountId: "111111111111", name: "u\(i < 10 ? "0" : "")\(i)")
        }
        let principals = users.map { "\"\($0.arn)\"" }.joined(separator: ",")
        let trust = Fixtures.trust(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[\#(principals)]},"Action":"sts:AssumeRole"}]}"#)
        let inventory = Inventory(
            name: "hub", accounts: [Account(id: "111111111111", name: "prod")],
            roles: [Role(arn: "arn:aws:iam::111111111111:role/hub", accountId: "111111111111", name: "hub", trustPolicy: trust)],
            users: users)
        var s = AppState(analysis: Analysis.analyze(inventory, at: Fixtures.now), sourceDescription: "hub", now: Fixtures.now)
        s.update(.resize(width: 120, height: 40))
        return s
    }

    @Test("a column over its cap ends in '… N more', and Enter on its edge opens the list of the hidden principals")
    func overflowOpensAList() {
        var s = Self.hubState
        s.update(.command("graph arn:aws:iam::111111111111:role/hub"))
        let text = AppView.render(s, width: 120, height: 40).text
        #expect(text.contains("more"), "no overflow row:\n\(text)")
        s.press(.tab)
        var opened: Bool
        for _ in 0..<25 where !s.graphScreen.selectedEdgeMeetsOverflow { s.press(.down) }
        s.press(.enter)
        opened = s.mainView == .list
        #expect(opened, "no edge opened the overflow list")
        if case .nodes(_, let ids) = s.listScreen.content {
            #expect(ids.count == 20 - GraphScreen.capPerColumn)
            #expect(ids.allSatisfy { $0.hasPrefix("arn:aws:iam::111111111111:user/u") })
        } else {
            Issue.record("the list does not hold the hidden nodes")
        }
        s.press(.enter)
        #expect(s.mainView == .graph)
        #expect(s.selection?.id.hasPrefix("arn:aws:iam::111111111111:user/u") == true)
    }

    @Test("a role shared with the organization shows the organization node first among its callers, never behind '… more'")
    func organizationFirst() {
        let users = (0..<20).map { i in
            User(arn: "arn:aws:iam::111111111111:user/a\(i < 10 ? "0" : "")\(i)", accountId: "111111111111", name: "a\(i < 10 ? "0" : "")\(i)")
        }
        let trust = Fixtures.trust(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-shared12345"}}}]}"#)
        let inventory = Inventory(
            name: "shared", organization: Organization(id: "o-shared12345", managementAccount: "111111111111"),
            accounts: [Account(id: "111111111111", name: "prod", inOrganization: true), Account(id: "222222222222", name: "dev", inOrganization: true)],
            roles: [Role(arn: "arn:aws:iam::111111111111:role/shared", accountId: "111111111111", name: "shared", trustPolicy: trust)],
            users: users)
        var s = AppState(analysis: Analysis.analyze(inventory, at: Fixtures.now), sourceDescription: "shared", now: Fixtures.now)
        s.update(.resize(width: 120, height: 40))
        s.update(.command("graph arn:aws:iam::111111111111:role/shared"))
        let text = AppView.render(s, width: 120, height: 40).text
        #expect(text.contains("more"), "more callers than a column shows:\n\(text)")
        #expect(text.contains("◇ organization"), "the organization node is hidden:\n\(text)")
    }
}
