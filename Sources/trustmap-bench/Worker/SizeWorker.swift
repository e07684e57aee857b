import Foundation
import TrustAnalysis

/// Measures one generated organization in this process (a child of the benchmark), so that its peak
/// resident memory belongs to that size alone. Stages run in an order that keeps the budget figure
/// clean: load + analysis first, from a fresh process. After each stage the result so far is saved,
/// so a parent that has to stop a stage that never ends still reports the stages before it.
enum SizeWorker {
    static func run(options: BenchOptions, directory: String, save: (SizeResult) throws -> Void) throws {
        let accounts = options.accounts.first ?? 0
        let runs = options.runs(forAccounts: accounts)
        let now = SyntheticOrganization.referenceDate
        func mib(_ b: Int?) -> Double? { b.map { (Double($0) / 1_048_576 * 10).rounded() / 10 } }
        func progress(_ text: String) {
            FileHandle.standardError.write(Data("  [\(accounts) accounts] \(text)\n".utf8))
        }

        progress("load + analysis, \(runs) runs after a warm-up")
        let (load, analyse, total, analysis, nativeWarnings, phases) = try PipelineBenchmark.runLoadAndAnalysis(
            nativePath: directory + "/inventory.json", runs: runs, now: now)
        let loadAndAnalysisPeak = ProcessMemory.peakResidentBytes()

        progress("authorization-details folder, \(runs) runs after a warm-up")
        let resetForDumps = ProcessMemory.resetPeak()
        let dumps = try PipelineBenchmark.runDumps(path: directory + "/gaad", runs: runs)
        let dumpsPeak = resetForDumps ? ProcessMemory.peakResidentBytes() : nil

        let inventory = analysis.inventory
        var result = SizeResult(
            accounts: accounts, roles: inventory.roles.count, users: inventory.users.count, files: nil,
            pipeline: PipelineBenchmark.Result(
                loadNativeSeconds: load.summary, analysisSeconds: analyse.summary,
                prepareSeconds: phases.prepare.summary, graphSeconds: phases.graph.summary, findingsSeconds: phases.findings.summary,
                totalSeconds: total.summary,
                loadDumpsSeconds: dumps.0.summary, roles: inventory.roles.count, users: inventory.users.count,
                accounts: inventory.accounts.count, edges: analysis.graph.edges.count, findings: analysis.findings.count,
                nodes: analysis.graph.nodes.count, confirmations: analysis.simulationCount, nativeWarnings: nativeWarnings,
                dumpWarnings: dumps.warnings, dumpRoles: dumps.roles, dumpUsers: dumps.users,
                edgesByPattern: PipelineBenchmark.edgeCensus(analysis)),
            simulation: nil, dashboard: nil,
            memory: .init(loadAndAnalysisMiB: mib(loadAndAnalysisPeak), dumpsLoadMiB: mib(dumpsPeak), simulationAndDashboardMiB: nil))
        try save(result)

        progress("simulations")
        let resetForRest = ProcessMemory.resetPeak()
        result.simulation = SimulationBenchmark.run(analysis: analysis, seconds: options.simulationSeconds, runs: runs, now: now)
        result.memory.simulationAndDashboardMiB = resetForRest ? mib(ProcessMemory.peakResidentBytes()) : nil
        try save(result)

        progress("dashboard frames, \(options.dashboardRounds) rounds")
        let log = options.workerResultPath.flatMap { FrameLog(path: $0 + ".frames") }
        result.dashboard = DashboardBenchmark.run(
            analysis: analysis, now: now, width: options.width, height: options.height, rounds: options.dashboardRounds,
            frames: options.showFrames ? { group, frame in print("── after \(group) ──\n\(frame.text)") } : nil,
            progress: log.map { log in { group, ms in log.append(group: group, milliseconds: ms) } },
            starting: log.map { log in { group in log.starting(group: group) } })
        result.memory.simulationAndDashboardMiB = resetForRest ? mib(ProcessMemory.peakResidentBytes()) : nil
        try save(result)
    }
}
