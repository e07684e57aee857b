import Foundation
import Inventory

/// One row of the navigator: an account, or a role or user inside an unfolded account.
public struct NavigatorItem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case account(id: String)
        case role(arn: String)
        case user(arn: String)
    }

    public var kind: Kind
    /// Text shown after the glyphs.
    public var label: String
    /// Text search matches against (label plus ARN or id).
    public var searchText: String
    public var depth: Int

    /// The id the rest of the app selects by: account id or ARN.
    public var id: String {
        switch kind {
        case .account(let id): return id
        case .role(let arn), .user(let arn): return arn
        }
    }

    public var accountId: String? {
        if case .account(let id) = kind { return id }
        return nil
    }
}

/// Where each principal lives, built once per inventory: the navigator's source.
public struct NavigatorIndex: Sendable {
    public struct AccountEntry: Sendable {
        public var account: Account
        /// Indices into `inventory.roles`, sorted by role name.
        public var roles: [Int]
        /// Indices into `inventory.users`, sorted by user name.
        public var users: [Int]
    }

    public var accounts: [AccountEntry]
    public var accountPosition: [String: Int]
    /// Every account, role and user in navigator order (ids), and their lower-cased search texts as one
    /// run of UTF-8 bytes, each text starting at `searchStarts[i]` and ended by a zero byte: built once,
    /// so a search is one pass of `memchr` over the bytes instead of building strings per keypress.
    public var searchIDs: [String]
    var searchCorpus: [UInt8]
    var searchStarts: [Int]
    /// Id → position in `searchIDs`.
    var searchPosition: [String: Int]

    public init(inventory: Inventory) {
        let roles = inventory.roles, users = inventory.users
        var byAccount: [String: (roles: [Int], users: [Int])] = [:]
        for i in roles.indices { byAccount[roles[i].accountId, default: ([], [])].roles.append(i) }
        for i in users.indices { byAccount[users[i].accountId, default: ([], [])].users.append(i) }
        // Names lower-cased once, not twice per comparison of the sorts below.
        let roleKeys = roles.indices.map { roles[$0].name.lowercased() }
        let userKeys = users.indices.map { users[$0].name.lowercased() }
        var entries: [AccountEntry] = []
        var known = Set<String>()
        for a in inventory.accounts {
            known.insert(a.id)
            let e = byAccount[a.id] ?? ([], [])
            entries.append(AccountEntry(
                account: a,
                roles: e.roles.sorted { roleKeys[$0] < roleKeys[$1] },
                users: e.users.sorted { userKeys[$0] < userKeys[$1] }))
        }
        // Principals of accounts the inventory never lists still need a home in the tree.
        for id in byAccount.keys.sorted() where !known.contains(id) {
            let e = byAccount[id]!
            entries.append(AccountEntry(account: Account(id: id, isListed: false), roles: e.roles, users: e.users))
        }
        // Organization members first, then third parties, then unknown externals; by name within each.
        func rank(_ a: Account) -> Int { a.inOrganization ? 0 : (a.thirdParty ? 1 : 2) }
        entries.sort {
            let (ra, rb) = (rank($0.account), rank($1.account))
            if ra != rb { return ra < rb }
            let (na, nb) = ($0.account.displayName.lowercased(), $1.account.displayName.lowercased())
            return na != nb ? na < nb : $0.account.id < $1.account.id
        }
        accounts = entries
        accountPosition = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.account.id, $0) })
        var ids: [String] = [], corpus: [UInt8] = [], starts: [Int] = []
        let count = entries.count + roles.count + users.count
        ids.reserveCapacity(count)
        starts.reserveCapacity(count)
        func add(_ id: String, _ text: String) {
            ids.append(id)
            starts.append(corpus.count)
            corpus.append(contentsOf: text.lowercased().utf8)
            corpus.append(0)
        }
        for e in entries {
            add(e.account.id, "\(e.account.displayName) \(e.account.id)")
            for i in e.roles { add(roles[i].arn, roles[i].name + " " + roles[i].arn) }
            for i in e.users { add(users[i].arn, users[i].name + " " + users[i].arn) }
        }
        searchIDs = ids
        searchCorpus = corpus
        searchStarts = starts
        var position: [String: Int] = [:]
        position.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where position[id] == nil { position[id] = i }
        searchPosition = position
    }

    /// Positions (in `searchIDs`) of every entry whose search text contains `query` (lower-cased), ascending.
    func searchMatches(_ query: String) -> [Int] {
        let needle = Array(query.lowercased().utf8)
        guard !needle.isEmpty, !needle.contains(0) else { return needle.isEmpty ? Array(searchIDs.indices) : [] }
        var out: [Int] = []
        searchCorpus.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let base = hay.baseAddress, let p = pin.baseAddress else { return }
                let n = pin.count, first = Int32(needle[0])
                var offset = 0
                // memchr finds the needle's first byte (vectorised); memcmp confirms the rest.
                while offset + n <= hay.count, let hit = memchr(base + offset, first, hay.count - n + 1 - offset) {
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    guard memcmp(hit, p, n) == 0 else { offset = at + 1; continue }
                    // The entry holding the hit: the last start at or before it.
                    var lo = 0, hi = searchStarts.count - 1
                    while lo < hi {
                        let mid = (lo + hi + 1) / 2
                        if searchStarts[mid] <= at { lo = mid } else { hi = mid - 1 }
                    }
                    out.append(lo)
                    // Go on from the next entry: one match per entry.
                    offset = lo + 1 < searchStarts.count ? searchStarts[lo + 1] : hay.count
                }
            }
        }
        return out
    }
}

