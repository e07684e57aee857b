import Foundation
import TerminalUI
import Testing

/// Snapshot of a frame: its text and, below it, its style map (one role letter per cell).
///
/// A missing snapshot is recorded (and the test says so); under CI a missing snapshot fails,
/// so CI never silently records. Set `TRUSTMAP_RECORD=1` to re-record after an intended change.
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let dir = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = dir.appendingPathComponent(name + ".txt")
    let actual = "\(buffer.width)x\(buffer.height)\n" + buffer.text + "\n--- styles ---\n" + buffer.styleMap + "\n"
    let env = ProcessInfo.processInfo.environment
    let record = env["TRUSTMAP_RECORD"] == "1"
    if !record, let expected = try? String(contentsOf: file, encoding: .utf8) {
        if expected != actual {
            Issue.record("snapshot \(name) differs (TRUSTMAP_RECORD=1 re-records):\n--- expected\n\(expected)\n--- actual\n\(actual)", sourceLocation: sourceLocation)
        }
        return
    }
    if env["CI"] == "true" && !record {
        Issue.record("snapshot \(name) is missing; record it locally with swift test", sourceLocation: sourceLocation)
        return
    }
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try? actual.write(to: file, atomically: true, encoding: .utf8)
    print("recorded snapshot \(name)")
}
