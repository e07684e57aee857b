import ArgumentParser

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Not built yet.")

    func run() throws {
        printError("trustmap generate: not built yet")
        throw ExitCode(1)
    }
}
