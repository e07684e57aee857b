import Foundation

/// The whole run: machine, command, every size, growth and budgets. Written as JSON with `--json`.
struct BenchReport: Codable, Sendable {
    var command: String
    var date: String
    var machine: MachineInfo
    var rolesPerAccount: Int
    var usersPerAccount: Int
    var runs: Int
    var largeRuns: Int
    var sizes: [SizeResult]
    var skipped: [String]
    var growth: GrowthAnalysis
    var budgets: [BudgetCheck]

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
