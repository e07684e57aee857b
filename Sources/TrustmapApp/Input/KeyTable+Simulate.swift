import TerminalUI

/// The keys of the simulate screen (owned with SimulateScreen.swift). They feed the status bar and
/// help; `SimulateScreen.handle` dispatches them.
extension KeyTable {
    static let simulateBindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .down, .character("k"), .character("j")], action: nil, context: .simulate, hint: "field", help: "previous / next field of the simulate form"),
        KeyBinding(keys: [.enter], action: nil, context: .simulate, hint: "edit", help: "edit the field (Enter again keeps it); toggle MFA, cycle the action; on Run: run"),
        KeyBinding(keys: [.escape], action: nil, context: .simulate, hint: nil, help: "while editing: cancel the edit (otherwise: back to the navigator)"),
        KeyBinding(keys: [.tab], action: nil, context: .simulate, hint: nil, help: "while editing the caller or role: complete over the principals of the inventory (again: next candidate)"),
        KeyBinding(keys: [.left, .right, .character(" ")], action: nil, context: .simulate, hint: nil, help: "cycle the action, MFA, chained or caller-policies value"),
        KeyBinding(keys: [.character("r")], action: nil, context: .simulate, hint: "run", help: "run the simulation"),
        KeyBinding(keys: [.pageUp, .pageDown], action: nil, context: .simulate, hint: "scroll", help: "scroll the result and its trace"),
        KeyBinding(keys: [.character("a")], action: nil, context: .simulate, hint: "all fields", help: "show every request field / only the common ones"),
        KeyBinding(keys: [.backspace, .delete], action: nil, context: .simulate, hint: nil, help: "clear the field"),
        KeyBinding(keys: [.home, .end], action: nil, context: .simulate, hint: nil, help: "first / last field"),
    ]
}
