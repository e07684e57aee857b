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
    /// Every account, role and user in navigator order, with its lower-cased search text as UTF-8:
    /// built once, so a search scans bytes instead of building 60,000 strings per keypress.
    public var searchEntries: [(id: String, text: [UInt8])]

    public init(inventory: Inventory) {
        var byAccount: [String: (roles: [Int], users: [Int])] = [:]
        for (i, r) in inventory.roles.enumerated() { byAccount[r.accountId, default: ([], [])].roles.append(i) }
        for (i, u) in inventory.users.enumerated() { byAccount[u.accountId, default: ([], [])].users.append(i) }
        var entries: [AccountEntry] = []
        var known = Set<String>()
        for a in inventory.accounts {
            known.insert(a.id)
            let e = byAccount[a.id] ?? ([], [])
            entries.append(AccountEntry(
                account: a,
                roles: e.roles.sorted { inventory.roles[$0].name.lowercased() < inventory.roles[$1].name.lowercased() },
                users: e.users.sorted { inventory.users[$0].name.lowercased() < inventory.users[$1].name.lowercased() }))
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
        var search: [(id: String, text: [UInt8])] = []
        search.reserveCapacity(entries.count + inventory.roles.count + inventory.users.count)
        for e in entries {
            search.append((e.account.id, Array("\(e.account.displayName) \(e.account.id)".lowercased().utf8)))
            for i in e.roles { search.append((inventory.roles[i].arn, Array("\(inventory.roles[i].name) \(inventory.roles[i].arn)".lowercased().utf8))) }
            for i in e.users { search.append((inventory.users[i].arn, Array("\(inventory.users[i].name) \(inventory.users[i].arn)".lowercased().utf8))) }
        }
        searchEntries = search
    }
}

/// Substring search over bytes (the navigator's search corpus is lower-cased UTF-8).
enum ByteSearch {
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        let n = needle.count
        guard haystack.count >= n else { return false }
        var i = 0
        let last = haystack.count - n
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < n && haystack[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
