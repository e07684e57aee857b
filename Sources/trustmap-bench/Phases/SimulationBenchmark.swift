import Inventory
import Simulation
import PolicyEngine
import TrustAnalysis

/// Simulations per second on one core: `Simulator.simulate` over the request mix, pass after pass.
struct SimulationBenchmark {
    struct Result: Codable, Sendable {
        /// Requests in the mix and how the engine decided them (allowed / denied / invalid), per kind.
        var requests: Int
        var decisions: [String: [String: Int]]
        /// Simulations per second, one value per timed pass over the whole mix.
        var perSecond: Samples.Summary
        /// The engine author's own set (`Simulator.benchmarkRequests`): every principal round-robin against the roles.
        var roundRobinPerSecond: Double
        /// Compiling the inventory for the engine (`Simulator(inventory:)`), seconds.
        var compileSeconds: Samples.Summary
    }

    static func run(analysis: Analysis, seconds: Double, runs: Int, now: Int64) -> Result {
        let inventory = analysis.inventory
        var compile = Samples()
        var simulator: Simulator?
        for _ in 0...runs {
            let (s, t) = Stopwatch.time { Simulator(inventory: inventory) }
            if simulator != nil { compile.append(t) }
            simulator = s
        }
        let engine = simulator!
        let mix = RequestMix(analysis: analysis, count: 10_000, seed: 42, now: now)

        var decisions: [String: [String: Int]] = [:]
        for (request, kind) in zip(mix.requests, mix.kinds) {
            let d = engine.simulate(request).decision
            decisions[kind.rawValue, default: [:]]["\(d)", default: 0] += 1
        }

        var rates = Samples()
        let budget = Duration.milliseconds(Int64(seconds * 1000))
        let start = Stopwatch.clock.now
        var allowed = 0
        repeat {
            let ((), t) = Stopwatch.time {
                for r in mix.requests where engine.simulate(r).decision == .allowed { allowed += 1 }
            }
            rates.append(Double(mix.requests.count) / t)
        } while Stopwatch.clock.now - start < budget || rates.count < 3
        blackHole(allowed)

        let roundRobin = engine.measureEvaluationsPerSecond(engine.benchmarkRequests(limit: 10_000, currentTime: now), seconds: min(1, seconds / 2))
        return Result(requests: mix.requests.count, decisions: decisions, perSecond: rates.summary,
                      roundRobinPerSecond: roundRobin.perSecond, compileSeconds: compile.summary)
    }
}
