import Foundation
@testable import Inventory
import Testing

/// Fixtures made with Python's gzip module (mtime 0): a fixed-Huffman member, a dynamic-Huffman
/// member, a stored (level 0) member, and two members concatenated.
@Suite("gzip and DEFLATE")
struct GzipTests {
    private func bytes(_ base64: String) -> [UInt8] { [UInt8](Data(base64Encoded: base64)!) }

    @Test("a fixed-Huffman member inflates to its text")
    func fixed() throws {
        let out = try Gzip.decompress(bytes("H4sIAAAAAAAC/6tWCkpNzi9KKVayUoiOreUCAGQN3u8QAAAA"))
        #expect(String(decoding: out, as: UTF8.self) == "{\"Records\": []}\n")
    }

    @Test("a stored (uncompressed) member inflates to its text")
    func stored() throws {
        let out = try Gzip.decompress(bytes("H4sIAAAAAAAA/wEQAO//eyJSZWNvcmRzIjogW119CmQN3u8QAAAA"))
        #expect(String(decoding: out, as: UTF8.self) == "{\"Records\": []}\n")
    }

    @Test("a dynamic-Huffman member with back-references inflates byte for byte")
    func dynamic() throws {
        let out = try Gzip.decompress(bytes(Self.dynamicFixture))
        var expected = #"{"Version":"2012-10-17","Statement":["#
        expected += (0..<60).map { i in
            let account = String(i * 7919)
            let padded = String(repeating: "0", count: 12 - account.count) + account
            return #"{"Sid":"S\#(i)","Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::\#(padded):role/R\#(i)"}"#
        }.joined(separator: ",")
        expected += "]}"
        #expect(out.count == 6318)
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }

    @Test("concatenated members form one stream")
    func members() throws {
        let out = try Gzip.decompress(bytes("H4sIAAAAAAAC/8tIzcnJVwAA9vmB7QYAAAAfiwgAAAAAAAL/K88vykkBAEMRdzoFAAAA"))
        #expect(String(decoding: out, as: UTF8.self) == "hello world")
    }

    @Test("a corrupted member is refused by its CRC, not returned as garbage")
    func corrupt() {
        var b = bytes("H4sIAAAAAAAC/6tWCkpNzi9KKVayUoiOreUCAGQN3u8QAAAA")
        b[b.count - 8] ^= 0xFF
        #expect(throws: Gzip.Problem.self) { try Gzip.decompress(b) }
    }

    @Test("a truncated member is an error, never a crash")
    func truncated() {
        let b = bytes(Self.dynamicFixture)
        for cut in [10, 20, 100, 400, b.count - 4] {
            #expect(throws: Gzip.Problem.self) { try Gzip.decompress(Array(b.prefix(cut))) }
        }
    }

    @Test("a .gz file loads by its content, whatever its name")
    func loadsByContent() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(bytes("H4sIAAAAAAAC/6tWCkpNzi9KKVayUoiOreUCAGQN3u8QAAAA")).write(to: dir.appendingPathComponent("trail.log"))
        let report = InventoryLoader.load(paths: [dir.path])
        #expect(report.files.map(\.kind) == ["cloudtrail"])
        #expect(report.isUsable)
    }

    static let dynamicFixture = "H4sIAAAAAAAC/63Yy2rjQBCF4XfROmG6bn3Rzot5gQRmM8zCZBQIJDFYDlmEvPtUMiqj2h8vLZkfY/enrv6Yfi3n9en0Os0TF+JbKrfUppvp/nK8LC/L62Waf39M909//Yb74hd+Pj4uD/7udHh+Pr37G4eHy//Pr5d1Pqzr28tyd3pe/Mrdsp7ezg+LXzueX+fj+zo/HV/muexe89nv/XFXps+ba4awmTZobBnaZxiaIevStwzvMwLNsDRrW0b2GYVmhGqrW0b3GcNmhg3bMrbPVGhGm5FumbrPNGjGTEW2TNtnOjRTRYy3TN9nBjTTiBttmZGWJ5aBr+UZDFB2AAtBb1SuECQJCEvBsMJBASULCIoBFR4aGFDSgKAcEJVegwNKHpBhQ731AIGSCAQlgbi2EiRQMoGgKJBo5UCBkgoEZYGUTYMFSi4QFAayojVgoCQDF2zIn6ghAycZGCoD1cojZOC8R4DKQE2ZrpuEJANjZehMEjJwkoGxMgx/7IUMnGRgrAyjjRYycJKBoTJwsT5CBk4yMFQG/4U6hQycZGCoDMzUJGTgJAMPbGhUCxk4ySBQGb43wSGDJBkEKgOraQ8ZJMkgUBnYREvIIHl+gMrAlYSvA0SSQRQbGqwhgyQZBCoDt0Y1ZJAkg2Bl6FZ6yCBJBsHKMMRHowglGQQqg2cGhwySZJCBDfWuIYMkGRQqw/fcGjJokkGhMoj/uVvIoEkGhcogwjZCBk0yKFQGB8goZNB8tqDYUFe5Hi4kGRQqg1gVCxk0yaBQGaQqt5BBkwwKlUEa0wgZNMmgWBm6z2IhgyYZFCtD775oI5RkMKwMX0dNIYMlGQwqg/p3qiGDJRkMKoMStR4yWJLBBBsarYQMlmQwqAy+iiqHDJbPHaEyqLug14PHJINBZVD1+T9ksCSDQWVQ83EiZLAkg3VsyHcnIYMlGQwqgz9ffXKJkMvw5/MfB1qTiq4YAAA="
}
