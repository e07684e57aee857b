import ArgumentParser

struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tui", abstract: "Not built yet.")

    func run() throws {
        printError("trustmap tui: not built yet")
        throw ExitCode(1)
    }
}
