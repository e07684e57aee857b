import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and waits for it with `posix_spawn` + `waitpid`.
///
/// `Foundation.Process.waitUntilExit()` can hang for ever when tmux's server daemonises while
/// holding an inherited descriptor (terminal.md); output goes to a temporary file instead of a pipe.
enum Spawn {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String], environment: [String: String]? = nil, stdinDevNull: Bool = true) -> Result {
        let outPath = NSTemporaryDirectory() + "trustmap-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if stdinDevNull { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Close everything else so no daemon inherits our descriptors.
        for fd in 3..<64 { posix_spawn_file_actions_addclose(&actions, Int32(fd)) }

        var env = environment ?? ProcessInfo.processInfo.environment
        if env["LANG"] == nil { env["LANG"] = "C.UTF-8" }
        let envp = env.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        let envv = envp.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envv.forEach { free($0) }
        }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        // Children must not inherit the test runner's blocked signals (resize would never arrive).
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK))
        let rc = posix_spawnp(&pid, arguments[0], &actions, &attr, argv, envv)
        guard rc == 0 else { return Result(status: -1, output: "spawn failed: \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7F) == 0
        return Result(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output: output)
    }
}
