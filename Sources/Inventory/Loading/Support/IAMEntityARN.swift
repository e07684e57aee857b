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

    /// The text this was parsed from, when it spells exactly what `arn` would build (kept: building it
    /// again for each of 50,000 roles is a string allocation each).
    var spelled: String?

    public var arn: String { spelled ?? "arn:\(partition):iam::\(accountId):\(resourceType)\(path)\(name)" }

    public static func == (a: IAMEntityARN, b: IAMEntityARN) -> Bool {
        (a.partition, a.accountId, a.resourceType, a.path, a.name) == (b.partition, b.accountId, b.resourceType, b.path, b.name)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(partition)
        hasher.combine(accountId)
        hasher.combine(resourceType)
        hasher.combine(path)
        hasher.combine(name)
    }

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
    /// What it returns spells `text` exactly (`arn` gives `text` back).
    static func parseWellFormed(_ text: String, expectedType: String) -> IAMEntityARN? {
        var utf8 = text
        return utf8.withUTF8 { u -> IAMEntityARN? in
            let prefix: StaticString = "arn:aws:iam::"
            let n = prefix.utf8CodeUnitCount
            guard u.count > n + 13 else { return nil }
            for k in 0..<n where u[k] != prefix.utf8Start[k] { return nil }
            var i = n
            for _ in 0..<12 {
                guard u[i] >= 0x30, u[i] <= 0x39 else { return nil }
                i += 1
            }
            guard u[i] == UInt8(ascii: ":") else { return nil }
            let account = String(decoding: UnsafeBufferPointer(rebasing: u[n..<i]), as: UTF8.self)
            i += 1
            var matched = true
            var type = expectedType
            type.withUTF8 { t in
                if i + t.count > u.count || !t.indices.allSatisfy({ u[i + $0] == t[$0] }) { matched = false }
            }
            guard matched else { return nil }
            i += expectedType.utf8.count
            guard i < u.count, u[i] == UInt8(ascii: "/") else { return nil }
            let typeSlash = i
            var lastSlash = i
            var k = i + 1
            while k < u.count {
                if u[k] == UInt8(ascii: "/") { lastSlash = k } else if u[k] == UInt8(ascii: ":") { return nil }
                k += 1
            }
            guard lastSlash + 1 < u.count else { return nil }
            let path = lastSlash == typeSlash ? "/" : String(decoding: UnsafeBufferPointer(rebasing: u[typeSlash...lastSlash]), as: UTF8.self)
            let name = String(decoding: UnsafeBufferPointer(rebasing: u[(lastSlash + 1)...]), as: UTF8.self)
            return IAMEntityARN(partition: "aws", accountId: account, resourceType: expectedType, path: path, name: name, spelled: text)
        }
    }
}

/// Why a text is not the ARN that was expected, in a sentence.
public struct ARNProblem: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// Account ids: exactly 12 ASCII digits.
public enum AccountID {
    public static func isValid(_ text: String) -> Bool { Arn.isAccountID(text) }

    /// The account an ARN or bare account id refers to, when it names one (`arn:aws:iam::111111111111:root`,
    /// `111111111111`, `arn:aws:sts::111111111111:assumed-role/R/s`); nil for services, `*` and AWS-owned ARNs.
    public static func referenced(by text: String) -> String? {
        if isValid(text) { return text }
        var utf8 = text
        // The fifth of the colon-separated parts of `arn:…`, when it is 12 digits.
        return utf8.withUTF8 { u -> String? in
            guard u.count > 4, u[0] == UInt8(ascii: "a"), u[1] == UInt8(ascii: "r"), u[2] == UInt8(ascii: "n"), u[3] == UInt8(ascii: ":") else { return nil }
            var colons = 1
            var i = 4
            while i < u.count, colons < 4 {
                if u[i] == UInt8(ascii: ":") { colons += 1 }
                i += 1
            }
            guard colons == 4 else { return nil }
            let start = i
            while i < u.count, u[i] != UInt8(ascii: ":") { i += 1 }
            guard i < u.count, i - start == 12 else { return nil }
            for k in start..<i where u[k] < 0x30 || u[k] > 0x39 { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: u[start..<i]), as: UTF8.self)
        }
    }
}
