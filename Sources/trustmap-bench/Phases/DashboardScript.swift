import TerminalUI

/// The keypresses a reviewer makes in a first minute with the dashboard, grouped by what they exercise:
/// move through the navigator, search, open the trust graph and walk its edges, open the findings and
/// filter them, simulate an edge, edit its form with completion and run it, open the account matrix, change the graph's depth and
/// open the account-level overview.
enum DashboardScript {
    struct Step: Sendable {
        var group: String
        var event: Event
    }

    static var steps: [Step] {
        var s: [Step] = []
        func add(_ group: String, _ keys: [Key]) { s += keys.map { Step(group: group, event: .key($0)) } }
        func repeated(_ key: Key, _ n: Int) -> [Key] { Array(repeating: key, count: n) }
        func typed(_ text: String) -> [Key] { text.map { .character($0) } }

        add("navigator", repeated(.character("j"), 15) + repeated(.pageDown, 3) + [.end, .right] + repeated(.character("j"), 5)
            + [.home] + repeated(.character("j"), 3))
        add("search", [.character("/")] + typed("app-deploy") + [.enter, .character("n"), .character("N")])
        add("graph: open", [.character("g")])
        add("graph: follow navigator", repeated(.character("j"), 6) + repeated(.character("k"), 6))
        add("graph: edges", [.tab] + repeated(.character("j"), 10) + [.character("k")])
        add("simulate: open on an edge", [.character("s")])
        add("simulate: run and scroll", [.character("r"), .pageDown, .pageDown, .pageUp])
        // Editing the caller: typing with completion over every principal, Tab, Esc; then the form's
        // fields, the rare ones shown and hidden, and runs (each one simulates).
        add("simulate: edit with completion", [.home, .enter, .control("u")] + typed("arn:aws:iam::") + [.tab, .tab, .escape])
        add("simulate: fields and runs", repeated(.down, 4) + repeated(.up, 4) + [.character("a"), .character("a")]
            + repeated(.character("r"), 5))
        add("graph: follow edge", [.escape, .character("g"), .tab, .character("j"), .enter])
        add("findings: open", [.character("f")])
        add("findings: move and filter", repeated(.character("j"), 20) + repeated(.pageDown, 3)
            + [.character("o"), .character("v"), .character("v"), .character("r"), .character("r"), .character("a"), .character("a")])
        add("findings: jump to subject", [.enter])
        add("matrix: open", [.escape, .character("m")])
        add("matrix: move", repeated(.character("j"), 5) + repeated(.character("l"), 5) + [.enter, .escape])
        // Last, because the account overview is the step most likely to fail on a large estate.
        add("graph: depth", [.escape, .character("g"), .tab, .character("+"), .character("-")])
        add("graph: account overview", [.character("o"), .character("o")])
        return s
    }
}
