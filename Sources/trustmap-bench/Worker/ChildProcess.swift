import Foundation

/// Starts this executable again to measure one size, and reads back what it measured.
enum ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func measure(accounts: Int, directory: String, options: BenchOptions, scratch: String) throws -> SizeResult {
        let resultPath = "\(scratch)/result-\(accounts).json"
        try? FileManager.default.removeItem(atPath: resultPath)
        let p = Process()
        // /proc/self/exe names this very binary, whatever the working directory or PATH.
        p.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        p.arguments = options.workerArguments(accounts: accounts, directory: directory, resultPath: resultPath)
        p.standardOutput = FileHandle.standardOutput
        p.standardError = FileHandle.standardError
        try p.run()
        p.waitUntilExit()
        guard p.terminationReason == .exit, p.terminationStatus == 0 else {
            throw Failure(description: "the measurement of \(accounts) accounts ended with status \(p.terminationStatus)")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: resultPath))
        return try JSONDecoder().decode(SizeResult.self, from: data)
    }
}
