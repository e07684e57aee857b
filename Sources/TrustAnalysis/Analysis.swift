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
    /// `account \u{1} role` → the worst severity and the rules of the findings about an edge behind the
    /// organization node (the edges the queries name on demand carry them, as drawn edges do).
    let organizationAnnotations: [String: (severity: Severity, rules: [String])]

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
        guard case .findings(let found) = finished[0], case .annotations(var annotations) = finished[1] else { fatalError("unreachable") }
        let behindOrganization = Self.organizationAnnotations(found, implicit: implicit, estate: estate)
        organizationAnnotations = behindOrganization.edges
        if let org = implicit.organizationID {
            // The organization node's edge into a role shows the worst of the findings about the edges it stands for.
            for (role, a) in behindOrganization.roles {
                for ei in graph.incomingIndices(to: role) where graph.edges[ei].from == org {
                    annotations.append((ei, a.severity, a.rules))
                }
            }
        }
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

    /// The findings about edges behind the organization node (from an account of the organization into a role
    /// with organization grants), by edge and by role.
    static func organizationAnnotations(_ findings: [Finding], implicit: ImplicitEdges, estate: Estate)
        -> (edges: [String: (severity: Severity, rules: [String])], roles: [String: (severity: Severity, rules: [String])]) {
        guard implicit.organizationID != nil else { return ([:], [:]) }
        var worst: [String: Severity] = [:], rules: [String: Set<String>] = [:]
        var roleWorst: [String: Severity] = [:], roleRules: [String: Set<String>] = [:]
        for f in findings where f.suppression == nil {
            guard let ref = f.edge, let r = estate.roleIndexByARN[ref.to], implicit.hasOrganizationGrants(role: r),
                  Arn.isAccountID(ref.from[...]) else { continue }
            let k = ref.from + "\u{1}" + ref.to
            if worst[k].map({ f.severity > $0 }) ?? true { worst[k] = f.severity }
            rules[k, default: []].insert(f.rule)
            guard ref.from != estate.roleAccounts[r] else { continue }
            if roleWorst[ref.to].map({ f.severity > $0 }) ?? true { roleWorst[ref.to] = f.severity }
            roleRules[ref.to, default: []].insert(f.rule)
        }
        var edges: [String: (severity: Severity, rules: [String])] = [:]
        for (k, s) in worst { edges[k] = (s, rules[k]!.sorted()) }
        var roles: [String: (severity: Severity, rules: [String])] = [:]
        for (k, s) in roleWorst { roles[k] = (s, roleRules[k]!.sorted()) }
        return (edges, roles)
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
