import ArgumentParser
import Foundation
import Inventory
import NcursesBackend
import TerminalUI
import TrustAnalysis
import TrustmapApp
import Synchronization

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

        // The walkthrough is read before the terminal starts: a bad file is reported on a plain screen.
        var walkthroughText: String? = nil
        if let walkthrough {
            guard let text = try? String(contentsOfFile: walkthrough, encoding: .utf8) else {
                // An input that cannot be used: 65, as for an unreadable inventory or request file (cli.md).
                let why = FileManager.default.fileExists(atPath: walkthrough) ? "cannot be read as UTF-8 text" : "no such file"
                printError("error: --walkthrough \(walkthrough): \(why)")
                throw ExitCode(65)
            }
            walkthroughText = text
        }

        // A malformed suppression file is reported on a plain screen, before the terminal starts.
        let suppressions = try analysis.loadSuppressions(inputs: inventory.inventory)

        // The terminal first: the dashboard shows what it reads and analyses from its first frame.
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal()
        } catch {
            // No dashboard without a terminal; an unusable inventory is still reported as such (exit 65).
            _ = try inventory.load(quiet: true)
            printError("trustmap: \(error)")
            throw ExitCode(1)
        }
        let loaded: LoadedInventory
        do {
            loaded = try loadShowingProgress(on: terminal, suppressions: suppressions,
                                             theme: catalog.themes[themeName.flatMap { catalog.index(named: $0) } ?? 0])
        } catch {
            terminal.stop()
            throw error
        }
        let (report, result, now) = (loaded.report, loaded.analysis, loaded.now)

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
        if let text = walkthroughText {
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.hasPrefix("#") {
                state.update(.command(String(line)))
            }
        }
        if let first = startupMessages.first {
            state.message = first
            state.messageIsError = true
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

    /// What the worker thread hands back.
    struct LoadedInventory: Sendable {
        var report: LoadReport
        var analysis: Analysis
        var now: Int64
    }

    enum Outcome: Sendable {
        case loaded(LoadedInventory)
        case unusable([LoadDiagnostic])
    }

    /// Reads and analyses on a worker thread while this one draws the progress and watches for Ctrl-C
    /// (and q): a large organization never opens on a blank screen, and can be abandoned while it loads.
    /// An unusable inventory restores the terminal, then prints its errors (exit 65).
    func loadShowingProgress(on terminal: NcursesTerminal, suppressions: SuppressionList, theme: Theme) throws -> LoadedInventory {
        let now = analysis.now
        let paths = inventory.inventory
        let limits = inventory.limits
        let progress = WorkProgress()
        let outcome = Mutex<Outcome?>(nil)
        Thread.detachNewThread {
            let report = paths.isEmpty ? InventoryLoader.loadDemo() : InventoryLoader.load(paths: paths, limits: limits, progress: progress)
            guard report.isUsable else {
                outcome.withLock { $0 = .unusable(report.errors) }
                return
            }
            let result = Analysis.analyze(report.inventory, at: now, suppressions: suppressions, progress: progress)
            outcome.withLock { $0 = .loaded(LoadedInventory(report: report, analysis: result, now: now)) }
        }
        let source = paths.isEmpty ? "the demo organization" : paths.joined(separator: ", ")
        let clock = ContinuousClock()
        let start = clock.now
        // A small inventory is ready before a progress frame would be seen: give it a moment, no flash.
        while outcome.withLock({ $0 }) == nil && clock.now - start < .milliseconds(150) { usleep(2_000) }
        terminal.setInputTimeout(milliseconds: 20)
        defer { terminal.setInputTimeout(milliseconds: 100) }
        while true {
            switch outcome.withLock({ $0 }) {
            case .loaded(let l)?:
                return l
            case .unusable(let errors)?:
                terminal.stop()
                for e in errors { printError("error: \(e)") }
                throw ExitCode(65)
            case nil:
                break
            }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let (w, h) = terminal.size
            terminal.present(LoadingView.render(progress.snapshot(), source: source, elapsedSeconds: seconds, width: w, height: h), theme: theme)
            // Waits for input at most 20 ms, then looks again and redraws.
            switch terminal.nextEvent() {
            case .interrupt(let signal)?:
                terminal.stop()
                throw ExitCode(128 + signal)
            case .key(.character("q"))?:
                terminal.stop()
                throw ExitCode(0)
            default:
                break
            }
        }
    }
}
