import Foundation
@testable import Inventory
import PolicyEngine
import Testing

/// Inventories come from other people: what they hold must never load as "usable and clean" when nothing
/// was read, never grow memory out of proportion to the file, and never hang. Every hostile input here is
/// generated in a temporary folder.
@Suite("hostile inputs")
struct HostileInputTests {
    private final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-hostile-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        @discardableResult
        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
            return file.path
        }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    private static let inventory = """
        version: 1
        accounts:
          - { id: "111111111111", name: prod }
        roles:
          - arn: arn:aws:iam::111111111111:role/Audit
            trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: { AWS: "arn:aws:iam::222222222222:root" }, Action: "sts:AssumeRole" } ] }

        """

    private static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let (hi, lo) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    /// A gzip member holding `bytes` in stored blocks (no compression: enough to wrap anything).
    private static func gzipStored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        var i = 0
        repeat {
            let n = min(65535, bytes.count - i)
            out.append(i + n == bytes.count ? 1 : 0)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += bytes[i..<(i + n)]
            i += n
        } while i < bytes.count
        let crc = CRC32.checksum(bytes[...])
        let size = UInt32(truncatingIfNeeded: bytes.count)
        for v in [crc, size] { out += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        return out
    }

    /// `count` zero bytes as one fixed-Huffman DEFLATE member: one literal, then copies of 258 at distance 1.
    private static func gzipZeros(_ count: Int) -> [UInt8] {
        var bits: [Bool] = []
        func put(_ value: Int, _ n: Int) { for k in 0..<n { bits.append(value >> k & 1 == 1) } }
        func code(_ value: Int, _ n: Int) { for k in stride(from: n - 1, through: 0, by: -1) { bits.append(value >> k & 1 == 1) } }
        put(1, 1); put(1, 2)                       // final block, fixed Huffman
        code(0x30, 8)                              // literal 0
        var left = count - 1
        while left >= 258 {
            code(0b1100_0101, 8)                   // length 258 (symbol 285)
            code(0, 5)                             // distance 1
            left -= 258
        }
        for _ in 0..<left { code(0x30, 8) }
        code(0, 7)                                 // end of block
        var data: [UInt8] = []
        var byte: UInt8 = 0
        for (k, b) in bits.enumerated() {
            if b { byte |= 1 << UInt8(k % 8) }
            if k % 8 == 7 { data.append(byte); byte = 0 }
        }
        if bits.count % 8 != 0 { data.append(byte) }
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF] + data
        let crc = CRC32.checksum([UInt8](repeating: 0, count: count)[...])
        for v in [crc, UInt32(truncatingIfNeeded: count)] { out += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        return out
    }

    // MARK: - Failing open

    @Test("an empty file, one NUL byte, whitespace or gzip inside gzip named alone is an error naming the file and why")
    func nothingUsable() throws {
        let folder = try Folder()
        let cases: [(String, [UInt8], String)] = [
            ("empty.json", [], "the file is empty"),
            ("nul.json", [0], "the file holds a NUL byte at byte 0: binary data, not text"),
            ("blank.yaml", Array("  \n\t\n".utf8), "the file holds only whitespace"),
            ("twice.json.gz", Self.gzipStored(Self.gzipStored(Array(Self.inventory.utf8))),
             "the file is gzip inside gzip (compressed twice); trustmap removes one layer: decompress it once with gunzip and load the result"),
            ("utf16-nobom.json", Array("{\"a\": 1}".utf8).flatMap { [$0, 0] }, "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"),
        ]
        for (name, bytes, reason) in cases {
            let path = try folder.write(name, bytes)
            let report = InventoryLoader.load(paths: [path])
            #expect(!report.isUsable, "\(name)")
            #expect(report.errors == [
                LoadDiagnostic(file: path, message: "skipped: \(reason)"),
                LoadDiagnostic(file: path, message: "nothing usable was loaded from '\(path)': its only file was skipped; there is no inventory to analyse"),
            ], "\(name)")
        }
    }

    @Test("a folder where nothing is recognised fails closed and lists every file with its reason; one good file is enough")
    func folderOfNothing() throws {
        let folder = try Folder()
        try folder.write("notes.txt", Array("remember the milk".utf8))
        try folder.write("empty.json", [])
        var report = InventoryLoader.load(paths: [folder.url.path])
        #expect(report.errors.map(\.message) == [
            "skipped: the file is empty",
            "skipped: not a recognised inventory input (native inventory, AWS IAM/Organizations/CloudTrail export)",
            "nothing usable was loaded from '\(folder.url.path)': all 2 files were skipped; there is no inventory to analyse",
        ])
        try folder.write("inventory.yaml", Array(Self.inventory.utf8))
        report = InventoryLoader.load(paths: [folder.url.path])
        #expect(report.isUsable, "\(report.errors)")
        #expect(report.inventory.roles.count == 1)
        let empty = try Folder()
        report = InventoryLoader.load(paths: [empty.url.path])
        #expect(report.errors.map(\.message) == ["nothing usable was loaded from '\(empty.url.path)': no files were found; there is no inventory to analyse"])
    }

    @Test("the embedded demo (no inventory named) still loads")
    func demo() {
        #expect(InventoryLoader.loadDemo().isUsable)
    }

    @Test("UTF-16 LE and BE with a byte-order mark, and UTF-8 with one, read like UTF-8 (YAML and JSON)")
    func encodings() throws {
        let folder = try Folder()
        let json = #"{"version": 1, "accounts": [{"id": "111111111111", "name": "prød"}]}"#
        let inputs: [(String, [UInt8])] = [
            ("le.yaml", Self.utf16(Self.inventory, bigEndian: false)),
            ("be.yaml", Self.utf16(Self.inventory, bigEndian: true)),
            ("bom.yaml", [0xEF, 0xBB, 0xBF] + Array(Self.inventory.utf8)),
            ("le.json", Self.utf16(json, bigEndian: false)),
            ("bom.json", [0xEF, 0xBB, 0xBF] + Array(json.utf8)),
        ]
        for (name, bytes) in inputs {
            let report = InventoryLoader.load(paths: [try folder.write(name, bytes)])
            #expect(report.isUsable, "\(name): \(report.errors)")
            #expect(report.inventory.accounts.first?.id == "111111111111", "\(name)")
        }
        #expect(InventoryLoader.load(paths: [folder.path("le.json")]).inventory.accounts.first?.name == "prød")
        // Positions are counted in the transcoded text: line 2, column 9 is where the bad id starts.
        let bad = try folder.write("bad.yaml", Self.utf16("version: 1\naccounts:\n  - { id: \"12\" }\n", bigEndian: false))
        #expect(InventoryLoader.load(paths: [bad]).errors.map(\.line) == [3])
        let lone = try folder.write("lone.yaml", [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00])
        #expect(InventoryLoader.load(paths: [lone]).errors.first?.message == "skipped: the file is UTF-16 LE text with a lone surrogate at byte 2: it is corrupt")
    }

    // MARK: - Unbounded memory

    @Test("nested YAML aliases ('billion laughs') stop at the alias limit with the place, the limit and the flag")
    func billionLaughs() throws {
        var yaml = "version: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = Array("abcdefghi")
        for k in 1..<names.count {
            yaml += "\(names[k]): &\(names[k]) [" + Array(repeating: "*\(names[k - 1])", count: 9).joined(separator: ",") + "]\n"
        }
        let report = InventoryLoader.load(text: yaml, fileName: "laughs.yaml")
        #expect(report.errors.count == 1)
        let e = try #require(report.errors.first)
        #expect(e.line != nil && e.column != nil)
        #expect(e.message.contains("more than 1000000 nodes"))
        #expect(e.message.contains("--max-yaml-alias-nodes"))
        // A modest use of aliases is fine, and counted: three nodes repeated twice is six.
        let modest = """
            version: 1
            accounts:
              - &prod { id: "111111111111", name: prod }
            tags: [*prod, *prod]
            """
        let ok = InventoryLoader.load(text: modest, fileName: "ok.yaml")
        #expect(ok.errors.isEmpty, "\(ok.errors)")
        var tight = LoadLimits.default
        tight.maxYAMLAliasNodes = 5
        let folder = try Folder()
        let path = try folder.write("ok.yaml", Array(modest.utf8))
        #expect(InventoryLoader.load(paths: [path], limits: tight).errors.first?.message.contains("more than 5 nodes") == true)
        tight.maxYAMLAliasNodes = 10
        #expect(InventoryLoader.load(paths: [path], limits: tight).errors.isEmpty)
    }

    @Test("a gzip bomb stops at the ratio limit, and at the absolute one, each naming its flag")
    func gzipBomb() throws {
        let folder = try Folder()
        let bomb = Self.gzipZeros(4 << 20)
        #expect(bomb.count < 30_000, "4 MiB of zeros in under 30 KB")
        let path = try folder.write("zeros.json.gz", bomb)
        var limits = LoadLimits.default
        limits.inflateRatioFloorBytes = 1 << 20
        var report = InventoryLoader.load(paths: [path], limits: limits)
        var message = try #require(report.errors.first?.message)
        #expect(message.hasPrefix("the file inflates to more than 100 times its compressed size"))
        #expect(message.contains("--max-inflate-ratio"))
        limits.maxInflateRatio = 10_000
        limits.maxInputBytes = 2 << 20
        report = InventoryLoader.load(paths: [path], limits: limits)
        message = try #require(report.errors.first?.message)
        #expect(message == "the file inflates to more than 2 MiB, the limit on one input; raise it with --max-input-size (a gzip bomb?)")
        // Within the limits it inflates (and is then binary: zeros).
        limits.maxInputBytes = 8 << 20
        report = InventoryLoader.load(paths: [path], limits: limits)
        #expect(report.errors.first?.message == "skipped: the file holds a NUL byte at byte 0: binary data, not text")
        #expect(throws: Gzip.Problem(message: "the inflated data exceeds the limit", limitExceeded: true)) { try Gzip.decompress(bomb, limit: 1000) }
    }

    @Test("a file larger than --max-input-size is an error naming the limit; a large unrelated file in a folder is skipped after its first bytes")
    func largeFiles() throws {
        let folder = try Folder()
        var limits = LoadLimits.default
        limits.maxInputBytes = 1000
        let big = try folder.write("big.json", Array("{\"version\": 1, \"name\": \"\(String(repeating: "x", count: 2000))\"}".utf8))
        #expect(InventoryLoader.load(paths: [big], limits: limits).errors.first?.message
                == "the file is 1.9 KiB, larger than the limit of 1000 bytes on one input; raise it with --max-input-size")
        // In a folder, 200 KiB of text that is neither JSON nor YAML with a known key is not read past 64 KiB.
        let sub = try Folder()
        try sub.write("inventory.yaml", Array(Self.inventory.utf8))
        try sub.write("notes.log", Array(String(repeating: "2026-12-06 12:00:00 INFO nothing to see\n", count: 5000).utf8))
        try sub.write("blob.bin", [0] + [UInt8](repeating: 7, count: 100_000))
        let report = InventoryLoader.load(paths: [sub.url.path])
        #expect(report.isUsable)
        let reasons = Dictionary(uniqueKeysWithValues: report.files.map { (($0.path as NSString).lastPathComponent, $0.reason) })
        #expect(reasons["notes.log"] == "not recognised: neither JSON, gzip, nor YAML with a top-level key trustmap reads (only its first 64 KiB of 195.3 KiB were read)")
        #expect(reasons["blob.bin"] == "the file holds a NUL byte at byte 0: binary data, not text (only its first 64 KiB of 97.6 KiB were read)")
        // A large YAML inventory in a folder is still recognised from its first bytes.
        var large = Self.inventory + "users:\n"
        for i in 0..<3000 { large += "  - arn: arn:aws:iam::111111111111:user/u\(i)\n" }
        try sub.write("large.yaml", Array(large.utf8))
        #expect(InventoryLoader.load(paths: [sub.url.path]).inventory.users.count == 3000)
        #expect(InputSniffer.rejection(of: Array("{\"x\": 1".utf8)) == nil)
        #expect(InputSniffer.rejection(of: Array("---\nRecords:\n".utf8)) == nil)
        #expect(InputSniffer.rejection(of: [0x1F, 0x8B, 8]) == nil)
    }

    @Test("size flags: 512M, 2G and plain bytes parse; nonsense does not")
    func sizes() {
        #expect(LoadLimits.parseSize("512M") == 512 << 20)
        #expect(LoadLimits.parseSize("2g") == 2 << 30)
        #expect(LoadLimits.parseSize("1048576") == 1 << 20)
        #expect(LoadLimits.parseSize("") == nil)
        #expect(LoadLimits.parseSize("-1") == nil)
        #expect(LoadLimits.parseSize("12MiB") == nil)
        #expect(LoadLimits.parseSize("99999999999999999999G") == nil)
        #expect(LoadLimits.describe(bytes: 1 << 30) == "1 GiB")
        #expect(LoadLimits.describe(bytes: 1536) == "1.5 KiB")
    }

    // MARK: - Hangs

    @Test("a FIFO named x.json is never opened: an error when named, a warning in a folder")
    func fifo() throws {
        let folder = try Folder()
        try folder.write("inventory.yaml", Array(Self.inventory.utf8))
        let fifo = folder.path("x.json")
        #expect(mkfifo(fifo, 0o600) == 0)
        let named = InventoryLoader.load(paths: [fifo])
        #expect(named.errors == [LoadDiagnostic(file: fifo, message: "not a regular file or folder but a FIFO (named pipe); trustmap reads regular files and folders only")])
        let report = InventoryLoader.load(paths: [folder.url.path])
        #expect(report.isUsable)
        #expect(report.warnings.contains(LoadDiagnostic(file: fifo, message: "not a regular file but a FIFO (named pipe); skipped without opening it")))
        #expect(report.files.first { $0.path == fifo }?.status == .skipped)
    }

    @Test("files nested past the system's path limit are reported, not silently missing")
    func deepFolders() throws {
        let folder = try Folder()
        try folder.write("inventory.yaml", Array(Self.inventory.utf8))
        // Made one level at a time relative to the folder above (the whole path is too long to name at once;
        // the working directory is left alone, other tests run beside this one).
        let levels = InputCollector.pathMax / 9 + 2
        var fds: [Int32] = [open(folder.url.path, O_RDONLY | O_DIRECTORY)]
        for _ in 0..<levels {
            #expect(mkdirat(fds.last!, "deepdeep", 0o700) == 0)
            fds.append(openat(fds.last!, "deepdeep", O_RDONLY | O_DIRECTORY))
        }
        let file = openat(fds.last!, "inventory.yaml", O_WRONLY | O_CREAT, 0o600)
        _ = Array(Self.inventory.utf8).withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        close(file)
        let report = InventoryLoader.load(paths: [folder.url.path])
        #expect(report.isUsable)
        #expect(report.warnings.contains { $0.message.contains("longer than the system's limit of \(InputCollector.pathMax - 1)") })
        unlinkat(fds.last!, "inventory.yaml", 0)
        while fds.count > 1 {
            close(fds.removeLast())
            unlinkat(fds.last!, "deepdeep", AT_REMOVEDIR)
        }
        close(fds[0])
    }

    // MARK: - Silent loss

    @Test("JSON duplicate keys are an error with both places, as YAML's are (a second roles list no longer drops every role)")
    func duplicateKeys() {
        let json = """
            {"version": 1, "roles": [{"arn": "arn:aws:iam::111111111111:role/A",
              "trustPolicy": {"Version": "2012-10-17", "Statement": []}}],
             "roles": []}
            """
        let report = InventoryLoader.load(text: json, fileName: "dup.json")
        #expect(report.errors == [LoadDiagnostic(file: "dup.json", line: 3, column: 2, message: "JSON syntax error: duplicate key 'roles' in one object, first at line 1, column 16 and again at line 3, column 2; each key may appear once")])
        // Inside a policy given as a string, too.
        let inString = #"{"RoleDetailList": [{"Arn": "arn:aws:iam::111111111111:role/A", "AssumeRolePolicyDocument": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}]}"}]}"#
        let r2 = InventoryLoader.load(text: inString, fileName: "gaad.json")
        #expect(r2.errors.contains { $0.message.contains("duplicate key 'Effect'") }, "\(r2.errors)")
    }

    @Test("a list-accounts file with one bad entry keeps the good ones and warns about the bad one at its place")
    func listAccountsBadEntry() throws {
        let json = """
            {"Accounts": [
              {"Id": "111111111111", "Name": "prod", "Arn": "arn:aws:organizations::999999999999:account/o-abc/111111111111"},
              {"Id": "12", "Name": "broken"},
              {"Name": "no id"},
              "not an account",
              {"Id": "222222222222", "Name": "dev"}
            ]}
            """
        let report = InventoryLoader.load(text: json, fileName: "accounts.json")
        #expect(report.isUsable, "\(report.errors)")
        #expect(report.files.map(\.kind) == ["organizations-accounts"])
        #expect(report.inventory.accounts.filter(\.isListed).map(\.id) == ["111111111111", "222222222222"])
        #expect(report.warnings.map(\.line) == [3, 4, 5])
        #expect(report.warnings.map(\.field) == ["Accounts[1].Id", "Accounts[2].Id", "Accounts[3]"])
        #expect(report.warnings.allSatisfy { $0.message.hasSuffix("; this entry is skipped, the other accounts load") })
    }

    @Test("CloudTrail records and lookup events that are not objects are warned about, not dropped in silence")
    func cloudTrailNonObjects() {
        let records = """
            {"Records": [
              {"eventSource": "sts.amazonaws.com", "eventName": "AssumeRole", "eventTime": "2026-11-01T00:00:00Z",
               "userIdentity": {"arn": "arn:aws:iam::111111111111:user/a"}, "requestParameters": {"roleArn": "arn:aws:iam::111111111111:role/R"}},
              "garbage", 42
            ]}
            """
        let report = InventoryLoader.load(text: records, fileName: "trail.json")
        #expect(report.inventory.observedEvents.count == 1)
        #expect(report.warnings.map(\.field) == ["Records[1]", "Records[2]"])
        #expect(report.warnings.map(\.message) == [
            "expected a CloudTrail record (an object), found a string; it is skipped",
            "expected a CloudTrail record (an object), found a number; it is skipped",
        ])
        let lookup = #"{"Events": [{"CloudTrailEvent": 7}, null, {"EventName": "x", "CloudTrailEvent": "{}"}]}"#
        let r2 = InventoryLoader.load(text: lookup, fileName: "lookup.json")
        #expect(r2.files.map(\.kind) == ["cloudtrail-lookup-events"])
        #expect(r2.warnings.map(\.field) == ["Events[0].CloudTrailEvent", "Events[1]"])
    }

    // MARK: - Quadratic corners

    @Test("10,000 unknown keys in one YAML mapping: each warned about at its own line (placed in one walk)")
    func manyUnknownYAMLKeys() {
        var yaml = "version: 1\n"
        for i in 0..<10_000 { yaml += "unknown\(i): \(i)\n" }
        let report = InventoryLoader.load(text: yaml, fileName: "keys.yaml")
        #expect(report.isUsable)
        #expect(report.warnings.count == 10_000)
        #expect(report.warnings.map(\.line) == (0..<10_000).map { $0 + 2 })
        #expect(report.warnings.last?.field == "unknown9999")
    }

    @Test("a trust policy above IAM's default quota of 2,048 characters is warned about with its size; above 4,096 it says IAM would not store it")
    func trustPolicySize() throws {
        func inventory(principals: Int) -> String {
            let list = (0..<principals).map { #""arn:aws:iam::\#(String(200_000_000_000 + $0)):root""# }.joined(separator: ", ")
            return #"{"version": 1, "roles": [{"arn": "arn:aws:iam::111111111111:role/Big", "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": [\#(list)]}, "Action": "sts:AssumeRole"}]}}]}"#
        }
        // Each principal is 32 characters with its quotes, and a comma; the rest of the policy is 106.
        #expect(InventoryLoader.load(text: inventory(principals: 55), fileName: "small.json").warnings.isEmpty)
        let medium = InventoryLoader.load(text: inventory(principals: 100), fileName: "medium.json")
        let warning = try #require(medium.warnings.first)
        #expect(warning.field == "roles[0].trustPolicy")
        #expect(warning.message == "this trust policy is 3,405 characters (not counting white space), above IAM's default quota of 2,048 for a role trust policy; IAM stores it only where the account's quota was raised (at most 4,096)")
        let large = InventoryLoader.load(text: inventory(principals: 100_000), fileName: "large.json")
        #expect(large.inventory.roles.count == 1)
        #expect(large.warnings.map(\.message) == ["this trust policy is more than 4,096 characters (not counting white space), above the most IAM allows for a role trust policy even with a raised quota (4,096; default 2,048): IAM would not store it, so this input is not what IAM holds"])
        // The count is the compact JSON's, white space left out wherever it is.
        let policy = try JSONParser.parse(#"{"Version": "2012-10-17", "Statement": [{"Sid": "a b", "Effect": "Allow"}], "x": [null, true, 1.5, "\""]}"#)
        #expect(PolicySize.characters(of: policy, stoppingAfter: 10_000) == #"{"Version":"2012-10-17","Statement":[{"Sid":"ab","Effect":"Allow"}],"x":[null,true,1.5,"\""]}"#.count)
        let tricky = try JSONParser.parse(#"{"a": "\u0001\u0002\"\\", "b": ["é", null, false]}"#)
        for v in [policy, tricky] {
            #expect(PolicySize.upperBound(of: v, stoppingAfter: 10_000) >= PolicySize.characters(of: v, stoppingAfter: 10_000))
        }
        #expect(PolicySize.characters(of: tricky, stoppingAfter: 10_000) == #"{"a":"\u0001\u0002\"\\","b":["é",null,false]}"#.count)
        #expect(2048.formatted == "2,048" && 100.formatted == "100" && 1_000_000.formatted == "1,000,000")
    }
}
