/// A fast, fixed (unseeded) hash of UTF-8 bytes, folded in eight at a time, for indexes that hash
/// many long keys (ARNs, policy documents) where SipHash through `Hasher` was a large share of the
/// work. Deterministic across runs; used for lookups only, never to order anything.
package struct ByteHash {
    package private(set) var state: UInt64

    package init(seed: UInt64 = 0x243F_6A88_85A3_08D3) { state = seed }

    /// Folds in the bytes, then their count, so ("ab", "c") and ("a", "bc") differ.
    @inline(__always)
    package mutating func combine(_ b: UnsafeBufferPointer<UInt8>) {
        var h = state
        let n = b.count
        var i = 0
        if n >= 8 {
            let raw = UnsafeRawBufferPointer(b)
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 32
                i += 8
            }
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(b[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail ^ (UInt64(truncatingIfNeeded: n) << 56)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        state = h
    }

    /// Folds in a string's UTF-8 bytes (its exact bytes: canonically equivalent spellings differ).
    @inline(__always)
    package mutating func combine(_ s: String) {
        var s = s
        s.withUTF8 { combine($0) }
    }

    /// Folds in one number.
    @inline(__always)
    package mutating func combine(_ x: UInt64) {
        var h = (state ^ x) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        state = h
    }

    /// The final 64 bits, well mixed.
    @inline(__always)
    package var value: UInt64 {
        var x = state
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}
