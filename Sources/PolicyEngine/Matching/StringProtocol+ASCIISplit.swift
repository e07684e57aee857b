extension StringProtocol where SubSequence == Substring {
    /// `split(separator:maxSplits:omittingEmptySubsequences:)` for an ASCII separator, scanned as UTF-8
    /// bytes. The Character-based split walks grapheme clusters and was a tenth of all instructions of an
    /// analysis (callgrind, trustmap-bench: every ARN is split on `:` several times). Text that is not all
    /// ASCII goes to the standard split, so the result is the same for every input (a separator followed
    /// by a combining mark is not a Character of its own).
    package func asciiSplit(separator: Unicode.Scalar, maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        precondition(separator.isASCII, "asciiSplit takes an ASCII separator")
        let sep = UInt8(separator.value)
        let u = utf8
        // Byte offsets of the separators that split, found in one pass that also checks for ASCII.
        var cuts: [Int] = []
        // One allocation: growing from empty reallocated three or four times per ARN (callgrind).
        cuts.reserveCapacity(maxSplits < 16 ? maxSplits : 16)
        let ascii: Bool? = u.withContiguousStorageIfAvailable { bytes in
            var offset = 0
            var start = 0
            var pieces = 0
            for b in bytes {
                if b >= 0x80 { return false }
                if b == sep && pieces < maxSplits {
                    // As the standard split: an empty piece that is omitted does not count as a split.
                    if !(omittingEmptySubsequences && start == offset) { pieces += 1 }
                    cuts.append(offset)
                    start = offset + 1
                }
                offset += 1
            }
            return true
        }
        guard ascii == true else {
            return split(separator: Character(separator), maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
        }
        var out: [Substring] = []
        out.reserveCapacity(cuts.count + 1)
        let base = u.startIndex
        var start = base
        var startOffset = 0
        for c in cuts {
            if !(omittingEmptySubsequences && startOffset == c) {
                out.append(self[start..<u.index(base, offsetBy: c)])
            }
            startOffset = c + 1
            start = u.index(base, offsetBy: startOffset)
        }
        if startOffset != u.count || !omittingEmptySubsequences {
            out.append(self[start..<u.endIndex])
        }
        return out
    }
}

extension String {
    /// Whether the UTF-8 bytes contain `needle` (ASCII bytes) somewhere. A cheap test that must hold
    /// before a Character-based `contains` can: a Character equal to an ASCII character is that one
    /// byte (nothing else is canonically equivalent to it), so Characters in a row are bytes in a row.
    /// Callers run the exact Character-based test only when this is true.
    package func utf8Contains(_ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        let p = needle.utf8Start
        var s = self
        return s.withUTF8 { b in
            guard b.count >= n else { return false }
            var i = 0
            while i + n <= b.count {
                if b[i] == p[0] {
                    var k = 1
                    while k < n && b[i + k] == p[k] { k += 1 }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
    }
}
