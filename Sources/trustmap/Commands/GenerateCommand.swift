import ArgumentParser
import Foundation
import PolicyEngine
import TrustAnalysis

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "A deterministic synthetic organization, for demos and benchmarks.",
        discussion: "Writes DIR/inventory.json (native format) and DIR/gaad/<account>.json (authorization details), the same facts twice.")

    /// Bounds that keep a typo from filling the disk: 10,000 accounts of 1,000 roles and 1,000 users
    /// is already three times the largest organization the benchmark measures (3,000 × 60).
    static let maxAccounts = 10_000
    static let maxPerAccount = 1_000

    // `.unconditional`: `--accounts -1` is a value to reject with a sentence, not a missing value.
    @Option(parsing: .unconditional, help: "Accounts of the organization (1 to 10,000).")
    var accounts: Int
    @Option(name: .customLong("roles-per-account"), parsing: .unconditional, help: "Roles in each account (0 to 1,000).")
    var rolesPerAccount: Int
    @Option(name: .customLong("users-per-account"), parsing: .unconditional, help: "IAM users in each account (0 to 1,000).")
    var usersPerAccount: Int
    @Option(help: "Seed: the same seed gives the same organization.")
    var seed: UInt64
    @Option(help: "The mix of trust: classic (the default) or org-shared (classic plus about 2 % of the roles trusting \"*\" guarded by aws:PrincipalOrgID).")
    var shape: String = SyntheticOrganization.Shape.classic.rawValue
    @Option(help: "Output folder (created when missing).")
    var out: String

    func validate() throws {
        if accounts < 1 || accounts > Self.maxAccounts {
            throw ValidationError("--accounts must be between 1 and \(Self.maxAccounts), got \(accounts)")
        }
        for (flag, value) in [("--roles-per-account", rolesPerAccount), ("--users-per-account", usersPerAccount)] where value < 0 || value > Self.maxPerAccount {
            throw ValidationError("\(flag) must be between 0 and \(Self.maxPerAccount), got \(value)")
        }
        if SyntheticOrganization.Shape(rawValue: shape) == nil {
            throw ValidationError("--shape must be one of: " + SyntheticOrganization.Shape.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("--out \(out.terminalSafe) is a file, not a folder: give a folder to write inventory.json and gaad/ into (it is created when missing)")
        }
    }

    func run() throws {
        let org = SyntheticOrganization(.init(accounts: accounts, rolesPerAccount: rolesPerAccount, usersPerAccount: usersPerAccount, seed: seed,
                                                shape: SyntheticOrganization.Shape(rawValue: shape) ?? .classic))
        do {
            try org.write(to: out)
        } catch {
            printError("error: --out \(out): cannot write the organization there: \(Self.obstacle(to: out) ?? Self.reason(error))")
            throw ExitCode(1)
        }
        let c = org.counts
        print("wrote \(out.terminalSafe)/inventory.json and \(out)/gaad/: \(c.accounts) accounts, \(c.roles) roles, \(c.users) users")
    }

    /// What stands in the way of creating `path`: its nearest existing ancestor is a file, or is not writable.
    static func obstacle(to path: String) -> String? {
        let fm = FileManager.default
        var p = path
        while !p.isEmpty, p != "/" {
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: p, isDirectory: &isFolder) {
                if !isFolder.boolValue { return "\(p) is a file, not a folder" }
                return fm.isWritableFile(atPath: p) ? nil : "the folder \(p) is not writable"
            }
            p = (p as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// The operating system's reason (e.g. "Permission denied", "Not a directory") and the file it concerns,
    /// rather than Foundation's "The operation could not be completed (NSCocoaErrorDomain error 512)".
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        let file = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        var underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError
        while let next = underlying?.userInfo[NSUnderlyingErrorKey] as? NSError { underlying = next }
        let why: String
        if let u = underlying, u.domain == NSPOSIXErrorDomain, let text = strerror(Int32(u.code)) {
            why = String(cString: text)
        } else {
            why = ns.localizedFailureReason ?? ns.localizedDescription
        }
        return file.map { "\($0): \(why)" } ?? why
    }
}
