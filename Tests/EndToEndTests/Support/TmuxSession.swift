import Foundation

/// A tmux server of our own (own socket, no config) running one program in one window.
final class TmuxSession {
    let socket: String
    let target = "e2e"

    /// Starts `command` (a shell command line) in a detached session of the given size.
    init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        socket = "trustmap-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var env = ProcessInfo.processInfo.environment
        // `swift test` sets NO_COLOR for its children when its output is not a terminal (always so in CI);
        // the dashboard under test must start from a colour terminal unless a test asks otherwise.
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        env["LANG"] = env["LANG"] ?? "C.UTF-8"
        let r = Spawn.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", command], environment: env)
        guard r.status == 0 else { throw TmuxError.failed("new-session: \(r.output)") }
        _ = tmux(["set-option", "-t", target, "remain-on-exit", "on"])
    }

    deinit {
        _ = tmux(["kill-server"])
    }

    enum TmuxError: Error { case failed(String) }

    @discardableResult
    func tmux(_ args: [String]) -> Spawn.Result {
        Spawn.run(["tmux", "-L", socket] + args)
    }

    func send(_ keys: String...) {
        tmux(["send-keys", "-t", target] + keys)
    }

    /// Types text literally (no key-name interpretation).
    func type(_ text: String) {
        tmux(["send-keys", "-t", target, "-l", text])
    }

    func screen(escapes: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : [])).output
    }

    func display(_ format: String) -> String {
        tmux(["display-message", "-p", "-t", target, format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last screen.
    @discardableResult
    func waitFor(timeout: Double = 15, escapes: Bool = false, _ predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen(escapes: escapes)
            if predicate(last) { return (true, last) }
            usleep(50_000)
        }
        return (false, last)
    }

    func waitFor(text: String, timeout: Double = 15) -> (ok: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }
}
