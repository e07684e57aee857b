import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

extension JSONParser {
    /// The elements of a list from `index` (the start of an element) to its `]`, as `parseArray`'s loop reads them.
    mutating func parseRestOfList(for guess: Speculation) throws(JSONSyntaxError) -> [JSONValue]? {
        var items: [JSONValue] = []
        while true {
            if guess.cancelled.load(ordering: .relaxed) { return nil }
            skipWhitespace()
            items.append(try parseValue())
            if try continues(closing: UInt8(ascii: "]")) { continue }
            return items
        }
    }

    // MARK: - Two threads on one list

    /// The second half of a list parsed on another thread from a guessed element start.
    final class Speculation: @unchecked Sendable {
        let start: Int
        let cancelled = Atomic<Bool>(false)
        private let done = DispatchSemaphore(value: 0)
        private var outcome: Result<([JSONValue], Int), JSONSyntaxError>?

        init(start: Int) { self.start = start }

        func run(_ parser: JSONParser) {
            // A thread of its own: the caller will wait for it, and may itself be one of the pool's threads
            // (all of them could be waiting so, with the work queued behind them).
            Self.startThread { [self] in
                var p = parser
                do throws(JSONSyntaxError) {
                    if let items = try p.parseRestOfList(for: self) { outcome = .success((items, p.index)) }
                } catch {
                    outcome = .failure(error)
                }
                done.signal()
            }
        }

        /// The worker's elements and the offset after the list's `]`, or the first error it met.
        func result() throws(JSONSyntaxError) -> ([JSONValue], Int) {
            done.wait()
            switch outcome! {
            case .success(let r): return r
            case .failure(let e): throw e
            }
        }

        /// Not an element boundary after all (or the parse failed first): the worker's result is not wanted.
        func abandon() { cancelled.store(true, ordering: .relaxed) }

        private final class Body {
            let run: @Sendable () -> Void
            init(_ run: @escaping @Sendable () -> Void) { self.run = run }
        }

        private static func startThread(_ body: @escaping @Sendable () -> Void) {
            #if os(Linux)
            let context = Unmanaged.passRetained(Body(body)).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(&thread, nil, { raw in
                Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue().run()
                return nil
            }, context)
            if started == 0 {
                pthread_detach(thread)
            } else {
                Unmanaged<Body>.fromOpaque(context).release()
                DispatchQueue.global().async(execute: body)
            }
            #else
            DispatchQueue.global().async(execute: body)
            #endif
        }
    }

    /// After the first element (ending at `firstEnd`) and the separator: when the elements are objects, looks
    /// for the same separator and first member name (`},{"arn":`) half way through the rest of the document
    /// and starts a worker there.
    func speculate(firstEnd: Int) -> Speculation? {
        let second = index
        guard firstEnd > 0, base[firstEnd - 1] == UInt8(ascii: "}"), second < count, base[second] == UInt8(ascii: "{") else { return nil }
        var k = second + 1
        while k < count, base[k] == 0x20 || base[k] == 0x0A || base[k] == 0x0D || base[k] == 0x09 { k += 1 }
        guard k < count, base[k] == UInt8(ascii: "\"") else { return nil }
        k += 1
        while k < count, base[k] != UInt8(ascii: "\""), base[k] != UInt8(ascii: "\\"), k - firstEnd < 256 { k += 1 }
        guard k < count, base[k] == UInt8(ascii: "\"") else { return nil }
        let pattern = bytes[(firstEnd - 1)...k]
        let braceOffset = second - (firstEnd - 1)
        let from = second + (count - second) / 2
        guard let hit = Self.find(pattern, in: bytes, from: from, within: 1 << 20) else { return nil }
        let guess = Speculation(start: hit + braceOffset)
        var worker = JSONParser(bytes: bytes, options: options)
        worker.isWorker = true
        worker.index = guess.start
        worker.depth = depth
        guess.run(worker)
        return guess
    }

    /// The first place of `pattern` in `bytes` starting in `from ..< from + within`.
    static func find(_ pattern: ArraySlice<UInt8>, in bytes: [UInt8], from: Int, within: Int) -> Int? {
        guard let first = pattern.first, from + pattern.count <= bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Int? in
            pattern.withUnsafeBufferPointer { p -> Int? in
                var i = from
                let last = min(b.count - p.count, from + within)
                while i <= last {
                    if b[i] == first {
                        var j = 1
                        while j < p.count, b[i + j] == p[j] { j += 1 }
                        if j == p.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}
