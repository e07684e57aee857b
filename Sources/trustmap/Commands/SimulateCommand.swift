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
    var mfaAge: Int64?
    @Option(name: .customLong("source-ip"), help: "The caller's IP address (absent: a call through a VPC endpoint).")
    var sourceIp: String?
    @Option(name: .customLong("source-vpc"), help: "aws:SourceVpc.")
    var sourceVpc: String?
    @Option(name: .customLong("session-name"), help: "RoleSessionName.")
    var sessionName: String?
    @Option(help: "DurationSeconds.")
    var duration: Int?
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

    func validate() throws {
        if request == nil && role == nil { throw ValidationError("--role is required (or give --request FILE)") }
        if let a = action, AssumeAction(name: a) == nil { throw ValidationError("--action must be sts:AssumeRole, sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML") }
        if let c = callerPolicies, AssumeRoleRequest.CallerPolicyAssumption(rawValue: c) == nil { throw ValidationError("--caller-policies must be unknown-allows or unknown-denies") }
        if let at, ISO8601.parseEpochSeconds(at) == nil { throw ValidationError("--at must be an ISO 8601 instant such as 2026-01-02T03:04:05Z") }
        for t in sessionTags where !t.contains("=") { throw ValidationError("--session-tag takes KEY=VALUE, got '\(t)'") }
        for c in context where !c.contains("=") { throw ValidationError("--context takes KEY=VALUE, got '\(c)'") }
    }

    func run() throws {
        let now = at.flatMap(ISO8601.parseEpochSeconds) ?? Int64(Date().timeIntervalSince1970)
        var r = try buildRequest(now: now)
        if r.principal == nil && r.action == .assumeRole {
            throw ValidationError("--principal is required for sts:AssumeRole")
        }
        if at != nil { r.currentTime = now }
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

    /// The request: the `--request` file first, then every flag given over it.
    func buildRequest(now: Int64) throws -> AssumeRoleRequest {
        var r = AssumeRoleRequest(role: role ?? "", currentTime: now)
        if let request {
            let json = try Self.readJSON(request)
            do {
                r = try AssumeRoleRequest(json: json.value, currentTime: now, requireRole: role == nil)
            } catch {
                throw Self.fail(file: request, bytes: json.bytes, path: error.path, message: error.message, field: error.field)
            }
        }
        if let role { r.role = role }
        if let principal { r.principal = principal }
        if let action { r.action = AssumeAction(name: action)! }
        if let externalId { r.externalId = externalId }
        if let mfa { r.mfa = mfa }
        if let mfaAge { r.mfaAgeSeconds = mfaAge }
        if let sourceIp { r.sourceIp = sourceIp }
        if let sourceVpc { r.sourceVpc = sourceVpc }
        if let sessionName { r.sessionName = sessionName }
        if let duration { r.durationSeconds = duration }
        if !sessionTags.isEmpty {
            r.sessionTags = sessionTags.map { t in
                let eq = t.firstIndex(of: "=")!
                return AssumeRoleRequest.SessionTag(key: String(t[..<eq]), value: String(t[t.index(after: eq)...]))
            }
        }
        if !transitiveTagKeys.isEmpty { r.transitiveTagKeys = transitiveTagKeys }
        if let sourceIdentity { r.sourceIdentity = sourceIdentity }
        if let sessionPolicy { r.sessionPolicy = PolicyDocument(json: try Self.readJSON(sessionPolicy).value) }
        if chained { r.chained = true }
        if let sourceArn { r.sourceArn = sourceArn }
        if let sourceAccount { r.sourceAccount = sourceAccount }
        if let file = webIdentityClaims {
            let json = try Self.readJSON(file)
            guard case .object(var o) = json.value else { throw Self.fail(file: file, bytes: json.bytes, path: [], message: "must be a JSON object of token claims", field: "claims") }
            if o["provider"] == nil, let iss = o["iss"]?.stringValue { o["provider"] = .string(iss) }
            do {
                r.webIdentity = try AssumeRoleRequest(json: ["role": "x", "webIdentity": .object(o)], currentTime: now).webIdentity
            } catch {
                throw Self.fail(file: file, bytes: json.bytes, path: Array(error.path.dropFirst()), message: error.message, field: error.path.dropFirst().isEmpty ? "claims" : Array(error.path.dropFirst()).dottedPath)
            }
            if action == nil && request == nil { r.action = .assumeRoleWithWebIdentity }
        }
        if let file = samlAttributes {
            let json = try Self.readJSON(file)
            do {
                r.saml = try AssumeRoleRequest(json: ["role": "x", "saml": json.value], currentTime: now).saml
            } catch {
                throw Self.fail(file: file, bytes: json.bytes, path: Array(error.path.dropFirst()), message: error.message, field: error.path.dropFirst().isEmpty ? "saml" : Array(error.path.dropFirst()).dottedPath)
            }
            if action == nil && request == nil { r.action = .assumeRoleWithSAML }
        }
        if !context.isEmpty {
            // A key given several times is multivalued.
            var order: [String] = []
            var values: [String: [String]] = [:]
            for c in context {
                let eq = c.firstIndex(of: "=")!
                let k = String(c[..<eq])
                if values[k] == nil { order.append(k) }
                values[k, default: []].append(String(c[c.index(after: eq)...]))
            }
            for k in order {
                let v = values[k]!
                r.extraContext.removeAll { $0.key.lowercased() == k.lowercased() }
                r.extraContext.append(AssumeRoleRequest.ContextEntry(key: k, value: v.count == 1 ? .single(v[0]) : .multi(v)))
            }
        }
        if let callerPolicies { r.callerPolicies = AssumeRoleRequest.CallerPolicyAssumption(rawValue: callerPolicies)! }
        // STS requires RoleSessionName; a person asking "can X assume Y" rarely cares which one, so the
        // command supplies one (the engine itself still reports a missing name as invalid).
        if r.sessionName == nil && r.action != .assumeRoleWithSAML { r.sessionName = "trustmap" }
        return r
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
