/// An IPv4 or IPv6 network (CIDR) or address, for `IpAddress`/`NotIpAddress`
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress).
/// A bare address is a /32 or /128; host bits in the CIDR are ignored.
public struct IPNetwork: Sendable, Hashable {
    public let isIPv6: Bool
    /// The address as 128 bits (IPv4 in the low 32 bits of `low`).
    public let high: UInt64
    public let low: UInt64
    public let prefixLength: Int

    public init?(_ text: String) {
        var addr = Substring(text.trimmingSpaces)
        var prefix: Int?
        if let slash = addr.firstIndex(of: "/") {
            guard let p = Int(addr[addr.index(after: slash)...]) else { return nil }
            prefix = p
            addr = addr[..<slash]
        }
        if let v4 = Self.parseIPv4(addr) {
            let p = prefix ?? 32
            guard (0...32).contains(p) else { return nil }
            isIPv6 = false
            high = 0
            low = UInt64(v4)
            prefixLength = p
        } else if let (h, l) = Self.parseIPv6(addr) {
            let p = prefix ?? 128
            guard (0...128).contains(p) else { return nil }
            isIPv6 = true
            high = h
            low = l
            prefixLength = p
        } else {
            return nil
        }
    }

    /// True when `address` (an address, not a network) lies inside this network.
    public func contains(_ address: IPNetwork) -> Bool {
        guard address.isIPv6 == isIPv6 else { return false }
        if !isIPv6 {
            if prefixLength == 0 { return true }
            let mask: UInt64 = (0xFFFF_FFFF << (32 - UInt64(prefixLength))) & 0xFFFF_FFFF
            return (address.low & mask) == (low & mask)
        }
        let hp = min(prefixLength, 64), lp = max(0, prefixLength - 64)
        let hm: UInt64 = hp == 0 ? 0 : ~UInt64(0) << (64 - UInt64(hp))
        let lm: UInt64 = lp == 0 ? 0 : ~UInt64(0) << (64 - UInt64(lp))
        return (address.high & hm) == (high & hm) && (address.low & lm) == (low & lm)
    }

    static func parseIPv4(_ s: Substring) -> UInt32? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var v: UInt32 = 0
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0.isASCII && $0.isNumber }), let n = UInt32(p), n <= 255 else { return nil }
            v = v << 8 | n
        }
        return v
    }

    static func parseIPv6(_ s: Substring) -> (UInt64, UInt64)? {
        guard s.contains(":") else { return nil }
        var groups: [UInt16] = []
        var tailGroups: [UInt16] = []
        var sawGap = false
        var halves: [String] = []
        let chars = Array(s)
        var cut: Int?
        for i in 0..<(max(0, chars.count - 1)) where chars[i] == ":" && chars[i + 1] == ":" {
            if cut != nil { return nil }
            cut = i
        }
        if let cut {
            halves = [String(chars[..<cut]), String(chars[(cut + 2)...])]
            if halves[1].hasPrefix(":") || halves[0].hasSuffix(":") { return nil }
        } else {
            halves = [String(s)]
        }
        func parse(_ part: String, into out: inout [UInt16], allowV4: Bool) -> Bool {
            if part.isEmpty { return true }
            let items = part.split(separator: ":", omittingEmptySubsequences: false)
            for (i, item) in items.enumerated() {
                if allowV4, i == items.count - 1, item.contains(".") {
                    guard let v4 = parseIPv4(item) else { return false }
                    out.append(UInt16(v4 >> 16))
                    out.append(UInt16(v4 & 0xFFFF))
                } else {
                    guard !item.isEmpty, item.count <= 4, let g = UInt16(item, radix: 16) else { return false }
                    out.append(g)
                }
            }
            return true
        }
        if halves.count == 2 {
            sawGap = true
            guard parse(halves[0], into: &groups, allowV4: false), parse(halves[1], into: &tailGroups, allowV4: true) else { return nil }
        } else {
            guard parse(halves[0], into: &groups, allowV4: true) else { return nil }
        }
        let total = groups.count + tailGroups.count
        if sawGap {
            guard total < 8 else { return nil }
            groups += Array(repeating: 0, count: 8 - total) + tailGroups
        } else {
            guard total == 8 else { return nil }
        }
        var h: UInt64 = 0, l: UInt64 = 0
        for i in 0..<4 { h = h << 16 | UInt64(groups[i]) }
        for i in 4..<8 { l = l << 16 | UInt64(groups[i]) }
        return (h, l)
    }
}
