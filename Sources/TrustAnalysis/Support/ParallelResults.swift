import Foundation

/// Slots that parallel workers fill, one each, read after all have finished.
///
/// Every slot is written by exactly one worker of one `concurrentPerform` and read only after it
/// returns, so the lock only guards the array itself; the type is `@unchecked Sendable` on that basis.
final class ParallelResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The filled slots, in index order.
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }

    /// Runs `work` for 0..<count on the machine's cores and returns the results in index order.
    static func run(_ count: Int, _ work: @Sendable (Int) -> Value) -> [Value] {
        let box = ParallelResults(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { box.set($0, work($0)) }
        return box.values
    }
}
