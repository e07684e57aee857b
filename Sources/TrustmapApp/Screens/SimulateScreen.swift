import Inventory
import Simulation
import PolicyEngine
import TerminalUI
import TrustAnalysis

/// The simulate view: the request form on top, the result below (ALLOWED / DENIED / INVALID as a
/// banner, the deciding step, the trace, the hints), scrollable.
///
/// The engine (`Simulator`) is the one the analysis built; a result is kept until the form changes, so redrawing never simulates. Completion searches the inventory's
/// sorted arrays, so no index is built either.
public struct SimulateScreen: Sendable {
    public var form = SimulateForm()
    /// The field under the cursor.
    public var cursor: SimulateField = .caller
    /// Shows the rare request fields even when empty (`a`).
    public var showAllFields = false
    /// The field being edited; while set, every key is typed into it.
    public private(set) var editing: SimulateField?
    var editor = TextField()
    /// Completion candidates for the caller or role being edited.
    public private(set) var completions: [String] = []
    /// The text Tab completed from, while Tab cycles through the candidates.
    var completionQuery: String?
    var completionPosition: Int?

    /// The last result, until the form changes.
    public private(set) var result: SimulationResult?
    /// Why the form could not become a request, when it could not.
    public private(set) var formError: SimulateFormError?
    /// How many simulations ran (tests check that redraws and cursor moves do not simulate).
    public private(set) var runCount = 0
    /// First line of the result shown.
    public var resultScroll = 0

    public init() {}

    // MARK: Filling the form

    /// Fills the form from the selection or a selected edge: a principal becomes the caller (a web-identity
    /// or SAML provider sets the action and provider instead), a role the target. Other fields are kept.
    /// Runs at once when the form is complete.
    public mutating func prefill(principal: String?, role: String?, context: ScreenContext) {
        editing = nil
        completions = []
        if let principal { applyPrincipal(principal) }
        if let role {
            form.role = role
            if principal == nil { inferFederation(from: role, context: context) }
        }
        cursor = firstMissingField ?? .run
        formChanged(context: context)
    }

    mutating func applyPrincipal(_ p: String) {
        let builtIn = BuiltInWebIdentityProviders.names
        if let r = p.range(of: ":oidc-provider/") {
            form.action = .assumeRoleWithWebIdentity
            form.provider = String(p[r.upperBound...])
            form.caller = ""
        } else if p.contains(":saml-provider/") {
            form.action = .assumeRoleWithSAML
            form.provider = p
            form.caller = ""
        } else if builtIn.contains(p) {
            form.action = .assumeRoleWithWebIdentity
            form.provider = p
            form.caller = ""
        } else {
            form.action = .assumeRole
            // "*" (anyone) and the organization are no caller: leave the field for the user to name one.
            form.caller = p == "*" || (p.hasPrefix("o-") && !p.contains(":")) ? "" : p
        }
    }

    /// A role that only federated principals may assume: set the action and provider its trust names.
    mutating func inferFederation(from roleArn: String, context: ScreenContext) {
        guard form.caller.isEmpty, form.provider.isEmpty, let role = context.inventory.role(arn: roleArn) else { return }
        var federated: [String] = []
        for s in role.trustPolicy.statements where s.effect == .allow {
            guard let p = s.principal else { continue }
            for entry in p.entries {
                if entry.type != "Federated" { return }
                federated += entry.values
            }
        }
        if let first = federated.first { applyPrincipal(first) }
    }

    /// Applies palette `:simulate` flags (the same flags as `trustmap simulate`), then runs.
    /// Returns an error sentence for the prompt line when the flags are wrong.
    public mutating func apply(arguments: [String], context: ScreenContext) -> String? {
        switch SimulateForm.parse(arguments: arguments) {
        case .failure(let e):
            return e.message
        case .success(let f):
            // The palette states the whole request, as the command line does: nothing carries over.
            form = f
            editing = nil
            completions = []
            showAllFields = false
            cursor = .run
            run(context: context)
            if let formError { return "simulate: " + formError.sentence }
            return nil
        }
    }

    // MARK: Keys

    /// True while a text field is being edited: every key (q, g, …) is typed into it.
    public var capturesAllKeys: Bool { editing != nil }

    public var visibleFields: [SimulateField] { form.visibleFields(showAll: showAllFields) }

    public mutating func handle(_ key: Key, context: ScreenContext) -> ScreenOutcome {
        if editing != nil { return handleEditing(key, context: context) }
        let fields = visibleFields
        let index = fields.firstIndex(of: cursor) ?? 0
        switch key {
        case .up, .character("k"):
            cursor = fields[max(0, index - 1)]
        case .down, .character("j"):
            cursor = fields[min(fields.count - 1, index + 1)]
        case .home:
            cursor = fields[0]
        case .end:
            cursor = fields[fields.count - 1]
        case .pageUp:
            resultScroll = max(0, resultScroll - 10)
        case .pageDown:
            resultScroll = min(resultScroll + 10, max(0, approximateResultLines - 3))
        case .enter, .character(" "):
            switch cursor.kind {
            case .text, .secret:
                if key == .character(" ") { return .handled }
                editing = cursor
                editor = TextField(form.text(cursor))
                refreshCompletions(context: context)
            case .toggle, .cycle:
                form.cycle(cursor)
                keepCursorVisible()
                formChanged(context: context)
            case .button:
                return runRequested(context: context)
            }
        case .left, .right, .character("h"), .character("l"):
            guard cursor.kind == .toggle || cursor.kind == .cycle else { return .notHandled }
            form.cycle(cursor, forward: key == .right || key == .character("l"))
            keepCursorVisible()
            formChanged(context: context)
        case .character("r"):
            return runRequested(context: context)
        case .character("a"):
            showAllFields.toggle()
            keepCursorVisible()
            return .message(showAllFields ? "showing every request field" : "showing the common request fields (and any that hold a value)", isError: false)
        case .backspace, .delete:
            guard cursor.kind == .text || cursor.kind == .secret, !form.text(cursor).isEmpty else { return .handled }
            form.setText(cursor, "")
            keepCursorVisible()
            formChanged(context: context)
        default:
            return .notHandled
        }
        return .handled
    }

    mutating func handleEditing(_ key: Key, context: ScreenContext) -> ScreenOutcome {
        guard let field = editing else { return .notHandled }
        switch key {
        case .enter:
            commit(field, context: context)
        case .escape:
            editing = nil
            completions = []
        case .up, .down:
            // Commits and moves on, as a form does.
            commit(field, context: context)
            let fields = visibleFields
            let i = fields.firstIndex(of: cursor) ?? 0
            cursor = fields[key == .up ? max(0, i - 1) : min(fields.count - 1, i + 1)]
        case .tab:
            complete()
        default:
            if editor.handle(key) {
                completionQuery = nil
                completionPosition = nil
                refreshCompletions(context: context)
            }
        }
        return .handled
    }

    mutating func commit(_ field: SimulateField, context: ScreenContext) {
        editing = nil
        completions = []
        completionQuery = nil
        completionPosition = nil
        let text = field == .externalId ? editor.text : editor.text.trimmingCharacters(in: .whitespaces)
        guard text != form.text(field) else { return }
        form.setText(field, text)
        keepCursorVisible()
        formChanged(context: context)
    }

    /// Tab: a single candidate is taken; several extend the text to what they share, then cycle.
    mutating func complete() {
        guard !completions.isEmpty else { return }
        if completionPosition == nil {
            if completions.count == 1 {
                editor.set(completions[0])
                return
            }
            let common = SimulateCompletion.commonPrefix(completions)
            if common.count > editor.text.count, completions.allSatisfy({ $0.hasPrefix(editor.text) }) {
                editor.set(common)
                return
            }
            completionQuery = editor.text
            completionPosition = 0
        } else {
            completionPosition = ((completionPosition ?? 0) + 1) % completions.count
        }
        editor.set(completions[completionPosition ?? 0])
    }

    mutating func refreshCompletions(context: ScreenContext) {
        guard let field = editing, field == .caller || field == .role else {
            completions = []
            return
        }
        completions = SimulateCompletion.candidates(for: field, text: editor.text, in: context.inventory)
    }

    /// The first field a run still needs, if any.
    var firstMissingField: SimulateField? {
        if form.action == .assumeRole, form.caller.trimmingCharacters(in: .whitespaces).isEmpty { return .caller }
        if form.action != .assumeRole, form.provider.trimmingCharacters(in: .whitespaces).isEmpty { return .provider }
        if form.role.trimmingCharacters(in: .whitespaces).isEmpty { return .role }
        return nil
    }

    mutating func runRequested(context: ScreenContext) -> ScreenOutcome {
        if let missing = firstMissingField {
            cursor = missing
            return .message("simulate: fill the \(missing.label(for: form.action)) first (Enter edits it)", isError: true)
        }
        run(context: context)
        if let formError { return .message("simulate: " + formError.sentence, isError: true) }
        return .handled
    }

    /// A changed form makes the old result wrong: run again when the form is complete, else clear it.
    mutating func formChanged(context: ScreenContext) {
        if form.isRunnable {
            run(context: context)
        } else {
            result = nil
            formError = nil
            resultScroll = 0
        }
    }

    /// Runs the form through the engine the analysis already built.
    public mutating func run(context: ScreenContext) {
        resultScroll = 0
        do {
            let request = try form.request(now: context.now)
            result = context.analysis.simulator.simulate(request)
            formError = nil
            runCount += 1
        } catch {
            formError = error
            result = nil
            cursor = error.field
            keepCursorVisible()
        }
    }

    /// A field hidden by a change (the action) cannot keep the cursor.
    mutating func keepCursorVisible() {
        let fields = visibleFields
        if !fields.contains(cursor) { cursor = fields.first { $0 == .action } ?? fields[0] }
    }

    var approximateResultLines: Int {
        guard let result else { return 0 }
        return SimulateReport.body(result, requestLine: "", reveal: false).count + 4
    }

    // MARK: Drawing

    public func title(context: ScreenContext) -> String {
        var parts = ["Simulate"]
        if let result { parts.append("\(SimulateReport.glyph(result.decision)) \(result.decision.rawValue.uppercased())") }
        if let editing {
            // The status bar lists the form's keys; while a field is edited these are the ones that work.
            let completes = editing == .caller || editing == .role ? " · Tab completes" : ""
            parts.append("editing \(editing.label(for: form.action)): Enter keeps · Esc cancels\(completes)")
        }
        return parts.joined(separator: " · ")
    }

    /// The request in one line, secrets masked unless revealed.
    func requestLine(_ r: AssumeRoleRequest, reveal: Bool) -> String {
        var caller = r.principal ?? ""
        if let w = r.webIdentity { caller = "web identity from \(w.provider)" }
        if let s = r.saml { caller = "SAML via \(s.provider)" }
        var line = "\(r.action.rawValue)  \(caller) → \(r.role)"
        if let e = r.externalId { line += "  external ID \(Secret.display(e, reveal: reveal))" }
        if r.mfa { line += "  MFA" }
        return line
    }

    /// The result as lines at a width: banner, then the body wrapped.
    func resultLines(width: Int, context: ScreenContext) -> [StyledLine] {
        if let formError {
            return [[TextRun("Cannot run: ", .warning), TextRun(formError.sentence, .text)]].flatMap { SimulateReport.wrap($0, width: width) }
        }
        guard let result else { return [] }
        let body = SimulateReport.body(result, requestLine: requestLine(result.request, reveal: context.revealSecrets), reveal: context.revealSecrets)
        return SimulateReport.banner(result.decision, width: width) + body.flatMap { SimulateReport.wrap($0, width: width) }
    }

    public func draw(into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        guard rect.width > 0, rect.height > 0 else { return }
        let fields = visibleFields
        let columns = rect.width >= 100 ? 2 : 1
        let gap = 2
        let columnWidth = columns == 2 ? (rect.width - gap) / 2 : rect.width
        let formRows = (fields.count + columns - 1) / columns
        let results = resultLines(width: rect.width, context: context)
        // The form gets about two fifths of the pane while a result is shown, all of it otherwise.
        let formHeight = results.isEmpty ? min(formRows, rect.height) : min(formRows, max(min(3, rect.height), rect.height * 2 / 5))
        let cursorRow = (fields.firstIndex(of: cursor) ?? 0) / columns
        let firstRow = max(0, min(cursorRow - formHeight / 2, formRows - formHeight))
        for row in 0..<formHeight {
            for column in 0..<columns {
                let i = (firstRow + row) * columns + column
                guard i < fields.count else { continue }
                let x = rect.x + column * (columnWidth + gap)
                drawField(fields[i], into: &buffer, rect: Rect(x: x, y: rect.y + row, width: columnWidth, height: 1), context: context)
            }
        }
        // How many fields are scrolled out of the form, above and below.
        let hiddenAbove = firstRow * columns
        let hiddenBelow = max(0, fields.count - (firstRow + formHeight) * columns)
        var y = rect.y + formHeight
        guard y < rect.maxY else { return }
        if results.isEmpty {
            let hint = form.isRunnable || firstMissingField == nil
                ? "↑↓ move · Enter edits · r runs · a all fields"
                : "fill the \(firstMissingField?.label(for: form.action) ?? "form") (Enter edits, Tab completes) · r runs"
            for line in TextWrap.wrap(hint, width: rect.width) where y + 1 < rect.maxY {
                y += 1
                buffer.write(line, x: rect.x, y: y, role: .muted, maxWidth: rect.width)
            }
            return
        }
        let rule = "─ Result " + (results.count > rect.maxY - y - 1 ? "PgUp/PgDn " : "")
        var more = ""
        if hiddenAbove + hiddenBelow > 0 {
            let counts = (hiddenAbove > 0 ? "↑\(hiddenAbove) " : "") + (hiddenBelow > 0 ? "↓\(hiddenBelow) " : "")
            more = " " + counts + "fields ─"
            if DisplayWidth.of(rule) + DisplayWidth.of(more) + 1 > rect.width { more = " " + counts + "─" }
            if DisplayWidth.of(rule) + DisplayWidth.of(more) + 1 > rect.width { more = "" }
        }
        let fillCount = max(0, rect.width - DisplayWidth.of(rule) - DisplayWidth.of(more))
        buffer.write(rule + String(repeating: "─", count: fillCount), x: rect.x, y: y, role: .border, maxWidth: rect.width)
        if !more.isEmpty { buffer.write(more, x: rect.maxX - DisplayWidth.of(more), y: y, role: .muted) }
        y += 1
        guard y < rect.maxY else { return }
        ScrollText.draw(results, into: &buffer, rect: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), scroll: resultScroll)
    }

    func drawField(_ f: SimulateField, into buffer: inout ScreenBuffer, rect: Rect, context: ScreenContext) {
        let selected = f == cursor
        let narrow = rect.width < 48
        let labelWidth = min(narrow ? 10 : 14, max(0, rect.width / 3))
        let marker = selected ? "▸ " : "  "
        if f == .run {
            let runnable = firstMissingField == nil
            let line: StyledLine = [
                TextRun(marker, .focus), TextRun(" ▶ Run ", runnable ? .focus : .muted, emphasis: runnable ? [.reverse, .bold] : []),
                TextRun(runnable ? "  Enter or r" : "  fill the \(firstMissingField?.label(for: form.action) ?? "form") first", .muted),
            ]
            if selected { buffer.fill(rect, with: Cell(" ", role: .selection)) }
            buffer.write(runs: line, x: rect.x, y: rect.y, maxWidth: rect.width)
            return
        }
        let name = narrow ? f.shortLabel(for: form.action) : f.label(for: form.action)
        let label = DisplayWidth.pad(DisplayWidth.truncate(name, to: labelWidth), to: labelWidth) + " "
        let prefixWidth = DisplayWidth.of(marker) + DisplayWidth.of(label)
        let valueWidth = max(0, rect.width - prefixWidth)
        if editing == f {
            buffer.write(marker + label, x: rect.x, y: rect.y, role: .focus, maxWidth: rect.width)
            let valueRect = Rect(x: rect.x + prefixWidth, y: rect.y, width: valueWidth, height: 1)
            if f.kind == .secret && !context.revealSecrets {
                // Typed secrets show as dots: the value never reaches the screen.
                buffer.fill(valueRect, with: Cell(" ", role: .secret, emphasis: .underline))
                let dots = String(repeating: "•", count: min(editor.text.count, max(0, valueWidth - 1)))
                buffer.write(dots, x: valueRect.x, y: rect.y, role: .secret, emphasis: .underline, maxWidth: valueWidth)
                buffer.cursor = (valueRect.x + min(editor.cursor, max(0, valueWidth - 1)), rect.y)
            } else if valueWidth > 0 {
                editor.draw(into: &buffer, at: valueRect, prompt: "", role: .focus)
            }
            return
        }
        var line: StyledLine = [TextRun(marker, .focus), TextRun(label, f == formError?.field ? .warning : .muted)]
        line += valueRuns(f, width: valueWidth, context: context)
        if selected {
            buffer.fill(rect, with: Cell(" ", role: .selection))
            buffer.write(line.plainText, x: rect.x, y: rect.y, role: .selection, maxWidth: rect.width)
            // The secret keeps its role when selected, so a mask is always recognisable as one.
            if f.kind == .secret, !form.externalId.isEmpty {
                buffer.write(runs: valueRuns(f, width: valueWidth, context: context), x: rect.x + prefixWidth, y: rect.y, maxWidth: valueWidth)
            }
        } else {
            buffer.write(runs: line, x: rect.x, y: rect.y, maxWidth: rect.width)
        }
    }

    /// A field's value as shown: masks for secrets, the tail of long ARNs, marks for toggles.
    func valueRuns(_ f: SimulateField, width: Int, context: ScreenContext) -> StyledLine {
        switch f {
        case .action: return [TextRun("‹ \(form.action.rawValue) ›", .text)]
        case .mfa: return [TextRun(form.mfa ? "✓ yes" : "✗ no", form.mfa ? .allowed : .muted)]
        case .chained:
            let words = ["auto": "auto (yes for session callers)", "yes": "✓ yes", "no": "✗ no"]
            return [TextRun("‹ \(words[form.chained.rawValue] ?? form.chained.rawValue) ›", .text)]
        case .callerPolicies: return [TextRun("‹ \(form.callerPolicies.rawValue) ›", .text)]
        case .externalId:
            if form.externalId.isEmpty { return [TextRun("— not sent", .muted)] }
            return [TextRun(Secret.display(form.externalId, reveal: context.revealSecrets), .secret)]
        default:
            let v = form.text(f)
            if v.isEmpty {
                let required = (f == .caller && form.action == .assumeRole) || f == .role || (f == .provider && form.action != .assumeRole)
                return [TextRun(required ? "(required)" : "—", required ? .warning : .muted)]
            }
            return [TextRun(Self.tail(v, width: width), .text)]
        }
    }

    /// Long ARNs keep their end (the role or user name), which is what tells them apart.
    static func tail(_ text: String, width: Int) -> String {
        guard width > 1, DisplayWidth.of(text) > width else { return DisplayWidth.truncate(text, to: max(0, width)) }
        var out = ""
        var w = 1
        for c in text.reversed() {
            let cw = DisplayWidth.of(c)
            if w + cw > width { break }
            out.insert(c, at: out.startIndex)
            w += cw
        }
        return "…" + out
    }

    /// What the details pane shows while this screen is active: the selected field explained, then the
    /// completion candidates while a caller or role is edited, or a summary of the result.
    public func detailsLines(context: ScreenContext, width: Int) -> [StyledLine]? {
        let field = editing ?? cursor
        var help: [StyledLine] = [[TextRun(field.label(for: form.action), .title)]]
        for line in TextWrap.wrap(field.help(for: form.action), width: max(1, width)) { help.append([TextRun(line, .muted)]) }
        if editing == .caller || editing == .role {
            var out = help
            out.append([])
            if completions.isEmpty {
                out.append([TextRun(editor.text.isEmpty ? "type to see matching principals" : "no principal of the inventory starts with this", .muted)])
            } else {
                let more = completions.count >= SimulateCompletion.limit ? "+" : ""
                out.append([TextRun("Tab completes · \(completions.count)\(more) match\(completions.count == 1 ? "" : "es")", .title)])
                for (i, c) in completions.enumerated() {
                    // One line each, the ARN's end kept (the name tells them apart).
                    out.append([TextRun(i == completionPosition ? "▸ " : "  ", .focus), TextRun(Self.tail(c, width: width - 2), i == completionPosition ? .focus : .text)])
                }
            }
            return out
        }
        // The outcome first (on a small screen it is what matters), then what the selected field means.
        var out: [StyledLine] = []
        if let formError {
            out.append([TextRun("Cannot run", .warning)])
            out.append([TextRun(formError.sentence, .text)])
            out.append([])
        } else if let result, editing == nil {
            out.append([TextRun("\(SimulateReport.glyph(result.decision)) \(result.decision.rawValue.uppercased())", SimulateReport.role(result.decision), emphasis: [.bold, .reverse])])
            out.append([TextRun(result.reason, .text)])
            out += SimulateReport.hintLines(result)
            out += SimulateReport.assumptionLines(result)
            out.append([])
        }
        out += help
        return out.flatMap { SimulateReport.wrap($0, width: width) }
    }
}
