/// Everything measured for one organization size.
struct SizeResult: Codable, Sendable {
    struct Files: Codable, Sendable {
        var nativeMiB: Double
        var dumpsMiB: Double
        var dumpFiles: Int
        /// Generating the organization in memory and writing both forms (not part of any budget).
        var generateSeconds: Double
        var writeSeconds: Double
    }

    struct Memory: Codable, Sendable {
        /// Peak resident set of the child process over the load + analysis runs: the memory budget.
        var loadAndAnalysisMiB: Double?
        /// Peak while loading the dumps, counted from the resident set left by the previous stage
        /// (the allocator keeps freed pages, so this includes the retained analysis).
        var dumpsLoadMiB: Double?
        /// Peak during the simulation and dashboard stages, likewise counted from what was resident.
        var simulationAndDashboardMiB: Double?
    }

    var accounts: Int
    var roles: Int
    var users: Int
    var principals: Int { roles + users }
    var files: Files?
    /// Each stage is nil when it did not finish (see `notes`).
    var pipeline: PipelineBenchmark.Result?
    var simulation: SimulationBenchmark.Result?
    var dashboard: DashboardBenchmark.Result?
    var memory: Memory
    /// What did not finish or was cut short, in words.
    var notes: [String] = []
}

extension SizeResult {
    enum CodingKeys: String, CodingKey {
        case accounts, roles, users, principals, files, pipeline, simulation, dashboard, memory, notes
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        accounts = try c.decode(Int.self, forKey: .accounts)
        roles = try c.decode(Int.self, forKey: .roles)
        users = try c.decode(Int.self, forKey: .users)
        files = try c.decodeIfPresent(Files.self, forKey: .files)
        pipeline = try c.decodeIfPresent(PipelineBenchmark.Result.self, forKey: .pipeline)
        simulation = try c.decodeIfPresent(SimulationBenchmark.Result.self, forKey: .simulation)
        dashboard = try c.decodeIfPresent(DashboardBenchmark.Result.self, forKey: .dashboard)
        memory = try c.decode(Memory.self, forKey: .memory)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(accounts, forKey: .accounts)
        try c.encode(roles, forKey: .roles)
        try c.encode(users, forKey: .users)
        try c.encode(principals, forKey: .principals)
        try c.encodeIfPresent(files, forKey: .files)
        try c.encodeIfPresent(pipeline, forKey: .pipeline)
        try c.encodeIfPresent(simulation, forKey: .simulation)
        try c.encodeIfPresent(dashboard, forKey: .dashboard)
        try c.encode(memory, forKey: .memory)
        try c.encode(notes, forKey: .notes)
    }
}
