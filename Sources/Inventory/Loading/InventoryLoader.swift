import Foundation
import PolicyEngine

/// Loads inventories: files and folders recognised by content, merged into one `Inventory`.
public enum InventoryLoader {
    /// Loads every path (files, folders recursively), in the order given; later files win field by field.
    public static func load(paths: [String]) -> LoadReport {
        LoadReport(inventory: Inventory(), errors: [LoadDiagnostic(file: paths.first ?? "-", message: "loading is not built yet")])
    }

    /// The embedded demo organization.
    public static func loadDemo() -> LoadReport {
        LoadReport(inventory: Inventory(name: "demo"))
    }
}
