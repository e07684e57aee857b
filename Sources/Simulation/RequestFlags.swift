import PolicyEngine

/// The request flags of `trustmap simulate` (cli.md): the one place where a simulated STS request is
/// built from what a person typed. The command line (through swift-argument-parser), the palette's
/// `:simulate` words (`parse(words:)`) and the dashboard's simulate form all set the same flags through
/// `set(_:_:)`, with the same checks and the same messages, and `request(now:…)` makes the request,
/// over a `--request FILE` (assume-role.md §0.5) when one is given.
public struct RequestFlags: Sendable {
    /// Every flag, by its command-line name.
    public enum Flag: String, Sendable, CaseIterable {
        case principal = "--principal", role = "--role", action = "--action", externalId = "--external-id"
        case mfa = "--mfa", noMfa = "--no-mfa", mfaAge = "--mfa-age", sourceIp = "--source-ip", sourceVpc = "--source-vpc"
        case sessionName = "--session-name", duration = "--duration", sessionTag = "--session-tag"
        case transitiveTagKey = "--transitive-tag-key", sourceIdentity = "--source-identity", chained = "--chained"
        case sourceArn = "--source-arn", sourceAccount = "--source-account", context = "--context"
        case callerPolicies = "--caller-policies", at = "--at"
        case sessionPolicy = "--session-policy", webIdentityTokenClaims = "--web-identity-token-claims"
        case samlAttributes = "--saml-attributes", request = "--request"

        /// A switch: it takes no value.
        public var isSwitch: Bool { self == .mfa || self == .noMfa || self == .chained }

        /// It names a file to read (the palette does no I/O, so it refuses these).
        public var readsFile: Bool {
            self == .sessionPolicy || self == .webIdentityTokenClaims || self == .samlAttributes || self == .request
        }

        /// Repeatable: each use adds a value.
        public var isRepeatable: Bool { self == .sessionTag || self == .transitiveTagKey || self == .context }
    }

    /// A flag or its value that cannot become part of a request, in a sentence naming the flag.
    public struct FlagError: Error, Sendable, Hashable, CustomStringConvertible {
        public var flag: Flag?
        /// The problem, to follow the flag's name: "takes a number of seconds, got 'soon'".
        public var problem: String

        public init(flag: Flag?, problem: String) {
            self.flag = flag
            self.problem = problem
        }

        /// `--duration takes a number of seconds, got 'soon'`.
        public var description: String { flag.map { "\($0.rawValue) \(problem)" } ?? problem }
    }

    // Typed values need no checking and can be set directly; text goes through `set(_:_:)`.
    public private(set) var principal: String?
    public private(set) var role: String?
    public var action: AssumeAction?
    public private(set) var externalId: String?
    public var mfa: Bool?
    public private(set) var mfaAge: Int64?
    public private(set) var sourceIp: String?
    public private(set) var sourceVpc: String?
    public private(set) var sessionName: String?
    public private(set) var duration: Int?
    public private(set) var sessionTags: [AssumeRoleRequest.SessionTag] = []
    public private(set) var transitiveTagKeys: [String] = []
    public private(set) var sourceIdentity: String?
    /// `--chained` sets it; the form can also say "not chained".
    public var chained: Bool?
    public private(set) var sourceArn: String?
    public private(set) var sourceAccount: String?
    /// `--context KEY=VALUE` in the order given; a key given several times is multivalued.
    public private(set) var context: [(key: String, value: String)] = []
    public var callerPolicies: AssumeRoleRequest.CallerPolicyAssumption?
    /// `--at`, as epoch seconds, and as written.
    public private(set) var at: Int64?
    public private(set) var atText: String?
    public private(set) var sessionPolicyFile: String?
    public private(set) var webIdentityClaimsFile: String?
    public private(set) var samlAttributesFile: String?
    public private(set) var requestFile: String?
    /// Web identity or SAML details given as values rather than files (the dashboard's form).
    public var webIdentity: AssumeRoleRequest.WebIdentity?
    public var saml: AssumeRoleRequest.SAML?

    public init() {}

    /// Sets one flag, checking its value as every front end does. A switch takes no value.
    public mutating func set(_ flag: Flag, _ value: String? = nil) throws(FlagError) {
        if flag.isSwitch {
            guard value == nil else { throw FlagError(flag: flag, problem: "takes no value") }
            switch flag {
            case .mfa: mfa = true
            case .noMfa: mfa = false
            default: chained = true
            }
            return
        }
        guard let value else { throw FlagError(flag: flag, problem: "needs a value") }
        func fail(_ problem: String) -> FlagError { FlagError(flag: flag, problem: problem) }
        switch flag {
        case .principal: principal = value
        case .role: role = value
        case .action:
            guard let a = AssumeAction(name: value) else {
                throw fail("must be sts:AssumeRole, sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML, got '\(value)'")
            }
            action = a
        case .externalId: externalId = value
        case .mfaAge:
            guard let n = Int64(value), n >= 0 else { throw fail("takes a number of seconds, got '\(value)'") }
            mfaAge = n
        case .sourceIp:
            // aws:SourceIp is one address; a network or a name is not what STS would see.
            guard !value.contains("/"), IPNetwork(value) != nil else {
                throw fail("takes an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7, got '\(value)'")
            }
            sourceIp = value
        case .sourceVpc: sourceVpc = value
        case .sessionName: sessionName = value
        case .duration:
            guard let n = Int(value) else { throw fail("takes a whole number of seconds, got '\(value)'") }
            duration = n
        case .sessionTag:
            let (k, v) = try Self.pair(value, flag)
            sessionTags.append(AssumeRoleRequest.SessionTag(key: k, value: v))
        case .transitiveTagKey: transitiveTagKeys.append(value)
        case .sourceIdentity: sourceIdentity = value
        case .sourceArn: sourceArn = value
        case .sourceAccount: sourceAccount = value
        case .context: context.append(try Self.pair(value, flag))
        case .callerPolicies:
            guard let c = AssumeRoleRequest.CallerPolicyAssumption(rawValue: value) else {
                throw fail("must be unknown-allows or unknown-denies, got '\(value)'")
            }
            callerPolicies = c
        case .at:
            guard let t = ISO8601.parseEpochSeconds(value) else {
                throw fail("must be an ISO 8601 instant such as 2026-01-02T03:04:05Z, got '\(value)'")
            }
            at = t
            atText = value
        case .sessionPolicy: sessionPolicyFile = value
        case .webIdentityTokenClaims: webIdentityClaimsFile = value
        case .samlAttributes: samlAttributesFile = value
        case .request: requestFile = value
        case .mfa, .noMfa, .chained: break
        }
    }

    /// `KEY=VALUE` with a non-empty key.
    static func pair(_ text: String, _ flag: Flag) throws(FlagError) -> (key: String, value: String) {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw FlagError(flag: flag, problem: "takes KEY=VALUE, got '\(text)'")
        }
        return (String(text[..<eq]), String(text[text.index(after: eq)...]))
    }

    /// The palette's words (`--role R --mfa --duration=900`), split as a shell command line would have
    /// been, read into flags: `--flag value` and `--flag=value`, switches without values. Words that are
    /// not flags, unknown flags and (unless `allowFiles`) flags that read files are errors.
    public static func parse(words: [String], allowFiles: Bool = false) throws(FlagError) -> RequestFlags {
        var flags = RequestFlags()
        var i = 0
        while i < words.count {
            var name = words[i]
            var inline: String?
            if name.hasPrefix("--"), let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let flag = Flag(rawValue: name) else {
                if name.hasPrefix("-") { throw FlagError(flag: nil, problem: "unknown flag \(name) (known: \(Self.synopsis))") }
                throw FlagError(flag: nil, problem: "unexpected '\(name)': name the caller with --principal and the role with --role")
            }
            if flag.readsFile && !allowFiles {
                throw FlagError(flag: flag, problem: "reads a file, which the palette does not do: run `trustmap simulate … \(flag.rawValue) FILE` in a shell, or fill the form instead")
            }
            i += 1
            if flag.isSwitch {
                try flags.set(flag, inline)
                continue
            }
            if let inline {
                try flags.set(flag, inline)
            } else {
                guard i < words.count else { throw FlagError(flag: flag, problem: "needs a value") }
                try flags.set(flag, words[i])
                i += 1
            }
        }
        return flags
    }

    /// The flags in one line, for an unknown-flag message.
    public static let synopsis = "--principal P --role R --action A --external-id ID --mfa --no-mfa --mfa-age S --source-ip IP --source-vpc VPC --session-name N --duration S --session-tag K=V --transitive-tag-key K --source-identity ID --chained --source-arn ARN --source-account ID --context K=V --caller-policies unknown-allows|unknown-denies --at ISO8601"

    /// The action without a request file: `--action`, else the kind of assertion or token file given
    /// (SAML over web identity when both are), else sts:AssumeRole.
    public var impliedAction: AssumeAction {
        action ?? (samlAttributesFile != nil ? .assumeRoleWithSAML : webIdentityClaimsFile != nil ? .assumeRoleWithWebIdentity : .assumeRole)
    }

    /// A JSON file the request reads (`--request`, `--session-policy`, the claims and SAML files), and
    /// its bytes for positions.
    public typealias JSONFile = (value: JSONValue, bytes: [UInt8])

    /// A file's field that cannot be read: the file, its bytes and the place in it.
    public struct FileError: Error, Sendable {
        public var file: String
        public var bytes: [UInt8]
        public var path: [JSONPathComponent]
        public var field: String
        public var message: String
    }

    /// Why the flags make no request.
    public enum BuildError: Error, Sendable {
        case flag(FlagError)
        case file(FileError)
        /// The reader's own error, passed through (a file that cannot be read or parsed).
        case unreadable(any Error)
    }

    /// The request: the `--request` file first, then every flag given over it.
    ///
    /// - Parameters:
    ///   - now: `aws:CurrentTime` unless `--at` or the request file says otherwise (`--at` wins).
    ///   - defaultSessionName: the RoleSessionName when none is given (STS requires one; a person asking
    ///     "can X assume Y" rarely cares which); nil to leave it out. Never set for SAML, whose assertion names the session.
    ///   - requirePrincipal: whether sts:AssumeRole without a caller is an error here (the engine reports it as invalid otherwise).
    ///   - readJSON: reads one of the files the flags name.
    public func request(now: Int64, defaultSessionName: String? = "trustmap", requirePrincipal: Bool = true,
                        readJSON: (String) throws -> JSONFile = { _ in throw FlagError(flag: nil, problem: "no files are read here") }) throws(BuildError) -> AssumeRoleRequest {
        func read(_ path: String) throws(BuildError) -> JSONFile {
            do { return try readJSON(path) } catch { throw .unreadable(error) }
        }
        let currentTime = at ?? now
        var r = AssumeRoleRequest(role: role ?? "", currentTime: currentTime)
        if let requestFile {
            let json = try read(requestFile)
            do {
                r = try AssumeRoleRequest(json: json.value, currentTime: currentTime, requireRole: role == nil)
            } catch {
                throw .file(FileError(file: requestFile, bytes: json.bytes, path: error.path, field: error.field, message: error.message))
            }
            if let at { r.currentTime = at }
        } else if role == nil {
            throw .flag(FlagError(flag: .role, problem: "is required (the role ARN to assume, or give --request FILE)"))
        }
        if let role { r.role = role }
        if let principal { r.principal = principal }
        if let action { r.action = action }
        if let externalId { r.externalId = externalId }
        if let mfa { r.mfa = mfa }
        if let mfaAge { r.mfaAgeSeconds = mfaAge }
        if let sourceIp { r.sourceIp = sourceIp }
        if let sourceVpc { r.sourceVpc = sourceVpc }
        if let sessionName { r.sessionName = sessionName }
        if let duration { r.durationSeconds = duration }
        if !sessionTags.isEmpty { r.sessionTags = sessionTags }
        if !transitiveTagKeys.isEmpty { r.transitiveTagKeys = transitiveTagKeys }
        if let sourceIdentity { r.sourceIdentity = sourceIdentity }
        if let file = sessionPolicyFile { r.sessionPolicy = PolicyDocument(json: try read(file).value) }
        if let chained { r.chained = chained }
        if let sourceArn { r.sourceArn = sourceArn }
        if let sourceAccount { r.sourceAccount = sourceAccount }
        if let webIdentity { r.webIdentity = webIdentity }
        if let saml { r.saml = saml }
        if let file = webIdentityClaimsFile {
            let json = try read(file)
            guard case .object(var o) = json.value else {
                throw .file(FileError(file: file, bytes: json.bytes, path: [], field: "claims", message: "must be a JSON object of token claims"))
            }
            if o["provider"] == nil, let iss = o["iss"]?.stringValue { o["provider"] = .string(iss) }
            do {
                r.webIdentity = try AssumeRoleRequest(json: ["role": "x", "webIdentity": .object(o)], currentTime: currentTime).webIdentity
            } catch {
                let inner = Array(error.path.dropFirst())
                throw .file(FileError(file: file, bytes: json.bytes, path: inner, field: inner.isEmpty ? "claims" : inner.dottedPath, message: error.message))
            }
        }
        if let file = samlAttributesFile {
            let json = try read(file)
            do {
                r.saml = try AssumeRoleRequest(json: ["role": "x", "saml": json.value], currentTime: currentTime).saml
            } catch {
                let inner = Array(error.path.dropFirst())
                throw .file(FileError(file: file, bytes: json.bytes, path: inner, field: inner.isEmpty ? "saml" : inner.dottedPath, message: error.message))
            }
        }
        if requestFile == nil { r.action = impliedAction }
        if !context.isEmpty {
            for entry in Self.contextEntries(context) {
                r.extraContext.removeAll { $0.key.lowercased() == entry.key.lowercased() }
                r.extraContext.append(entry)
            }
        }
        if let callerPolicies { r.callerPolicies = callerPolicies }
        if requirePrincipal && r.principal == nil && r.action == .assumeRole {
            throw .flag(FlagError(flag: .principal, problem: "is required for sts:AssumeRole (a user, role or session ARN, an account ID or a service principal)"))
        }
        if let name = defaultSessionName, r.sessionName == nil, r.action != .assumeRoleWithSAML { r.sessionName = name }
        return r
    }

    /// Context entries in first-seen order; a key given several times (or listed as multivalued) becomes a list.
    public static func contextEntries(_ pairs: [(key: String, value: String)], multivalued: Set<String> = []) -> [AssumeRoleRequest.ContextEntry] {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for p in pairs {
            if values[p.key] == nil { order.append(p.key) }
            values[p.key, default: []].append(p.value)
        }
        return order.map { k in
            let v = values[k] ?? []
            return AssumeRoleRequest.ContextEntry(key: k, value: v.count == 1 && !multivalued.contains(k) ? .single(v[0]) : .multi(v))
        }
    }
}
