import Inventory
import Testing
@testable import TrustAnalysis

/// Small inline inventories for the rule tests, written in the native YAML format.
enum Fixture {
    /// 2026-06-01T00:00:00Z: the evaluation date of every test.
    static let now: Int64 = 1_780_272_000

    static let header = """
        version: 1
        organization:
          id: o-acme000001
          managementAccount: "111111111111"
        accounts:
          - { id: "111111111111", name: prod }
          - { id: "333333333333", name: security }
          - { id: "222222222222", name: vendor, inOrganization: false, thirdParty: true }
          - { id: "555555555555", name: other-vendor, inOrganization: false, thirdParty: true }

        """

    /// Loads the inventory (the header's accounts plus `body`) and analyses it.
    static func analyze(_ body: String, header: String = Fixture.header, at now: Int64 = Fixture.now,
                        suppressions: SuppressionList = .none) throws -> Analysis {
        let report = InventoryLoader.load(text: header + body, fileName: "fixture.yaml")
        try #require(report.isUsable, "fixture does not load: \(report.errors)")
        return Analysis.analyze(report.inventory, at: now, suppressions: suppressions)
    }

    /// One role in the prod account with this trust policy (JSON or YAML flow text).
    static func role(_ name: String = "Target", trust: String, extra: String = "") -> String {
        """
        roles:
          - arn: arn:aws:iam::111111111111:role/\(name)
            trustPolicy: \(trust)
        \(extra)
        """
    }

    static func rules(_ a: Analysis, subject: String = "arn:aws:iam::111111111111:role/Target") -> Set<String> {
        Set(a.findings(forSubject: subject).map(\.rule))
    }
}

extension Analysis {
    func finding(_ rule: String, subject: String = "arn:aws:iam::111111111111:role/Target") -> Finding? {
        findings(forSubject: subject).first { $0.rule == rule }
    }

    func edge(_ from: String, _ to: String = "arn:aws:iam::111111111111:role/Target") -> TrustEdge? {
        graph.outgoing(from: from).first { $0.to == to }
    }
}

extension Fixture {
    /// A trust policy with one Allow statement for sts:AssumeRole.
    static func allow(_ principal: String, action: String = "\"sts:AssumeRole\"", condition: String? = nil, sid: String = "S") -> String {
        var s = "{\"Sid\":\"\(sid)\",\"Effect\":\"Allow\",\"Principal\":\(principal),\"Action\":\(action)"
        if let condition { s += ",\"Condition\":\(condition)" }
        return s + "}"
    }

    static func policy(_ statements: String...) -> String {
        "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.joined(separator: ",") + "]}"
    }

    /// Analyses one role `Target` in account 111111111111 whose trust policy has these statements.
    static func trusting(_ statements: String..., extra: String = "") throws -> Analysis {
        try analyze(role(trust: "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.joined(separator: ",") + "]}", extra: extra))
    }
}
