import Foundation
import TrustAnalysis

/// One organization written by the project's own generator (the code behind `trustmap generate`):
/// `inventory.json` (native) and `gaad/<account>.json` (authorization details, one per account).
struct GeneratedOrganization: Sendable {
    var accounts: Int
    var directory: String
    var roles: Int
    var users: Int
    var generateSeconds: Double
    var writeSeconds: Double
    var nativeBytes: Int
    var dumpBytes: Int
    var dumpFiles: Int

    var nativePath: String { directory + "/inventory.json" }
    var dumpsPath: String { directory + "/gaad" }
    var principals: Int { roles + users }

    /// Generates with `trustmap generate`'s generator as a library, in this process.
    static func generate(accounts: Int, roles: Int, users: Int, seed: UInt64, shape: SyntheticOrganization.Shape = .classic,
                         under parent: String) throws -> GeneratedOrganization {
        let directory = "\(parent)/org-\(accounts)x\(roles)x\(users)-seed\(seed)" + (shape == .classic ? "" : "-\(shape.rawValue)")
        try? FileManager.default.removeItem(atPath: directory)
        let (org, generateSeconds) = Stopwatch.time {
            SyntheticOrganization(.init(accounts: accounts, rolesPerAccount: roles, usersPerAccount: users, seed: seed, shape: shape))
        }
        let ((), writeSeconds) = try Stopwatch.time { try org.write(to: directory) }
        let counts = org.counts
        var result = GeneratedOrganization(accounts: accounts, directory: directory, roles: counts.roles, users: counts.users,
                                           generateSeconds: generateSeconds, writeSeconds: writeSeconds,
                                           nativeBytes: 0, dumpBytes: 0, dumpFiles: 0)
        result.measureFiles()
        return result
    }

    private mutating func measureFiles() {
        let fm = FileManager.default
        nativeBytes = (try? fm.attributesOfItem(atPath: nativePath)[.size] as? Int) ?? 0
        let names = (try? fm.contentsOfDirectory(atPath: dumpsPath)) ?? []
        dumpFiles = names.count
        dumpBytes = names.reduce(0) { $0 + ((try? fm.attributesOfItem(atPath: dumpsPath + "/" + $1)[.size] as? Int) ?? 0) }
    }
}
