import Foundation
import TrustAnalysis

/// The command line of `trustmap-bench`. Parsed by hand: the benchmark has no dependency beyond the
/// package's own targets, so it can be built and run without anything else resolving.
struct BenchOptions: Sendable {
    /// Account counts to measure, in order (each with `rolesPerAccount` roles and `usersPerAccount` users).
    var accounts: [Int] = [10, 100, 1_000, 3_000]
    var rolesPerAccount = 50
    var usersPerAccount = 10
    /// Timed runs per measurement (one warm-up run before them is not counted).
    var runs = 5
    /// Timed runs for sizes above 1,000 accounts, where one run takes seconds.
    var largeRuns = 3
    var seed: UInt64 = 7
    /// The generator's trust mixes to measure, each as a report of its own (every size of the first, then
    /// every size of the next): `classic`, and `org-shared` with 2 % of the roles shared with the whole
    /// organization through `*` + aws:PrincipalOrgID.
    var shapes: [SyntheticOrganization.Shape] = SyntheticOrganization.Shape.allCases
    var jsonPath: String?
    /// Where organizations are generated; a fresh temporary folder when nil (removed at the end).
    var outDir: String?
    var keepFiles = false
    /// Seconds spent on each simulation-rate measurement.
    var simulationSeconds = 2.0
    /// Times the dashboard keypress script is replayed per size.
    var dashboardRounds = 3
    /// Print the last frame of each dashboard group (checks that the script does what it says).
    var showFrames = false
    /// Seconds one size may take in its child process before it is stopped and reported as unfinished.
    var timeoutSeconds = 1_200.0
    var width = 160
    var height = 48
    /// Run one stage on an organization already generated in this folder, for a profiler (callgrind, perf).
    var profileStage: String?
    var profileDirectory: String?
    /// Internal: run one size in this process (the parent starts one child per size for a clean peak memory).
    var workerDirectory: String?
    var workerResultPath: String?

    static let usage = """
    usage: swift run -c release trustmap-bench [options]

      --accounts LIST        account counts, comma separated (default 10,100,1000,3000)
      --roles N              roles per account (default 50)
      --users N              users per account (default 10)
      --runs N               timed runs per measurement, after one warm-up (default 5)
      --large-runs N         timed runs for sizes above 1,000 accounts (default 3)
      --seed N               generator seed (default 7)
      --shape LIST           generator shapes, comma separated: classic, org-shared (default both, one report each)
      --json FILE            also write the results as JSON
      --out-dir DIR          generate the organizations under DIR (kept); default: a temporary folder, removed
      --keep                 keep the generated temporary folder
      --sim-seconds S        seconds per simulation-rate measurement (default 2)
      --dashboard-rounds N   replays of the dashboard keypress script per size (default 3)
      --timeout S            seconds one size may take before it is stopped and reported as unfinished (default 1200)
      --size WxH             terminal size for the dashboard frames (default 160x48)
      --show-frames          print the last frame of each dashboard step group
      --profile STAGE --profile-dir DIR
                             run only STAGE (load, analysis, dumps, simulation, dashboard) once on the organization
                             generated in DIR (see --out-dir), for valgrind --tool=callgrind or perf
      -h, --help             this text
    """

    enum ParseError: Error, CustomStringConvertible {
        case message(String)
        var description: String { if case .message(let m) = self { return m }; return "" }
    }

    static func parse(_ arguments: [String]) throws(ParseError) -> BenchOptions {
        var o = BenchOptions()
        var i = 0
        func value(_ flag: String) throws(ParseError) -> String {
            i += 1
            guard i < arguments.count else { throw .message("\(flag) needs a value") }
            return arguments[i]
        }
        func int(_ flag: String, min: Int) throws(ParseError) -> Int {
            let text = try value(flag)
            guard let n = Int(text), n >= min else { throw .message("\(flag): expected a whole number ≥ \(min), got '\(text)'") }
            return n
        }
        while i < arguments.count {
            let a = arguments[i]
            switch a {
            case "--accounts":
                let text = try value(a)
                let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 }) else { throw .message("--accounts: expected counts like 10,100,1000, got '\(text)'") }
                o.accounts = parts.map { $0! }
            case "--roles": o.rolesPerAccount = try int(a, min: 1)
            case "--users": o.usersPerAccount = try int(a, min: 0)
            case "--runs": o.runs = try int(a, min: 1)
            case "--large-runs": o.largeRuns = try int(a, min: 1)
            case "--seed":
                let text = try value(a)
                guard let s = UInt64(text) else { throw .message("--seed: expected a whole number, got '\(text)'") }
                o.seed = s
            case "--shape":
                let text = try value(a)
                let shapes = text.split(separator: ",").map { SyntheticOrganization.Shape(rawValue: String($0)) }
                guard !shapes.isEmpty, shapes.allSatisfy({ $0 != nil }) else {
                    throw .message("--shape: expected a list of \(SyntheticOrganization.Shape.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
                }
                o.shapes = shapes.map { $0! }
            case "--json": o.jsonPath = try value(a)
            case "--out-dir": o.outDir = try value(a)
            case "--keep": o.keepFiles = true
            case "--show-frames": o.showFrames = true
            case "--sim-seconds":
                let text = try value(a)
                guard let s = Double(text), s > 0 else { throw .message("--sim-seconds: expected seconds > 0, got '\(text)'") }
                o.simulationSeconds = s
            case "--dashboard-rounds": o.dashboardRounds = try int(a, min: 1)
            case "--timeout":
                let text = try value(a)
                guard let t = Double(text), t > 0 else { throw .message("--timeout: expected seconds > 0, got '\(text)'") }
                o.timeoutSeconds = t
            case "--size":
                let text = try value(a)
                let p = text.split(separator: "x").compactMap { Int($0) }
                guard p.count == 2, p[0] >= 40, p[1] >= 12 else { throw .message("--size: expected WxH of at least 40x12, got '\(text)'") }
                (o.width, o.height) = (p[0], p[1])
            case "--profile":
                let stage = try value(a)
                guard ProfileRun.stages.contains(stage) else { throw .message("--profile: expected one of \(ProfileRun.stages.joined(separator: ", ")), got '\(stage)'") }
                o.profileStage = stage
            case "--profile-dir": o.profileDirectory = try value(a)
            case "--worker-dir": o.workerDirectory = try value(a)
            case "--worker-result": o.workerResultPath = try value(a)
            case "-h", "--help": throw .message(usage)
            default: throw .message("unknown argument '\(a)'\n\n\(usage)")
            }
            i += 1
        }
        return o
    }

    /// Timed runs for one size.
    func runs(forAccounts n: Int) -> Int { n > 1_000 ? min(runs, largeRuns) : runs }

    /// The arguments a child process needs to measure one size exactly as this process would.
    func workerArguments(accounts n: Int, directory: String, resultPath: String) -> [String] {
        [
            "--accounts", String(n), "--roles", String(rolesPerAccount), "--users", String(usersPerAccount),
            "--runs", String(runs), "--large-runs", String(largeRuns), "--seed", String(seed),
            "--sim-seconds", String(simulationSeconds), "--dashboard-rounds", String(dashboardRounds),
            "--size", "\(width)x\(height)", "--worker-dir", directory, "--worker-result", resultPath,
        ] + (showFrames ? ["--show-frames"] : [])
    }
}
