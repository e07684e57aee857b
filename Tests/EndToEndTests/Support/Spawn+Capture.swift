import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension Spawn {
    /// What a command printed, each stream on its own, and how it exited.
    struct Captured {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program with stdin from /dev/null and stdout and stderr captured apart (to temporary files,
    /// never pipes, for the reason `run` gives), with `directory` as its working directory when given.
    static func capture(_ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil) -> Captured {
        let base = NSTemporaryDirectory() + "trustmap-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let outPath = base + ".out", errPath = base + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        for fd in 3..<64 { posix_spawn_file_actions_addclose(&actions, Int32(fd)) }
        // A shell sets the working directory: posix_spawn_file_actions_addchdir is not everywhere yet.
        let argv0 = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0] + arguments } ?? arguments
        var env = environment ?? ProcessInfo.processInfo.environment
        if env["LANG"] == nil { env["LANG"] = "C.UTF-8" }
        env["NO_COLOR"] = "1"
        let argv = argv0.map { strdup($0) } + [nil]
        let envv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envv.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, argv0[0], &actions, nil, argv, envv) == 0 else {
            return Captured(status: -1, stdout: "", stderr: "spawn failed")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7F) == 0
        return Captured(
            status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
