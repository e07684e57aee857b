/// One entry of `Resource`/`NotResource`, compiled once (assume-role.md §d.2;
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
///
/// `"*"` matches everything. Otherwise pattern and resource are split on the first five colons and
/// each component is globbed on its own; in the resource component `*` crosses `/` and `:`.
/// Partition, service, region and account are compared ignoring case (they are lower-case in every real
/// ARN); the resource component is case-sensitive.
public struct ResourcePattern: Sendable, Hashable {
    /// What to do with a pattern of fewer than six components ("short ARN"); policy types differ
    /// in reimplementations and AWS does not document it.
    public enum ShortArnRule: Sendable, Hashable {
        /// Pad with `*` components [convention, assume-role.md §d.2].
        case pad
        /// Pad only when the pattern contains `*` (resource and endpoint policies in iam-simulate).
        case padIfWildcard
        /// Pad only when the last component ends in `*` (SCPs in iam-simulate).
        case padIfEndsWithWildcard
        /// Never match (RCPs in iam-simulate).
        case never
    }

    public let text: String
    private let isEverything: Bool
    private let components: [Substring]?
    private let template: PolicyVariableTemplate?
    private let shortRule: ShortArnRule

    public init(_ text: String, variablesAllowed: Bool = true, shortArnRule: ShortArnRule = .pad) {
        self.text = text
        isEverything = text == "*"
        shortRule = shortArnRule
        template = variablesAllowed ? PolicyVariableTemplate(text) : nil
        components = template == nil ? Self.split(text, rule: shortArnRule) : nil
    }

    static func split(_ text: String, rule: ShortArnRule) -> [Substring]? {
        var parts = text.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count < 6 {
            switch rule {
            case .pad: break
            case .padIfWildcard: if !text.contains("*") { return nil }
            case .padIfEndsWithWildcard: if !(parts.last?.hasSuffix("*") ?? false) { return nil }
            case .never: return nil
            }
            while parts.count < 6 { parts.append("*") }
        }
        return parts
    }

    /// Whether the pattern matches `resource` (policy variables resolved from `context`; an unresolvable
    /// variable matches nothing [VARS]).
    public func matches(_ resource: ResourceName, context: some ConditionContext) -> Bool {
        if isEverything { return true }
        // A request on "*" (an action without resource-level permissions) is matched only by "*".
        if resource.isEverything { return false }
        guard let rc = resource.components else { return false }
        let comps: [Substring]
        if let template {
            guard let resolved = template.resolvePattern(in: context) else { return false }
            guard let c = Self.split(resolved.text, rule: shortRule) else { return false }
            // Literal wildcards from `${*}` are rare in resources; the text form keeps them as `${*}`, which then never matches a wildcard.
            comps = c
        } else {
            guard let c = components else { return false }
            comps = c
        }
        for i in 0..<5 where !Arn.componentMatches(comps[i], rc[i], caseInsensitive: true) { return false }
        return Arn.componentMatches(comps[5], rc[5])
    }
}

extension ResourcePattern {
    /// Whether a pattern without policy variables matches the ARN `arn`, as `matches(_:context:)` would
    /// (short patterns padded, partition to account compared ignoring case): for the analysis, which asks
    /// whether an identity policy's `Resource` names a role. A pattern with `${` never matches here.
    public static func matches(_ pattern: String, arn: String) -> Bool {
        if pattern == "*" { return true }
        guard let comps = split(pattern, rule: .pad) else { return false }
        let rc = arn.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard rc.count == 6 else { return false }
        for i in 0..<5 where !Arn.componentMatches(comps[i], rc[i], caseInsensitive: true) { return false }
        return Arn.componentMatches(comps[5], rc[5])
    }
}

/// A request's resource, split once per evaluation.
public struct ResourceName: Sendable, Hashable {
    public let text: String
    let components: [Substring]?
    let isEverything: Bool

    public init(_ text: String) {
        self.text = text
        isEverything = text == "*"
        let parts = text.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        components = parts.count == 6 ? parts : nil
    }
}
