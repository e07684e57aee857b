/// A field of a `--request FILE` that cannot be read, with its place in the document.
public struct RequestDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field's path (`webIdentity.amr[1]`), for positions via `JSONParser.position(of:in:)`.
    public var path: [JSONPathComponent]
    public var message: String

    public init(path: [JSONPathComponent], message: String) {
        self.path = path
        self.message = message
    }

    /// The field's dotted name (`sessionTags.team`), or `request` for the whole document.
    public var field: String { path.isEmpty ? "request" : path.dottedPath }
    public var description: String { "\(field): \(message)" }
}

extension AssumeRoleRequest {
    /// Reads the request model of assume-role.md §0.5 (the `--request FILE` form of cli.md).
    ///
    /// - Parameters:
    ///   - currentTime: `aws:CurrentTime` when the document has no `currentTime`.
    ///   - requireRole: false when the caller will supply `role` itself (a `--role` flag beside the file).
    /// - Throws: an error naming the field; unknown fields are errors, so a misspelt `externalID` is not silently ignored.
    public init(json: JSONValue, currentTime: Int64, requireRole: Bool = true) throws(RequestDecodingError) {
        guard case .object(let o) = json else {
            throw RequestDecodingError(path: [], message: "a request must be a JSON object, found \(json.kindDescription)")
        }
        self.init(role: "", currentTime: currentTime)
        var sawRole = false
        for m in o.members {
            let p: [JSONPathComponent] = [.key(m.key)]
            let v = m.value
            switch m.key {
            case "action":
                let s = try Self.string(v, p)
                guard let a = AssumeAction(name: s) else {
                    throw RequestDecodingError(path: p, message: "unknown action '\(s)': expected sts:AssumeRole, sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML")
                }
                action = a
            case "principal": principal = try Self.optionalString(v, p)
            case "role":
                role = try Self.string(v, p)
                sawRole = true
            case "sessionName", "roleSessionName": sessionName = try Self.optionalString(v, p)
            case "durationSeconds": durationSeconds = try Self.optionalInt(v, p).map { Int($0) }
            case "externalId": externalId = try Self.optionalString(v, p)
            case "mfa": mfa = try Self.bool(v, p)
            case "mfaAgeSeconds": mfaAgeSeconds = try Self.optionalInt(v, p) ?? 0
            case "sourceIp": sourceIp = try Self.optionalString(v, p)
            case "sourceVpc": sourceVpc = try Self.optionalString(v, p)
            case "sessionTags", "tags": sessionTags = try Self.tags(v, p)
            case "transitiveTagKeys": transitiveTagKeys = try Self.stringList(v, p)
            case "sourceIdentity": sourceIdentity = try Self.optionalString(v, p)
            case "sessionPolicy":
                switch v {
                case .null: sessionPolicy = nil
                case .object: sessionPolicy = PolicyDocument(json: v)
                case .string(let text):
                    do { sessionPolicy = PolicyDocument(json: try JSONParser.parse(text)) } catch {
                        throw RequestDecodingError(path: p, message: "the session policy text is not JSON: \(error.message) at \(error.position.line):\(error.position.column)")
                    }
                default: throw RequestDecodingError(path: p, message: "must be a policy document, found \(v.kindDescription)")
                }
            case "policy":
                switch v {
                case .null: policy = nil
                case .string(let s): policy = s
                case .object: policy = JSONWriter.write(v, pretty: false)
                default: throw RequestDecodingError(path: p, message: "must be a policy document or its text, found \(v.kindDescription)")
                }
            case "chained": chained = try Self.optionalBool(v, p)
            case "sourceAccount": sourceAccount = try Self.optionalString(v, p)
            case "sourceArn": sourceArn = try Self.optionalString(v, p)
            case "currentTime": self.currentTime = try Self.instant(v, p) ?? currentTime
            case "tokenIssueTime": tokenIssueTime = try Self.instant(v, p)
            case "webIdentity":
                guard case .object(let w) = v else {
                    if case .null = v { webIdentity = nil; continue }
                    throw RequestDecodingError(path: p, message: "must be an object of token claims with a 'provider', found \(v.kindDescription)")
                }
                var provider: String?
                var claims: [ContextEntry] = []
                for c in w.members {
                    let cp = p + [.key(c.key)]
                    if c.key == "provider" {
                        provider = try Self.string(c.value, cp)
                    } else {
                        claims.append(ContextEntry(key: c.key, value: try Self.contextValue(c.value, cp)))
                    }
                }
                guard let provider else { throw RequestDecodingError(path: p, message: "needs 'provider': the token issuer without https:// (token.actions.githubusercontent.com) or a built-in provider name") }
                webIdentity = WebIdentity(provider: Self.stripScheme(provider), claims: claims)
            case "saml":
                guard case .object(let s) = v else {
                    if case .null = v { saml = nil; continue }
                    throw RequestDecodingError(path: p, message: "must be an object with 'provider', found \(v.kindDescription)")
                }
                var out = SAML(provider: "")
                var sawProvider = false
                for c in s.members {
                    let cp = p + [.key(c.key)]
                    switch c.key {
                    case "provider":
                        out.provider = try Self.string(c.value, cp)
                        sawProvider = true
                    case "aud": out.aud = try Self.optionalString(c.value, cp)
                    case "sub": out.sub = try Self.optionalString(c.value, cp)
                    case "subType", "sub_type": out.subType = try Self.optionalString(c.value, cp)
                    case "iss": out.iss = try Self.optionalString(c.value, cp)
                    case "attributes":
                        guard case .object(let attrs) = c.value else { throw RequestDecodingError(path: cp, message: "must be an object of attribute name to value(s), found \(c.value.kindDescription)") }
                        for a in attrs.members { out.attributes.append(ContextEntry(key: a.key, value: try Self.contextValue(a.value, cp + [.key(a.key)]))) }
                    default:
                        throw RequestDecodingError(path: cp, message: "unknown SAML field '\(c.key)': expected provider, aud, sub, subType, iss or attributes")
                    }
                }
                guard sawProvider else { throw RequestDecodingError(path: p, message: "needs 'provider': the IAM SAML provider ARN") }
                saml = out
            case "context", "extraContext":
                guard case .object(let c) = v else { throw RequestDecodingError(path: p, message: "must be an object of condition key to value(s), found \(v.kindDescription)") }
                for e in c.members { extraContext.append(ContextEntry(key: e.key, value: try Self.contextValue(e.value, p + [.key(e.key)]))) }
            case "callerPolicies":
                let s = try Self.string(v, p)
                guard let a = CallerPolicyAssumption(rawValue: s) else { throw RequestDecodingError(path: p, message: "must be 'unknown-allows' or 'unknown-denies', found '\(s)'") }
                callerPolicies = a
            default:
                throw RequestDecodingError(path: p, message: "unknown request field '\(m.key)' (see assume-role.md §0.5)")
            }
        }
        if requireRole && !sawRole { throw RequestDecodingError(path: [], message: "the request has no 'role' (the RoleArn)") }
    }

    static func stripScheme(_ s: String) -> String {
        if s.hasPrefix("https://") { return String(s.dropFirst(8)) }
        return s
    }

    static func string(_ v: JSONValue, _ p: [JSONPathComponent]) throws(RequestDecodingError) -> String {
        guard case .string(let s) = v else { throw RequestDecodingError(path: p, message: "must be a string, found \(v.kindDescription)") }
        return s
    }

    static func optionalString(_ v: JSONValue, _ p: [JSONPathComponent]) throws(RequestDecodingError) -> String? {
        if case .null = v { return nil }
        return try string(v, p)
    }

    static func bool(_ v: JSONValue, _ p: [JSONPathComponent]) throws(RequestDecodingError) -> Bool {
        guard case .bool(let b) = v else { throw RequestDecodingError(path: p, message: "must be true or false, found \(v.kindDescription)") }
        return b
    }

    static func optionalBool(_ v: JSONValue, _ p: [JSONPathComponent]) throws(RequestDecodingError) -> Bool? {
        if case .null = v { return nil }
        return try bool(v, p)
    }

    static func optionalInt(_ v: JSONValue, _ p: [JSONPathComponent]) throws(RequestDecodingError) -> Int64? {
        switch v {
        case .null: return nil
        case .number(let n):
            guard let i = Int64(n) else { throw RequestDecodingError(path: p, message: "must be a whole number, found \(n)") }
            return i
        default: throw RequestDecodingError(path: p, message: "must be a whole number, found \(v.kindDescription)")
        }
    }

    static func stringList(_ v: JSONValue, _ p: [JSONPathComponent]) throws(RequestDecodingError) -> [String] {
        guard case .array(let items) = v else { throw RequestDecodingError(path: p, message: "must be a list of strings, found \(v.kindDescription)") }
        var out: [String] = []
        for (i, item) in items.enumerated() { out.append(try string(item, p + [.index(i)])) }
        return out
    }

    static func instant(_ v: JSONValue, _ p: [JSONPathComponent]) throws(RequestDecodingError) -> Int64? {
        switch v {
        case .null: return nil
        case .number(let n), .string(let n):
            guard let t = ISO8601.parseEpochSeconds(n) else { throw RequestDecodingError(path: p, message: "must be an ISO-8601 instant (2026-01-02T03:04:05Z) or epoch seconds, found '\(n)'") }
            return t
        default: throw RequestDecodingError(path: p, message: "must be an ISO-8601 instant, found \(v.kindDescription)")
        }
    }

    static func contextValue(_ v: JSONValue, _ p: [JSONPathComponent]) throws(RequestDecodingError) -> ContextValue {
        switch v {
        case .array(let items):
            var out: [String] = []
            for (i, item) in items.enumerated() {
                guard let t = item.scalarText else { throw RequestDecodingError(path: p + [.index(i)], message: "must be a string, number or boolean, found \(item.kindDescription)") }
                out.append(t)
            }
            return .multi(out)
        default:
            guard let t = v.scalarText else { throw RequestDecodingError(path: p, message: "must be a string, number, boolean or a list of them, found \(v.kindDescription)") }
            return .single(t)
        }
    }

    static func tags(_ v: JSONValue, _ p: [JSONPathComponent]) throws(RequestDecodingError) -> [SessionTag] {
        switch v {
        case .object(let o):
            var out: [SessionTag] = []
            for m in o.members {
                guard let t = m.value.scalarText else { throw RequestDecodingError(path: p + [.key(m.key)], message: "a tag value must be a string, found \(m.value.kindDescription)") }
                out.append(SessionTag(key: m.key, value: t))
            }
            return out
        case .array(let items):
            // The STS API shape: [{"Key": "k", "Value": "v"}].
            var out: [SessionTag] = []
            for (i, item) in items.enumerated() {
                let ip = p + [.index(i)]
                guard case .object(let t) = item, let k = t["Key"] ?? t["key"], case .string(let key) = k else {
                    throw RequestDecodingError(path: ip, message: "a tag must be {\"Key\": …, \"Value\": …}")
                }
                let value = (t["Value"] ?? t["value"])?.scalarText ?? ""
                out.append(SessionTag(key: key, value: value))
            }
            return out
        default:
            throw RequestDecodingError(path: p, message: "must be an object of tag key to value, found \(v.kindDescription)")
        }
    }
}
