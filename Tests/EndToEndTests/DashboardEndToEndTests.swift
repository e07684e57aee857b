import Foundation
import Testing

/// The built binary under tmux, driven as a person would drive it.
@Suite("End to end under tmux", .serialized, .enabled(if: EndToEnd.isAvailable, EndToEnd.skipReason))
struct DashboardEndToEndTests {
    /// The shell line that runs trustmap, then reports its exit status and whether the terminal is sane.
    static func command(_ args: String = "", env: String = "") -> String {
        "\(env) '\(EndToEnd.binary ?? "trustmap")' \(args); echo \"EXIT:$?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo; sleep 30"
    }

    /// The program ended and the shell printed the terminal's flags after it.
    static func finished(_ screen: String) -> Bool {
        screen.contains("EXIT:") && screen.split(separator: "\n").contains { $0.contains("icanon") }
    }

    /// The shell line after `EXIT:` lists the stty flags: `echo` and `icanon` on (not `-echo`, `-icanon`).
    static func terminalIsSane(_ screen: String) -> Bool {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("icanon") }) else { return false }
        let words = Set(line.split(separator: " ").map(String.init))
        return words.contains("echo") && words.contains("icanon")
    }

    @Test("open the demo, move, help, search, quit with q: the screen is restored")
    func browseAndQuit() throws {
        let t = try TmuxSession(command: Self.command())
        let opened = t.waitFor(text: "Navigator")
        #expect(opened.ok, "dashboard did not open:\n\(opened.screen)")
        #expect(t.display("#{alternate_on}") == "1")
        t.send("j")
        t.send("j")
        t.send("?")
        #expect(t.waitFor(text: "Help — type to filter").ok)
        t.type("theme")
        #expect(t.waitFor(text: "next theme").ok)
        t.send("Escape")
        #expect(t.waitFor { !$0.contains("Help — type to filter") }.ok)
        t.send("/")
        t.type("Audit")
        t.send("Enter")
        let found = t.waitFor(text: "match 1 of")
        #expect(found.ok, "search did not report a match:\n\(found.screen)")
        t.send("q")
        let done = t.waitFor { Self.finished($0) }
        #expect(done.screen.contains("EXIT:0"), "\(done.screen)")
        #expect(Self.terminalIsSane(done.screen), "terminal not restored: \(done.screen)")
        #expect(t.display("#{alternate_on}") == "0")
        #expect(!done.screen.contains("Navigator"), "the dashboard is still on screen")
    }

    @Test("Ctrl-C exits with 130 and a sane terminal")
    func controlC() throws {
        let t = try TmuxSession(command: Self.command())
        #expect(t.waitFor(text: "Navigator").ok)
        t.send("C-c")
        let done = t.waitFor { Self.finished($0) }
        #expect(done.screen.contains("EXIT:130"), "\(done.screen)")
        #expect(Self.terminalIsSane(done.screen), "terminal not restored: \(done.screen)")
        #expect(t.display("#{alternate_on}") == "0")
    }

    @Test("SIGTERM exits with 143 and restores the terminal")
    func sigterm() throws {
        let t = try TmuxSession(command: Self.command())
        #expect(t.waitFor(text: "Navigator").ok)
        let pid = Spawn.run(["pgrep", "-f", "-n", "^\(EndToEnd.binary ?? "trustmap")"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!pid.isEmpty)
        _ = Spawn.run(["kill", "-TERM", pid])
        let done = t.waitFor { Self.finished($0) }
        #expect(done.screen.contains("EXIT:143"), "\(done.screen)")
        #expect(Self.terminalIsSane(done.screen))
    }

    @Test("SIGHUP exits with 129 and restores the terminal")
    func sighup() throws {
        let t = try TmuxSession(command: Self.command())
        #expect(t.waitFor(text: "Navigator").ok)
        let pid = Spawn.run(["pgrep", "-f", "-n", "^\(EndToEnd.binary ?? "trustmap")"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = Spawn.run(["kill", "-HUP", pid])
        let done = t.waitFor { Self.finished($0) }
        #expect(done.screen.contains("EXIT:129"), "\(done.screen)")
        #expect(Self.terminalIsSane(done.screen))
    }

    @Test("a crash restores the terminal before the backtrace")
    func crash() throws {
        let t = try TmuxSession(command: Self.command(env: "TRUSTMAP_TEST_CRASH=1 SWIFT_BACKTRACE=enable=no"))
        let done = t.waitFor(timeout: 20) { Self.finished($0) }
        #expect(done.ok, "\(done.screen)")
        #expect(!done.screen.contains("EXIT:0"), "the crash hook did not crash")
        #expect(Self.terminalIsSane(done.screen), "terminal not restored after a crash: \(done.screen)")
        #expect(t.display("#{alternate_on}") == "0")
    }

    @Test("Ctrl-Z suspends to the shell and fg resumes the dashboard")
    func suspendResume() throws {
        let t = try TmuxSession(command: "bash --norc --noprofile -i")
        t.type("'\(EndToEnd.binary ?? "trustmap")'")
        t.send("Enter")
        #expect(t.waitFor(text: "Navigator").ok)
        t.send("C-z")
        let stopped = t.waitFor(text: "Stopped")
        #expect(stopped.ok, "\(stopped.screen)")
        #expect(t.display("#{alternate_on}") == "0")
        t.type("fg")
        t.send("Enter")
        #expect(t.waitFor(text: "Navigator").ok)
        #expect(t.display("#{alternate_on}") == "1")
        t.send("q")
        t.type("echo rc=$?")
        t.send("Enter")
        #expect(t.waitFor(text: "rc=0").ok)
    }

    @Test("resize to tiny shows a clear line, and back redraws the dashboard")
    func resize() throws {
        let t = try TmuxSession(command: Self.command())
        #expect(t.waitFor(text: "Navigator").ok)
        t.resize(width: 40, height: 10)
        let small = t.waitFor(text: "too small")
        #expect(small.ok, "\(small.screen)")
        t.resize(width: 2, height: 2)
        usleep(300_000)
        t.resize(width: 120, height: 40)
        #expect(t.waitFor(text: "Navigator").ok)
        t.send("q")
        #expect(t.waitFor(text: "EXIT:0").ok)
    }

    @Test("NO_COLOR: no colour escapes on screen")
    func noColor() throws {
        let t = try TmuxSession(command: Self.command(env: "NO_COLOR=1"))
        let shown = t.waitFor(text: "Navigator")
        #expect(shown.ok)
        let escaped = t.screen(escapes: true)
        // SGR colour parameters: 30–37, 38;5;n, 40–47, 48;5;n, 90–97, 100–107.
        let colour = try Regex(#"\x1b\[[0-9;]*(3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]"#)
        #expect(escaped.firstMatch(of: colour) == nil, "colour escape found under NO_COLOR")
        t.send("q")
        #expect(t.waitFor(text: "EXIT:0").ok)
    }

    @Test("the dashboard analyses as the commands do: --suppressions and --at are honoured")
    func analysisOptions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-tui-options-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("accepted.json")
        try #"{"suppressions": [{"rule": "*", "subject": "*", "reason": "accepted for this test"}]}"#.write(to: file, atomically: true, encoding: .utf8)
        let t = try TmuxSession(command: Self.command("tui --suppressions '\(file.path)' --at 2026-12-01T00:00:00Z"))
        let shown = t.waitFor(text: "Navigator")
        #expect(shown.ok, "dashboard did not open:\n\(shown.screen)")
        // Every finding accepted: the header counts none (the demo has three critical findings otherwise).
        #expect(shown.screen.contains("‼ 0"), "\(shown.screen)")
        t.send("q")
        #expect(t.waitFor(text: "EXIT:0").ok)
    }

    @Test("a large organization opens on a progress display; Ctrl-C during the load exits 130 with the terminal restored; an unusable inventory restores it and exits 65")
    func progressWhileLoading() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-tui-progress-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let binary = EndToEnd.binary ?? "trustmap"
        let generated = Spawn.run([binary, "generate", "--accounts", "100", "--roles-per-account", "50", "--users-per-account", "10",
                                   "--seed", "7", "--out", dir.path])
        #expect(generated.status == 0, "\(generated.output)")
        let t = try TmuxSession(command: Self.command("'\(dir.path)/gaad'"))
        let loading = t.waitFor(text: "Ctrl-C cancels")
        #expect(loading.ok, "no progress display:\n\(loading.screen)")
        #expect(loading.screen.contains("trustmap · opening"))
        t.send("C-c")
        let done = t.waitFor { Self.finished($0) }
        #expect(done.screen.contains("EXIT:130"), "\(done.screen)")
        #expect(Self.terminalIsSane(done.screen), "terminal not restored: \(done.screen)")

        let empty = dir.appendingPathComponent("empty.yaml")
        try "accounts: [}".write(to: empty, atomically: true, encoding: .utf8)
        let bad = try TmuxSession(command: Self.command("'\(empty.path)'"))
        let failed = bad.waitFor { Self.finished($0) }
        #expect(failed.screen.contains("EXIT:65"), "\(failed.screen)")
        #expect(failed.screen.contains("empty.yaml"), "the error names the file: \(failed.screen)")
        #expect(Self.terminalIsSane(failed.screen), "terminal not restored: \(failed.screen)")
        #expect(bad.display("#{alternate_on}") == "0")
    }

    @Test("without a terminal it refuses to start, names the other commands, exits 1")
    func noTerminal() {
        let r = Spawn.run([EndToEnd.binary ?? "trustmap"])
        #expect(r.status == 1)
        #expect(r.output.contains("interactive terminal"))
        #expect(r.output.contains("trustmap validate"))
    }
}

enum EndToEnd {
    /// The `trustmap` binary `swift test` built beside the test bundle.
    static let binary: String? = {
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("trustmap"))
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/trustmap"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }()

    static var hasTmux: Bool { Spawn.run(["sh", "-c", "command -v tmux"]).status == 0 }

    static var isAvailable: Bool { binary != nil && hasTmux }

    static var skipReason: Comment {
        binary == nil ? "skipped: the trustmap binary was not found beside the tests" : "skipped: tmux is not installed"
    }
}
