/// Wall-clock timing on the monotonic clock, in seconds.
enum Stopwatch {
    static let clock = ContinuousClock()

    /// Runs `work` once and returns its result with the seconds it took.
    static func time<T>(_ work: () throws -> T) rethrows -> (value: T, seconds: Double) {
        let start = clock.now
        let value = try work()
        return (value, seconds(clock.now - start))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// Keeps a value alive and observable so the optimiser cannot discard the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
