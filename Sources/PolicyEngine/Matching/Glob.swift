/// IAM's wildcard matching: `*` matches any run of characters (including none), `?` exactly one
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String).
///
/// Works on UTF-8 bytes without allocating; `?` consumes one whole Unicode scalar.
public enum Glob {
    /// True when `pattern` matches all of `text`. Both are compared byte for byte (case-sensitive).
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        var p = pattern
        var t = text
        return p.withUTF8 { pb in t.withUTF8 { tb in matches(pb, tb) } }
    }

    /// True when `pattern` contains `*` or `?`.
    public static func hasWildcard(_ pattern: String) -> Bool {
        pattern.utf8.contains(where: { $0 == 0x2A || $0 == 0x3F })
    }

    /// The text before the first wildcard (all of it when there is none).
    public static func literalPrefix(_ pattern: String) -> Substring {
        if let i = pattern.firstIndex(where: { $0 == "*" || $0 == "?" }) { return pattern[..<i] }
        return pattern[...]
    }

    /// An example text the pattern matches: each `*` becomes `fill`, each `?` becomes `x`.
    public static func example(of pattern: String, fill: String = "x") -> String {
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

    /// The matcher on byte buffers: linear backtracking on the last `*` (no recursion, no allocation).
    public static func matches(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        // Backtracking is quadratic on long patterns against long texts: bounded matching there.
        if p.count > 8, p.count &* t.count > boundedThreshold {
            return boundedMatch(units(p, wildcards: true), units(t, wildcards: false))
        }
        return backtrackingMatch(p, t)
    }

    /// Single-star backtracking: no allocation, linear on every real policy, quadratic at worst.
    static func backtrackingMatch(_ p: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<UInt8>) -> Bool {
        var pi = 0, ti = 0
        var starP = -1, starT = 0
        let pc = p.count, tc = t.count
        while ti < tc {
            if pi < pc {
                let c = p[pi]
                if c == 0x2A {
                    starP = pi
                    starT = ti
                    pi += 1
                    continue
                }
                if c == 0x3F {
                    pi += 1
                    ti += scalarLength(t[ti])
                    if ti > tc { ti = tc }
                    continue
                }
                if c == t[ti] {
                    pi += 1
                    ti += 1
                    continue
                }
            }
            if starP >= 0 {
                pi = starP + 1
                starT += scalarLength(t[starT])
                ti = starT
                continue
            }
            return false
        }
        while pi < pc && p[pi] == 0x2A { pi += 1 }
        return pi == pc
    }

    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }
}
