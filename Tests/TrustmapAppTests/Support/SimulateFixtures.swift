import Inventory
import PolicyEngine
import TerminalUI
import TrustAnalysis
@testable import TrustmapApp

/// The vendor case the simulate tests drive: a third-party account, a role that trusts it with an
/// external ID, and the ID itself (which must never reach the screen unless revealed).
struct VendorCase {
    var account: String
    var role: String
    var externalId: String
}

enum SimulateFixtures {
    /// In `Fixtures.inventory`: acme-vendor may assume Audit with this external ID.
    static let vendor = VendorCase(account: "222222222222", role: "arn:aws:iam::111111111111:role/Audit", externalId: "c0ffee-4a7e-9b1d-2f6c8e0a1b3d")

    /// The fixture estate with GitHub's OIDC provider registered in prod, so web-identity calls can pass federation.
    static func stateWithOIDC() -> AppState {
        var inventory = Fixtures.inventory
        inventory.oidcProviders = ["arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"]
        return AppState(analysis: Analysis.analyze(inventory, at: Fixtures.now), sourceDescription: "fixture", now: Fixtures.now)
    }

    /// The demo organization, analysed as the dashboard does.
    static let demoState: AppState = {
        let report = InventoryLoader.loadDemo()
        return AppState(analysis: Analysis.analyze(report.inventory, at: Fixtures.now), sourceDescription: "demo", now: Fixtures.now)
    }()

    /// The demo's vendor role: an Allow for an account principal guarded by `StringEquals sts:ExternalId`.
    /// Nil while the demo has none (it is written by another engineer), and the demo tests then skip.
    static let demoVendor: VendorCase? = {
        let inventory = demoState.inventory
        for role in inventory.roles {
            for s in role.trustPolicy.statements where s.effect == .allow {
                guard let c = s.conditions.first(where: { $0.key.lowercased() == "sts:externalid" && $0.operatorName == "StringEquals" }),
                      let id = c.values.first else { continue }
                for value in s.principal?.values(ofType: "AWS") ?? [] {
                    let parts = value.split(separator: ":", omittingEmptySubsequences: false)
                    let account = value.count == 12 && value.allSatisfy(\.isNumber) ? value : (parts.count == 6 && parts[5] == "root" ? String(parts[4]) : nil)
                    if let account, account != role.accountId { return VendorCase(account: account, role: role.arn, externalId: id) }
                }
            }
        }
        print("skipped: the demo inventory has no vendor role with an external ID yet (Sources/Inventory/Demo/DemoInventory.swift)")
        return nil
    }()

    static var demoHasVendor: Bool { demoVendor != nil }
}

extension AppState {
    /// Runs a palette command as typed after `:`.
    mutating func palette(_ command: String) {
        press(.character(":"))
        type(command)
        press(.enter)
    }
}
