/// One entry of `Action`/`NotAction`, compiled once.
///
/// The service prefix and the action name are matched case-insensitively, with `*` and `?`
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html):
/// `STS:assumerole` matches `sts:AssumeRole`, `sts:Assume*` matches all three assume operations.
public struct ActionPattern: Sendable, Hashable {
    /// The entry as written.
    public let text: String
    private let lowered: String
    private let isEverything: Bool
    private let hasWildcard: Bool
    /// An entry with whitespace or a comma, or no action name, never matches: IAM has no such action.
    public let isUnmatchable: Bool

    public init(_ text: String) {
        self.text = text
        lowered = text.lowercased()
        isEverything = text == "*"
        hasWildcard = Glob.hasWildcard(text)
        // ASCII text: the White_Space scalars below U+0080 are U+0009–U+000D and U+0020.
        let ascii = !text.utf8.contains { $0 >= 0x80 }
        let bad = ascii ? text.utf8.contains { $0 == 0x2C || $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
                        : text.unicodeScalars.contains { $0 == "," || $0.properties.isWhitespace }
        let colon = text.firstIndex(of: ":")
        isUnmatchable = !isEverything && (bad || text.isEmpty || (colon != nil && text[text.index(after: colon!)...].isEmpty))
    }

    /// Whether the entry matches `action`, which must already be lower-cased (`sts:assumerole`).
    public func matches(lowercasedAction action: String) -> Bool {
        if isEverything { return true }
        if isUnmatchable { return false }
        if !hasWildcard { return lowered == action }
        return Glob.matches(lowered, action)
    }

    /// Whether the entry matches `action`, in any case.
    public func matches(_ action: String) -> Bool { matches(lowercasedAction: action.lowercased()) }
}
