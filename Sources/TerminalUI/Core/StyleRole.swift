/// What a cell means, not how it looks: views draw with roles, themes give them colours.
///
/// Snapshots record roles (one letter per cell), so they do not change with the theme,
/// and switching theme never re-renders the frame's content.
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
    case text, muted, border, focus, selection, header, status, title
    case critical, high, medium, low, info
    case allowed, denied, invalid, secret, warning
    case key, string, number, punctuation

    /// The letter a style-map snapshot shows for this role.
    public var letter: Character {
        switch self {
        case .text: return "."
        case .muted: return "m"
        case .border: return "b"
        case .focus: return "F"
        case .selection: return "S"
        case .header: return "H"
        case .status: return "s"
        case .title: return "T"
        case .critical: return "C"
        case .high: return "h"
        case .medium: return "M"
        case .low: return "l"
        case .info: return "i"
        case .allowed: return "A"
        case .denied: return "D"
        case .invalid: return "I"
        case .secret: return "X"
        case .warning: return "W"
        case .key: return "k"
        case .string: return "q"
        case .number: return "n"
        case .punctuation: return "p"
        }
    }
}
