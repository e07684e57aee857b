import PolicyEngine

/// The engine's own tests need only a clock and policy documents; inventories and the simulator are
/// `SimulationTests`' fixtures.
enum EngineFixture {
    static let now: Int64 = 1_780_000_000  // 2026-05-28T20:26:40Z

    static func doc(_ json: String) -> PolicyDocument {
        PolicyDocument(json: try! JSONParser.parse(json))
    }
}
