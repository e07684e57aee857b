import ArgumentParser

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Not built yet.")

    func run() throws {
        printError("trustmap graph: not built yet")
        throw ExitCode(1)
    }
}
