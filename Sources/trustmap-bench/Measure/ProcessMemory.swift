import Foundation

/// Resident memory of this process, from /proc/self/status (Linux).
///
/// `VmHWM` is the peak resident set since the process started or since the last reset; writing `5`
/// to /proc/self/clear_refs resets it to the current resident set (Linux ≥ 4.0). The benchmark runs
/// each size in its own child process so the first peak it reads is that size's alone.
enum ProcessMemory {
    /// Peak resident set in bytes, nil where /proc is unavailable.
    static func peakResidentBytes() -> Int? { field("VmHWM") }

    /// Current resident set in bytes.
    static func residentBytes() -> Int? { field("VmRSS") }

    /// Starts a new peak from the current resident set; false when the kernel refuses.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: Data("5".utf8)); return true } catch { return false }
    }

    private static func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
