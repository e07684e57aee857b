import ArgumentParser
import Foundation
import Inventory
import Simulation
import PolicyEngine

/// `trustmap simulate [INVENTORY...] --principal P --role ROLE_ARN [request flags]` (spec/cli.md):
/// one simulated STS call with its explanation. Exit 0 allowed, 1 denied, 2 invalid, 64 usage,
/// 65 unusable inventory or unreadable request file.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate one sts:AssumeRole / AssumeRoleWithWebIdentity / AssumeRoleWithSAML call and explain the answer.",
        discussion: "Exit status: 0 allowed, 1 denied, 2 invalid request, 64 usage error, 65 unusable inventory or request file."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var options: InventoryOptions

    @Option(help: "The caller: a user, role or session ARN, an account ID, or a service principal.")
    var principal: String?
    @Option(help: "The target role ARN (RoleArn).")
    var role: String?
    @Option(help: "sts:AssumeRole, sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML.")
    var action: String?
    @Option(name: .customLong("external-id"), help: "ExternalId (masked in output unless --reveal-secrets).")
    var externalId: String?
    @Flag(inversion: .prefixedNo, help: "MFA was satisfied.")
    var mfa: Bool?
    @Option(name: .customLong("mfa-age"), help: "Seconds since the MFA authentication.")
    var mfaAge: String?
    @Option(name: .customLong("source-ip"), help: "The caller's IP address (absent: a call through a VPC endpoint).")
    var sourceIp: String?
    @Option(name: .customLong("source-vpc"), help: "aws:SourceVpc.")
    var sourceVpc: String?
    @Option(name: .customLong("session-name"), help: "RoleSessionName.")
    var sessionName: String?
    @Option(help: "DurationSeconds.")
    var duration: String?
    @Option(name: .customLong("session-tag"), help: "A session tag KEY=VALUE (repeatable).")
    var sessionTags: [String] = []
    @Option(name: .customLong("transitive-tag-key"), help: "A transitive tag key (repeatable).")
    var transitiveTagKeys: [String] = []
    @Option(name: .customLong("source-identity"), help: "SourceIdentity.")
    var sourceIdentity: String?
    @Option(name: .customLong("session-policy"), help: "A JSON file: the session policy already on the calling session.")
    var sessionPolicy: String?
    @Flag(help: "The call is role chaining (the caller is itself a role session).")
    var chained = false
    @Option(name: .customLong("source-arn"), help: "aws:SourceArn (service principals).")
    var sourceArn: String?
    @Option(name: .customLong("source-account"), help: "aws:SourceAccount (service principals).")
    var sourceAccount: String?
    @Option(name: .customLong("web-identity-token-claims"), help: "A JSON file of the token's claims (iss or provider, sub, aud, amr…).")
    var webIdentityClaims: String?
    @Option(name: .customLong("saml-attributes"), help: "A JSON file: {provider, aud, sub, subType, iss, attributes}.")
    var samlAttributes: String?
    @Option(name: .customLong("context"), help: "Any other condition key KEY=VALUE (repeatable; repeat a key for a multivalued key).")
    var context: [String] = []
    @Option(help: "aws:CurrentTime as ISO 8601 (default: now).")
    var at: String?
    @Option(name: .customLong("caller-policies"), help: "For callers outside the inventory: unknown-allows (default) or unknown-denies.")
    var callerPolicies: String?
    @Option(help: "A JSON file with the whole request (assume-role.md §0.5); flags override its fields.")
    var request: String?
    @Option(help: "Output format: text or json.")
    var format: Format = .text
    @Flag(name: .customLong("reveal-secrets"), help: "Show external IDs in full.")
    var revealSecrets = false

    /// Every request flag given, set through the one request builder (`RequestFlags`), which checks each
    /// value exactly as the palette's `:simulate` does.
    func flags() throws(RequestFlags.FlagError) -> RequestFlags {
        var f = RequestFlags()
        func set(_ flag: RequestFlags.Flag, _ value: String?) throws(RequestFlags.FlagError) {
            if let value { try f.set(flag, value) }
        }
        try set(.principal, principal)
        try set(.role, role)
        try set(.action, action)
        try set(.externalId, externalId)
        if let mfa { try f.set(mfa ? .mfa : .noMfa) }
        try set(.mfaAge, mfaAge)
        try set(.sourceIp, sourceIp)
        try set(.sourceVpc, sourceVpc)
        try set(.sessionName, sessionName)
        try set(.duration, duration)
        for t in sessionTags { try f.set(.sessionTag, t) }
        for k in transitiveTagKeys { try f.set(.transitiveTagKey, k) }
        try set(.sourceIdentity, sourceIdentity)
        try set(.sessionPolicy, sessionPolicy)
        if chained { try f.set(.chained) }
        try set(.sourceArn, sourceArn)
        try set(.sourceAccount, sourceAccount)
        try set(.webIdentityTokenClaims, webIdentityClaims)
        try set(.samlAttributes, samlAttributes)
        for c in context { try f.set(.context, c) }
        try set(.at, at)
        try set(.callerPolicies, callerPolicies)
        try set(.request, request)
        return f
    }

    func validate() throws {
        if request == nil && role == nil { throw ValidationError("--role is required (or give --request FILE)") }
        let f: RequestFlags
        do { f = try flags() } catch { throw ValidationError(error.description) }
        // Without a request file the caller is known to be missing before anything is loaded.
        if request == nil && principal == nil && f.impliedAction == .assumeRole {
            throw ValidationError("--principal is required for sts:AssumeRole (a user, role or session ARN, an account ID or a service principal)")
        }
    }

    func run() throws {
        let now = Int64(Date().timeIntervalSince1970)
        let r = try buildRequest(now: now)
        let report = try options.load()
        let simulator = Simulator(inventory: report.inventory)
        let result = simulator.simulate(r)
        switch format {
        case .json:
            print(JSONWriter.write(result.jsonValue(revealSecrets: revealSecrets)))
        case .text:
            let env = ProcessInfo.processInfo.environment
            let colour = isatty(STDOUT_FILENO) == 1 && (env["NO_COLOR"]?.isEmpty ?? true)
            print(result.renderText(revealSecrets: revealSecrets, colour: colour), terminator: "")
        }
        switch result.decision {
        case .allowed: return
        case .denied: throw ExitCode(1)
        case .invalid: throw ExitCode(2)
        }
    }

    /// The request, from the one request builder: the `--request` file first, then every flag over it.
    func buildRequest(now: Int64) throws -> AssumeRoleRequest {
        do {
            return try flags().request(now: now, readJSON: Self.readJSON)
        } catch let error as RequestFlags.FlagError {
            throw ValidationError(error.description)
        } catch let error as RequestFlags.BuildError {
            switch error {
            case .flag(let e): throw ValidationError(e.description)
            case .file(let e): throw Self.fail(file: e.file, bytes: e.bytes, path: e.path, message: e.message, field: e.field)
            case .unreadable(let e): throw e
            }
        }
    }

    /// Reads and parses a JSON file; exit 65 with file, line and column when it cannot be used.
    static func readJSON(_ path: String) throws -> (value: JSONValue, bytes: [UInt8]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("error: \(path): cannot read the file")
            throw ExitCode(65)
        }
        let bytes = [UInt8](data)
        do {
            return (try JSONParser.parse(bytes), bytes)
        } catch {
            printError("error: \(path):\(error.position.line):\(error.position.column): \(error.message)")
            throw ExitCode(65)
        }
    }

    static func fail(file: String, bytes: [UInt8], path: [JSONPathComponent], message: String, field: String) -> ExitCode {
        let pos = JSONParser.position(of: path, in: bytes)
        let place = pos.map { "\(file):\($0.line):\($0.column)" } ?? file
        printError("error: \(place): \(field): \(message)")
        return ExitCode(65)
    }
}
