import Foundation

// TEMPORARY (load profiling): phase marks on stderr when TRUSTMAP_LOAD_TRACE is set.
enum LoadTrace {
    nonisolated(unsafe) static var last = ContinuousClock.now
    static let on = ProcessInfo.processInfo.environment["TRUSTMAP_LOAD_TRACE"] != nil
    static func mark(_ label: String) {
        guard on else { return }
        let now = ContinuousClock.now
        let d = now - last
        last = now
        let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        FileHandle.standardError.write(Data("  [\(label)] \(Int(ms)) ms\n".utf8))
    }
}
