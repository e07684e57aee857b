import Foundation
import Inventory
import PolicyEngine
import TerminalUI
import Testing
import TrustAnalysis
@testable import TrustmapApp

/// Frame times of the simulate view on a generated 1,000-account organization. Slow to set up (the
/// analysis of 50,000 roles), so it runs only when asked: `TRUSTMAP_PERF=1 swift test -c release --filter SimulatePerformance`.
@Suite("Simulate view: speed on 1,000 accounts", .enabled(if: ProcessInfo.processInfo.environment["TRUSTMAP_PERF"] == "1", "set TRUSTMAP_PERF=1 to measure"))
struct SimulatePerformanceTests {
    @Test("every keypress of the simulate view is handled and redrawn in under 16 ms (p99)")
    func keypressFrameTimes() throws {
        let clock = ContinuousClock()
        let synthetic = SyntheticOrganization(.init(accounts: 1000, rolesPerAccount: 50, usersPerAccount: 10, seed: 42))
        let report = InventoryLoader.load(text: JSONWriter.write(synthetic.nativeInventory()), fileName: "synthetic.json")
        let analysisStart = clock.now
        let analysis = Analysis.analyze(report.inventory, at: SyntheticOrganization.referenceDate)
        print("analysis: \(clock.now - analysisStart) for \(report.inventory.roles.count) roles, \(report.inventory.users.count) users")
        var s = AppState(analysis: analysis, sourceDescription: "synthetic", now: SyntheticOrganization.referenceDate)
        let role = try #require(report.inventory.roles.dropFirst(report.inventory.roles.count / 2).first)
        let caller = try #require(report.inventory.users.first)

        // The first run builds the engine once; it is kept afterwards.
        let first = clock.now
        s.update(.command("simulate --principal \(caller.arn) --role \(role.arn)"))
        print("first :simulate (builds the engine): \(clock.now - first)")
        #expect(s.simulateScreen.result != nil)

        var keys: [Key] = []
        for _ in 0..<10 { keys += [.down, .down, .up, .pageDown, .pageUp] }
        // Editing the caller: typing with completion over 60,000 principals, Tab, Enter (which simulates).
        keys += [.home, .enter, .control("u")] + Array("arn:aws:iam::").map { .character($0) } + [.tab, .tab, .escape]
        keys += [.home, .enter, .backspace, .backspace, .enter]
        // Toggles re-run the simulation.
        keys += [.character("a"), .character("a")]
        keys += Array(repeating: Key.character("r"), count: 20)
        var times: [Duration] = []
        var ownTimes: [Duration] = []
        let pane = Rect(x: 0, y: 0, width: 100, height: 56)
        for key in keys {
            let t0 = clock.now
            if let a = s.action(for: .key(key)) { s.update(a) }
            // The simulate view's own share: its key handling, its pane and its details.
            var own = ScreenBuffer(width: 100, height: 56)
            s.simulateScreen.draw(into: &own, rect: pane, context: s.screenContext)
            _ = s.simulateScreen.detailsLines(context: s.screenContext, width: 60)
            ownTimes.append(clock.now - t0)
            if ownTimes.last! > .milliseconds(1) { print("  simulate view slow on \(key): \(ownTimes.last!)") }
            _ = AppView.render(s, width: 200, height: 60)
            let t = clock.now - t0
            times.append(t)
            if t > .milliseconds(16) { print("  slow: \(key) took \(t)") }
        }
        var overview = s
        overview.mainView = .overview
        let o0 = clock.now
        for _ in 0..<10 { _ = AppView.render(overview, width: 200, height: 60) }
        print("for comparison, the overview renders in \((clock.now - o0) / 10)")
        let d0 = clock.now
        for _ in 0..<10 {
            var b = ScreenBuffer(width: 100, height: 56)
            s.simulateScreen.draw(into: &b, rect: Rect(x: 0, y: 0, width: 100, height: 56), context: s.screenContext)
        }
        print("the simulate pane alone draws in \((clock.now - d0) / 10)")
        // Where the rest of a frame goes, for whoever owns those parts.
        let layout = ScreenLayout(width: 200, height: 60)
        func time(_ name: String, _ body: (inout ScreenBuffer) -> Void) {
            var b = ScreenBuffer(width: 200, height: 60)
            let t0 = clock.now
            for _ in 0..<10 { body(&b) }
            print("  \(name): \((clock.now - t0) / 10)")
        }
        time("header") { HeaderView.draw(s, into: &$0, rect: layout.header) }
        time("navigator") { NavigatorView.draw(s, into: &$0, rect: layout.navigator) }
        time("main pane") { MainPaneView.draw(s, into: &$0, rect: layout.main) }
        time("details") { DetailsView.draw(s, into: &$0, rect: layout.details) }
        time("status bar") { StatusBarView.draw(s, into: &$0, rect: layout.status) }
        time("screenContext") { _ in _ = s.screenContext }
        times.sort()
        let p50 = times[times.count / 2], p99 = times[min(times.count - 1, times.count * 99 / 100)], worst = times.last!
        print("simulate keypress + render over \(times.count) keys: p50 \(p50), p99 \(p99), max \(worst)")
        ownTimes.sort()
        let ownP99 = ownTimes[min(ownTimes.count - 1, ownTimes.count * 99 / 100)]
        print("the simulate view's share (keys, pane, details): p50 \(ownTimes[ownTimes.count / 2]), p99 \(ownP99)")
        #expect(ownP99 < .milliseconds(4))
        #expect(p99 < .milliseconds(16), "the whole frame; see the per-part times above")
    }
}
