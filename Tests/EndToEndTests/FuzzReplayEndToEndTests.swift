import Foundation
import Testing

/// The fuzz targets (`.ci/fuzz` runs them under libFuzzer) built as the replay tool: every target takes
/// hostile inputs of each kind and returns, so a crash libFuzzer finds can be replayed and kept as a test.
enum FuzzReplay {
    /// `trustmap-fuzz`, built beside `trustmap`.
    static let binary: String? = EndToEnd.binary.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("trustmap-fuzz").path }
        .flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
}

@Suite("Fuzz targets: replay", .enabled(if: FuzzReplay.binary != nil, "skipped: trustmap-fuzz was not built beside the tests"))
struct FuzzReplayEndToEndTests {
    static let inputs: [String: [UInt8]] = [
        "empty": [],
        "nul": [0],
        "deep": Array(String(repeating: "[", count: 100_000).utf8),
        "aliases": Array("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n".utf8),
        "utf16": [0xFF, 0xFE] + Array("{\"a\":1}".utf8).flatMap { [$0, 0] },
        "gzip-truncated": [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xAB],
        "duplicate-keys": Array(#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}"#.utf8),
        "policy": Array(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:*","Condition":{"StringLike":{"aws:PrincipalArn":"*****************************************?"}}}]}"#.utf8),
        "records": Array(#"{"Records":[1, "x", null, {"eventName":"AssumeRole","eventTime":"nope"}]}"#.utf8),
        // Found by `.ci/fuzz 120 simulate-args`: `--at` with epoch seconds past Int64 trapped.
        "fuzz-simulate-args-at-overflow": Array(Data(base64Encoded: "LS1wcmluY2lwYWwgMSAtLWF0IDIwMjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2IDY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Njc2NjY2NjY2NjY2Ni0wMS0wMgEAMzA0ZC0tcA==")!),
        "words": Array("--principal --role= --mfa=1 --session-tag = --context =x --at 9999-99-99 --source-ip ::::: --duration 99999999999999999999".utf8),
    ]

    @Test("every target returns on every hostile input", arguments: ["json", "yaml", "gzip", "policy", "cloudtrail", "simulate-args"])
    func replay(target: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-fuzz-\(getpid())-\(target)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [String] = []
        for (name, bytes) in Self.inputs.sorted(by: { $0.key < $1.key }) {
            let url = dir.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            files.append(url.path)
        }
        let r = Spawn.run([try #require(FuzzReplay.binary), target] + files)
        #expect(r.status == 0, "\(r.output)")
        let replayed = r.output.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count
        #expect(replayed == files.count, "\(r.output)")
    }
}
