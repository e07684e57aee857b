import Inventory
import PolicyEngine
import TerminalUI
import TrustAnalysis
@testable import TrustmapApp

/// A small estate written inline, so shell tests do not move when the demo grows.
enum Fixtures {
    static let now: Int64 = 1_795_000_000  // 2026-11-18

    static func trust(_ json: String) -> PolicyDocument {
        PolicyDocument(json: try! JSONParser.parse(json))
    }

    static var inventory: Inventory {
        let vendorTrust = trust(#"{"Version":"2012-10-17","Statement":[{"Sid":"VendorAudit","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"c0ffee-4a7e-9b1d-2f6c8e0a1b3d"}}}]}"#)
        let ciTrust = trust(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/*"}}}]}"#)
        let opsTrust = trust(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#)
        return Inventory(
            name: "Fixture estate",
            organization: Organization(id: "o-fixture123", managementAccount: "111111111111"),
            accounts: [
                Account(id: "111111111111", name: "prod", inOrganization: true),
                Account(id: "222222222222", name: "acme-vendor", inOrganization: false, thirdParty: true),
                Account(id: "333333333333", name: "staging", inOrganization: true),
            ],
            roles: [
                Role(arn: "arn:aws:iam::111111111111:role/Audit", accountId: "111111111111", name: "Audit", description: "Read-only audit role for the vendor", trustPolicy: vendorTrust, policies: [AttachedPolicy(name: "SecurityAudit", arn: "arn:aws:iam::aws:policy/SecurityAudit", document: nil, origin: "managed")], lastUsed: .at(epochSeconds: 1_790_000_000)),
                Role(arn: "arn:aws:iam::111111111111:role/Deployer", accountId: "111111111111", name: "Deployer", trustPolicy: ciTrust),
                Role(arn: "arn:aws:iam::111111111111:role/Ops", accountId: "111111111111", name: "Ops", trustPolicy: opsTrust, maxSessionDuration: 7200),
                Role(arn: "arn:aws:iam::333333333333:role/Ops", accountId: "333333333333", name: "Ops", trustPolicy: opsTrust),
            ],
            users: [
                User(arn: "arn:aws:iam::111111111111:user/alice", accountId: "111111111111", name: "alice", mfaDevices: 1),
            ]
        )
    }

    static func state(themeName: String? = nil) -> AppState {
        AppState(analysis: Analysis.analyze(inventory, at: now), sourceDescription: "fixture", now: now, themeName: themeName)
    }
}

extension AppState {
    /// Presses keys as the terminal would deliver them.
    mutating func press(_ keys: Key...) {
        for k in keys {
            if let a = action(for: .key(k)) { update(a) }
        }
    }

    mutating func type(_ text: String) {
        for c in text { press(.character(c)) }
    }
}
