import ArgumentParser
import Inventory
import PolicyEngine

/// `trustmap validate [INVENTORY...] [--format text|json]` (spec/cli.md): loads the inputs and
/// reports what was recognised, skipped and merged, and every warning and error. Exit 0 when the
/// inventory is usable (warnings allowed), 65 when it is not.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Load the inventory and report what was recognised, skipped and merged, with every warning and error.",
        discussion: "Exit status 0 when the inventory is usable (warnings allowed), 65 when it is not."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var options: InventoryOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let report = options.loadReport()
        switch format {
        case .text: print(Self.text(report), terminator: "")
        case .json: print(JSONWriter.write(Self.json(report)))
        }
        if !report.isUsable { throw ExitCode(65) }
    }

    static func json(_ report: LoadReport) -> JSONValue {
        let inventory = report.inventory
        func diagnostic(_ d: LoadDiagnostic) -> JSONValue {
            .object(JSONObject([
                ("file", .string(d.file)),
                ("line", d.line.map { .number(String($0)) } ?? .null),
                ("column", d.column.map { .number(String($0)) } ?? .null),
                ("field", d.field.map { .string($0) } ?? .null),
                ("message", .string(d.message)),
            ]))
        }
        let files: [JSONValue] = report.files.map {
            .object(JSONObject([("path", .string($0.path)), ("kind", .string($0.kind)), ("status", .string($0.status.rawValue))]))
        }
        let accounts: [JSONValue] = inventory.accounts.map {
            .object(JSONObject([
                ("id", .string($0.id)),
                ("name", $0.name.map { .string($0) } ?? .null),
                ("inOrganization", .bool($0.inOrganization)),
                ("thirdParty", .bool($0.thirdParty)),
                ("listed", .bool($0.isListed)),
            ]))
        }
        var members: [(key: String, value: JSONValue)] = [
            ("files", .array(files)),
            ("accounts", .array(accounts)),
            ("counts", .object(JSONObject([
                ("accounts", .number(String(inventory.accounts.count))),
                ("roles", .number(String(inventory.roles.count))),
                ("users", .number(String(inventory.users.count))),
                ("groups", .number(String(inventory.groupCount))),
                ("policies", .number(String(inventory.managedPolicyCount))),
                ("scps", .number(String(inventory.organization?.scps.count ?? 0))),
                ("rcps", .number(String(inventory.organization?.rcps.count ?? 0))),
                ("samlProviders", .number(String(inventory.samlProviders.count))),
                ("oidcProviders", .number(String(inventory.oidcProviders.count))),
                ("observedEvents", .number(String(inventory.observedEvents.count))),
            ]))),
        ]
        if let org = inventory.organization {
            members.append(("organization", .object(JSONObject([
                ("id", .string(org.id)),
                ("managementAccount", org.managementAccount.map { .string($0) } ?? .null),
                ("units", .number(String(org.units.count))),
            ]))))
        }
        members.append(("usable", .bool(report.isUsable)))
        members.append(("warnings", .array(report.warnings.map(diagnostic))))
        members.append(("errors", .array(report.errors.map(diagnostic))))
        return .object(JSONObject(members))
    }

    /// The report for a terminal: file names, account names and the diagnostics (which quote the
    /// inventory) are escaped (`TerminalSafe`).
    static func text(_ report: LoadReport) -> String {
        let inventory = report.inventory
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        line("Files (\(report.files.count)):")
        let kindWidth = report.files.map(\.kind.count).max() ?? 0
        for f in report.files {
            let status = f.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            line("  \(status) \(f.kind.padding(toLength: kindWidth, withPad: " ", startingAt: 0))  \(f.path.terminalSafe)")
        }
        if let org = inventory.organization {
            line("Organization: \(org.id.terminalSafe)\(org.managementAccount.map { ", management account \($0.terminalSafe)" } ?? ""); \(org.scps.count) SCP\(org.scps.count == 1 ? "" : "s"), \(org.rcps.count) RCP\(org.rcps.count == 1 ? "" : "s"), \(org.units.count) OU\(org.units.count == 1 ? "" : "s")")
        }
        let listed = inventory.accounts.filter(\.isListed).count
        line("Accounts (\(inventory.accounts.count): \(listed) known, \(inventory.accounts.count - listed) only referenced):")
        for a in inventory.accounts {
            var notes: [String] = []
            notes.append(a.inOrganization ? "in organization" : "outside organization")
            if a.thirdParty { notes.append("third party") }
            if !a.isListed { notes.append("unknown external account") }
            line("  \(a.id.terminalSafe)  \((a.name ?? "-").terminalSafe)  (\(notes.joined(separator: ", ")))")
        }
        line("Counts: \(inventory.roles.count) roles, \(inventory.users.count) users, \(inventory.groupCount) groups, \(inventory.managedPolicyCount) managed policies, \(inventory.samlProviders.count + inventory.oidcProviders.count) identity providers, \(inventory.observedEvents.count) observed STS events")
        if !report.warnings.isEmpty {
            line("Warnings (\(report.warnings.count)):")
            for w in report.warnings { line("  warning: \(w.description.terminalSafe)") }
        }
        if !report.errors.isEmpty {
            line("Errors (\(report.errors.count)):")
            for e in report.errors { line("  error: \(e.description.terminalSafe)") }
        }
        line(report.isUsable ? "The inventory is usable." : "The inventory is NOT usable: fix the errors above (exit 65).")
        return out
    }
}
