/// Wildcard matching whose work is bounded whatever the inputs (issue #14: a 5,000-character `StringLike`
/// pattern against a 1 MB claim took 24 s with single-star backtracking, which is quadratic there).
///
/// The pattern is cut at its `*`s into segments. The first segment must match at the start of the text,
/// the last at its end, and each one between at its leftmost place after the one before (leftmost is
/// always right for `*`-separated segments). A segment is found with the shift-and (bitap) method over
/// 64-bit words, `?` matching any one character: the text is scanned once, in
/// O(text × ⌈segment / 64⌉) steps. The backtracking matcher stays the fast path; this one takes over only
/// when pattern × text is large.
extension Glob {
    /// Pattern × text (bytes) above which the bounded matcher is used.
    static let boundedThreshold = 1 << 22

    /// One character of a text or pattern: its UTF-8 bytes (the lead byte tells how many, as `?` counts
    /// them) tagged with their count, or a wildcard.
    typealias Unit = UInt64
    static let starUnit: Unit = .max
    static let anyUnit: Unit = .max - 1

    /// The characters of UTF-8 bytes; with `wildcards`, `*` and `?` become wildcard units.
    static func units(_ bytes: UnsafeBufferPointer<UInt8>, wildcards: Bool) -> [Unit] {
        var out: [Unit] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if wildcards && b == 0x2A { out.append(starUnit); i += 1; continue }
            if wildcards && b == 0x3F { out.append(anyUnit); i += 1; continue }
            let n = min(scalarLength(b), bytes.count - i)
            var v: Unit = Unit(n) << 32
            for k in 0..<n { v |= Unit(bytes[i + k]) << (8 * Unit(3 - k)) }
            out.append(v)
            i += n
        }
        return out
    }

    /// The units of a policy-variable pattern (`PolicyVariableTemplate`'s: 0x100 is `*`, 0x101 is `?`,
    /// anything below 0x100 a literal byte).
    static func units(template: [UInt16]) -> [Unit] {
        var out: [Unit] = []
        var i = 0
        while i < template.count {
            let u = template[i]
            if u == 0x100 { out.append(starUnit); i += 1; continue }
            if u == 0x101 { out.append(anyUnit); i += 1; continue }
            var n = scalarLength(UInt8(u))
            var j = 1
            while j < n && i + j < template.count && template[i + j] < 0x100 { j += 1 }
            n = j
            var v: Unit = Unit(n) << 32
            for k in 0..<n { v |= Unit(template[i + k]) << (8 * Unit(3 - k)) }
            out.append(v)
            i += n
        }
        return out
    }

    /// Whether the pattern units match all of the text units.
    static func boundedMatch(_ p: [Unit], _ t: [Unit]) -> Bool {
        // Segments between stars, as ranges of `p`.
        var segments: [Range<Int>] = []
        var start = 0
        for (i, u) in p.enumerated() where u == starUnit {
            segments.append(start..<i)
            start = i + 1
        }
        segments.append(start..<p.count)
        func fits(_ seg: Range<Int>, at pos: Int) -> Bool {
            var k = 0
            for pi in seg {
                let u = p[pi]
                if u != anyUnit && u != t[pos + k] { return false }
                k += 1
            }
            return true
        }
        if segments.count == 1 { return p.count == t.count && fits(segments[0], at: 0) }
        let first = segments[0], last = segments[segments.count - 1]
        guard first.count + last.count <= t.count, fits(first, at: 0), fits(last, at: t.count - last.count) else { return false }
        var pos = first.count
        let end = t.count - last.count
        for seg in segments[1..<(segments.count - 1)] where !seg.isEmpty {
            guard let found = leftmost(seg, of: p, in: t, from: pos, to: end) else { return false }
            pos = found + seg.count
        }
        return true
    }

    /// The leftmost place in `t[from..<to]` where the segment `p[seg]` matches, by shift-and.
    private static func leftmost(_ seg: Range<Int>, of p: [Unit], in t: [Unit], from: Int, to: Int) -> Int? {
        let m = seg.count
        guard to - from >= m else { return nil }
        let words = (m + 63) / 64
        // Bit k of a unit's mask: segment position k accepts that unit.
        var anyMask = [UInt64](repeating: 0, count: words)
        for (k, pi) in seg.enumerated() where p[pi] == anyUnit { anyMask[k / 64] |= 1 << UInt64(k % 64) }
        var masks: [Unit: [UInt64]] = [:]
        for (k, pi) in seg.enumerated() where p[pi] != anyUnit {
            masks[p[pi], default: anyMask][k / 64] |= 1 << UInt64(k % 64)
        }
        var state = [UInt64](repeating: 0, count: words)
        let topWord = (m - 1) / 64, topBit: UInt64 = 1 << UInt64((m - 1) % 64)
        for i in from..<to {
            let mask = masks[t[i]] ?? anyMask
            var carry: UInt64 = 1
            for w in 0..<words {
                let next = state[w] >> 63
                state[w] = ((state[w] << 1) | carry) & mask[w]
                carry = next
            }
            if state[topWord] & topBit != 0 { return i - m + 1 }
        }
        return nil
    }
}
