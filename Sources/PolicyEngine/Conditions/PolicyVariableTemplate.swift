/// A policy value containing `${…}` policy variables, parsed once
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
///
/// `${key}` and `${key, 'default'}` take a single-valued context key; `${*}`, `${?}` and `${$}`
/// stand for a literal `*`, `?` and `$`, which is how a `*Like` pattern matches a literal `*`.
public struct PolicyVariableTemplate: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        /// `${*}`, `${?}`, `${$}`: a character that never acts as a wildcard.
        case escaped(Character)
        case variable(key: ContextKey, written: String, defaultValue: String?)
    }

    public let segments: [Segment]

    /// Nil when the text has no `${`: most values, which are then compared as they are.
    public init?(_ text: String) {
        guard text.utf8Contains("${"), text.contains("${") else { return nil }
        var segs: [Segment] = []
        var literal = ""
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "$", text.index(after: i) < text.endIndex, text[text.index(after: i)] == "{",
               let close = text[i...].firstIndex(of: "}") {
                let inner = text[text.index(i, offsetBy: 2)..<close]
                if !literal.isEmpty { segs.append(.literal(literal)); literal = "" }
                let trimmed = inner.trimmingSpaces
                if trimmed == "*" || trimmed == "?" || trimmed == "$" {
                    segs.append(.escaped(trimmed.first!))
                } else if let comma = inner.firstIndex(of: ",") {
                    let key = inner[..<comma].trimmingSpaces
                    var def = inner[inner.index(after: comma)...].trimmingSpaces
                    if def.count >= 2, def.first == "'", def.last == "'" { def = String(def.dropFirst().dropLast()) }
                    segs.append(.variable(key: ContextKey(key), written: key, defaultValue: def))
                } else {
                    segs.append(.variable(key: ContextKey(trimmed), written: trimmed, defaultValue: nil))
                }
                i = text.index(after: close)
            } else {
                literal.append(text[i])
                i = text.index(after: i)
            }
        }
        if !literal.isEmpty { segs.append(.literal(literal)) }
        segments = segs
    }

    /// The value with variables filled in, for exact comparisons; nil when a variable cannot be
    /// resolved (absent or multivalued key, no default): such a value equals and matches nothing.
    public func resolve(in context: some ConditionContext) -> String? {
        var out = ""
        for s in segments {
            switch s {
            case .literal(let l): out += l
            case .escaped(let c): out.append(c)
            case .variable(let key, _, let def):
                if case .single(let v)? = context.value(for: key) {
                    out += v
                } else if let def {
                    out += def
                } else {
                    return nil
                }
            }
        }
        return out
    }

    /// The value as a glob pattern: literal text and variable values are matched literally,
    /// `*`/`?` written in the policy stay wildcards. Nil when a variable cannot be resolved.
    public func resolvePattern(in context: some ConditionContext) -> GlobPattern? {
        var p = GlobPattern()
        for s in segments {
            switch s {
            case .literal(let l): p.appendPattern(l)
            case .escaped(let c): p.appendLiteral(String(c))
            case .variable(let key, _, let def):
                if case .single(let v)? = context.value(for: key) {
                    p.appendLiteral(v)
                } else if let def {
                    p.appendLiteral(def)
                } else {
                    return nil
                }
            }
        }
        return p
    }
}

/// A glob whose wildcards are marked explicitly, so that literal `*` and `?` can be matched.
public struct GlobPattern: Sendable, Hashable {
    static let star: UInt16 = 0x100
    static let question: UInt16 = 0x101
    var units: [UInt16] = []

    public init() {}

    /// Text whose `*` and `?` are wildcards.
    public mutating func appendPattern(_ text: String) {
        for b in text.utf8 {
            units.append(b == 0x2A ? Self.star : b == 0x3F ? Self.question : UInt16(b))
        }
    }

    /// Text matched character for character.
    public mutating func appendLiteral(_ text: String) {
        for b in text.utf8 { units.append(UInt16(b)) }
    }

    /// The pattern as text, for traces (literal wildcards shown as `${*}`/`${?}`).
    public var text: String {
        var bytes: [UInt8] = []
        for u in units {
            if u == Self.star { bytes.append(0x2A) } else if u == Self.question { bytes.append(0x3F) } else if u == 0x2A || u == 0x3F {
                bytes.append(contentsOf: Array("${".utf8)); bytes.append(UInt8(u)); bytes.append(0x7D)
            } else { bytes.append(UInt8(u)) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the pattern matches all of `value` (case-sensitive).
    public func matches(_ value: String, caseInsensitive: Bool = false) -> Bool {
        var v = caseInsensitive ? value.lowercased() : value
        let p = caseInsensitive ? units.map { $0 < 0x100 ? UInt16(lowerASCII(UInt8($0))) : $0 } : units
        return v.withUTF8 { t in
            if p.count > 8, p.count &* t.count > Glob.boundedThreshold {
                return Glob.boundedMatch(Glob.units(template: p), Glob.units(t, wildcards: false))
            }
            var pi = 0, ti = 0, starP = -1, starT = 0
            while ti < t.count {
                if pi < p.count {
                    let c = p[pi]
                    if c == Self.star { starP = pi; starT = ti; pi += 1; continue }
                    if c == Self.question { pi += 1; ti = min(t.count, ti + Glob.scalarLength(t[ti])); continue }
                    if c == UInt16(t[ti]) { pi += 1; ti += 1; continue }
                }
                if starP >= 0 { pi = starP + 1; starT += Glob.scalarLength(t[starT]); ti = starT; continue }
                return false
            }
            while pi < p.count && p[pi] == Self.star { pi += 1 }
            return pi == p.count
        }
    }

    private func lowerASCII(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
