import Foundation

/// The machine and the code the figures came from, so a reader can judge and reproduce them.
struct MachineInfo: Codable, Sendable {
    var cpuModel: String
    var logicalCores: Int
    var memoryGiB: Double
    var kernel: String
    var gitCommit: String?
    var gitDirty: Bool?
    var buildConfiguration: String

    static func current() -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let kib = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }.map { Int($0.filter(\.isNumber)) ?? 0 } ?? 0
        let kernel = ((try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)) ?? "unknown")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        let commit = run("git", ["rev-parse", "--short=12", "HEAD"])
        let dirty = commit == nil ? nil : !(run("git", ["status", "--porcelain", "--untracked-files=no"]) ?? "").isEmpty
        return MachineInfo(cpuModel: model, logicalCores: ProcessInfo.processInfo.activeProcessorCount,
                           memoryGiB: (Double(kib) / 1_048_576 * 10).rounded() / 10, kernel: kernel,
                           gitCommit: commit, gitDirty: dirty, buildConfiguration: configuration)
    }

    /// Output of a command found on PATH, trimmed; nil when it fails.
    private static func run(_ tool: String, _ arguments: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
