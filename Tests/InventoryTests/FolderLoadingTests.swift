import Foundation
import Inventory
import Testing

/// Folders: every file below, in sorted order, recognised by content; the rest listed as skipped.
@Suite("folders")
struct FolderLoadingTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-folder-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    @Test("files below a folder load recursively in sorted order; unrecognised ones are listed as skipped, never fatal")
    func recursive() throws {
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let dir = try folder([
            "b/prod.json": #"{"RoleDetailList": [{"Arn": "arn:aws:iam::111111111111:role/B", "AssumeRolePolicyDocument": \#(trust)}]}"#,
            "a/dev.json": #"{"RoleDetailList": [{"Arn": "arn:aws:iam::222222222222:role/A", "AssumeRolePolicyDocument": \#(trust)}]}"#,
            "notes.txt": "remember the milk",
            "other.json": #"{"something": "else"}"#,
            "broken.txt": "{ not json",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = InventoryLoader.load(paths: [dir.path])
        #expect(report.isUsable)
        #expect(report.warnings.isEmpty)
        let relative = report.files.map { String($0.path.dropFirst(dir.path.count + 1)) }
        #expect(relative == ["a/dev.json", "b/prod.json", "broken.txt", "notes.txt", "other.json"])
        #expect(report.files.map(\.status) == [.loaded, .loaded, .skipped, .skipped, .skipped])
        #expect(report.inventory.roles.map(\.arn) == ["arn:aws:iam::111111111111:role/B", "arn:aws:iam::222222222222:role/A"], "sorted by ARN")
    }

    @Test("a broken .json file in a folder is an error with its position")
    func brokenJSON() throws {
        let dir = try folder(["dump.json": "{\"RoleDetailList\": [\n  }"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = InventoryLoader.load(paths: [dir.path])
        #expect(!report.isUsable)
        #expect(report.errors.map(\.line) == [2])
        #expect(report.errors.first?.message.hasPrefix("JSON syntax error:") == true)
    }

    @Test("a path that does not exist is an error naming it")
    func missing() {
        let report = InventoryLoader.load(paths: ["/nonexistent/trustmap/inventory.yaml"])
        #expect(report.errors == [LoadDiagnostic(file: "/nonexistent/trustmap/inventory.yaml", message: "no such file or folder")])
    }
}
