import ArgumentParser

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "simulate", abstract: "Not built yet.")

    func run() throws {
        printError("trustmap simulate: not built yet")
        throw ExitCode(1)
    }
}
