import Dispatch

/// The one way trustmap hands work to several threads and takes the results back in order.
///
/// Every slot of a result is written by exactly one worker of one `DispatchQueue.concurrentPerform` and
/// read only after it has returned, which orders those writes before the reads. That is the whole argument
/// for the `@unchecked Sendable` below, made once here instead of once per caller.
public enum Parallel {
    /// `work(i)` for every `i` in `0..<count`, on the machine's cores; the results in index order.
    /// One item runs on the calling thread.
    public static func map<T>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [work(0)] : [] }
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, work($0)) }
        return slots.values()
    }

    /// An array of `count` elements built in place by `parts` workers: each is given one contiguous range
    /// and the array's first element, and initialises exactly the elements of its range (`first + i`).
    /// Returns the array and what each part returned, in part order.
    public static func build<T, Side>(
        count: Int, parts: Int, _ make: @Sendable (Range<Int>, UnsafeMutablePointer<T>) -> Side
    ) -> ([T], [Side]) {
        var sides: [Side] = []
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let first = Shared(buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<T>.alignment)!)
            let parts = max(1, parts)
            sides = map(parts) { p in make(count * p / parts ..< count * (p + 1) / parts, first.value) }
            initialized = count
        }
        return (values, sides)
    }

    /// Lets go of a large value on another thread: freeing millions of nodes is work nothing waits for.
    /// The caller must hold no other reference to what the value holds, or that part is freed where it lets go.
    public static func releaseInBackground<T>(_ value: consuming T) {
        let box = Slots<T>(count: 1)
        box.set(0, value)
        DispatchQueue.global(qos: .utility).async { box.clear() }
    }

    /// A value given to the workers of one call, which only read it or write disjoint parts of it.
    public struct Shared<Value>: @unchecked Sendable {
        public let value: Value
        public init(_ value: Value) { self.value = value }
    }

    /// One slot per worker (see the type's comment for why this is safe).
    private final class Slots<T>: @unchecked Sendable {
        private var storage: [T?]
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ value: T) { storage.withUnsafeMutableBufferPointer { $0[i] = value } }
        func values() -> [T] { storage.map { $0! } }
        func clear() { storage = [] }
    }
}
