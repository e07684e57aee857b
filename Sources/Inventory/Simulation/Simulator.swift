import PolicyEngine

/// Simulates STS AssumeRole calls against one inventory.
///
/// Indexes are built once in `init`; `simulate` is cheap enough for the graph builder
/// to call once per candidate edge.
public struct Simulator: Sendable {
    public let inventory: Inventory

    public init(inventory: Inventory) {
        self.inventory = inventory
    }

    /// What STS would answer to `request`, with the full trace.
    public func simulate(_ request: AssumeRoleRequest) -> SimulationResult {
        SimulationResult(decision: .denied, decidingStep: .target, reason: "target: not built yet", steps: [], hints: [], session: nil, assumptions: [], request: request)
    }
}
