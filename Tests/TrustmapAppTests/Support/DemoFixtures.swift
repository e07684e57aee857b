import Inventory
import TerminalUI
import TrustAnalysis
@testable import TrustmapApp

/// The embedded demo, analysed once for every test that shows it.
enum DemoFixtures {
    static let analysis: Analysis = Analysis.analyze(InventoryLoader.loadDemo().inventory, at: Fixtures.now)

    static func state() -> AppState {
        var s = AppState(analysis: analysis, sourceDescription: "demo", now: Fixtures.now)
        s.update(.resize(width: 120, height: 40))
        return s
    }

    static let vendorAdminRole = "arn:aws:iam::111100000004:role/vaultline-backup"
    static let vendorRole = "arn:aws:iam::111100000004:role/observa-integration"
}
