import Simulation
import Inventory
import PolicyEngine

extension Simulator {
    /// Requests a graph builder would make: every user and role session of the inventory against
    /// roles of its own account and of the accounts its trust policies name, cycled up to `limit`.
    /// For benchmarks only; deterministic.
    public func benchmarkRequests(limit: Int = 10_000, currentTime: Int64 = 1_780_000_000) -> [AssumeRoleRequest] {
        var out: [AssumeRoleRequest] = []
        let callers = inventory.users.map(\.arn) + inventory.roles.map { "arn:aws:sts::\($0.accountId):assumed-role/\($0.name)/bench" }
        guard !callers.isEmpty, !inventory.roles.isEmpty else { return [] }
        var i = 0
        while out.count < limit && i < limit * 4 {
            let caller = callers[i % callers.count]
            let role = inventory.roles[(i / callers.count + i) % inventory.roles.count]
            out.append(AssumeRoleRequest(principal: caller, role: role.arn, sessionName: "bench", externalId: i % 3 == 0 ? "bench-external-id" : nil, currentTime: currentTime))
            i += 1
        }
        return out
    }

    /// Simulates `requests` round-robin for about `seconds` on the calling thread and reports the rate.
    /// The benchmark executable calls this; tests never time anything.
    public func measureEvaluationsPerSecond(_ requests: [AssumeRoleRequest], seconds: Double = 1.0) -> (evaluations: Int, perSecond: Double) {
        guard !requests.isEmpty else { return (0, 0) }
        let clock = ContinuousClock()
        let start = clock.now
        let budget = Duration.milliseconds(Int64(seconds * 1000))
        var count = 0
        var allowed = 0
        while clock.now - start < budget {
            for r in requests.prefix(1000) where simulate(r).decision == .allowed { allowed += 1 }
            count += min(1000, requests.count)
            if requests.count > 1000 {
                for r in requests.dropFirst(1000).prefix(1000) where simulate(r).decision == .allowed { allowed += 1 }
                count += min(1000, requests.count - 1000)
            }
        }
        let elapsed = clock.now - start
        let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // `allowed` keeps the optimiser from discarding the work.
        return (count + (allowed < 0 ? 1 : 0), Double(count) / secs)
    }
}
