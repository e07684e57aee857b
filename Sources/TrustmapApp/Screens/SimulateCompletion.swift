import Inventory

/// Completion over the principals of the inventory, for the caller and role fields.
///
/// The inventory keeps roles and users sorted by ARN and accounts by id, so ids are found by binary
/// search with nothing built beforehand; names (`Dep` → the Deployer role) are a scan that stops at
/// `limit` and compares bytes without allocating, a few milliseconds over 60,000 principals.
enum SimulateCompletion {
    /// How many candidates a lookup returns at most.
    static let limit = 100

    /// Candidates for what is typed: ids starting with it first, then principals whose name starts with it
    /// (ignoring case).
    static func candidates(for field: SimulateField, text: String, in inventory: Inventory) -> [String] {
        guard field == .caller || field == .role else { return [] }
        var out: [String] = []
        if field == .caller {
            out += prefixed(inventory.accounts, text, \.id)
            out += prefixed(inventory.users, text, \.arn)
        }
        out += prefixed(inventory.roles, text, \.arn)
        guard out.count < limit, !text.isEmpty else { return Array(out.prefix(limit)) }
        var seen = Set(out)
        let needle = Array(text.lowercased().utf8)
        func add(_ name: String, _ id: String) -> Bool {
            if hasPrefixIgnoringCase(name, needle), seen.insert(id).inserted { out.append(id) }
            return out.count >= limit
        }
        if field == .caller {
            for a in inventory.accounts where add(a.displayName, a.id) { return out }
            for u in inventory.users where add(u.name, u.arn) { return out }
        }
        for r in inventory.roles where add(r.name, r.arn) { return out }
        return out
    }

    /// The elements whose key starts with `prefix`, from an array sorted by that key.
    static func prefixed<T>(_ sorted: [T], _ prefix: String, _ key: (T) -> String) -> [String] {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if key(sorted[mid]) < prefix { lo = mid + 1 } else { hi = mid }
        }
        var out: [String] = []
        var i = lo
        while i < sorted.count, out.count < limit {
            let k = key(sorted[i])
            guard k.hasPrefix(prefix) else { break }
            out.append(k)
            i += 1
        }
        return out
    }

    /// ASCII case-insensitive prefix test against a lower-cased needle, without building strings.
    static func hasPrefixIgnoringCase(_ text: String, _ lowerNeedle: [UInt8]) -> Bool {
        var it = text.utf8.makeIterator()
        for n in lowerNeedle {
            guard var c = it.next() else { return false }
            if c >= 65 && c <= 90 { c += 32 }
            if c != n { return false }
        }
        return true
    }

    /// The longest prefix all the candidates share.
    static func commonPrefix(_ items: [String]) -> String {
        guard var prefix = items.first else { return "" }
        for item in items.dropFirst() {
            while !item.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
