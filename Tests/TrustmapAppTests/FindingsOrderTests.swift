import Testing
import TrustAnalysis
@testable import TrustmapApp

/// The findings view's orders are sorted once and read in one pass per filter; the list must be exactly
/// what filtering, then a stable sort on the order's key, gives.
@Suite("Findings view: orders computed once")
struct FindingsOrderTests {
    static func expected(_ all: [Finding], _ s: FindingsScreen) -> [Int] {
        let kept = all.indices.filter { i in
            all[i].severity >= s.minimumSeverity && (s.rule.map { all[i].rule == $0 } ?? true)
                && (s.account.map { FindingsScreen.accountOf(all[i].subject) == $0 } ?? true) && (s.showSuppressed || !all[i].isSuppressed)
        }
        func key(_ i: Int) -> String {
            switch s.sort {
            case .severity: return ""
            case .rule: return all[i].rule
            case .subject: return all[i].subject
            case .account: return FindingsScreen.accountOf(all[i].subject)
            }
        }
        // Stable by construction: ties keep the analysis order.
        return kept.enumerated().sorted { a, b in
            let ka = key(a.element), kb = key(b.element)
            return ka.utf8.lexicographicallyPrecedes(kb.utf8) || (ka == kb && a.offset < b.offset)
        }.map(\.element)
    }

    @Test("every order under every filter, on a generated 30-account organization")
    func ordersAndFilters() {
        let analysis = Analysis.analyze(MatrixFixtures.generated(accounts: 30), at: MatrixFixtures.now)
        let all = analysis.findings
        #expect(all.count > 50)
        let someRule = all[all.count / 2].rule
        let someAccount = FindingsScreen.accountOf(all[all.count / 3].subject)
        for sort in FindingsScreen.SortOrder.allCases {
            for severity in [Severity.info, .medium, .critical] {
                for rule in [nil, someRule] {
                    for account in [nil, someAccount] {
                        var s = FindingsScreen()
                        s.sort = sort
                        s.minimumSeverity = severity
                        s.rule = rule
                        s.account = account
                        s.prepare(analysis)
                        #expect(s.indices(analysis) == Self.expected(all, s), "\(sort) \(severity) \(rule ?? "-") \(account ?? "-")")
                    }
                }
            }
        }
    }
}
