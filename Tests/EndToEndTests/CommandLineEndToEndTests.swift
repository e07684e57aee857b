import Foundation
import Testing

/// Every scripted command of cli.md run as the built binary: exit codes (0/1/2/64/65), what goes to
/// standard output and what to standard error, and the JSON and SARIF shapes. The embedded demo needs
/// no inventory argument; other inventories are small files written to a temporary folder.
@Suite("Command line, end to end", .enabled(if: EndToEnd.binary != nil, "skipped: the trustmap binary was not found beside the tests"))
struct CommandLineEndToEndTests {
    static let vendorRole = "arn:aws:iam::111100000004:role/observa-integration"
    static let vendorCaller = "arn:aws:iam::222200000001:role/observa"
    static let rightExternalId = "5f0c2a9e-7b41-4e8d-a3c6-91d2e8b47f10"
    static let hostileName = "x\u{1B}[2J\u{1B}[HNo findings.\u{1B}[8m"

    static func trustmap(_ arguments: String..., in directory: String? = nil) -> Spawn.Captured {
        Spawn.capture([EndToEnd.binary ?? "trustmap"] + arguments, in: directory)
    }

    static func json(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any], "not a JSON object: \(text.prefix(200))", sourceLocation: sourceLocation)
    }

    /// A fresh folder holding the given files.
    static func folder(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "trustmap-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    static let brokenInventory = """
        version: 1
        accounts:
          - { id: "111111111111", name: prod }
        roles:
          - arn: arn:aws:iam::111111111111:role/Audit
            maxSessionDuration: lots
            trustPolicy: {"Version":"2012-10-17","Statement":[]}
        """

    static let hostileInventory = #"""
        version: 1
        accounts: [{ id: "111111111111", name: prod }]
        roles:
          - arn: "arn:aws:iam::111111111111:role/x\e[2J\e[HNo findings.\e[8m"
            trustPolicy: {"Version":"2012-10-17","Statement":[{"Sid":"Open","Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}
        """#

    // MARK: simulate

    @Test("simulate: allowed exits 0, denied 1, invalid 2; the answer on stdout, nothing on stderr")
    func simulateDecisions() {
        let allowed = Self.trustmap("simulate", "--principal", Self.vendorCaller, "--role", Self.vendorRole, "--external-id", Self.rightExternalId)
        #expect(allowed.status == 0)
        #expect(allowed.stdout.hasPrefix("ALLOWED"))
        #expect(allowed.stderr.isEmpty)
        #expect(!allowed.stdout.contains(Self.rightExternalId), "the external ID is masked")

        let denied = Self.trustmap("simulate", "--principal", Self.vendorCaller, "--role", Self.vendorRole, "--external-id", "wrong-id-000")
        #expect(denied.status == 1)
        #expect(denied.stdout.hasPrefix("DENIED"))
        #expect(denied.stderr.isEmpty)

        let invalid = Self.trustmap("simulate", "--principal", Self.vendorCaller, "--role", Self.vendorRole, "--duration", "10")
        #expect(invalid.status == 2)
        #expect(invalid.stdout.hasPrefix("INVALID"))
        #expect(invalid.stderr.isEmpty)
    }

    @Test("simulate --format json: one object with the decision, a tagged reason, the steps and hints")
    func simulateJSON() throws {
        let r = Self.trustmap("simulate", "--principal", Self.vendorCaller, "--role", Self.vendorRole, "--external-id", "wrong-id-000", "--format", "json")
        #expect(r.status == 1)
        let o = try Self.json(r.stdout)
        #expect(o["decision"] as? String == "denied")
        #expect((o["reason"] as? String)?.hasPrefix("trust-policy:") == true)
        let steps = try #require(o["steps"] as? [[String: Any]])
        #expect(steps.contains { $0["step"] as? String == "trust-policy" })
        #expect(steps.allSatisfy { $0["outcome"] is String })
        #expect((o["hints"] as? [Any])?.isEmpty == false)
        let request = try #require(o["request"] as? [String: Any])
        #expect(request["role"] as? String == Self.vendorRole)
        #expect(r.stderr.isEmpty)
    }

    @Test("simulate: usage errors exit 64 on stderr; an unusable inventory exits 65 naming file and line")
    func simulateErrors() throws {
        let unknown = Self.trustmap("simulate", "--principal", Self.vendorCaller, "--role", Self.vendorRole, "--bogus")
        #expect(unknown.status == 64)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("--bogus"))

        let noRole = Self.trustmap("simulate", "--principal", Self.vendorCaller)
        #expect(noRole.status == 64)
        #expect(noRole.stderr.contains("--role"))

        let dir = try Self.folder(["broken.yaml": Self.brokenInventory])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let broken = Self.trustmap("simulate", "broken.yaml", "--principal", Self.vendorCaller, "--role", "arn:aws:iam::111111111111:role/Audit", in: dir)
        #expect(broken.status == 65)
        #expect(broken.stdout.isEmpty)
        #expect(broken.stderr.contains("broken.yaml:6:"))
        #expect(broken.stderr.contains("maxSessionDuration"))
    }

    // MARK: findings

    @Test("findings: text by default, json and sarif in their shapes, exit 0")
    func findingsFormats() throws {
        let text = Self.trustmap("findings")
        #expect(text.status == 0)
        #expect(text.stdout.contains("CRITICAL"))
        #expect(text.stdout.hasSuffix(" info\n"))
        #expect(text.stderr.isEmpty)

        let json = Self.trustmap("findings", "--format", "json")
        #expect(json.status == 0)
        let o = try Self.json(json.stdout)
        let findings = try #require(o["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for key in ["rule", "severity", "title", "subject", "evidence", "remediation"] {
            #expect(findings.allSatisfy { $0[key] is String }, "every finding has '\(key)'")
        }
        let summary = try #require(o["summary"] as? [String: Int])
        #expect(Set(summary.keys).isSuperset(of: ["critical", "high", "medium", "low", "info"]))

        let sarif = Self.trustmap("findings", "--format", "sarif")
        #expect(sarif.status == 0)
        let s = try Self.json(sarif.stdout)
        #expect(s["version"] as? String == "2.1.0")
        let run = try #require((s["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.count == findings.count)
        #expect((((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [Any])?.isEmpty == false)
    }

    @Test("findings --fail-on exits 1 when a finding reaches it; a bad severity is a usage error")
    func findingsGate() {
        let gate = Self.trustmap("findings", "--fail-on", "critical", "--format", "json")
        #expect(gate.status == 1)
        #expect(gate.stdout.contains("\"findings\""), "the findings are still printed")
        let filtered = Self.trustmap("findings", "--min-severity", "critical")
        #expect(filtered.status == 0)
        #expect(!filtered.stdout.contains("HIGH ("))
        let bad = Self.trustmap("findings", "--min-severity", "severe")
        #expect(bad.status == 64)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("--min-severity"))
    }

    // MARK: graph

    @Test("graph: DOT, Mermaid and JSON in their shapes; a bad focus or depth exits 64")
    func graphFormats() throws {
        let dot = Self.trustmap("graph")
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph trustmap {\n") && dot.stdout.hasSuffix("}\n"))
        let mermaid = Self.trustmap("graph", "--format", "mermaid", "--focus", Self.vendorRole, "--depth", "1")
        #expect(mermaid.status == 0)
        #expect(mermaid.stdout.hasPrefix("flowchart LR\n"))
        let json = Self.trustmap("graph", "--format", "json")
        #expect(json.status == 0)
        let o = try Self.json(json.stdout)
        let nodes = try #require(o["nodes"] as? [[String: Any]])
        let edges = try #require(o["edges"] as? [[String: Any]])
        let kinds: Set<String> = ["account", "user", "role", "service", "federated", "anyone"]
        #expect(nodes.allSatisfy { ($0["id"] is String) && kinds.contains($0["kind"] as? String ?? "") })
        #expect(edges.allSatisfy { $0["from"] is String && $0["to"] is String && $0["kind"] as? String == "can-assume" && $0["requires"] is [String] })

        let focus = Self.trustmap("graph", "--focus", "arn:aws:iam::999999999999:role/Nope")
        #expect(focus.status == 64)
        #expect(focus.stdout.isEmpty)
        #expect(focus.stderr.contains("no such node"))
        let depth = Self.trustmap("graph", "--depth", "-1")
        #expect(depth.status == 64)
        #expect(depth.stderr.contains("--depth must be 0 or more"))
        #expect(!depth.stderr.contains("Missing value"))
    }

    // MARK: who-can-assume and paths

    @Test("who-can-assume: text and JSON; an unknown role exits 64 on stderr")
    func whoCanAssume() throws {
        let text = Self.trustmap("who-can-assume", Self.vendorRole)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Who can assume \(Self.vendorRole):"))
        let json = Self.trustmap("who-can-assume", Self.vendorRole, "--format", "json")
        let o = try Self.json(json.stdout)
        #expect(o["role"] as? String == Self.vendorRole)
        let assumers = try #require(o["assumers"] as? [[String: Any]])
        #expect(assumers.contains { $0["principal"] as? String == "222200000001" })
        #expect(assumers.allSatisfy { $0["kind"] is String && $0["statement"] is String && $0["requires"] is [String] })
        let unknown = Self.trustmap("who-can-assume", "arn:aws:iam::999999999999:role/Nope")
        #expect(unknown.status == 64)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("no such role"))
    }

    @Test("paths: chains from an account say what was searched; --to cut at --limit says so; bad input exits 64")
    func paths() throws {
        let sandbox = Self.trustmap("paths", "--from", "111100000008")
        #expect(sandbox.status == 0)
        #expect(sandbox.stdout.contains("the search starts at the account and its 5 roles and 1 user"))
        #expect(sandbox.stdout.contains("lead outside the account"))

        let cut = Self.trustmap("paths", "--from", "111100000001", "--to", "arn:aws:iam::111100000008:role/public-demo", "--max-hops", "6", "--limit", "2")
        #expect(cut.status == 0)
        #expect(cut.stdout.contains("Showing the first 2 chains; there are more"))
        let json = Self.trustmap("paths", "--from", "111100000001", "--to", "arn:aws:iam::111100000008:role/public-demo", "--max-hops", "6", "--limit", "2", "--format", "json")
        let o = try Self.json(json.stdout)
        #expect((o["paths"] as? [[String: Any]])?.count == 2)
        #expect(o["truncated"] as? Bool == true)
        let whole = try Self.json(Self.trustmap("paths", "--from", "111100000001", "--format", "json").stdout)
        #expect(whole["truncated"] == nil)
        #expect((whole["paths"] as? [[String: Any]])?.allSatisfy { ($0["hops"] as? [Any])?.isEmpty == false } == true)

        #expect(Self.trustmap("paths", "--from", "nobody").status == 64)
        let hops = Self.trustmap("paths", "--from", "111100000001", "--max-hops", "-1")
        #expect(hops.status == 64)
        #expect(hops.stderr.contains("--max-hops must be 1 or more"))
    }

    // MARK: validate

    @Test("validate: the demo is usable (0); a broken file is not (65), in text and JSON on stdout")
    func validate() throws {
        let demo = Self.trustmap("validate", "--format", "json")
        #expect(demo.status == 0)
        let o = try Self.json(demo.stdout)
        for key in ["files", "accounts", "counts", "warnings", "errors"] { #expect(o[key] != nil, "validate JSON has '\(key)'") }
        #expect(o["usable"] as? Bool == true)
        #expect(((o["counts"] as? [String: Int])?["roles"] ?? 0) > 0)

        let dir = try Self.folder(["broken.yaml": Self.brokenInventory, "notes.txt": "not an inventory"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = Self.trustmap("validate", ".", in: dir)
        #expect(text.status == 65)
        #expect(text.stdout.contains("The inventory is NOT usable"))
        #expect(text.stdout.contains("broken.yaml:6:"))
        let json = Self.trustmap("validate", ".", "--format", "json", in: dir)
        #expect(json.status == 65)
        let b = try Self.json(json.stdout)
        let errors = try #require(b["errors"] as? [[String: Any]])
        #expect(errors.contains { ($0["file"] as? String)?.hasSuffix("broken.yaml") == true && $0["line"] as? Int == 6 })
        let files = try #require(b["files"] as? [[String: Any]])
        #expect(files.contains { ($0["path"] as? String)?.hasSuffix("notes.txt") == true && $0["status"] as? String == "skipped" })
    }

    // MARK: generate

    @Test("generate writes an organization validate accepts; unbounded sizes and a file as --out are usage errors")
    func generate() throws {
        let dir = try Self.folder(["a-file": "x"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = Self.trustmap("generate", "--accounts", "2", "--roles-per-account", "3", "--users-per-account", "1", "--seed", "7", "--out", "org", in: dir)
        #expect(made.status == 0)
        #expect(made.stdout.hasPrefix("wrote org/inventory.json"))
        #expect(FileManager.default.fileExists(atPath: dir + "/org/inventory.json"))
        #expect(Self.trustmap("validate", "org/inventory.json", in: dir).status == 0)

        let huge = Self.trustmap("generate", "--accounts", "99999999999", "--roles-per-account", "1", "--users-per-account", "1", "--seed", "1", "--out", "big", in: dir)
        #expect(huge.status == 64)
        #expect(huge.stderr.contains("between 1 and 10000"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/big"))

        let file = Self.trustmap("generate", "--accounts", "1", "--roles-per-account", "1", "--users-per-account", "1", "--seed", "1", "--out", "a-file", in: dir)
        #expect(file.status == 64)
        #expect(file.stderr.contains("--out a-file is a file, not a folder"))

        let under = Self.trustmap("generate", "--accounts", "1", "--roles-per-account", "1", "--users-per-account", "1", "--seed", "1", "--out", "a-file/sub", in: dir)
        #expect(under.status == 1)
        #expect(under.stderr.contains("a-file is a file, not a folder"))
        #expect(!under.stderr.contains("NSCocoaErrorDomain"))
    }

    // MARK: usage

    @Test("an unknown command and help on an unknown topic exit 64; help on a command exits 0")
    func usage() {
        let unknown = Self.trustmap("frobnicate")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("'frobnicate' is neither a command nor a file or folder"))
        let help = Self.trustmap("help", "nope")
        #expect(help.status == 64)
        #expect(help.stdout.isEmpty)
        #expect(Self.trustmap("help", "graph").status == 0)
        let missing = Self.trustmap("validate", "no-such-file.yaml")
        #expect(missing.status == 65)
        // An argument quoted in a usage error is escaped too (scripts pass ARNs taken from inventories).
        let quoted = Self.trustmap("findings", "--format", "x\u{1B}[2J")
        #expect(quoted.status == 64)
        #expect(quoted.stderr.contains(#"x\e[2J"#))
        #expect(!quoted.stderr.contains("\u{1B}"))
        let findingsHelp = Self.trustmap("findings", "--help")
        #expect(findingsHelp.status == 0)
        #expect(findingsHelp.stdout.hasPrefix("OVERVIEW:"))
        #expect(findingsHelp.stderr.isEmpty)
    }

    // MARK: hostile inventory text

    @Test("a role name with terminal escapes reaches no output raw: stdout and stderr show it escaped")
    func hostileInventory() throws {
        let dir = try Self.folder(["hostile.yaml": Self.hostileInventory])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arn = "arn:aws:iam::111111111111:role/" + Self.hostileName
        let escaped = #"x\e[2J\e[HNo findings.\e[8m"#
        let runs = [
            Self.trustmap("findings", "hostile.yaml", in: dir),
            Self.trustmap("validate", "hostile.yaml", in: dir),
            Self.trustmap("graph", "hostile.yaml", in: dir),
            Self.trustmap("graph", "hostile.yaml", "--format", "mermaid", in: dir),
            Self.trustmap("who-can-assume", arn, "hostile.yaml", in: dir),
            Self.trustmap("paths", "hostile.yaml", "--from", "*", in: dir),
            Self.trustmap("simulate", "hostile.yaml", "--principal", "arn:aws:iam::222222222222:user/bob", "--role", arn, in: dir),
        ]
        for r in runs {
            #expect(!r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"), "raw ESC in \(r.stdout.prefix(80))")
            #expect(r.stdout.contains(escaped) || r.stdout.contains(#"x\\e[2J"#), "the name is shown escaped: \(r.stdout.prefix(200))")
        }
        #expect(runs[0].status == 0)
        #expect(runs[0].stdout.contains("CRITICAL"))
        #expect(runs[0].stderr.contains("control or bidi characters"))
        #expect(runs[6].status == 0)
    }

    @Test("inventory text quoted in a load error is escaped on stderr, and the exit is still 65")
    func hostileLoadError() throws {
        let dir = try Self.folder(["bad.yaml": #"""
            version: 1
            accounts: [{ id: "\e[2J\e]0;pwned\a", name: prod }]
            """#])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for command in ["findings", "validate"] {
            let r = Self.trustmap(command, "bad.yaml", in: dir)
            #expect(r.status == 65)
            let all = r.stdout + r.stderr
            #expect(!all.contains("\u{1B}") && !all.contains("\u{7}"))
            #expect(all.contains(#"\e[2J\e]0;pwned\x07"#))
        }
    }
}
