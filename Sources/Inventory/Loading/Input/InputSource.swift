import Foundation

/// One input to load: a file on disk or text in memory.
struct InputSource: Sendable {
    enum Location: Sendable {
        case file(String)
        case text([UInt8])
    }

    /// How the file is named in every message.
    var displayPath: String
    var location: Location
    /// Named by the user (not found inside a folder): a file that cannot be parsed is an error,
    /// and one that is not recognised is reported, not just listed.
    var isExplicit: Bool
    var limits: LoadLimits = .default

    /// The size the progress display counts: the bytes in memory, or the file's size on disk (0 when
    /// it cannot be read; reading decides what that means).
    var sizeOnDisk: Int {
        switch location {
        case .text(let b): return b.count
        case .file(let path):
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : 0
        }
    }

    /// What reading an input gave: UTF-8 text (decompressed, without a byte-order mark), or nothing to read and why.
    enum Contents {
        case text([UInt8])
        case skipped(reason: String)
    }

    /// The text, decompressed when gzip and transcoded to UTF-8 when UTF-16; every limit of `limits` applies.
    /// A file found in a folder that is larger than `limits.sniffBytes` is read further only when its
    /// beginning may be an input (`InputSniffer`).
    func contents() -> Result<Contents, InputProblem> {
        var bytes: [UInt8]
        switch location {
        case .text(let b):
            bytes = b
        case .file(let path):
            switch readFile(path) {
            case .success(.text(let b)): bytes = b
            case let other: return other
            }
        }
        if Gzip.isGzip(bytes) {
            let compressed = bytes.count
            let byRatio = max(limits.inflateRatioFloorBytes, compressed.multipliedReportingOverflow(by: limits.maxInflateRatio).partialValue)
            let limit = min(limits.maxInputBytes, byRatio)
            do {
                bytes = try Gzip.decompress(bytes, limit: limit)
            } catch {
                guard error.limitExceeded else { return .failure(InputProblem("not a valid gzip file: \(error.message)")) }
                let size = LoadLimits.describe(bytes:)
                if limit == limits.maxInputBytes {
                    return .failure(InputProblem("the file inflates to more than \(size(limit)), the limit on one input; raise it with --max-input-size (a gzip bomb?)"))
                }
                return .failure(InputProblem("the file inflates to more than \(limits.maxInflateRatio) times its compressed size of \(size(compressed)) (stopped at \(size(limit))), the limit on decompression; raise it with --max-inflate-ratio (a gzip bomb?)"))
            }
            if Gzip.isGzip(bytes) {
                return .success(.skipped(reason: "the file is gzip inside gzip (compressed twice); trustmap removes one layer: decompress it once with gunzip and load the result"))
            }
        }
        switch TextEncoding.utf8(bytes) {
        case .unreadable(let reason): return .success(.skipped(reason: reason))
        case .utf8(let text): bytes = text
        }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            return .success(.skipped(reason: bytes.isEmpty ? "the file is empty" : "the file holds only whitespace"))
        }
        if let reason = TextEncoding.notText(bytes) { return .success(.skipped(reason: reason)) }
        return .success(.text(bytes))
    }

    /// A regular file's bytes read straight into the array (no `Data` in between). The file is opened
    /// without blocking and checked to be a regular file before anything is read: a FIFO named `x.json`
    /// would otherwise wait forever for a writer.
    private func readFile(_ path: String) -> Result<Contents, InputProblem> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(InputProblem("cannot open the file: \(String(cString: strerror(errno)))")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(InputProblem("cannot read the file: \(String(cString: strerror(errno)))")) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(InputProblem("not a regular file but \(FileType.describe(info.st_mode)); trustmap reads regular files and folders only"))
        }
        let size = Int(info.st_size)
        if !isExplicit, size > limits.sniffBytes {
            let prefix = Self.read(fd, count: limits.sniffBytes)
            if let reason = InputSniffer.rejection(of: prefix) {
                return .success(.skipped(reason: "\(reason) (only its first \(LoadLimits.describe(bytes: limits.sniffBytes)) of \(LoadLimits.describe(bytes: size)) were read)"))
            }
        }
        guard size <= limits.maxInputBytes else {
            return .failure(InputProblem("the file is \(LoadLimits.describe(bytes: size)), larger than the limit of \(LoadLimits.describe(bytes: limits.maxInputBytes)) on one input; raise it with --max-input-size"))
        }
        let bytes = Self.read(fd, count: size, from: 0)
        guard bytes.count == size else { return .failure(InputProblem("the file changed while it was read (\(bytes.count) of \(size) bytes)")) }
        return .success(.text(bytes))
    }

    /// Up to `count` bytes from `offset` (pread: the file position is left alone).
    private static func read(_ fd: Int32, count: Int, from offset: Int = 0) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n <= 0 {
                    if n < 0, errno == EINTR { continue }
                    break
                }
                done += n
            }
            initialized = done
        }
    }

    /// The name without a `.gz` suffix, lowercased, for the JSON-or-YAML decision.
    var effectiveExtension: String {
        var name = displayPath.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return "" }
        return String(name[name.index(after: dot)...])
    }
}

struct InputProblem: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// What a file type is called in messages.
enum FileType {
    static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }
}

/// Whether the beginning of a file may be an input, so that a large unrelated file found in a folder is
/// skipped after its first bytes instead of read whole.
enum InputSniffer {
    /// Top-level keys of every recognised input (`InputKind.detect`), for YAML, which has no first character to go by.
    static let topLevelKeys: Set<String> = Set(InputKind.nativeKeys + InputKind.authorizationDetailsKeys + [
        "version", "name", "samlProviders", "oidcProviders", "Policies", "Accounts", "Organization", "Roots",
        "OrganizationalUnits", "Policy", "SAMLProviderList", "OpenIDConnectProviderList", "Records", "Events",
        "Children", "Id", "eventSource", "eventName", "eventTime", "eventVersion",
    ])

    /// Why the prefix cannot begin an input, or nil when it may (gzip, JSON, or YAML with a known top-level key).
    static func rejection(of prefix: [UInt8]) -> String? {
        if Gzip.isGzip(prefix) { return nil }
        var text = prefix
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) {
            switch TextEncoding.utf16(prefix, littleEndian: prefix[0] == 0xFF, allowTruncated: true) {
            case .utf8(let t): text = t
            case .unreadable(let reason): return reason
            }
        } else if prefix.starts(with: [0xEF, 0xBB, 0xBF]) {
            text.removeFirst(3)
        }
        if let reason = TextEncoding.notText(text) { return reason }
        guard let first = text.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            return "the file begins with nothing but whitespace"
        }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return nil }
        for line in text.split(separator: 0x0A, omittingEmptySubsequences: true) {
            var s = line[...]
            if s.starts(with: Array("- ".utf8)) { s = s.dropFirst(2) }
            if let q = s.first, q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") { s = s.dropFirst() }
            guard let end = s.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { continue }
            if topLevelKeys.contains(String(decoding: s[..<end], as: UTF8.self)) { return nil }
        }
        return "not recognised: neither JSON, gzip, nor YAML with a top-level key trustmap reads"
    }
}
