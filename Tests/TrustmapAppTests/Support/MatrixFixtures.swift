import Inventory
import PolicyEngine
import TerminalUI
import TrustAnalysis
@testable import TrustmapApp

/// Estates for the matrix tests: a small one with every kind of column, and a generated one of any size.
enum MatrixFixtures {
    static let now = Fixtures.now

    static func trust(_ principal: String, conditions: String? = nil) -> PolicyDocument {
        let condition = conditions.map { #","Condition":\#($0)"# } ?? ""
        return Fixtures.trust(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":\#(principal),"Action":"sts:AssumeRole"\#(condition)}]}"#)
    }

    static func aws(_ value: String) -> String { #"{"AWS":"\#(value)"}"# }

    static let assumeAnything = AttachedPolicy(name: "AssumeAnything", document: Fixtures.trust(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#))

    static func role(_ account: String, _ name: String, _ trust: PolicyDocument) -> Role {
        Role(arn: "arn:aws:iam::\(account):role/\(name)", accountId: account, name: name, trustPolicy: trust)
    }

    /// Four organization accounts (one without roles), a vendor, an unknown external, and anyone.
    /// Rows: prod, staging, security. Columns: 1 prod, 2 staging, 3 security, 4 sandbox, 3p, ex, *.
    /// Staging → prod holds two edges (Deployer, Reports); every other filled cell holds one.
    static var inventory: Inventory {
        let prod = "111111111111", vendor = "222222222222", staging = "333333333333", security = "444444444444"
        let mfa = #"{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#
        let extId = #"{"StringEquals":{"sts:ExternalId":"c0ffee-4a7e-9b1d-2f6c8e0a1b3d"}}"#
        let roles = [
            role(prod, "Audit", trust(aws("arn:aws:iam::\(vendor):root"), conditions: extId)),
            role(prod, "Deployer", trust(aws("arn:aws:iam::\(staging):root"))),
            role(prod, "Ops", trust(aws("arn:aws:iam::\(prod):user/alice"), conditions: mfa)),
            role(prod, "Public", trust(aws("*"))),
            role(prod, "Reports", trust(aws("arn:aws:iam::\(staging):root"), conditions: mfa)),
            role(staging, "Legacy", trust(aws("arn:aws:iam::999999999999:root"))),
            role(staging, "ReadOnly", trust(aws("arn:aws:iam::\(security):root"))),
            role(staging, "VendorSupport", trust(aws("arn:aws:iam::\(vendor):root"))),
            role(security, "BreakGlass", trust(aws("arn:aws:iam::\(prod):user/alice"), conditions: mfa)),
            role(security, "Scanner", trust(aws("arn:aws:iam::\(security):root"))),
        ].sorted { $0.arn < $1.arn }
        return Inventory(
            name: "Matrix estate",
            organization: Organization(id: "o-matrix12345", managementAccount: prod),
            accounts: [
                Account(id: prod, name: "prod", inOrganization: true),
                Account(id: vendor, name: "acme-vendor", inOrganization: false, thirdParty: true),
                Account(id: staging, name: "staging", inOrganization: true),
                Account(id: security, name: "security", inOrganization: true),
                Account(id: "555555555555", name: "sandbox", inOrganization: true),
            ],
            roles: roles,
            users: [User(arn: "arn:aws:iam::\(prod):user/alice", accountId: prod, name: "alice", policies: [assumeAnything], mfaDevices: 1)]
        )
    }

    static var analysis: Analysis { Analysis.analyze(inventory, at: now) }

    /// The dashboard on the small estate with the matrix open and focused.
    static func state() -> AppState {
        var s = AppState(analysis: analysis, sourceDescription: "matrix fixture", now: now)
        s.press(.character("m"))
        return s
    }

    /// `count` organization accounts `acct-000`…, each with a role trusting the next account and a
    /// role trusting the first; every tenth trusts a vendor without an external ID, every 25th anyone.
    static func generated(accounts count: Int) -> Inventory {
        let id = { (i: Int) in String(100_000_000_000 + i) }
        let vendor = "900000000000"
        var roles: [Role] = []
        var accounts: [Account] = []
        for i in 0..<count {
            let a = id(i)
            accounts.append(Account(id: a, name: "acct-" + String(String(i + 1000).dropFirst()), inOrganization: true))
            roles.append(role(a, "App", trust(aws("arn:aws:iam::\(id((i + 1) % count)):root"))))
            roles.append(role(a, "Admin", trust(aws("arn:aws:iam::\(id(0)):root"))))
            if i % 10 == 0 { roles.append(role(a, "Vendor", trust(aws("arn:aws:iam::\(vendor):root")))) }
            if i % 25 == 0 { roles.append(role(a, "Open", trust(aws("*")))) }
        }
        accounts.append(Account(id: vendor, name: "vendor", inOrganization: false, thirdParty: true))
        return Inventory(
            name: "Generated \(count)", organization: Organization(id: "o-generated01", managementAccount: id(0)),
            accounts: accounts.sorted { $0.id < $1.id }, roles: roles.sorted { $0.arn < $1.arn })
    }

    static func generatedState(accounts count: Int) -> AppState {
        var s = AppState(analysis: Analysis.analyze(generated(accounts: count), at: now), sourceDescription: "generated", now: now)
        s.press(.character("m"))
        return s
    }

    /// The main pane's inside at a terminal size: where the matrix is drawn.
    static func pane(width: Int, height: Int) -> Rect {
        // The matrix has the focus, so below 120 columns it zooms over the navigator.
        ScreenLayout(width: width, height: height, mainFocused: true).main.inset(by: 1)
    }
}
