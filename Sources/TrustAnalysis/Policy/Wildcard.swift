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

    // The matches work on the strings' own UTF-8 storage: copying both sides into arrays for every
    // comparison was most of the cost of the identity-policy rules (callgrind).
    static func matches(_ pattern: Substring, _ text: Substring) -> Bool {
        if pattern == "*" { return true }
        if !pattern.utf8.contains(where: { $0 == star || $0 == question }) { return pattern == text }
        var p = pattern, t = text
        return p.withUTF8 { pb in t.withUTF8 { tb in matchBytes(pb, tb, foldCase: false) } }
    }

    static func matches(_ pattern: String, _ text: String, ignoreCase: Bool = false) -> Bool {
        if pattern == "*" { return true }
        if !ignoreCase && !hasWildcard(pattern) { return pattern == text }
        // IAM action names are ASCII; with ignoreCase, ASCII letters only are folded.
        var p = pattern, t = text
        return p.withUTF8 { pb in t.withUTF8 { tb in matchBytes(pb, tb, foldCase: ignoreCase) } }
    }

    @inline(__always)
    private static func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

    /// Iterative wildcard match with single-star backtracking: linear in practice.
    static func matchBytes(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>, foldCase: Bool) -> Bool {
        var pi = 0, ti = 0, star = -1, mark = 0
        let starByte = UInt8(ascii: "*"), q = UInt8(ascii: "?")
        while ti < t.count {
            if pi < p.count && (p[pi] == q || p[pi] == t[ti] || (foldCase && fold(p[pi]) == fold(t[ti]))) {
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
