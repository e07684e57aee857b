import Foundation
import TerminalUI
import TrustAnalysis
import TrustmapApp

/// Frame times of the dashboard driven through `TestBackend`: each keypress is timed from the event to a
/// presented frame (`AppRunner.handle` = key table + `update`, then `redraw` = `AppView.render` of the
/// whole frame + `present`), the work the ncurses loop does per key minus the terminal's own output.
enum DashboardBenchmark {
    struct Result: Codable, Sendable {
        var width: Int
        var height: Int
        var rounds: Int
        var keypresses: Int
        /// `AppState(analysis:…)`: the navigator index and first state, seconds.
        var openStateSeconds: Samples.Summary
        /// The first full frame, seconds.
        var firstFrameSeconds: Samples.Summary
        /// `AppRunner.warmUp()`: the matrix and overview caches the dashboard builds in the background
        /// while its first screen is read, seconds (not a keypress).
        var warmUpSeconds: Samples.Summary?
        /// Every keypress of every round, milliseconds.
        var frameP50Milliseconds: Double
        var frameP99Milliseconds: Double
        var frameMaxMilliseconds: Double
        var groups: [Group]
        /// Set when the stage was stopped: the keypress that had not returned, and for how long.
        var stalled: String?

        /// Stopped by the timeout (its slowest frame is a lower bound), as opposed to crashed.
        var wasStopped: Bool { stalled?.contains("not returned") ?? false }
    }

    struct Group: Codable, Sendable {
        var name: String
        var keypresses: Int
        var medianMilliseconds: Double
        var maxMilliseconds: Double
    }

    /// `frames` receives the last frame of each group in the first round (for `--show-frames`).
    static func run(analysis: Analysis, now: Int64, width: Int, height: Int, rounds: Int,
                    frames: ((String, ScreenBuffer) -> Void)? = nil, progress: ((String, Double) -> Void)? = nil,
                    starting: ((String) -> Void)? = nil) -> Result {
        let steps = DashboardScript.steps
        var open = Samples(), first = Samples(), all = Samples(), warm = Samples()
        var byGroup: [String: Samples] = [:]
        for round in 0..<rounds {
            let (state, openSeconds) = Stopwatch.time {
                AppState(analysis: analysis, sourceDescription: "bench", now: now, themes: .builtin)
            }
            var runner = AppRunner(state: state)
            open.append(openSeconds)
            // The interactive loop builds these caches on another thread at start-up; here they are
            // built before the keypresses are timed, and their time is reported on its own.
            let ((), warmSeconds) = Stopwatch.time { runner.warmUp() }
            warm.append(warmSeconds)
            var backend = TestBackend(width: width, height: height)
            let ((), firstSeconds) = Stopwatch.time { runner.redraw(on: &backend) }
            first.append(firstSeconds)
            for (i, step) in steps.enumerated() {
                // A fresh in-memory terminal per key: TestBackend keeps every frame, which would grow memory for nothing.
                backend = TestBackend(width: width, height: height)
                starting?(step.group)
                let ((), seconds) = Stopwatch.time {
                    if runner.handle(step.event) { runner.redraw(on: &backend) }
                }
                all.append(seconds * 1000)
                progress?(step.group, seconds * 1000)
                byGroup[step.group, default: Samples()].append(seconds * 1000)
                let lastOfGroup = i + 1 == steps.count || steps[i + 1].group != step.group
                if round == 0, lastOfGroup, let frame = backend.lastFrame { frames?(step.group, frame) }
            }
        }
        var seen = Set<String>()
        let groups: [Group] = steps.compactMap { step in
            guard seen.insert(step.group).inserted, let g = byGroup[step.group] else { return nil }
            return Group(name: step.group, keypresses: g.count / rounds, medianMilliseconds: g.median, maxMilliseconds: g.max)
        }
        return Result(width: width, height: height, rounds: rounds, keypresses: all.count,
                      openStateSeconds: open.summary, firstFrameSeconds: first.summary, warmUpSeconds: warm.summary,
                      frameP50Milliseconds: all.percentile(50), frameP99Milliseconds: all.percentile(99),
                      frameMaxMilliseconds: all.max, groups: groups, stalled: nil)
    }

    /// What a stopped dashboard stage had measured, from its frame log: the keypress that never returned
    /// counts as one frame of at least `stalledMilliseconds`, so p99 and max stay honest.
    static func partial(from log: FrameLog.Contents, stalledMilliseconds: Double, width: Int, height: Int) -> Result {
        var all = Samples()
        var byGroup: [(String, Samples)] = []
        func add(_ group: String, _ ms: Double) {
            all.append(ms)
            if let i = byGroup.firstIndex(where: { $0.0 == group }) { byGroup[i].1.append(ms) } else { byGroup.append((group, Samples([ms]))) }
        }
        for f in log.frames { add(f.group, f.milliseconds) }
        var stalled: String?
        if let g = log.unfinished {
            add(g, stalledMilliseconds)
            stalled = "a keypress of '\(g)' had not returned after \(Format.seconds(stalledMilliseconds / 1000)) and was stopped"
        }
        let empty = Samples().summary
        return Result(width: width, height: height, rounds: 1, keypresses: all.count, openStateSeconds: empty, firstFrameSeconds: empty,
                      frameP50Milliseconds: all.percentile(50), frameP99Milliseconds: all.percentile(99), frameMaxMilliseconds: all.max,
                      groups: byGroup.map { Group(name: $0.0, keypresses: $0.1.count, medianMilliseconds: $0.1.median, maxMilliseconds: $0.1.max) },
                      stalled: stalled)
    }
}
