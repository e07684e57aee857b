import TerminalUI

extension AppState {
    /// Turns a terminal event into the action it means here: overlays take keys first.
    public func action(for event: Event) -> Action? {
        switch event {
        case .resize(let w, let h): return .resize(width: w, height: h)
        case .interrupt(let s): return .interrupt(signal: s)
        case .mouse(let m): return .mouse(m)
        case .key(let key):
            if overlay != nil { return .input(key) }
            if mainView != .overview, focus == .main || activeScreenCapturesAllKeys { return .screenKey(key) }
            return KeyTable.action(for: key)
        }
    }

    /// Applies an action. Pure: the only I/O it asks for comes back as effects.
    @discardableResult
    public mutating func update(_ action: Action) -> [Effect] {
        let effects = apply(action)
        if mainView == .graph {
            // The graph follows the navigator while the navigator has the focus; layouts are prepared here,
            // once per change, so drawing a frame only paints.
            let inner = layout(width: screenWidth, height: screenHeight).main.inset(by: 1)
            graphScreen.prepare(context: screenContext, width: inner.width, height: inner.height)
        } else if mainView == .findings {
            findingsScreen.prepare(analysis)
        }
        return effects
    }

    mutating func apply(_ action: Action) -> [Effect] {
        message = nil
        messageIsError = false
        switch action {
        case .input(let key):
            return handleOverlayKey(key)
        case .screenKey(let key):
            let outcome = handleScreenKey(key)
            if outcome == .notHandled, let fallback = KeyTable.action(for: key) { return apply(fallback) }
            apply(outcome)
        case .interrupt(let signal):
            exitStatus = 128 + signal
        case .quit:
            exitStatus = 0
        case .resize(let w, let h):
            screenWidth = w
            screenHeight = h
            keepCursorVisible()
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: move(by: -pageSize)
        case .pageDown: move(by: pageSize)
        case .moveHome: move(by: Int.min / 2)
        case .moveEnd: move(by: Int.max / 2)
        case .unfold:
            if focus == .navigator, let id = selection?.accountId, !expanded.contains(id) {
                expanded.insert(id)
                rebuildNavigator()
            }
        case .fold:
            guard focus == .navigator, let item = selection else { break }
            if let id = item.accountId {
                if expanded.remove(id) != nil { rebuildNavigator() }
            } else if let i = navigatorItems[..<navigatorCursor].lastIndex(where: { $0.depth == 0 }) {
                navigatorCursor = i
            }
        case .nextPane:
            focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count)!
        case .previousPane:
            focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .activate:
            if focus == .navigator, let item = selection {
                if let id = item.accountId {
                    if expanded.contains(id) { expanded.remove(id) } else { expanded.insert(id) }
                    rebuildNavigator()
                } else {
                    focus = .details
                    detailsScroll = 0
                }
            }
        case .back:
            if focus == .navigator, mainView == .overview {
                break
            } else if focus != .navigator {
                focus = .navigator
            } else {
                mainView = .overview
            }
        case .search:
            overlay = .search(TextField(""))
        case .nextMatch: findNext(forward: true)
        case .previousMatch: findNext(forward: false)
        case .openPalette:
            overlay = .palette(TextField(""))
            paletteHistoryPosition = nil
        case .showGraph:
            mainView = .graph
            graphScreen.focus = nil
            graphScreen.overview = false
            graphScreen.selectedEdge = 0
        case .showFindings:
            mainView = .findings
            focus = .main
        case .simulate:
            // A role is the target; a user or an account is the caller.
            let id = selection?.id
            let isRole = selectedRole != nil
            simulateScreen.prefill(principal: isRole ? nil : id, role: isRole ? id : nil, context: screenContext)
            mainView = .simulate
            focus = .main
        case .showMatrix:
            mainView = .matrix
            focus = .main
        case .nextTheme:
            if !themes.themes.isEmpty {
                themeIndex = (themeIndex + 1) % themes.themes.count
                message = "theme: \(theme.name)"
            }
        case .toggleReveal:
            if revealSecrets {
                revealSecrets = false
                message = "secrets masked"
            } else {
                overlay = .confirmReveal
            }
        case .help:
            overlay = .help(filter: TextField(""), scroll: 0)
        case .command(let text):
            return runCommand(text)
        case .mouse(let m):
            handleMouse(m)
        }
        return []
    }

    var pageSize: Int { 10 }

    /// The screen's layout for this state: a focused main view zooms over the navigator on narrow terminals.
    public func layout(width: Int, height: Int) -> ScreenLayout {
        ScreenLayout(width: width, height: height, mainFocused: focus == .main && mainView != .overview)
    }

    /// True while the active screen edits text (the simulate form): every key goes to it.
    var activeScreenCapturesAllKeys: Bool {
        switch mainView {
        case .simulate: return simulateScreen.capturesAllKeys
        case .matrix: return matrixScreen.capturesAllKeys
        default: return false
        }
    }

    mutating func handleScreenKey(_ key: Key) -> ScreenOutcome {
        let context = screenContext
        switch mainView {
        case .overview: return .notHandled
        case .graph: return graphScreen.handle(key, context: context)
        case .findings: return findingsScreen.handle(key, context: context)
        case .simulate: return simulateScreen.handle(key, context: context)
        case .matrix: return matrixScreen.handle(key, context: context)
        case .list: return listScreen.handle(key, context: context)
        }
    }

    /// Carries out what a screen asked for.
    mutating func apply(_ outcome: ScreenOutcome) {
        switch outcome {
        case .notHandled, .handled: break
        case .select(let id, let openGraph):
            if openGraph { graphScreen.focus = nil }
            if select(id: id) {
                keepCursorVisible()
                detailsScroll = 0
                if openGraph {
                    mainView = .graph
                    graphScreen.selectedEdge = 0
                    focus = .navigator
                }
            } else {
                message = "\(id) is not in the navigator (outside the inventory)"
                messageIsError = false
            }
        case .simulate(let principal, let role):
            simulateScreen.prefill(principal: principal, role: role, context: screenContext)
            mainView = .simulate
            focus = .main
        case .listNodes(let title, let ids):
            listScreen = ListScreen()
            listScreen.content = .nodes(title: title, ids: ids)
            mainView = .list
            focus = .main
        case .message(let text, let isError):
            message = text
            messageIsError = isError
        }
    }

    mutating func move(by delta: Int) {
        switch focus {
        case .navigator:
            guard !navigatorItems.isEmpty else { return }
            navigatorCursor = min(max(0, navigatorCursor &+ delta), navigatorItems.count - 1)
            detailsScroll = 0
            graphScreen.focus = nil
            graphScreen.selectedEdge = 0
            keepCursorVisible()
        case .details:
            detailsScroll = max(0, detailsScroll &+ delta)
        case .main:
            mainScroll = max(0, mainScroll &+ delta)
        }
    }

    mutating func handleOverlayKey(_ key: Key) -> [Effect] {
        guard let overlay else { return [] }
        switch overlay {
        case .confirmReveal:
            switch key {
            case .character("y"), .character("Y"):
                revealSecrets = true
                self.overlay = nil
                message = "secrets revealed — press x to mask them again"
            case .character("n"), .character("N"), .escape, .character("q"):
                self.overlay = nil
                message = "secrets stay masked"
            default: break
            }
        case .help(var filter, let scroll):
            switch key {
            case .escape, .character("?") where filter.text.isEmpty:
                self.overlay = nil
            case .up: self.overlay = .help(filter: filter, scroll: max(0, scroll - 1))
            case .down: self.overlay = .help(filter: filter, scroll: scroll + 1)
            case .pageUp: self.overlay = .help(filter: filter, scroll: max(0, scroll - 10))
            case .pageDown: self.overlay = .help(filter: filter, scroll: scroll + 10)
            default:
                filter.handle(key)
                self.overlay = .help(filter: filter, scroll: 0)
            }
        case .search(var field):
            switch key {
            case .escape:
                self.overlay = nil
            case .enter:
                self.overlay = nil
                let text = field.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { break }
                lastSearch = text
                if focus != .navigator { focus = .navigator }
                searchFrom(forward: true, includeStart: true)
            default:
                field.handle(key)
                self.overlay = .search(field)
            }
        case .palette(var field):
            switch key {
            case .escape:
                self.overlay = nil
            case .enter:
                self.overlay = nil
                let text = field.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { break }
                if paletteHistory.last != text { paletteHistory.append(text) }
                return runCommand(text)
            case .up:
                guard !paletteHistory.isEmpty else { break }
                let p = max(0, (paletteHistoryPosition ?? paletteHistory.count) - 1)
                paletteHistoryPosition = p
                field.set(paletteHistory[p])
                self.overlay = .palette(field)
            case .down:
                guard let p = paletteHistoryPosition else { break }
                if p + 1 < paletteHistory.count {
                    paletteHistoryPosition = p + 1
                    field.set(paletteHistory[p + 1])
                } else {
                    paletteHistoryPosition = nil
                    field.set("")
                }
                self.overlay = .palette(field)
            case .tab:
                field.set(PaletteCommand.complete(field.text, state: self))
                self.overlay = .palette(field)
            default:
                field.handle(key)
                self.overlay = .palette(field)
            }
        }
        return []
    }

    /// `n` / `N`: the next navigator item matching the last search, across folded accounts.
    mutating func findNext(forward: Bool) {
        guard lastSearch != nil else {
            message = "no search yet: press / to search"
            messageIsError = true
            return
        }
        searchFrom(forward: forward, includeStart: false)
    }

    /// Searches every account, role and user (folded ones too), unfolding the account of the match.
    mutating func searchFrom(forward: Bool, includeStart: Bool) {
        guard let search = lastSearch, !search.isEmpty else { return }
        let ids = navigatorIndex.searchIDs
        guard !ids.isEmpty else { return }
        let matches = navigatorIndex.searchMatches(search)
        guard !matches.isEmpty else {
            message = "no match for '\(search)'"
            messageIsError = true
            return
        }
        let found: Int
        if includeStart {
            found = matches[0]
        } else {
            // The next (or previous) match after the current item, wrapping around.
            let origin = selection.flatMap { navigatorIndex.searchPosition[$0.id] } ?? 0
            if forward {
                found = matches.first { $0 > origin } ?? matches[0]
            } else {
                found = matches.last { $0 < origin } ?? matches[matches.count - 1]
            }
        }
        select(id: ids[found])
        keepCursorVisible()
        let position = (matches.firstIndex(of: found) ?? 0) + 1
        message = "match \(position) of \(matches.count) for '\(search)' — n next, N previous"
        detailsScroll = 0
    }

    /// Scrolls the navigator so the cursor stays inside it at the current screen size.
    mutating func keepCursorVisible() {
        let rows = max(1, layout(width: screenWidth, height: screenHeight).navigator.height - 2)
        if navigatorCursor < navigatorScroll { navigatorScroll = navigatorCursor }
        if navigatorCursor >= navigatorScroll + rows { navigatorScroll = navigatorCursor - rows + 1 }
        navigatorScroll = max(0, min(navigatorScroll, max(0, navigatorItems.count - rows)))
    }

    /// The navigator row under a screen cell, if the cell is on one.
    func navigatorRow(atScreenX x: Int, y: Int) -> Int? {
        let inner = layout(width: screenWidth, height: screenHeight).navigator.inset(by: 1)
        guard inner.contains(x: x, y: y) else { return nil }
        let row = y - inner.y + navigatorScroll
        return navigatorItems.indices.contains(row) ? row : nil
    }

    mutating func handleMouse(_ m: MouseEvent) {
        // The wheel scrolls the pane under the pointer.
        let layout = layout(width: screenWidth, height: screenHeight)
        if m.kind != .press {
            let delta = m.kind == .wheelUp ? -3 : 3
            if layout.details.contains(x: m.x, y: m.y) {
                detailsScroll = max(0, detailsScroll + delta)
            } else if layout.main.contains(x: m.x, y: m.y), mainView != .overview {
                for _ in 0..<3 { _ = handleScreenKey(delta < 0 ? .up : .down) }
            } else if layout.main.contains(x: m.x, y: m.y) {
                mainScroll = max(0, mainScroll + delta)
            } else {
                let saved = focus
                focus = .navigator
                move(by: delta)
                focus = saved
            }
            return
        }
        switch m.kind {
        case .wheelUp, .wheelDown: break
        case .press:
            if let row = navigatorRow(atScreenX: m.x, y: m.y) {
                focus = .navigator
                navigatorCursor = row
                detailsScroll = 0
                graphScreen.focus = nil
                graphScreen.selectedEdge = 0
                keepCursorVisible()
            } else if layout.main.contains(x: m.x, y: m.y) {
                focus = .main
                if mainView == .graph {
                    apply(graphScreen.click(x: m.x, y: m.y, rect: layout.main.inset(by: 1), context: screenContext))
                }
            } else if layout.details.contains(x: m.x, y: m.y) {
                focus = .details
            }
        }
    }
}

import Foundation
