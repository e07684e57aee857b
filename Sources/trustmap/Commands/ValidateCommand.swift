import ArgumentParser

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Not built yet.")

    func run() throws {
        printError("trustmap validate: not built yet")
        throw ExitCode(1)
    }
}
