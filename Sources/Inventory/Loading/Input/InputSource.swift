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

    /// The size as stored (compressed when gzip), without reading it; 0 when it cannot be known.
    var storedSize: Int {
        switch location {
        case .text(let b): return b.count
        case .file(let path):
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : 0
        }
    }

    /// The bytes, decompressed when gzip.
    func contents() -> Result<[UInt8], InputProblem> {
        var bytes: [UInt8]
        switch location {
        case .text(let b): bytes = b
        case .file(let path):
            guard let b = Self.read(path) ?? FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
                return .failure(InputProblem("cannot read the file (missing, unreadable, or a special file)"))
            }
            bytes = b
        }
        if Gzip.isGzip(bytes) {
            do {
                bytes = try Gzip.decompress(bytes)
            } catch {
                return .failure(InputProblem("not a valid gzip file: \(error.message)"))
            }
        }
        return .success(bytes)
    }

    /// A regular file's bytes read straight into the array (no `Data` in between); nil sends the caller
    /// to `FileManager`, which says the same about anything else.
    private static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n <= 0 {
                    if n < 0, errno == EINTR { continue }
                    break
                }
                done += n
            }
            complete = done == size
            count = done
        }
        return complete ? bytes : nil
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
