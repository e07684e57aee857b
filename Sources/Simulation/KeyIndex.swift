import Inventory
import PolicyEngine

/// A read-only index from text keys to positions, for the simulator's per-request lookups (role by ARN,
/// user by ARN, role by account and name).
///
/// `Dictionary<String, Int>` hashes the whole key with SipHash and needs a `String` to look up, so a
/// session ARN's `account/name` had to be built (and allocated) for every request. Here keys are hashed
/// as UTF-8 bytes, eight at a time, and a two-part key (account and role name) is looked up from
/// substrings of the request without building anything. A slot keeps 32 bits of the hash beside the
/// position, so a probe compares the key's bytes only when those bits agree; the comparison is always
/// made, so the answer is exact. The hash is fixed (no per-process seed): it serves lookups, never an order.
///
/// Same answers as the dictionary it replaces (`String` equality is canonical equivalence; a two-part key
/// was the text `first/second`): bytes decide only when both sides are ASCII (canonical equivalence is
/// then byte equality) and the parts hold no `/` (pairs are then equal exactly when their joined texts
/// are). A query outside that is answered by comparing strings with every key, last match first; an index
/// with such a key keeps a dictionary instead. As with a dictionary assignment, the last equal key wins.
struct KeyIndex: Sendable {
    /// `hash << 32 | (position + 1)`; 0 is an empty slot. Power-of-two count, at most half full.
    private var slots: [UInt64]
    /// The key of each position: its first part, and its second part for two-part keys.
    private var firstParts: [String] = []
    private var secondParts: [String] = []
    private let mask: Int
    private let twoParts: Bool
    /// Set once a key is not plain ASCII (or a part holds `/`): every lookup then goes through `fallback`.
    private var fallback: [String: Int]?

    init(capacity: Int, twoParts: Bool = false) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = Array(repeating: 0, count: n)
        mask = n - 1
        self.twoParts = twoParts
        firstParts.reserveCapacity(capacity)
        if twoParts { secondParts.reserveCapacity(capacity) }
    }

    /// Adds the next position under a one-part key.
    mutating func append(_ key: String) {
        precondition(!twoParts)
        var k = key
        let (h, plain) = k.withUTF8 { b in (Self.hash(b), Self.isPlain(b, slashAllowed: true)) }
        firstParts.append(key)
        let position = firstParts.count - 1
        if !plain, fallback == nil { startFallback() }
        if fallback != nil {
            fallback![key] = position
            return
        }
        place(h, position: position, first: key, second: nil)
    }

    /// Adds the next position under a two-part key.
    mutating func append(_ first: String, _ second: String) {
        precondition(twoParts)
        var a = first
        var b = second
        let (h, plain) = a.withUTF8 { pa in
            b.withUTF8 { pb in
                (Self.hash(pa, pb), Self.isPlain(pa, slashAllowed: false) && Self.isPlain(pb, slashAllowed: false))
            }
        }
        firstParts.append(first)
        secondParts.append(second)
        let position = firstParts.count - 1
        if !plain, fallback == nil { startFallback() }
        if fallback != nil {
            fallback!["\(first)/\(second)"] = position
            return
        }
        place(h, position: position, first: first, second: second)
    }

    private mutating func startFallback() {
        var d: [String: Int] = [:]
        for i in firstParts.indices.dropLast() { d[twoParts ? "\(firstParts[i])/\(secondParts[i])" : firstParts[i]] = i }
        fallback = d
    }

    private mutating func place(_ h: UInt32, position: Int, first: String, second: String?) {
        precondition(position < Int(UInt32.max) - 1)
        let entry = UInt64(h) << 32 | UInt64(position + 1)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { slots[i] = entry; return }
            if UInt32(truncatingIfNeeded: s >> 32) == h {
                let old = Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                if firstParts[old] == first && (second == nil || secondParts[old] == second!) {
                    slots[i] = entry
                    return
                }
            }
            i = (i + 1) & mask
        }
    }

    /// The position of the one-part key equal to `key`.
    func find(_ key: String) -> Int? {
        precondition(!twoParts)
        if let fallback { return fallback[key] }
        var k = key
        let (plain, found) = k.withUTF8 { b in Self.isPlain(b, slashAllowed: true) ? (true, findPlain(b)) : (false, nil) }
        if plain { return found }
        return firstParts.lastIndex { $0 == key }
    }

    private func findPlain(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = Self.hash(b)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s == 0 { return nil }
            if UInt32(truncatingIfNeeded: s >> 32) == h {
                let p = Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                if Self.equal(firstParts[p], b) { return p }
            }
            i = (i + 1) & mask
        }
    }

    /// The position of the two-part key equal to (`first`, `second`), given as substrings of some text.
    func find(_ first: Substring, _ second: Substring) -> Int? {
        var a = first
        var b = second
        return a.withUTF8 { pa in b.withUTF8 { pb in find(pa, pb) } }
    }

    /// The position of the two-part key equal to the UTF-8 texts (`first`, `second`).
    func find(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Int? {
        precondition(twoParts)
        func text(_ b: UnsafeBufferPointer<UInt8>) -> String { String(decoding: b, as: UTF8.self) }
        if let fallback { return fallback["\(text(first))/\(text(second))"] }
        if Self.isPlain(first, slashAllowed: false), Self.isPlain(second, slashAllowed: false) {
            let h = Self.hash(first, second)
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let s = slots[i]
                if s == 0 { return nil }
                if UInt32(truncatingIfNeeded: s >> 32) == h {
                    let p = Int(truncatingIfNeeded: s & 0xFFFF_FFFF) - 1
                    if Self.equal(firstParts[p], first) && Self.equal(secondParts[p], second) { return p }
                }
                i = (i + 1) & mask
            }
        }
        let joined = "\(text(first))/\(text(second))"
        return firstParts.indices.last { "\(firstParts[$0])/\(secondParts[$0])" == joined }
    }

    /// ASCII, and without `/` unless allowed.
    @inline(__always)
    private static func isPlain(_ b: UnsafeBufferPointer<UInt8>, slashAllowed: Bool) -> Bool {
        let n = b.count
        var i = 0
        if slashAllowed, n >= 8 {
            let raw = UnsafeRawBufferPointer(b)
            var any: UInt64 = 0
            while i + 8 <= n {
                any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            if any & 0x8080_8080_8080_8080 != 0 { return false }
        }
        while i < n {
            let c = b[i]
            if c >= 0x80 || (!slashAllowed && c == 0x2F) { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    private static func equal(_ s: String, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var s = s
        return s.withUTF8 { a in
            let n = a.count
            guard n == b.count else { return false }
            if n == 0 || a.baseAddress == b.baseAddress { return true }
            let x = UnsafeRawBufferPointer(a), y = UnsafeRawBufferPointer(b)
            var i = 0
            while i + 8 <= n {
                if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                i += 8
            }
            while i < n {
                if a[i] != b[i] { return false }
                i += 1
            }
            return true
        }
    }

    @inline(__always)
    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h = ByteHash()
        h.combine(b)
        return UInt32(truncatingIfNeeded: h.value)
    }

    @inline(__always)
    private static func hash(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h = ByteHash()
        h.combine(a)
        h.combine(b)
        return UInt32(truncatingIfNeeded: h.value)
    }
}
