import PolicyEngine

/// IAM wildcard matching: `*` any run (including none), `?` exactly one character, over the whole string.
enum Wildcard {
    static func hasWildcard(_ s: String) -> Bool { s.utf8.contains { $0 == star || $0 == question } }
    static let star = UInt8(ascii: "*"), question = UInt8(ascii: "?")

    /// The text before the first wildcard.
    static func literalPrefix(_ s: String) -> Substring {
        if let i = s.firstIndex(where: { $0 == "*" || $0 == "?" }) { return s[..<i] }
        return s[...]
    }

    static func matches(_ pattern: Substring, _ text: Substring) -> Bool {
        if pattern == "*" { return true }
        if !pattern.utf8.contains(where: { $0 == star || $0 == question }) { return pattern == text }
        return matchBytes(Array(pattern.utf8), Array(text.utf8))
    }

    static func matches(_ pattern: String, _ text: String, ignoreCase: Bool = false) -> Bool {
        if pattern == "*" { return true }
        if !ignoreCase {
            if !hasWildcard(pattern) { return pattern == text }
            return matchBytes(Array(pattern.utf8), Array(text.utf8))
        }
        // IAM action names are ASCII; fold ASCII letters only.
        func lower(_ s: String) -> [UInt8] { s.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }
        return matchBytes(lower(pattern), lower(text))
    }

    /// Iterative wildcard match with single-star backtracking: linear in practice.
    static func matchBytes(_ p: [UInt8], _ t: [UInt8]) -> Bool {
        var pi = 0, ti = 0, star = -1, mark = 0
        let starByte = UInt8(ascii: "*"), q = UInt8(ascii: "?")
        while ti < t.count {
            if pi < p.count && (p[pi] == q || p[pi] == t[ti]) {
                pi += 1; ti += 1
            } else if pi < p.count && p[pi] == starByte {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == starByte { pi += 1 }
        return pi == p.count
    }

    /// ARN matching as in IAM `Resource` and `ArnLike`: six colon-separated components, each globbed;
    /// the resource part may contain colons. Fewer components in the pattern are padded with `*`.
    static func matchesARN(_ pattern: String, _ arn: String) -> Bool {
        if pattern == "*" { return true }
        let pc = splitARN(pattern, padding: true)
        let ac = splitARN(arn, padding: false)
        guard pc.count == 6, ac.count == 6 else { return false }
        for i in 0..<6 where !matches(pc[i], ac[i]) { return false }
        return true
    }

    static func splitARN(_ s: String, padding: Bool) -> [Substring] {
        var parts = s.asciiSplit(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if padding { while parts.count < 6 { parts.append("*") } }
        return parts
    }

    /// An example text the pattern matches: each `*` becomes `fill` and each `?` becomes `x`.
    static func instantiate(_ pattern: String, fill: String = "x") -> String {
        var out = ""
        for c in pattern {
            switch c {
            case "*": out += fill
            case "?": out += "x"
            default: out.append(c)
            }
        }
        return out
    }
}
