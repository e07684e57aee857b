import ArgumentParser
import TrustAnalysis

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "A deterministic synthetic organization, for demos and benchmarks.",
        discussion: "Writes DIR/inventory.json (native format) and DIR/gaad/<account>.json (authorization details), the same facts twice.")

    @Option(help: "Accounts of the organization.")
    var accounts: Int
    @Option(name: .customLong("roles-per-account"), help: "Roles in each account.")
    var rolesPerAccount: Int
    @Option(name: .customLong("users-per-account"), help: "IAM users in each account.")
    var usersPerAccount: Int
    @Option(help: "Seed: the same seed gives the same organization.")
    var seed: UInt64
    @Option(help: "The mix of trust: classic (the default) or org-shared (classic plus about 2 % of the roles trusting \"*\" guarded by aws:PrincipalOrgID).")
    var shape: String = SyntheticOrganization.Shape.classic.rawValue
    @Option(help: "Output folder.")
    var out: String

    func validate() throws {
        if accounts < 1 { throw ValidationError("--accounts must be 1 or more") }
        if SyntheticOrganization.Shape(rawValue: shape) == nil {
            throw ValidationError("--shape must be one of: " + SyntheticOrganization.Shape.allCases.map(\.rawValue).joined(separator: ", "))
        }
        if rolesPerAccount < 0 || usersPerAccount < 0 { throw ValidationError("--roles-per-account and --users-per-account must be 0 or more") }
    }

    func run() throws {
        let org = SyntheticOrganization(.init(accounts: accounts, rolesPerAccount: rolesPerAccount, usersPerAccount: usersPerAccount, seed: seed,
                                                shape: SyntheticOrganization.Shape(rawValue: shape) ?? .classic))
        do {
            try org.write(to: out)
        } catch {
            printError("error: \(out): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let c = org.counts
        print("wrote \(out)/inventory.json and \(out)/gaad/: \(c.accounts) accounts, \(c.roles) roles, \(c.users) users")
    }
}
