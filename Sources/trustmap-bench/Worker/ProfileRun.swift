import Foundation
import Inventory
import TrustAnalysis

/// One stage, once, with nothing else around it: what a profiler should look at.
enum ProfileRun {
    static let stages = ["load", "analysis", "dumps", "simulation", "dashboard"]

    static func run(stage: String, directory: String, options: BenchOptions) -> Int32 {
        let now = SyntheticOrganization.referenceDate
        func say(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
        if stage == "dumps" {
            let (report, t) = Stopwatch.time { InventoryLoader.load(paths: [directory + "/gaad"]) }
            say("dumps: \(report.inventory.roles.count) roles loaded in \(Format.seconds(t))")
            return report.errors.isEmpty ? 0 : 65
        }
        let (report, loadSeconds) = Stopwatch.time { InventoryLoader.load(paths: [directory + "/inventory.json"]) }
        say("load: \(report.inventory.roles.count) roles in \(Format.seconds(loadSeconds))")
        guard report.errors.isEmpty else { return 65 }
        if stage == "load" { return 0 }
        let (analysis, analysisSeconds) = Stopwatch.time { Analysis.analyze(report.inventory, at: now) }
        say("analysis: \(analysis.graph.edges.count) edges, \(analysis.findings.count) findings in \(Format.seconds(analysisSeconds))"
            + " (prepare \(Format.seconds(analysis.timings.prepare)), graph \(Format.seconds(analysis.timings.graph)), findings \(Format.seconds(analysis.timings.findings))); \(analysis.simulationCount) simulations")
        switch stage {
        case "analysis":
            for (pattern, n) in PipelineBenchmark.edgeCensus(analysis).sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                say("  \(Format.padded(Format.grouped(n), 10, right: true))  \(pattern)")
            }
        case "simulation":
            let r = SimulationBenchmark.run(analysis: analysis, seconds: options.simulationSeconds, runs: 1, now: now)
            say("simulation: \(Format.rate(r.perSecond.median))/s")
        case "dashboard":
            let r = DashboardBenchmark.run(analysis: analysis, now: now, width: options.width, height: options.height, rounds: 1,
                                           progress: { group, ms in say(String(format: "  %@: %.2f ms", group, ms)) })
            say("dashboard: p99 \(Format.milliseconds(r.frameP99Milliseconds))")
        default:
            break
        }
        return 0
    }
}
