import ArgumentParser

struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "paths", abstract: "Not built yet.")

    func run() throws {
        printError("trustmap paths: not built yet")
        throw ExitCode(1)
    }
}
