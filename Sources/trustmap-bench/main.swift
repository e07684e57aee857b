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
        let result = try SizeWorker.run(options: options, directory: directory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(result).write(to: URL(fileURLWithPath: resultPath))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
}

exit(BenchRunner.run(options, arguments: arguments))
