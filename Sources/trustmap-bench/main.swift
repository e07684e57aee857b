import Foundation

// trustmap-bench: generates organizations with `trustmap generate`'s generator and measures load,
// analysis, simulations and dashboard frames at each size (README: "Performance").
let arguments = Array(CommandLine.arguments.dropFirst())
let options: BenchOptions
do {
    options = try BenchOptions.parse(arguments)
} catch {
    let isHelp = arguments.contains("-h") || arguments.contains("--help")
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(isHelp ? 0 : 64)
}

if let directory = options.workerDirectory, let resultPath = options.workerResultPath {
    // A child measuring one size (see ChildProcess).
    do {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try SizeWorker.run(options: options, directory: directory) { result in
            try encoder.encode(result).write(to: URL(fileURLWithPath: resultPath), options: .atomic)
        }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
}

if let stage = options.profileStage {
    guard let directory = options.profileDirectory else {
        FileHandle.standardError.write(Data("--profile needs --profile-dir DIR (an organization written by --out-dir)\n".utf8))
        exit(64)
    }
    exit(ProfileRun.run(stage: stage, directory: directory, options: options))
}

exit(BenchRunner.run(options, arguments: arguments))
