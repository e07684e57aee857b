/// How bad a finding is. The order is the order of `Comparable`: `info` < … < `critical`.
///
/// The dashboard shows a severity as colour *and* glyph, never colour alone (findings.md).
public enum Severity: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case info, low, medium, high, critical

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }

    /// The lower-case name used in every output and accepted by `--min-severity` / `--fail-on`.
    public var name: String {
        switch self {
        case .info: return "info"
        case .low: return "low"
        case .medium: return "medium"
        case .high: return "high"
        case .critical: return "critical"
        }
    }

    /// One character that tells the severity apart without colour.
    public var glyph: String {
        switch self {
        case .critical: return "‼"
        case .high: return "!"
        case .medium: return "▲"
        case .low: return "·"
        case .info: return "○"
        }
    }

    public var description: String { name }

    /// Parses a severity name, ignoring case (`High`, `CRITICAL`).
    public init?(name: String) {
        let lower = name.lowercased()
        guard let s = Self.allCases.first(where: { $0.name == lower }) else { return nil }
        self = s
    }
}
