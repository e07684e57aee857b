import Inventory

/// Completion over the principals of the inventory, for the caller and role fields.
///
/// Built once (the first time a caller or role is edited) as sorted arrays, so each keystroke is a
/// binary search rather than a scan of every principal: 1,000 accounts hold 60,000 of them.
public struct SimulateCompletion: Sendable {
    /// Every possible caller id (user and role ARNs, account ids), sorted.
    let callerIds: [String]
    /// Role ARNs, sorted.
    let roleArns: [String]
    /// (lower-cased name, id) for users, roles and accounts, sorted by name then id.
    let callerNames: [(name: String, id: String)]
    let roleNames: [(name: String, id: String)]

    /// How many candidates a lookup returns at most.
    static let limit = 100

    public init(inventory: Inventory) {
        roleArns = inventory.roles.map(\.arn).sorted()
        callerIds = (inventory.roles.map(\.arn) + inventory.users.map(\.arn) + inventory.accounts.map(\.id)).sorted()
        let roleNames = inventory.roles.map { (name: $0.name.lowercased(), id: $0.arn) }
        let others = inventory.users.map { (name: $0.name.lowercased(), id: $0.arn) } + inventory.accounts.map { (name: $0.displayName.lowercased(), id: $0.id) }
        let order: ((name: String, id: String), (name: String, id: String)) -> Bool = { ($0.name, $0.id) < ($1.name, $1.id) }
        self.roleNames = roleNames.sorted(by: order)
        callerNames = (roleNames + others).sorted(by: order)
    }

    /// Candidates for what is typed: ids starting with it first, then principals whose name starts with it.
    public func candidates(for field: SimulateField, text: String) -> [String] {
        guard field == .caller || field == .role else { return [] }
        let ids = field == .role ? roleArns : callerIds
        let names = field == .role ? roleNames : callerNames
        var out = Self.prefixed(ids, text)
        if out.count < Self.limit, !text.isEmpty {
            var seen = Set(out)
            for id in Self.prefixedNames(names, text.lowercased()) where !seen.contains(id) {
                out.append(id)
                seen.insert(id)
                if out.count >= Self.limit { break }
            }
        }
        return out
    }

    static func prefixed(_ sorted: [String], _ prefix: String) -> [String] {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < prefix { lo = mid + 1 } else { hi = mid }
        }
        var out: [String] = []
        var i = lo
        while i < sorted.count, out.count < limit, sorted[i].hasPrefix(prefix) {
            out.append(sorted[i])
            i += 1
        }
        return out
    }

    static func prefixedNames(_ sorted: [(name: String, id: String)], _ prefix: String) -> [String] {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].name < prefix { lo = mid + 1 } else { hi = mid }
        }
        var out: [String] = []
        var i = lo
        while i < sorted.count, out.count < limit, sorted[i].name.hasPrefix(prefix) {
            out.append(sorted[i].id)
            i += 1
        }
        return out
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
