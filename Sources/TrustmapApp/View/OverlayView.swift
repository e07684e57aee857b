import TerminalUI

enum OverlayView {
    static func draw(_ state: AppState, into buffer: inout ScreenBuffer, layout: ScreenLayout) {
        switch state.overlay {
        case nil: return
        case .search(let field)?:
            field.draw(into: &buffer, at: layout.status, prompt: " / ", role: .status, promptRole: .status)
        case .palette(let field)?:
            let shown = state.revealSecrets ? field : field.displaying(PaletteCommand.maskingSecrets(field.text))
            shown.draw(into: &buffer, at: layout.status, prompt: " : ", role: .status, promptRole: .status)
        case .confirmReveal?:
            let w = min(60, buffer.width - 4), h = 7
            let r = Rect(x: (buffer.width - w) / 2, y: (buffer.height - h) / 2, width: w, height: h)
            buffer.fill(r, with: Cell(" ", role: .text))
            buffer.drawBox(r, title: "Reveal secrets?", role: .warning, titleRole: .warning)
            let text = "Show external IDs in full? Everyone who can see this screen (or a recording of it) will see them."
            for (i, line) in TextWrap.wrap(text, width: w - 4).prefix(3).enumerated() {
                buffer.write(line, x: r.x + 2, y: r.y + 1 + i, role: .text)
            }
            buffer.write(runs: [TextRun("y", .text, emphasis: .bold), TextRun(" reveal   ", .muted), TextRun("n", .text, emphasis: .bold), TextRun(" keep masked", .muted)], x: r.x + 2, y: r.maxY - 2)
        case .help(let filter, let scroll)?:
            drawHelp(filter: filter, scroll: scroll, into: &buffer)
        }
    }

    static func helpLines(filter: String) -> [StyledLine] {
        let needle = filter.lowercased()
        var out: [StyledLine] = []
        for context in KeyContext.allCases {
            let rows = KeyTable.bindings(in: context).filter {
                needle.isEmpty || $0.help.lowercased().contains(needle) || $0.keyText.lowercased().contains(needle)
            }
            guard !rows.isEmpty else { continue }
            out.append([TextRun(context.title, .title)])
            for b in rows {
                out.append([TextRun("  " + DisplayWidth.pad(b.keyText, to: 18), .key), TextRun(b.help, .text)])
            }
            out.append([])
        }
        let commands = PaletteCommand.catalogue.filter { needle.isEmpty || $0.usage.lowercased().contains(needle) || $0.help.lowercased().contains(needle) }
        if !commands.isEmpty {
            out.append([TextRun("Commands (:)", .title)])
            for c in commands {
                out.append([TextRun("  :" + c.usage, .key)])
                out.append([TextRun("      " + c.help, .muted)])
            }
        }
        if out.isEmpty { out.append([TextRun("nothing matches '\(filter)'", .muted)]) }
        return out
    }

    static func drawHelp(filter: TextField, scroll: Int, into buffer: inout ScreenBuffer) {
        let w = min(90, buffer.width - 4), h = buffer.height - 4
        let r = Rect(x: (buffer.width - w) / 2, y: 2, width: w, height: h)
        buffer.fill(r, with: Cell(" ", role: .text))
        buffer.drawBox(r, title: "Help — type to filter, Esc closes", role: .focus)
        let inner = r.inset(by: 1)
        filter.draw(into: &buffer, at: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), prompt: "filter: ", role: .text, promptRole: .muted)
        let body = Rect(x: inner.x + 1, y: inner.y + 2, width: inner.width - 2, height: inner.height - 2)
        ScrollText.draw(helpLines(filter: filter.text), into: &buffer, rect: body, scroll: scroll)
    }
}
