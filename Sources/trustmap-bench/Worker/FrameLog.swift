import Foundation

/// One line per keypress, written as the dashboard stage runs, so that a keypress that never returns
/// can be named and its frames so far counted by the parent that stops it.
///
/// Lines: `start<TAB>group<TAB>seconds since 1970` before a keypress, `done<TAB>group<TAB>milliseconds` after it.
final class FrameLog {
    private let handle: FileHandle

    init?(path: String) {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let h = FileHandle(forWritingAtPath: path) else { return nil }
        handle = h
    }

    deinit { try? handle.close() }

    func starting(group: String) { write("start\t\(group)\t\(Date().timeIntervalSince1970)\n") }

    func append(group: String, milliseconds: Double) { write("done\t\(group)\t\(milliseconds)\n") }

    private func write(_ line: String) { handle.write(Data(line.utf8)) }

    struct Contents {
        var frames: [(group: String, milliseconds: Double)] = []
        /// The keypress started and not finished, if any, and when it started (seconds since 1970).
        var unfinished: String?
        var unfinishedSince: Double?
    }

    static func read(path: String) -> Contents {
        var out = Contents()
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return out }
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if f.first == "start", f.count == 3 {
                out.unfinished = f[1]
                out.unfinishedSince = Double(f[2])
            }
            if f.first == "done", f.count == 3, let ms = Double(f[2]) {
                out.frames.append((f[1], ms))
                out.unfinished = nil
                out.unfinishedSince = nil
            }
        }
        return out
    }
}
