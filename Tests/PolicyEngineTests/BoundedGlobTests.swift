@testable import PolicyEngine
import Testing

/// Wildcard matching stays bounded on long patterns against long texts (issue #14, item 6) and agrees
/// with the backtracking matcher everywhere.
@Suite("bounded wildcard matching")
struct BoundedGlobTests {
    static func both(_ pattern: String, _ text: String) -> (backtracking: Bool, bounded: Bool) {
        var p = pattern, t = text
        return p.withUTF8 { pb in
            t.withUTF8 { tb in
                (Glob.backtrackingMatch(pb, tb), Glob.boundedMatch(Glob.units(pb, wildcards: true), Glob.units(tb, wildcards: false)))
            }
        }
    }

    @Test("the two matchers agree on 20,000 seeded random patterns and texts, multi-byte characters included")
    func differential() {
        var rng = SeededGenerator(seed: 42)
        let patternAlphabet: [String] = ["a", "b", "é", "*", "?", "🙂"]
        let textAlphabet: [String] = ["a", "b", "é", "🙂"]
        for _ in 0..<20_000 {
            let p = (0..<Int.random(in: 0...9, using: &rng)).map { _ in patternAlphabet.randomElement(using: &rng)! }.joined()
            let t = (0..<Int.random(in: 0...12, using: &rng)).map { _ in textAlphabet.randomElement(using: &rng)! }.joined()
            let r = Self.both(p, t)
            #expect(r.backtracking == r.bounded, "pattern '\(p)' text '\(t)'")
        }
    }

    @Test("segments longer than a 64-bit word, and ? across them")
    func longSegments() {
        let seg = String(repeating: "ab?", count: 50)
        let text = "zz" + String(repeating: "abx", count: 50) + "yy"
        #expect(Self.both("*" + seg + "*", text) == (true, true))
        #expect(Self.both("zz" + seg + "yy", text) == (true, true))
        #expect(Self.both("*" + seg + "q*", text) == (false, false))
    }

    @Test("a 5,000-character StringLike pattern against a 1 MB claim answers (the bounded matcher takes over)")
    func pathological() {
        // Backtracking retries the long segment at every position of the claim: 5,000 × 1,000,000 steps.
        let pattern = "*" + String(repeating: "a", count: 5_000) + "b"
        let claim = String(repeating: "a", count: 1_000_000)
        #expect(!Glob.matches(pattern, claim))
        #expect(Glob.matches(pattern, claim + "b"))
        let middle = "*" + String(repeating: "a", count: 1_000) + "b*"
        #expect(!Glob.matches(middle, claim))
        #expect(Glob.matches(middle, claim + "b" + claim))
        let questions = "*" + String(repeating: "?", count: 300) + "b*"
        #expect(!Glob.matches(questions, claim))
        #expect(Glob.matches(questions, claim + "b" + claim))
    }
}

/// SplitMix64: the same numbers for the same seed on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
