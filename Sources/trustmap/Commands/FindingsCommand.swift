import ArgumentParser

struct FindingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "findings", abstract: "Not built yet.")

    func run() throws {
        printError("trustmap findings: not built yet")
        throw ExitCode(1)
    }
}
