import Dispatch
import Inventory
import Simulation
import PolicyEngine

/// One analysis of an inventory: the trust graph, the findings, and the queries the dashboard and the
/// command line ask of them. Built once; every view reads it.
public struct Analysis: Sendable {
    public let inventory: Inventory
    public let graph: TrustGraph
    /// Sorted: severity (worst first), rule, subject.
    public let findings: [Finding]
    /// The evaluation date, seconds since 1970.
    public let evaluatedAt: Int64
    /// How many engine simulations confirmed candidate edges.
    public let simulationCount: Int
    /// How long each phase took (monotonic clock), for the benchmark: it never reaches any output.
    public let timings: Timings

    public struct Timings: Sendable {
        /// The engine's compiled policies and the estate's indexes, built side by side.
        public var prepare: Double = 0
        /// Finding the edges, then sorting and indexing them while the rules that need no graph run.
        public var graph: Double = 0
        /// The rest of the findings, their order, and the edges' annotation.
        public var findings: Double = 0
    }
    /// The engine the graph was confirmed with, kept for the dashboard's simulations (building one for
    /// a 1,000-account estate takes about a second).
    public let simulator: Simulator
    let estate: Estate
    /// The callers of `*` trust statements that the graph draws as one anyone or account edge.
    let implicitEdges: ImplicitEdges
    private let findingsBySubject: [String: [Int]]

    /// Loads nothing: analyses an inventory already loaded. `now` is the evaluation date (`--at`).
    /// `progress`, when given, is told each step as it starts.
    public static func analyze(_ inventory: Inventory, at now: Int64, suppressions: SuppressionList = .none,
                               progress: WorkProgress? = nil) -> Analysis {
        Analysis(inventory: inventory, at: now, suppressions: suppressions, progress: progress)
    }

    public init(inventory: Inventory, at now: Int64, suppressions: SuppressionList = .none, progress: WorkProgress? = nil) {
        self.inventory = inventory
        evaluatedAt = now
        var clock = PhaseClock()
        var timings = Timings()
        progress?.step("engine and indexes")
        // The engine's indexes and ours do not depend on each other: build them side by side.
        enum Prepared: Sendable { case estate(Estate, TrustGraphBuilder.CallerIndex), simulator(Simulator) }
        let prepared = ParallelResults<Prepared>.run(2) { i in
            guard i == 0 else { return .simulator(Simulator(inventory: inventory)) }
            let estate = Estate(inventory)
            return .estate(estate, TrustGraphBuilder.CallerIndex(estate: estate))
        }
        guard case .estate(let estate, let callers) = prepared[0], case .simulator(let simulator) = prepared[1] else { fatalError("unreachable") }
        self.estate = estate
        self.simulator = simulator
        timings.prepare = clock.lap()
        progress?.step("trust graph")
        var builder = TrustGraphBuilder(estate: estate, simulator: simulator, now: now, callers: callers)
        builder.buildEdges()
        simulationCount = builder.simulations
        let implicit = ImplicitEdges(builder: builder)
        implicitEdges = implicit
        var engine = FindingsEngine(estate: estate, now: now, implicitEdges: implicit)
        // Sorting and indexing the graph is one thread's work; the rules that need no graph take the
        // other core meanwhile (and the rest of them after).
        enum Staged: Sendable {
            case graph(TrustGraph)
            case judged(FindingCollector, FindingCollector)
        }
        let parts = engine.staticParts, finder = engine, built = builder
        let staged = ParallelResults<Staged>.run(1 + parts) { i in
            if i == 0 { return .graph(built.graph()) }
            let judged = finder.judgeStatic(part: i - 1, of: parts)
            return .judged(judged.trust, judged.identity)
        }
        guard case .graph(var graph) = staged[0] else { fatalError("unreachable") }
        timings.graph = clock.lap()
        progress?.step("findings")
        let judged = staged.dropFirst().map { stage -> (trust: FindingCollector, identity: FindingCollector) in
            guard case .judged(let t, let i) = stage else { fatalError("unreachable") }
            return (t, i)
        }
        var unsorted = engine.runUnsorted(graph: graph, judged: judged)
        if !suppressions.entries.isEmpty {
            for i in unsorted.indices { unsorted[i].suppression = suppressions.reason(for: unsorted[i]) }
        }
        // Which edges the findings are about does not depend on the findings' order: it is worked out
        // beside the sort, then written into the graph (which holds the only reference to its edges by
        // then, so nothing is copied).
        enum Finished: Sendable {
            case findings([Finding])
            case annotations([(edge: Int, severity: Severity, rules: [String])])
        }
        let finished: [Finished] = {
            let frozen = unsorted, snapshot = graph
            return ParallelResults<Finished>.run(2) { i in
                i == 0 ? .findings(Finding.sortedForReport(frozen)) : .annotations(snapshot.annotations(for: frozen))
            }
        }()
        guard case .findings(let found) = finished[0], case .annotations(let annotations) = finished[1] else { fatalError("unreachable") }
        graph.apply(annotations)
        self.graph = graph
        findings = found
        var bySubject: [String: [Int]] = [:]
        for i in found.indices { bySubject[found[i].subject, default: []].append(i) }
        findingsBySubject = bySubject
        timings.findings = clock.lap()
        progress?.finish()
        self.timings = timings
    }

    public func findings(forSubject subject: String) -> [Finding] {
        (findingsBySubject[subject] ?? []).map { findings[$0] }
    }

    /// The worst active (not suppressed) finding about a node, nil when none.
    public func worstSeverity(forNode id: String) -> Severity? {
        findings(forSubject: id).filter { !$0.isSuppressed }.map(\.severity).max()
    }

    /// Where an account stands: organization, internal, third party, unknown external.
    public func trust(ofAccount id: String) -> AccountTrust { estate.trust(ofAccount: id) }
}

/// Seconds between laps on the monotonic clock.
struct PhaseClock {
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap() -> Double {
        let t = DispatchTime.now().uptimeNanoseconds
        defer { last = t }
        return Double(t - last) / 1e9
    }
}
