/// The value of one request-context key: single-valued keys hold one string,
/// multivalued keys (`aws:TagKeys`, `sts:TransitiveTagKeys`, `…:amr`) a list
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
public enum ContextValue: Sendable, Hashable {
    case single(String)
    case multi([String])

    /// The values as a list (a single value is a one-element list).
    public var values: [String] {
        switch self {
        case .single(let s): return [s]
        case .multi(let m): return m
        }
    }

    public var isMultivalued: Bool {
        if case .multi = self { return true }
        return false
    }
}
