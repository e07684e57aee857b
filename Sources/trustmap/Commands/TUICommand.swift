import ArgumentParser
import Foundation
import Inventory
import NcursesBackend
import TerminalUI
import TrustAnalysis
import TrustmapApp

/// The dashboard (the default command).
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the dashboard (the default when no command is given)."
    )

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var analysis: AnalysisOptions

    @Option(help: "Theme name (default, light, high-contrast, mono, or one of yours) or a theme YAML file.")
    var theme: String?

    @Option(help: "A file of palette commands to run one per line at start, for rehearsed walkthroughs.")
    var walkthrough: String?

    @Flag(help: "Show external IDs in full from the start (the header warns while they are shown).")
    var revealSecrets = false

    func validate() throws {
        // With no command, every argument is an inventory path: a mistyped command is reported as one
        // (a usage error), not as an unreadable inventory.
        for path in inventory.inventory where !path.contains("/") && !path.contains(".") && !FileManager.default.fileExists(atPath: path) {
            let commands = TrustmapCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
            throw ValidationError("'\(path.terminalSafe)' is neither a command nor a file or folder; the commands are \(commands.joined(separator: ", ")) (trustmap --help)")
        }
    }

    func run() throws {
        let (report, result, now) = try analysis.load(inventory, quiet: true)
        let env = ProcessInfo.processInfo.environment

        // Themes: built-in, then ~/.config/trustmap/themes and ./themes, then --theme FILE.
        var directories: [String] = []
        if let home = env["HOME"] { directories.append(home + "/.config/trustmap/themes") }
        directories.append(FileManager.default.currentDirectoryPath + "/themes")
        let themeIsFile = theme.map { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.contains("/") } ?? false
        let catalog = ThemeCatalog.load(directories: directories, extraFile: themeIsFile ? theme : nil)
        var themeName = theme
        if themeIsFile, let file = theme {
            // The file's own name is inside it; use the theme the file added last.
            themeName = (try? String(contentsOfFile: file, encoding: .utf8)).flatMap { try? Theme.parse(yaml: $0, file: file).name }
        }
        // NO_COLOR (https://no-color.org): any non-empty value means no colour at all.
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { themeName = "mono" }

        var state = AppState(
            analysis: result,
            sourceDescription: inventory.inventory.isEmpty ? "demo" : inventory.inventory.joined(separator: ", "),
            loadWarnings: report.warnings.count,
            now: now,
            themes: catalog,
            themeName: themeName,
            revealSecrets: revealSecrets
        )
        var startupMessages = catalog.problems.map { "theme not used: \($0)" }
        if let t = theme, catalog.index(named: themeName ?? t) == nil, env["NO_COLOR"]?.isEmpty ?? true {
            startupMessages.append("theme '\(t)' not found: using \(state.theme.name)")
        }
        if let walkthrough {
            guard let text = try? String(contentsOfFile: walkthrough, encoding: .utf8) else {
                // An input that cannot be used: 65, as for an unreadable inventory or request file (cli.md).
                let why = FileManager.default.fileExists(atPath: walkthrough) ? "cannot be read as UTF-8 text" : "no such file"
                printError("error: --walkthrough \(walkthrough): \(why)")
                throw ExitCode(65)
            }
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.hasPrefix("#") {
                state.update(.command(String(line)))
            }
        }
        if let first = startupMessages.first {
            state.message = first
            state.messageIsError = true
        }

        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal()
        } catch {
            printError("trustmap: \(error)")
            throw ExitCode(1)
        }
        var backend = terminal
        var runner = AppRunner(state: state) { effect in
            switch effect {
            case .writeFile(let path, let contents):
                do {
                    try contents.write(toFile: path, atomically: true, encoding: .utf8)
                    return "wrote \(path)"
                } catch {
                    return "could not write \(path): \(error.localizedDescription)"
                }
            }
        }
        if env["TRUSTMAP_TEST_CRASH"] == "1" {
            // A test hook: the end-to-end tests check that a crash mid-session leaves a usable terminal.
            runner.redraw(on: &backend)
            usleep(300_000)
            fatalError("TRUSTMAP_TEST_CRASH=1: deliberate crash to test the terminal crash guard")
        }
        let status = runner.run(on: &backend)
        // One exit path: restore the terminal, then print, then exit.
        terminal.stop()
        for problem in startupMessages.dropFirst() { printError(problem) }
        if status != 0 { throw ExitCode(status) }
    }
}
