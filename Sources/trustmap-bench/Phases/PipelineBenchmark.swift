import Inventory
import TrustAnalysis

/// Load and analysis, as `trustmap findings inventory.json` does them: load the native inventory,
/// then `Analysis.analyze` (engine compile, trust graph, findings), and separately the folder of
/// authorization-details dumps.
///
/// The analysis is split into its phases as `Analysis.timings` measures them: the engine's compiled
/// policies with the estate's indexes (built side by side), the trust graph, and the findings.
enum PipelineBenchmark {
    struct Result: Codable, Sendable {
        var loadNativeSeconds: Samples.Summary
        var analysisSeconds: Samples.Summary
        var prepareSeconds: Samples.Summary
        var graphSeconds: Samples.Summary
        var findingsSeconds: Samples.Summary
        /// Load of the native inventory plus analysis, timed as one.
        var totalSeconds: Samples.Summary
        var loadDumpsSeconds: Samples.Summary
        var roles: Int
        var users: Int
        var accounts: Int
        var edges: Int
        var findings: Int
        var nodes: Int
        /// Engine calls the graph builder made to confirm candidate edges.
        var confirmations: Int
        var nativeWarnings: Int
        var dumpWarnings: Int
        var dumpRoles: Int
        var dumpUsers: Int
        /// Edges by the caller's node kind and the target role's generated pattern (its `kind` tag):
        /// shows which trust pattern drives the edge count as the organization grows.
        var edgesByPattern: [String: Int]
    }

    static func edgeCensus(_ analysis: Analysis) -> [String: Int] {
        var kindOfRole: [String: String] = [:]
        for r in analysis.inventory.roles { kindOfRole[r.arn] = r.tags["kind"] ?? "untagged" }
        var kindOfNode: [String: String] = [:]
        for n in analysis.graph.nodes { kindOfNode[n.id] = n.kind.rawValue }
        var out: [String: Int] = [:]
        for e in analysis.graph.edges {
            out["\(kindOfNode[e.from] ?? "?") → \(kindOfRole[e.to] ?? "?")", default: 0] += 1
        }
        return out
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs load + analysis `runs` times after one warm-up; returns the last analysis for the later phases.
    struct Phases {
        var prepare = Samples(), graph = Samples(), findings = Samples()
    }

    static func runLoadAndAnalysis(nativePath: String, runs: Int, now: Int64) throws -> (Samples, Samples, Samples, Analysis, Int, Phases) {
        var load = Samples(), analyse = Samples(), total = Samples()
        var phases = Phases()
        var last: Analysis?
        var warnings = 0
        for run in 0...runs {
            // The previous run's analysis goes first, so the peak memory is that of one load and one analysis.
            last = nil
            let start = Stopwatch.clock.now
            let (report, loadSeconds) = Stopwatch.time { InventoryLoader.load(paths: [nativePath]) }
            if let e = report.errors.first { throw Failure(description: "\(nativePath): \(e)") }
            let (analysis, analysisSeconds) = Stopwatch.time { Analysis.analyze(report.inventory, at: now) }
            let totalSeconds = Stopwatch.seconds(Stopwatch.clock.now - start)
            if run > 0 {
                load.append(loadSeconds)
                analyse.append(analysisSeconds)
                total.append(totalSeconds)
                phases.prepare.append(analysis.timings.prepare)
                phases.graph.append(analysis.timings.graph)
                phases.findings.append(analysis.timings.findings)
            }
            warnings = report.warnings.count
            last = analysis
        }
        return (load, analyse, total, last!, warnings, phases)
    }

    static func runDumps(path: String, runs: Int) throws -> (Samples, roles: Int, users: Int, warnings: Int) {
        var load = Samples()
        var roles = 0, users = 0, warnings = 0
        for run in 0...runs {
            let (report, seconds) = Stopwatch.time { InventoryLoader.load(paths: [path]) }
            if let e = report.errors.first { throw Failure(description: "\(path): \(e)") }
            if run > 0 { load.append(seconds) }
            roles = report.inventory.roles.count
            users = report.inventory.users.count
            warnings = report.warnings.count
        }
        return (load, roles, users, warnings)
    }
}
