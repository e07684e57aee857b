import Inventory
import TerminalUI
import Testing
@testable import TrustmapApp

/// The dashboard's first frames while a large organization is read and analysed (issue #14, item 9).
@Suite("Loading view")
struct LoadingViewTests {
    static func snapshot(_ change: (inout WorkProgress.Snapshot) -> Void) -> WorkProgress.Snapshot {
        let p = WorkProgress()
        p.update(change)
        return p.snapshot()
    }

    @Test("reading: files and bytes, a bar with its percentage as text, the file read last, Ctrl-C")
    func reading() {
        let s = Self.snapshot { p in
            p.stage = .reading
            p.filesDone = 412
            p.filesTotal = 1000
            p.bytesDone = 43 << 20
            p.bytesTotal = 104 << 20
            p.currentFile = "gaad/111100000412.json"
        }
        let text = LoadingView.render(s, source: "gaad/", elapsedSeconds: 1.25, width: 120, height: 30).text
        #expect(text.contains("trustmap · opening gaad/"))
        #expect(text.contains("▸ reading 412 of 1,000 files · 43.0 MiB of 104.0 MiB"))
        #expect(text.contains("] 41 %"))
        #expect(text.contains("last read: gaad/111100000412.json"))
        #expect(text.contains("1.2 s · Ctrl-C cancels") || text.contains("1.3 s · Ctrl-C cancels"))
    }

    @Test("analysing: the steps done with ✓ and the current one with ▸")
    func analysing() {
        let p = WorkProgress()
        p.update { $0.filesTotal = 3; $0.bytesTotal = 2048 }
        p.step("engine and indexes")
        p.step("trust graph")
        let text = LoadingView.render(p.snapshot(), source: "demo", elapsedSeconds: 0, width: 80, height: 24).text
        #expect(text.contains("✓ read 3 files · 2 KiB"))
        #expect(text.contains("✓ engine and indexes"))
        #expect(text.contains("▸ analysing: trust graph…"))
        p.finish()
        #expect(p.snapshot().stepsDone == ["engine and indexes", "trust graph"])
        #expect(p.snapshot().stage == .done)
    }

    @Test("any size, tiny included, draws without a crash", arguments: [(0, 0), (1, 1), (10, 3), (40, 10), (80, 24), (300, 80)])
    func sizes(width: Int, height: Int) {
        let s = Self.snapshot { $0.stage = .reading; $0.filesTotal = 10; $0.filesDone = 3; $0.currentFile = String(repeating: "x", count: 500) }
        let b = LoadingView.render(s, source: String(repeating: "y", count: 400), elapsedSeconds: 3, width: width, height: height)
        #expect(b.width == width && b.height == height)
    }
}
