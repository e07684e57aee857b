/// An ARN split into its six components on the first five colons
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
/// The resource part keeps any further `:` and `/`.
public struct Arn: Sendable, Hashable {
    public var partition: String
    public var service: String
    public var region: String
    public var account: String
    public var resource: String

    /// Nil unless the text starts with `arn:` and has at least six components.
    public init?(_ text: String) {
        let parts = text.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    /// Twelve ASCII digits: an AWS account ID. Read as bytes: every principal of every trust policy
    /// passes through here.
    public static func isAccountID(_ s: Substring) -> Bool {
        s.utf8.count == 12 && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    public static func isAccountID(_ s: String) -> Bool { isAccountID(s[...]) }

    /// The six components of an ARN or ARN pattern, split on the first five colons; with `padding`, a
    /// pattern of fewer components is padded with `*` (the short-ARN convention of `ResourcePattern`).
    public static func components(_ text: String, padding: Bool) -> [Substring] {
        var parts = text.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if padding { while parts.count < 6 { parts.append("*") } }
        return parts
    }

    public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

    /// The partitions trustmap accepts; two partitions are never equal (assume-role.md §c rule 1).
    public static let knownPartitions: Set<String> = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]

    /// `ArnLike`/`ArnEquals` (identical in AWS): each of the six components is globbed on its own,
    /// so `*` never crosses the colons between components; a side with fewer than six components
    /// never matches
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
    public static func arnLike(pattern: String, value: String) -> Bool {
        let p = pattern.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let v = value.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard p.count == 6, v.count == 6 else { return false }
        for i in 0..<6 where !componentMatches(p[i], v[i]) { return false }
        return true
    }

    /// Whether `value` can pass a `StringLike` or an `ArnLike` test against `pattern`: what the analysis
    /// asks of an `aws:PrincipalArn` guard's values before the engine decides with the operator itself.
    public static func matchesStringOrArnLike(pattern: String, value: String) -> Bool {
        Glob.matches(pattern, value) || arnLike(pattern: pattern, value: value)
    }

    @inline(__always)
    static func componentMatches(_ p: Substring, _ v: Substring, caseInsensitive: Bool = false) -> Bool {
        if p == "*" || p == v { return true }
        if caseInsensitive { return Glob.matches(p.lowercased(), v.lowercased()) }
        var ps = p
        var vs = v
        return ps.withUTF8 { pb in vs.withUTF8 { vb in Glob.matches(pb, vb) } }
    }
}
