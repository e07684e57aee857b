import ArgumentParser

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
}
