/// gzip (RFC 1952) and DEFLATE (RFC 1951) decompression in plain Swift, so that `.gz`
/// CloudTrail logs and compressed dumps load without a system library or a new dependency.
enum Gzip {
    struct Problem: Error, Sendable, Equatable {
        var message: String
        /// The output reached the caller's limit (not corrupt data: too much of it).
        var limitExceeded = false
    }

    /// True when the bytes start with the gzip magic number (the content decides, not the file name).
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses every member (concatenated gzip members form one stream, RFC 1952 §2.2),
    /// checking each member's CRC-32 and length.
    /// At most `limit` bytes come out: past it, the error says so (`limitExceeded`) and nothing more is inflated.
    static func decompress(_ bytes: [UInt8], limit: Int = .max) throws(Problem) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, bytes.count.multipliedReportingOverflow(by: 4).partialValue))
        var offset = 0
        while offset < bytes.count {
            guard bytes.count - offset >= 18 else {
                if offset > 0, bytes[offset...].allSatisfy({ $0 == 0 }) { break }  // trailing padding
                throw Problem(message: "truncated gzip member")
            }
            guard bytes[offset] == 0x1F, bytes[offset + 1] == 0x8B else {
                if offset > 0 { break }
                throw Problem(message: "not gzip data (bad magic number)")
            }
            guard bytes[offset + 2] == 8 else { throw Problem(message: "unsupported gzip compression method \(bytes[offset + 2])") }
            let flags = bytes[offset + 3]
            var i = offset + 10
            if flags & 0x04 != 0 {  // FEXTRA
                guard i + 2 <= bytes.count else { throw Problem(message: "truncated gzip header") }
                i += 2 + Int(bytes[i]) | Int(bytes[i + 1]) << 8
            }
            for flag in [UInt8(0x08), 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT: zero-terminated
                while i < bytes.count, bytes[i] != 0 { i += 1 }
                i += 1
            }
            if flags & 0x02 != 0 { i += 2 }  // FHCRC
            guard i < bytes.count else { throw Problem(message: "truncated gzip header") }
            let start = out.count
            var inflater = Inflater(input: bytes, position: i)
            try inflater.run(into: &out, limit: limit)
            var end = inflater.bytePositionAfterStream
            guard end + 8 <= bytes.count else { throw Problem(message: "truncated gzip trailer") }
            let crc = UInt32(bytes[end]) | UInt32(bytes[end + 1]) << 8 | UInt32(bytes[end + 2]) << 16 | UInt32(bytes[end + 3]) << 24
            let size = UInt32(bytes[end + 4]) | UInt32(bytes[end + 5]) << 8 | UInt32(bytes[end + 6]) << 16 | UInt32(bytes[end + 7]) << 24
            guard CRC32.checksum(out[start...]) == crc else { throw Problem(message: "gzip CRC-32 mismatch: the file is corrupt") }
            guard UInt32(truncatingIfNeeded: out.count - start) == size else { throw Problem(message: "gzip length mismatch: the file is corrupt") }
            end += 8
            offset = end
        }
        return out
    }
}

/// CRC-32 (IEEE 802.3, reflected, as gzip uses).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        return c ^ 0xFFFF_FFFF
    }
}

/// A DEFLATE decoder: stored, fixed-Huffman and dynamic-Huffman blocks (RFC 1951 §3.2).
struct Inflater {
    private let input: [UInt8]
    private var position: Int
    private var bitBuffer: UInt64 = 0
    private var bitCount = 0
    private var limit = Int.max

    init(input: [UInt8], position: Int) {
        self.input = input
        self.position = position
    }

    /// The byte after the last one the stream used (the gzip trailer starts there).
    var bytePositionAfterStream: Int { position - bitCount / 8 }

    /// Canonical Huffman decoding table: counts per length and symbols sorted by code.
    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(lengths: [Int]) throws(Gzip.Problem) {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var left = 1
            for len in 1..<16 {
                left <<= 1
                left -= counts[len]
                if left < 0 { throw Gzip.Problem(message: "invalid DEFLATE data: over-subscribed Huffman code") }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, l) in lengths.enumerated() where l != 0 {
                symbols[offsets[l]] = symbol
                offsets[l] += 1
            }
        }
    }

    private mutating func need(_ n: Int) throws(Gzip.Problem) {
        while bitCount < n {
            guard position < input.count else { throw Gzip.Problem(message: "unexpected end of DEFLATE data") }
            bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
            position += 1
            bitCount += 8
        }
    }

    private mutating func bits(_ n: Int) throws(Gzip.Problem) -> Int {
        if n == 0 { return 0 }
        try need(n)
        let v = Int(bitBuffer & ((1 << UInt64(n)) - 1))
        bitBuffer >>= UInt64(n)
        bitCount -= n
        return v
    }

    private mutating func decode(_ h: Huffman) throws(Gzip.Problem) -> Int {
        var code = 0
        var first = 0
        var index = 0
        for len in 1..<16 {
            code |= try bits(1)
            let count = h.counts[len]
            if code - count < first { return h.symbols[index + (code - first)] }
            index += count
            first += count
            first <<= 1
            code <<= 1
        }
        throw Gzip.Problem(message: "invalid DEFLATE data: bad Huffman code")
    }

    private static let overLimit = Gzip.Problem(message: "the inflated data exceeds the limit", limitExceeded: true)

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    mutating func run(into out: inout [UInt8], limit: Int = .max) throws(Gzip.Problem) {
        self.limit = limit
        let streamStart = out.count
        var last = false
        while !last {
            last = try bits(1) == 1
            switch try bits(2) {
            case 0: try stored(into: &out)
            case 1:
                var lengths = [Int](repeating: 8, count: 288)
                for s in 144..<256 { lengths[s] = 9 }
                for s in 256..<280 { lengths[s] = 7 }
                let literal = try Huffman(lengths: lengths)
                let distance = try Huffman(lengths: [Int](repeating: 5, count: 30))
                try codes(literal, distance, streamStart: streamStart, into: &out)
            case 2:
                let (literal, distance) = try dynamicTables()
                try codes(literal, distance, streamStart: streamStart, into: &out)
            default:
                throw Gzip.Problem(message: "invalid DEFLATE block type 3")
            }
        }
    }

    private mutating func stored(into out: inout [UInt8]) throws(Gzip.Problem) {
        // Drop the bits left in the current byte; LEN and NLEN follow byte-aligned.
        bitBuffer = 0
        position -= bitCount / 8
        bitCount = 0
        guard position + 4 <= input.count else { throw Gzip.Problem(message: "unexpected end of DEFLATE data") }
        let len = Int(input[position]) | Int(input[position + 1]) << 8
        let nlen = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard len == ~nlen & 0xFFFF else { throw Gzip.Problem(message: "invalid DEFLATE stored block length") }
        position += 4
        guard position + len <= input.count else { throw Gzip.Problem(message: "unexpected end of DEFLATE data") }
        guard out.count + len <= limit else { throw Self.overLimit }
        out.append(contentsOf: input[position..<(position + len)])
        position += len
    }

    private mutating func dynamicTables() throws(Gzip.Problem) -> (Huffman, Huffman) {
        let nlen = try bits(5) + 257
        let ndist = try bits(5) + 1
        let ncode = try bits(4) + 4
        guard nlen <= 286, ndist <= 30 else { throw Gzip.Problem(message: "invalid DEFLATE data: too many length or distance codes") }
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<ncode { codeLengths[Self.codeLengthOrder[i]] = try bits(3) }
        let lengthCode = try Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        lengths.reserveCapacity(nlen + ndist)
        while lengths.count < nlen + ndist {
            let symbol = try decode(lengthCode)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw Gzip.Problem(message: "invalid DEFLATE data: repeat with no previous length") }
                lengths.append(contentsOf: repeatElement(previous, count: 3 + (try bits(2))))
            case 17: lengths.append(contentsOf: repeatElement(0, count: 3 + (try bits(3))))
            default: lengths.append(contentsOf: repeatElement(0, count: 11 + (try bits(7))))
            }
        }
        guard lengths.count == nlen + ndist else { throw Gzip.Problem(message: "invalid DEFLATE data: code lengths overflow") }
        guard lengths[256] != 0 else { throw Gzip.Problem(message: "invalid DEFLATE data: no end-of-block code") }
        return (try Huffman(lengths: Array(lengths[0..<nlen])), try Huffman(lengths: Array(lengths[nlen...])))
    }

    private mutating func codes(_ literal: Huffman, _ distance: Huffman, streamStart: Int, into out: inout [UInt8]) throws(Gzip.Problem) {
        while true {
            let symbol = try decode(literal)
            if symbol < 256 {
                guard out.count < limit else { throw Self.overLimit }
                out.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let li = symbol - 257
                guard li < 29 else { throw Gzip.Problem(message: "invalid DEFLATE length code") }
                let length = Self.lengthBase[li] + (try bits(Self.lengthExtra[li]))
                let di = try decode(distance)
                guard di < 30 else { throw Gzip.Problem(message: "invalid DEFLATE distance code") }
                let dist = Self.distanceBase[di] + (try bits(Self.distanceExtra[di]))
                guard dist <= out.count - streamStart else { throw Gzip.Problem(message: "invalid DEFLATE distance: too far back") }
                guard out.count + length <= limit else { throw Self.overLimit }
                let from = out.count - dist
                for k in 0..<length { out.append(out[from + k]) }
            }
        }
    }
}
