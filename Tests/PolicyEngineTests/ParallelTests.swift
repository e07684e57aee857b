import Dispatch
import PolicyEngine
import Testing

/// The one helper that hands work to several threads.
@Suite("parallel work")
struct ParallelTests {
    @Test("map returns every result in index order, for 0, 1 and many items")
    func map() {
        #expect(Parallel.map(0) { $0 }.isEmpty)
        #expect(Parallel.map(1) { $0 * 10 } == [0])
        for n in [2, 3, 17, 1000] {
            #expect(Parallel.map(n) { i in String(i) } == (0..<n).map(String.init), "n=\(n)")
        }
    }

    @Test("build gives each part one contiguous range of the array, initialised in place, and its side in part order")
    func build() {
        for (count, parts) in [(0, 1), (0, 2), (1, 2), (5, 2), (1000, 2), (1001, 3), (7, 1)] {
            let (values, sides) = Parallel.build(count: count, parts: parts) { (range, first: UnsafeMutablePointer<String>) -> Range<Int> in
                for i in range { (first + i).initialize(to: "v\(i)") }
                return range
            }
            #expect(values == (0..<count).map { "v\($0)" }, "count=\(count) parts=\(parts)")
            #expect(sides.count == parts)
            #expect(sides.map(\.count).reduce(0, +) == count)
            #expect(zip(sides, sides.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "contiguous, in order")
        }
    }

    @Test("a value let go of in the background is freed there")
    func release() async {
        final class Flag: @unchecked Sendable {
            let freed = DispatchSemaphore(value: 0)
        }
        final class Tracked {
            let flag: Flag
            init(_ flag: Flag) { self.flag = flag }
            deinit { flag.freed.signal() }
        }
        let flag = Flag()
        Parallel.releaseInBackground([Tracked(flag), Tracked(flag)])
        flag.freed.wait()
        flag.freed.wait()
    }

    @Test("Shared hands a value to the workers unchanged")
    func shared() {
        let input = Parallel.Shared([3, 1, 2])
        #expect(Parallel.map(3) { input.value[$0] } == [3, 1, 2])
    }
}
