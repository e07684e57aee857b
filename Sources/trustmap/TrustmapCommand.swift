import ArgumentParser
import Foundation
import PolicyEngine

@main
struct TrustmapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustmap",
        abstract: "Explore who can assume which AWS IAM role, and why — offline, from local inventory files.",
        discussion: """
            With no subcommand, opens the dashboard (the same as `trustmap tui`), on the embedded \
            demo organization when no inventory is given.
            """,
        subcommands: [
            TUICommand.self, SimulateCommand.self, WhoCanAssumeCommand.self, FindingsCommand.self,
            GraphCommand.self, PathsCommand.self, ValidateCommand.self, GenerateCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    /// `trustmap help nope` would print the overall help and exit 0, so a script's typo passes
    /// silently: an unknown help topic is a usage error (64), as an unknown command is.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "help", arguments.count > 1, let topic = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }) {
            let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
            if !commands.contains(topic) {
                FileHandle.standardError.write(Data("Error: no help on '\(topic.terminalSafe)': not a command; the commands are \(commands.joined(separator: ", "))\n".utf8))
                Foundation.exit(64)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // As ArgumentParser's own `exit(withError:)`, but the message - which may quote an argument, and
            // arguments are often ARNs taken from an inventory - is escaped line by line (TerminalSafe).
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let safe = message.split(separator: "\n", omittingEmptySubsequences: false).map(\.terminalSafe).joined(separator: "\n")
                (code == .success ? FileHandle.standardOutput : FileHandle.standardError).write(Data((safe + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
