/// The syntactic checks STS makes before anything else, each a `ValidationError` (assume-role.md §a),
/// with the limits of the STS API model [BOTO] and the IAM quotas page [QUOTAS].
public enum RequestValidator {
    /// One failed check: the parameter, what is wrong, and the fix in words.
    public struct Failure: Sendable, Hashable {
        public var parameter: String
        public var message: String
        public var fix: String
    }

    /// Every failed check, in parameter order; empty when the request is well-formed.
    public static func validate(_ r: AssumeRoleRequest) -> [Failure] {
        var out: [Failure] = []
        // RoleArn: 20–2048 characters and an IAM role ARN; anything else is "Request ARN is invalid".
        let roleCount = r.role.utf8.count
        if roleCount < 20 || roleCount > 2048 {
            out.append(Failure(parameter: "RoleArn", message: "must be 20–2048 characters, has \(r.role.count)", fix: "pass a role ARN of the form arn:aws:iam::123456789012:role/NAME"))
        } else if !isRoleArn(r.role) {
            out.append(Failure(parameter: "RoleArn", message: "'\(r.role)' is not an IAM role ARN (Request ARN is invalid)", fix: "pass a role ARN of the form arn:aws:iam::123456789012:role/NAME"))
        }
        // RoleSessionName: required for AssumeRole and AssumeRoleWithWebIdentity; SAML takes it from the assertion.
        if let name = r.sessionName {
            if let m = check(name, min: 2, max: 64, allowed: sessionNameChars) {
                out.append(Failure(parameter: "RoleSessionName", message: m, fix: "use 2–64 characters of letters, digits and + = , . @ _ -"))
            }
        } else if r.action != .assumeRoleWithSAML {
            out.append(Failure(parameter: "RoleSessionName", message: "is required for \(r.action.rawValue)", fix: "pass a session name (--session-name)"))
        }
        if let ext = r.externalId {
            if r.action != .assumeRole {
                out.append(Failure(parameter: "ExternalId", message: "is not a parameter of \(r.action.rawValue)", fix: "drop the external ID"))
            } else if let m = check(ext, min: 2, max: 1224, allowed: externalIdChars) {
                // The API pattern [\w+=,.@:\/-]* includes underscore (A2); the message never shows the secret.
                out.append(Failure(parameter: "ExternalId", message: m, fix: "use 2–1224 characters of letters, digits and + = , . @ : / _ -"))
            }
        }
        if let d = r.durationSeconds, d < 900 || d > 43200 {
            out.append(Failure(parameter: "DurationSeconds", message: "must be 900–43200, is \(d)", fix: "request between 900 and 43200 seconds"))
        }
        if let s = r.sourceIdentity {
            if let m = check(s, min: 2, max: 64, allowed: sessionNameChars) {
                out.append(Failure(parameter: "SourceIdentity", message: m, fix: "use 2–64 characters of letters, digits and + = , . @ _ -"))
            } else if s.lowercased().hasPrefix("aws:") {
                out.append(Failure(parameter: "SourceIdentity", message: "must not start with 'aws:'", fix: "drop the 'aws:' prefix"))
            }
        }
        if r.sessionTags.count > 50 {
            out.append(Failure(parameter: "Tags", message: "at most 50 session tags, has \(r.sessionTags.count)", fix: "pass at most 50 tags"))
        }
        var seen = Set<String>()
        for t in r.sessionTags {
            if let m = check(t.key, min: 1, max: 128, allowed: isTagChar) {
                out.append(Failure(parameter: "Tags", message: "tag key '\(t.key)' \(m)", fix: "use 1–128 letters, digits, spaces and _ . : / = + - @ in tag keys"))
            }
            if let m = check(t.value, min: 0, max: 256, allowed: isTagChar) {
                out.append(Failure(parameter: "Tags", message: "value of tag '\(t.key)' \(m)", fix: "use up to 256 letters, digits, spaces and _ . : / = + - @ in tag values"))
            }
            // Tag keys are unique ignoring case [TAGS].
            if !seen.insert(t.key.lowercased()).inserted {
                out.append(Failure(parameter: "Tags", message: "tag key '\(t.key)' appears twice (keys are compared ignoring case)", fix: "pass each tag key once"))
            }
        }
        if !r.transitiveTagKeys.isEmpty && r.action != .assumeRole {
            out.append(Failure(parameter: "TransitiveTagKeys", message: "is not a parameter of \(r.action.rawValue)", fix: "drop the transitive tag keys"))
        }
        if r.transitiveTagKeys.count > 50 {
            out.append(Failure(parameter: "TransitiveTagKeys", message: "at most 50 keys, has \(r.transitiveTagKeys.count)", fix: "pass at most 50 transitive tag keys"))
        }
        for k in r.transitiveTagKeys {
            if let m = check(k, min: 1, max: 128, allowed: isTagChar) {
                out.append(Failure(parameter: "TransitiveTagKeys", message: "'\(k)' \(m)", fix: "use valid tag keys"))
            }
        }
        if let p = r.policy {
            let count = p.unicodeScalars.count
            if count < 1 || count > 2048 {
                out.append(Failure(parameter: "Policy", message: "must be 1–2048 characters, has \(count)", fix: "shorten the session policy to at most 2048 characters"))
            } else if let bad = p.unicodeScalars.first(where: { !($0 == "\t" || $0 == "\n" || $0 == "\r" || ($0.value >= 0x20 && $0.value <= 0xFF)) }) {
                out.append(Failure(parameter: "Policy", message: "contains U+\(String(bad.value, radix: 16, uppercase: true)), outside the allowed characters", fix: "use only tab, newline, carriage return and U+0020–U+00FF"))
            } else {
                // A parse failure is MalformedPolicyDocument, reported with the request errors.
                switch Result(catching: { () throws(JSONSyntaxError) in try JSONParser.parse(p) }) {
                case .failure(let e):
                    out.append(Failure(parameter: "Policy", message: "is not JSON (MalformedPolicyDocument): \(e.message) at \(e.position.line):\(e.position.column)", fix: "pass a valid policy document"))
                case .success(let json):
                    let doc = PolicyDocument(json: json)
                    if let issue = doc.issues.first(where: \.makesUnstorable) {
                        out.append(Failure(parameter: "Policy", message: "is malformed (MalformedPolicyDocument): \(issue)", fix: "fix the session policy"))
                    }
                }
            }
        }
        if r.action == .assumeRoleWithWebIdentity && r.webIdentity == nil {
            out.append(Failure(parameter: "WebIdentityToken", message: "is required for AssumeRoleWithWebIdentity", fix: "pass the token's claims (--web-identity-token-claims)"))
        }
        if r.action == .assumeRoleWithSAML && r.saml == nil {
            out.append(Failure(parameter: "SAMLAssertion", message: "is required for AssumeRoleWithSAML", fix: "pass the assertion's provider and attributes (--saml-attributes)"))
        }
        return out
    }

    /// `arn:<partition>:iam::<12 digits>:role/<path/>name`, checked on bytes without allocating.
    public static func isRoleArn(_ s: String) -> Bool {
        var text = s
        return text.withUTF8 { b in
            guard b.count > 5, b[0] == 0x61, b[1] == 0x72, b[2] == 0x6E, b[3] == 0x3A else { return false }
            var i = 4
            let partitionStart = i
            while i < b.count, b[i] != 0x3A { i += 1 }
            guard i > partitionStart, i + 6 <= b.count else { return false }
            // ":iam::" (compared byte by byte: an array literal here was a heap allocation per call)
            guard b[i] == 0x3A, b[i + 1] == 0x69, b[i + 2] == 0x61, b[i + 3] == 0x6D, b[i + 4] == 0x3A, b[i + 5] == 0x3A else { return false }
            i += 6
            for _ in 0..<12 {
                guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { return false }
                i += 1
            }
            // ":role/"
            guard i + 6 < b.count else { return false }
            guard b[i] == 0x3A, b[i + 1] == 0x72, b[i + 2] == 0x6F, b[i + 3] == 0x6C, b[i + 4] == 0x65, b[i + 5] == 0x2F else { return false }
            return b[b.count - 1] != 0x2F
        }
    }

    /// `\w` in the STS patterns is ASCII: `[A-Za-z0-9_]`.
    static func isWord(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
    }

    /// `^[\w+=,.@-]*$`.
    static func sessionNameChars(_ c: Unicode.Scalar) -> Bool { isWord(c) || c == "+" || c == "=" || c == "," || c == "." || c == "@" || c == "-" }
    /// `^[\w+=,.@:\/-]*$`.
    static func externalIdChars(_ c: Unicode.Scalar) -> Bool { sessionNameChars(c) || c == ":" || c == "/" }
    /// `[\p{L}\p{Z}\p{N}_.:/=+\-@]`.
    static func isTagChar(_ c: Unicode.Scalar) -> Bool {
        let p = c.properties
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .spaceSeparator, .lineSeparator, .paragraphSeparator, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return "_.:/=+-@".unicodeScalars.contains(c)
        }
    }

    /// nil when `s` has min…max characters, all allowed; else what is wrong.
    static func check(_ s: String, min: Int, max: Int, allowed: (Unicode.Scalar) -> Bool) -> String? {
        // Fast path for ASCII text within the limits: every character tested once, no allocation.
        let utf8 = s.utf8
        if utf8.count >= min, utf8.count <= max, utf8.allSatisfy({ $0 < 0x80 && allowed(Unicode.Scalar($0)) }) { return nil }
        let n = s.unicodeScalars.count
        if n < min || n > max { return "must be \(min)–\(max) characters, has \(n)" }
        if let bad = s.unicodeScalars.first(where: { !allowed($0) }) {
            return "contains '\(bad == " " ? "space" : String(bad))', which is not allowed"
        }
        return nil
    }
}
