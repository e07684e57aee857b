import Foundation

/// The whole run: machine, command, every size, growth and budgets. Written as JSON with `--json`.
struct BenchReport: Codable, Sendable {
    var command: String
    var date: String
    var machine: MachineInfo
    /// The generator's shape (`classic`, `org-shared`).
    var shape: String
    var rolesPerAccount: Int
    var usersPerAccount: Int
    var runs: Int
    var largeRuns: Int
    var sizes: [SizeResult]
    var skipped: [String]
    var growth: GrowthAnalysis
    var budgets: [BudgetCheck]

    func json() throws -> Data { try Self.encoder.encode(self) }

    static func json(_ reports: [BenchReport]) throws -> Data { try encoder.encode(reports) }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
