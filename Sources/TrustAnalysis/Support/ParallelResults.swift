import PolicyEngine

/// Work on the machine's cores with the results in index order: `Parallel.map` under the name the
/// analysis calls it by.
enum ParallelResults<Value> {
    static func run(_ count: Int, _ work: @Sendable (Int) -> Value) -> [Value] {
        Parallel.map(count, work)
    }
}
