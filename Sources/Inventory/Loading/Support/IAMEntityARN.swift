import PolicyEngine

/// An IAM entity ARN split into its parts: `arn:PARTITION:iam::ACCOUNT:TYPE/PATH/NAME`.
///
/// IAM ARNs have no region and carry the path between the type and the name
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns).
public struct IAMEntityARN: Sendable, Hashable {
    public var partition: String
    /// 12 digits, or `aws` for AWS managed policies.
    public var accountId: String
    /// `role`, `user`, `group`, `policy`, `saml-provider`, `oidc-provider`…
    public var resourceType: String
    /// With leading and trailing slashes; `/` when the ARN has none.
    public var path: String
    public var name: String

    public var arn: String { "arn:\(partition):iam::\(accountId):\(resourceType)\(path)\(name)" }

    /// The partitions IAM exists in.
    static let partitions: Set<String> = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]

    /// Parses `text` as an IAM ARN of `expectedType`; the failure is a sentence saying what is wrong.
    public static func parse(_ text: String, expectedType: String) -> Result<IAMEntityARN, ARNProblem> {
        // Fast path for the well-formed ARNs that make up nearly every dump.
        if let fast = parseWellFormed(text, expectedType: expectedType) { return .success(fast) }
        let parts = text.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let example = "arn:aws:iam::111111111111:\(expectedType)/Name"
        guard parts.count == 6, parts[0] == "arn" else {
            return .failure(ARNProblem("'\(text)' is not an ARN; expected the form \(example)"))
        }
        let partition = String(parts[1])
        guard partitions.contains(partition) else {
            return .failure(ARNProblem("'\(text)' has unknown partition '\(partition)'; expected aws, aws-cn or aws-us-gov as in \(example)"))
        }
        guard parts[2] == "iam" else {
            return .failure(ARNProblem("'\(text)' is not an IAM ARN (service '\(parts[2])'); expected \(example)"))
        }
        guard parts[3].isEmpty else {
            return .failure(ARNProblem("'\(text)' has a region ('\(parts[3])'); IAM ARNs have none: \(example)"))
        }
        let account = String(parts[4])
        let resource = parts[5]
        guard let slash = resource.firstIndex(of: "/") else {
            return .failure(ARNProblem("'\(text)' has no \(expectedType) name; expected \(example)"))
        }
        let type = String(resource[..<slash])
        guard type == expectedType else {
            return .failure(ARNProblem("'\(text)' names a \(type), not a \(expectedType); expected \(example)"))
        }
        let rest = resource[resource.index(after: slash)...]
        let name: Substring
        let path: String
        if let last = rest.lastIndex(of: "/") {
            name = rest[rest.index(after: last)...]
            path = "/" + rest[..<rest.index(after: last)]
        } else {
            name = rest
            path = "/"
        }
        guard !name.isEmpty else {
            return .failure(ARNProblem("'\(text)' ends with '/' and so has no \(expectedType) name; expected \(example)"))
        }
        guard AccountID.isValid(account) || (account == "aws" && expectedType == "policy") else {
            return .failure(ARNProblem("'\(text)' has account '\(account)'; an account id is exactly 12 digits, as in \(example)"))
        }
        return .success(IAMEntityARN(partition: partition, accountId: account, resourceType: type, path: path, name: String(name)))
    }
}

extension IAMEntityARN {
    /// `arn:aws:iam::<12 digits>:<type>/…` checked on bytes; nil sends the text to the careful parser.
    static func parseWellFormed(_ text: String, expectedType: String) -> IAMEntityARN? {
        let prefix = "arn:aws:iam::".utf8
        let u = text.utf8
        guard u.starts(with: prefix) else { return nil }
        var i = u.index(u.startIndex, offsetBy: prefix.count)
        let accountStart = i
        for _ in 0..<12 {
            guard i != u.endIndex, u[i] >= 0x30, u[i] <= 0x39 else { return nil }
            i = u.index(after: i)
        }
        guard i != u.endIndex, u[i] == UInt8(ascii: ":") else { return nil }
        let account = String(text[accountStart..<i])
        i = u.index(after: i)
        guard u[i...].starts(with: expectedType.utf8) else { return nil }
        i = u.index(i, offsetBy: expectedType.utf8.count)
        guard i != u.endIndex, u[i] == UInt8(ascii: "/") else { return nil }
        let rest = u[u.index(after: i)...]
        guard let lastSlash = rest.lastIndex(of: UInt8(ascii: "/")).map({ $0 }) ?? Optional(i),
              !rest.contains(UInt8(ascii: ":")) else { return nil }
        let nameStart = u.index(after: lastSlash)
        guard nameStart != u.endIndex else { return nil }
        let path = lastSlash == i ? "/" : String(text[i...lastSlash])
        return IAMEntityARN(partition: "aws", accountId: account, resourceType: expectedType, path: path, name: String(text[nameStart...]))
    }
}

/// Why a text is not the ARN that was expected, in a sentence.
public struct ARNProblem: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Account ids: exactly 12 ASCII digits.
public enum AccountID {
    public static func isValid(_ text: String) -> Bool {
        let u = text.utf8
        return u.count == 12 && u.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The account an ARN or bare account id refers to, when it names one (`arn:aws:iam::111111111111:root`,
    /// `111111111111`, `arn:aws:sts::111111111111:assumed-role/R/s`); nil for services, `*` and AWS-owned ARNs.
    public static func referenced(by text: String) -> String? {
        if isValid(text) { return text }
        guard text.hasPrefix("arn:") else { return nil }
        let parts = text.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        let account = String(parts[4])
        return isValid(account) ? account : nil
    }
}
