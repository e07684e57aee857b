import PolicyEngine

/// Policy documents as exports carry them.
///
/// The raw IAM API returns documents URL-encoded (RFC 3986) inside JSON strings; the AWS CLI and
/// boto3 decode them into objects; Organizations returns SCP/RCP `Content` as a JSON string.
/// All three forms are read here, once, into a `PolicyDocument`.
enum PolicyText {
    /// The document, or a sentence saying why the value is not one.
    static func document(from value: JSONValue) -> Result<PolicyDocument, PolicyTextProblem> {
        switch value {
        case .object:
            return .success(PolicyDocument(json: value))
        case .string(let text):
            return parseString(text).map { PolicyDocument(json: $0) }
        default:
            return .failure(PolicyTextProblem("expected a policy document (an object, a JSON string or a URL-encoded JSON string), found \(value.kindDescription)"))
        }
    }

    /// The JSON inside a string, URL-decoding it first when it is encoded.
    static func parseString(_ text: String) -> Result<JSONValue, PolicyTextProblem> {
        var bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x0D || bytes[start] == 0x09 { start += 1 }
        if start < bytes.count, bytes[start] == UInt8(ascii: "%") {
            guard let decoded = percentDecode(bytes) else {
                return .failure(PolicyTextProblem("the policy document looks URL-encoded but has a malformed %-escape"))
            }
            bytes = decoded
        } else if start == bytes.count || bytes[start] != UInt8(ascii: "{") {
            let preview = text.count > 24 ? String(text.prefix(24)) + "…" : text
            return .failure(PolicyTextProblem("expected a policy document (an object, a JSON string or a URL-encoded JSON string), found the string '\(preview)'"))
        }
        do {
            let json = try JSONParser.parse(bytes)
            guard case .object = json else {
                return .failure(PolicyTextProblem("the policy document string holds \(json.kindDescription), not a JSON object"))
            }
            return .success(json)
        } catch {
            return .failure(PolicyTextProblem("the policy document string is not valid JSON: \(error.message) at line \(error.position.line), column \(error.position.column) of the decoded text"))
        }
    }

    /// RFC 3986 percent-decoding. `+` stays `+`: IAM encodes spaces as `%20`, and a literal `+` in a
    /// policy (e.g. a condition value) arrives as `%2B`.
    static func percentDecode(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) else { return nil }
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}

struct PolicyTextProblem: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
