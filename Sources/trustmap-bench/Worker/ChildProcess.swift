import Foundation

/// Starts this executable again to measure one size, and reads back what it measured.
enum ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Waits at most `options.timeoutSeconds`; a child still running then is stopped (SIGTERM, then
    /// SIGKILL) and the stages it had finished are reported, with the one it was in named in `notes`.
    static func measure(accounts: Int, directory: String, options: BenchOptions, scratch: String) throws -> SizeResult {
        let resultPath = "\(scratch)/result-\(accounts).json"
        let framesPath = resultPath + ".frames"
        for p in [resultPath, framesPath] { try? FileManager.default.removeItem(atPath: p) }
        let p = Process()
        // /proc/self/exe names this very binary, whatever the working directory or PATH.
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        p.arguments = options.workerArguments(accounts: accounts, directory: directory, resultPath: resultPath)
        p.standardOutput = FileHandle.standardOutput
        p.standardError = FileHandle.standardError
        try p.run()
        let start = Date()
        var stopped = false
        while p.isRunning {
            if Date().timeIntervalSince(start) > options.timeoutSeconds {
                stopped = true
                p.terminate()
                let grace = Date()
                while p.isRunning && Date().timeIntervalSince(grace) < 5 { usleep(100_000) }
                if p.isRunning { kill(p.processIdentifier, SIGKILL) }
                break
            }
            usleep(200_000)
        }
        p.waitUntilExit()
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: resultPath)),
              var result = try? JSONDecoder().decode(SizeResult.self, from: data) else {
            if stopped { throw Failure(description: "load + analysis did not finish within \(Format.seconds(options.timeoutSeconds)) (--timeout)") }
            throw Failure(description: "the measurement of \(accounts) accounts ended with status \(p.terminationStatus) before its first result")
        }
        if stopped {
            if result.simulation == nil {
                result.notes.append("the simulation stage did not finish within the \(Format.seconds(options.timeoutSeconds)) allowed (--timeout)")
            } else if result.dashboard == nil {
                let log = FrameLog.read(path: framesPath)
                let stalledFor = log.unfinishedSince.map { Date().timeIntervalSince1970 - $0 } ?? 0
                let partial = DashboardBenchmark.partial(from: log, stalledMilliseconds: stalledFor * 1000,
                                                         width: options.width, height: options.height)
                result.dashboard = partial
                result.notes.append("dashboard stopped after \(Format.seconds(options.timeoutSeconds)) (--timeout): " + (partial.stalled ?? "no keypress was running"))
            }
        } else if p.terminationStatus != 0 {
            let how = p.terminationReason == .uncaughtSignal ? "signal \(p.terminationStatus)" : "status \(p.terminationStatus)"
            if result.simulation != nil, result.dashboard == nil {
                let log = FrameLog.read(path: framesPath)
                var partial = DashboardBenchmark.partial(from: FrameLog.Contents(frames: log.frames), stalledMilliseconds: 0,
                                                         width: options.width, height: options.height)
                partial.stalled = "the program crashed (\(how)) during a keypress of '\(log.unfinished ?? "?")'"
                result.dashboard = partial
                result.notes.append("dashboard: \(partial.stalled!); frames before it are reported")
            } else {
                result.notes.append("the measurement ended with \(how) after its last saved stage")
            }
        }
        return result
    }
}
