import Foundation
import Inventory
import TerminalUI

/// The first frames of the dashboard while the inventory is read and analysed: what is being read, how
/// far (files and bytes, with a bar that carries its percentage as text), which analysis steps are done,
/// and that Ctrl-C cancels. Pure, like every view.
public enum LoadingView {
    public static func render(_ p: WorkProgress.Snapshot, source: String, elapsedSeconds: Double, width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width > 0, height > 0 else { return buffer }
        var lines: [[TextRun]] = []
        lines.append([TextRun("trustmap", .title, emphasis: .bold), TextRun(" · opening \(source)", .muted)])
        lines.append([])
        switch p.stage {
        case .collecting:
            lines.append([TextRun("▸ listing the files named", .text)])
        case .reading, .merging:
            let pct = p.bytesTotal > 0 ? Double(p.bytesDone) / Double(p.bytesTotal) : (p.filesTotal > 0 ? Double(p.filesDone) / Double(p.filesTotal) : 0)
            let verb = p.stage == .merging ? "▸ merging" : "▸ reading"
            lines.append([TextRun(verb, .focus),
                          TextRun(" \(count(p.filesDone)) of \(count(p.filesTotal)) files · \(bytes(p.bytesDone)) of \(bytes(p.bytesTotal))", .text)])
            lines.append(bar(pct, width: min(50, max(10, width - 12))))
            if let f = p.currentFile { lines.append([TextRun("  last read: ", .muted), TextRun(f, .text)]) }
        case .analysing, .done:
            lines.append([TextRun("✓ read \(count(p.filesTotal)) files · \(bytes(p.bytesTotal))", .allowed)])
        }
        if case .analysing(let current) = p.stage {
            lines.append([])
            for step in p.stepsDone { lines.append([TextRun("✓ \(step)", .allowed)]) }
            lines.append([TextRun("▸ analysing: \(current)…", .focus)])
        } else if p.stage == .done {
            lines.append([TextRun("✓ analysed", .allowed)])
        }
        lines.append([])
        lines.append([TextRun(String(format: "%.1f s", elapsedSeconds), .muted), TextRun(" · Ctrl-C cancels", .muted)])

        let top = max(0, (height - lines.count) / 2)
        let left = width >= 64 ? (width - 60) / 2 : 0
        for (i, runs) in lines.enumerated() where top + i < height {
            buffer.write(runs: runs, x: left, y: top + i, maxWidth: width - left)
        }
        return buffer
    }

    /// `[██████░░░░] 60 %`: the fill and the number, so the bar reads without colour.
    static func bar(_ fraction: Double, width: Int) -> [TextRun] {
        let f = min(1, max(0, fraction))
        let filled = Int((f * Double(width)).rounded(.down))
        return [TextRun("  [", .muted), TextRun(String(repeating: "█", count: filled), .focus),
                TextRun(String(repeating: "░", count: width - filled), .muted), TextRun("] \(Int((f * 100).rounded(.down))) %", .text)]
    }

    static func count(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }

    static func bytes(_ n: Int) -> String {
        if n >= 1 << 30 { return String(format: "%.1f GiB", Double(n) / Double(1 << 30)) }
        if n >= 1 << 20 { return String(format: "%.1f MiB", Double(n) / Double(1 << 20)) }
        if n >= 1 << 10 { return String(format: "%.0f KiB", Double(n) / Double(1 << 10)) }
        return "\(n) B"
    }
}
