import TerminalUI
import Testing
@testable import TrustmapApp

@Suite("Simulate view: snapshots and sizes")
struct SimulateViewTests {
    static func ran(_ state: AppState, _ vendor: VendorCase, externalId: String) -> AppState {
        var s = state
        s.update(.command("simulate --principal \(vendor.account) --role \(vendor.role) --external-id \(externalId)"))
        return s
    }

    @Test("fixture: DENIED with a wrong external ID at 80×24 and 120×40")
    func fixtureDenied() {
        let s = Self.ran(Fixtures.state(), SimulateFixtures.vendor, externalId: "wrong-value")
        assertSnapshot(AppView.render(s, width: 80, height: 24), named: "simulate-fixture-denied-80x24")
        assertSnapshot(AppView.render(s, width: 120, height: 40), named: "simulate-fixture-denied-120x40")
    }

    @Test("fixture: ALLOWED with the right external ID at 80×24 and 120×40")
    func fixtureAllowed() {
        let s = Self.ran(Fixtures.state(), SimulateFixtures.vendor, externalId: SimulateFixtures.vendor.externalId)
        assertSnapshot(AppView.render(s, width: 80, height: 24), named: "simulate-fixture-allowed-80x24")
        assertSnapshot(AppView.render(s, width: 120, height: 40), named: "simulate-fixture-allowed-120x40")
    }

    @Test("demo: DENIED with a wrong external ID at 80×24 and 120×40", .enabled(if: SimulateFixtures.demoHasVendor, "the demo has no vendor role with an external ID yet"))
    func demoDenied() throws {
        let vendor = try #require(SimulateFixtures.demoVendor)
        let s = Self.ran(SimulateFixtures.demoState, vendor, externalId: "wrong-value")
        #expect(s.simulateScreen.result?.decision == .denied)
        let big = AppView.render(s, width: 120, height: 40)
        #expect(!big.text.contains(vendor.externalId))
        assertSnapshot(AppView.render(s, width: 80, height: 24), named: "simulate-demo-denied-80x24")
        assertSnapshot(big, named: "simulate-demo-denied-120x40")
    }

    @Test("demo: ALLOWED with the right external ID at 80×24 and 120×40", .enabled(if: SimulateFixtures.demoHasVendor, "the demo has no vendor role with an external ID yet"))
    func demoAllowed() throws {
        let vendor = try #require(SimulateFixtures.demoVendor)
        let s = Self.ran(SimulateFixtures.demoState, vendor, externalId: vendor.externalId)
        #expect(s.simulateScreen.result?.decision == .allowed, "\(s.simulateScreen.result?.reason ?? "")")
        let big = AppView.render(s, width: 120, height: 40)
        #expect(!big.text.contains(vendor.externalId))
        assertSnapshot(AppView.render(s, width: 80, height: 24), named: "simulate-demo-allowed-80x24")
        assertSnapshot(big, named: "simulate-demo-allowed-120x40")
    }

    @Test("the empty form, and a field being edited with completions in the details pane")
    func emptyAndEditing() {
        var s = Fixtures.state()
        s.update(.simulate)
        assertSnapshot(AppView.render(s, width: 80, height: 24), named: "simulate-empty-80x24")
        // The first account is selected, so the caller is filled and the cursor waits on the role.
        #expect(s.simulateScreen.cursor == .role)
        s.press(.enter)
        s.type("arn:aws:iam::111")
        let frame = AppView.render(s, width: 120, height: 40)
        #expect(frame.cursor != nil)
        assertSnapshot(frame, named: "simulate-editing-role-120x40")
    }

    @Test("the banner is solid and in the decision's role, with its glyph (mono keeps the meaning)")
    func bannerStyle() {
        let s = Self.ran(Fixtures.state(), SimulateFixtures.vendor, externalId: "wrong-value")
        let frame = AppView.render(s, width: 120, height: 40)
        let rows = frame.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let y = rows.firstIndex(where: { $0.contains("D E N I E D") }) else {
            Issue.record("no banner")
            return
        }
        #expect(rows[y].contains("✗"))
        let cells = frame.row(y).filter { $0.role == .denied }
        #expect(cells.count > 40)
        #expect(cells.allSatisfy { $0.emphasis.contains(.reverse) })
        #expect(frame.row(y - 1).filter { $0.role == .denied }.count == cells.count)
    }

    @Test("the trace shows each condition with operator, key, policy and request values and ✓/✗")
    func traceContents() {
        var s = Self.ran(Fixtures.state(), SimulateFixtures.vendor, externalId: "wrong-value")
        s.simulateScreen.cursor = .run
        let lines = s.simulateScreen.resultLines(width: 100, context: s.screenContext).map(\.plainText)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("decided by trust-policy"))
        #expect(text.contains("◀ decided here"))
        #expect(text.contains("statement 'VendorAudit' Allow · does not apply"))
        #expect(text.contains("condition ✗ StringEquals sts:ExternalId"))
        #expect(text.contains("policy  'c0…(29)'"))
        #expect(text.contains("request 'wr…(11)'"))
        #expect(text.contains("To change the outcome"))
        #expect(text.contains("Assumptions"))
    }

    @Test("no size crashes the view: the screen alone in tiny rectangles, the app at every small size")
    func tinySizes() {
        let denied = Self.ran(Fixtures.state(), SimulateFixtures.vendor, externalId: "wrong-value")
        var editing = denied
        editing.simulateScreen.cursor = .externalId
        editing.press(.enter)
        editing.type("abc")
        for s in [Fixtures.state(), denied, editing] {
            for w in 0...40 {
                for h in 0...8 {
                    var buffer = ScreenBuffer(width: 50, height: 12)
                    s.simulateScreen.draw(into: &buffer, rect: Rect(x: 1, y: 1, width: w, height: h), context: s.screenContext)
                    _ = s.simulateScreen.detailsLines(context: s.screenContext, width: w)
                }
            }
            for (w, h) in [(80, 24), (81, 25), (100, 30), (160, 50), (240, 70), (20, 5), (1, 1)] {
                _ = AppView.render(s, width: w, height: h)
            }
        }
    }

    @Test("two columns when the main pane is wide")
    func twoColumns() {
        let s = Self.ran(Fixtures.state(), SimulateFixtures.vendor, externalId: "wrong-value")
        let text = AppView.render(s, width: 240, height: 60).text
        let rows = text.split(separator: "\n")
        #expect(rows.contains { $0.contains("caller") && $0.contains("role ") })
    }
}
