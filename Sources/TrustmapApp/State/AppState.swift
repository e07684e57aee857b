import Inventory
import TerminalUI
import TrustAnalysis

/// An overlay drawn above the panes; it takes the keys while open.
public enum Overlay: Sendable, Hashable {
    /// `?`: every key and command, filtered by the text typed.
    case help(filter: TextField, scroll: Int)
    /// `/`: the search prompt of the navigator.
    case search(TextField)
    /// `:`: the command palette.
    case palette(TextField)
    /// `x`: asks before secrets are shown.
    case confirmReveal
}

/// Everything the dashboard shows, as a value. `update` changes it, `view` draws it.
public struct AppState: Sendable {
    /// The analysed inventory every view reads (loaded and analysed once).
    public let analysis: Analysis
    public var inventory: Inventory { analysis.inventory }
    /// Where the inventory came from, for the header ("demo" or the paths given).
    public var sourceDescription: String
    public var loadWarnings: Int
    /// "Now", for staleness and simulations: a parameter, never the wall clock.
    public var now: Int64

    /// Active findings by severity, counted once: the header shows them on every frame.
    public let severityCounts: [Severity: Int]

    public var navigatorIndex: NavigatorIndex
    /// Account ids unfolded in the navigator.
    public var expanded: Set<String>
    /// The navigator's visible rows, derived from `expanded` (kept in step by `rebuildNavigator`).
    public private(set) var navigatorItems: [NavigatorItem]
    public var navigatorCursor: Int
    public var navigatorScroll: Int

    public var focus: Pane
    public var mainView: MainView
    public var overlay: Overlay?
    public var detailsScroll: Int
    public var mainScroll: Int

    /// The last search text, for `n` / `N`.
    public var lastSearch: String?

    public var themes: ThemeCatalog
    public var themeIndex: Int
    /// True while secrets are shown in full (after a confirmation).
    public var revealSecrets: Bool

    /// A one-line message in the status bar (the result of the last command), and whether it is an error.
    public var message: String?
    public var messageIsError: Bool
    /// Palette commands entered, oldest first.
    public var paletteHistory: [String]
    public var paletteHistoryPosition: Int?

    public var graphScreen: GraphScreen
    public var findingsScreen: FindingsScreen
    public var simulateScreen: SimulateScreen
    public var matrixScreen: MatrixScreen
    /// Who-can-assume and paths results, shown in the main pane.
    public var listScreen: ListScreen

    /// Set when the program should end, with its exit status.
    public var exitStatus: Int32?

    /// The terminal size the last frame was drawn for: mouse clicks and scrolling map through it.
    public var screenWidth: Int = 80
    public var screenHeight: Int = 24

    public init(analysis: Analysis, sourceDescription: String, loadWarnings: Int = 0, now: Int64, themes: ThemeCatalog = .builtin, themeName: String? = nil, revealSecrets: Bool = false) {
        self.analysis = analysis
        let inventory = analysis.inventory
        var counts: [Severity: Int] = [:]
        for f in analysis.findings where !f.isSuppressed { counts[f.severity, default: 0] += 1 }
        severityCounts = counts
        graphScreen = GraphScreen()
        findingsScreen = FindingsScreen()
        simulateScreen = SimulateScreen()
        matrixScreen = MatrixScreen()
        listScreen = ListScreen()
        self.sourceDescription = sourceDescription
        self.loadWarnings = loadWarnings
        self.now = now
        navigatorIndex = NavigatorIndex(inventory: inventory)
        expanded = []
        navigatorItems = []
        navigatorCursor = 0
        navigatorScroll = 0
        focus = .navigator
        mainView = .overview
        overlay = nil
        detailsScroll = 0
        mainScroll = 0
        self.themes = themes
        themeIndex = themeName.flatMap { themes.index(named: $0) } ?? 0
        self.revealSecrets = revealSecrets
        messageIsError = false
        paletteHistory = []
        // The first account starts unfolded so the first screen already shows roles.
        if let first = navigatorIndex.accounts.first { expanded.insert(first.account.id) }
        rebuildNavigator()
    }

    /// What the main-view screens may read.
    public var screenContext: ScreenContext {
        ScreenContext(analysis: analysis, revealSecrets: revealSecrets, now: now, selectedId: selection?.id)
    }

    public var theme: Theme { themes.themes.indices.contains(themeIndex) ? themes.themes[themeIndex] : Theme(name: "plain", styles: [:]) }

    /// Recomputes the visible navigator rows from the unfolded accounts, keeping the cursor on the same item.
    public mutating func rebuildNavigator() {
        let selectedId = navigatorItems.indices.contains(navigatorCursor) ? navigatorItems[navigatorCursor].id : nil
        var items: [NavigatorItem] = []
        for entry in navigatorIndex.accounts {
            let a = entry.account
            items.append(NavigatorItem(kind: .account(id: a.id), label: a.displayName, searchText: "\(a.displayName) \(a.id)", depth: 0))
            guard expanded.contains(a.id) else { continue }
            for i in entry.roles {
                let r = inventory.roles[i]
                items.append(NavigatorItem(kind: .role(arn: r.arn), label: r.name, searchText: "\(r.name) \(r.arn)", depth: 1))
            }
            for i in entry.users {
                let u = inventory.users[i]
                items.append(NavigatorItem(kind: .user(arn: u.arn), label: u.name, searchText: "\(u.name) \(u.arn)", depth: 1))
            }
        }
        navigatorItems = items
        if let selectedId, let i = items.firstIndex(where: { $0.id == selectedId }) {
            navigatorCursor = i
        } else {
            navigatorCursor = min(navigatorCursor, max(0, items.count - 1))
        }
    }

    /// The selected navigator item, if any.
    public var selection: NavigatorItem? {
        navigatorItems.indices.contains(navigatorCursor) ? navigatorItems[navigatorCursor] : nil
    }

    /// Moves the cursor to the item with this id, unfolding its account when needed.
    @discardableResult
    public mutating func select(id: String) -> Bool {
        if let i = navigatorItems.firstIndex(where: { $0.id == id }) {
            navigatorCursor = i
            return true
        }
        let account = inventory.role(arn: id)?.accountId ?? inventory.user(arn: id)?.accountId
        guard let account else { return false }
        expanded.insert(account)
        rebuildNavigator()
        guard let i = navigatorItems.firstIndex(where: { $0.id == id }) else { return false }
        navigatorCursor = i
        return true
    }

    public var selectedRole: Role? {
        guard case .role(let arn)? = selection?.kind else { return nil }
        return inventory.role(arn: arn)
    }

    public var selectedUser: User? {
        guard case .user(let arn)? = selection?.kind else { return nil }
        return inventory.user(arn: arn)
    }
}

extension Inventory {
    /// Binary search: roles are sorted by ARN.
    public func role(arn: String) -> Role? {
        var lo = 0, hi = roles.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if roles[mid].arn < arn { lo = mid + 1 } else { hi = mid }
        }
        return lo < roles.count && roles[lo].arn == arn ? roles[lo] : nil
    }

    /// Binary search: users are sorted by ARN.
    public func user(arn: String) -> User? {
        var lo = 0, hi = users.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if users[mid].arn < arn { lo = mid + 1 } else { hi = mid }
        }
        return lo < users.count && users[lo].arn == arn ? users[lo] : nil
    }

    public func account(id: String) -> Account? {
        var lo = 0, hi = accounts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if accounts[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < accounts.count && accounts[lo].id == id ? accounts[lo] : nil
    }
}
