/// A small seeded generator (SplitMix64, Steele et al. 2014): the same seed gives the same
/// organization on every machine; no system randomness anywhere in the generator. The benchmark's
/// request mix uses it too.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n.
    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    mutating func digits(_ n: Int) -> String {
        var s = String(below(9) + 1)
        for _ in 1..<n { s += String(below(10)) }
        return s
    }

    mutating func characters(_ n: Int, from alphabet: [Character]) -> String {
        var s = ""
        for _ in 0..<n { s.append(alphabet[below(alphabet.count)]) }
        return s
    }

    mutating func uuid() -> String {
        let hex = Array("0123456789abcdef")
        return [8, 4, 4, 4, 12].map { characters($0, from: hex) }.joined(separator: "-")
    }
}
