import Foundation

/// How each phase's cost grows with the number of principals (roles + users).
///
/// Between two sizes n₁ < n₂ with costs t₁, t₂ the local exponent is k = ln(t₂/t₁) / ln(n₂/n₁):
/// 1 is linear, 2 quadratic. n log n has a local exponent of 1 + ln(ln n₂ / ln n₁) / ln(n₂/n₁), about
/// 1.1 at these sizes, so a phase is flagged as worse than n log n when k exceeds that by more than
/// `tolerance` (timing noise on a shared two-core machine). Fixed costs make k < 1 at small sizes.
struct GrowthAnalysis: Codable, Sendable {
    struct Step: Codable, Sendable {
        var fromPrincipals: Int
        var toPrincipals: Int
        /// Cost per principal at the larger size over that at the smaller (1 is linear).
        var perPrincipalRatio: Double
        var exponent: Double
        var nLogNExponent: Double
        var worseThanNLogN: Bool
    }

    struct Phase: Codable, Sendable {
        var name: String
        var unit: String
        /// Whether the budget is per principal (load, analysis) or per operation (a frame, a simulation).
        var expectation: String
        var steps: [Step]
        var verdict: String
        var flagged: Bool
    }

    static let tolerance = 0.15

    var phases: [Phase]

    init(_ sizes: [SizeResult]) {
        let sorted = sizes.sorted { $0.principals < $1.principals }
        func phase(_ name: String, unit: String, linear: Bool, _ value: (SizeResult) -> Double?) -> Phase {
            var steps: [Step] = []
            let measured = sorted.filter { (value($0) ?? 0) > 0 }
            for (a, b) in zip(measured, measured.dropFirst()) {
                let n1 = Double(a.principals), n2 = Double(b.principals)
                let t1 = value(a) ?? 0, t2 = value(b) ?? 0
                guard t1 > 0, t2 > 0, n2 > n1 else { continue }
                let k = log(t2 / t1) / log(n2 / n1)
                let nlogn = 1 + log(log(n2) / log(n1)) / log(n2 / n1)
                // For per-operation costs (a frame, one simulation) "linear" would already be a problem: the
                // cost of one keypress or one request should not grow with the estate at all; n log n
                // there means log n per operation, the cost of an index lookup.
                let limit = linear ? nlogn : log(log(n2) / log(n1)) / log(n2 / n1)
                steps.append(Step(fromPrincipals: a.principals, toPrincipals: b.principals,
                                  perPrincipalRatio: (t2 / n2) / (t1 / n1), exponent: k, nLogNExponent: nlogn,
                                  worseThanNLogN: k > limit + Self.tolerance && b.principals >= 5_000))
            }
            let flagged = steps.contains(where: \.worseThanNLogN)
            let large = steps.filter { $0.fromPrincipals >= 5_000 }
            let shown = (large.isEmpty ? steps : large).map { String(format: "%.2f", $0.exponent) }.joined(separator: ", ")
            let verdict: String
            if steps.isEmpty {
                verdict = "not enough sizes to judge"
            } else if flagged {
                verdict = "WORSE THAN n log n (exponents \(shown)): a bug"
            } else if linear {
                let worst = (large.isEmpty ? steps : large).map(\.exponent).max() ?? 0
                verdict = worst <= 1 + Self.tolerance ? "linear (exponents \(shown))" : "at most n log n (exponents \(shown))"
            } else {
                verdict = "flat per operation (exponents \(shown))"
            }
            return Phase(name: name, unit: unit, expectation: linear ? "linear in principals" : "constant per operation",
                         steps: steps, verdict: verdict, flagged: flagged)
        }
        phases = [
            phase("load native inventory", unit: "s", linear: true) { $0.pipeline?.loadNativeSeconds.median },
            phase("analysis (graph + findings)", unit: "s", linear: true) { $0.pipeline?.analysisSeconds.median },
            phase("  engine + indexes", unit: "s", linear: true) { $0.pipeline?.prepareSeconds.median },
            phase("  trust graph", unit: "s", linear: true) { $0.pipeline?.graphSeconds.median },
            phase("  findings", unit: "s", linear: true) { $0.pipeline?.findingsSeconds.median },
            phase("load + analysis", unit: "s", linear: true) { $0.pipeline?.totalSeconds.median },
            phase("load authorization-details folder", unit: "s", linear: true) { $0.pipeline?.loadDumpsSeconds.median },
            phase("trust edges (count)", unit: "edges", linear: true) { $0.pipeline.map { Double($0.edges) } },
            phase("engine compile (Simulator.init)", unit: "s", linear: true) { $0.simulation?.compileSeconds.median },
            phase("peak memory (load + analysis)", unit: "MiB", linear: true) { $0.memory.loadAndAnalysisMiB },
            phase("one simulation", unit: "µs", linear: false) { $0.simulation.map { 1e6 / max(1, $0.perSecond.median) } },
            phase("dashboard frame p50", unit: "ms", linear: false) { $0.dashboard?.frameP50Milliseconds },
            phase("dashboard frame p99", unit: "ms", linear: false) { $0.dashboard?.frameP99Milliseconds },
            phase("dashboard open (AppState)", unit: "s", linear: true) { $0.dashboard.flatMap { $0.stalled == nil ? $0.openStateSeconds.median : nil } },
        ]
    }
}
