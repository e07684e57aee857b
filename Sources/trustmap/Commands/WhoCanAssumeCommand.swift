import ArgumentParser

struct WhoCanAssumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "who-can-assume", abstract: "Not built yet.")

    func run() throws {
        printError("trustmap who-can-assume: not built yet")
        throw ExitCode(1)
    }
}
