import PolicyEngine
import Simulation
import Testing

/// The one request builder: the command line, the palette and the form set the same flags through it.
@Suite("request flags: one builder for the CLI, the palette and the form")
struct RequestFlagsTests {
    static let now: Int64 = 1_780_000_000

    @Test("palette words: --flag value, --flag=value, switches, repeats; the request they make")
    func wordsToRequest() throws {
        let f = try RequestFlags.parse(words: [
            "--principal", "arn:aws:iam::111111111111:user/alice", "--role=arn:aws:iam::222222222222:role/R", "--mfa",
            "--mfa-age", "60", "--source-ip", "2001:db8::7", "--duration=900", "--session-tag", "team=red", "--session-tag", "env=prod",
            "--context", "aws:RequestedRegion=eu-west-1", "--context", "aws:RequestedRegion=us-east-1", "--chained",
            "--caller-policies", "unknown-denies", "--at", "2026-01-02T03:04:05Z", "--external-id", "abc",
        ])
        let r = try f.request(now: Self.now)
        #expect(r.principal == "arn:aws:iam::111111111111:user/alice")
        #expect(r.role == "arn:aws:iam::222222222222:role/R")
        #expect(r.mfa == true && r.mfaAgeSeconds == 60)
        #expect(r.sourceIp == "2001:db8::7")
        #expect(r.durationSeconds == 900)
        #expect(r.sessionTags.map(\.key) == ["team", "env"])
        #expect(r.extraContext.count == 1)
        #expect(r.extraContext.first?.value == .multi(["eu-west-1", "us-east-1"]))
        #expect(r.chained == true)
        #expect(r.callerPolicies == .unknownDenies)
        #expect(r.currentTime == ISO8601.parseEpochSeconds("2026-01-02T03:04:05Z"))
        #expect(r.externalId == "abc")
        #expect(r.sessionName == "trustmap")
    }

    @Test("every bad value is refused with the flag's name, the same sentence everywhere", arguments: [
        (["--duration", "soon"], "--duration takes a whole number of seconds, got 'soon'"),
        (["--mfa-age", "-5"], "--mfa-age takes a number of seconds, got '-5'"),
        (["--action", "sts:GetCallerIdentity"], "--action must be sts:AssumeRole, sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML, got 'sts:GetCallerIdentity'"),
        (["--session-tag", "team"], "--session-tag takes KEY=VALUE, got 'team'"),
        (["--context", "=x"], "--context takes KEY=VALUE, got '=x'"),
        (["--caller-policies", "maybe"], "--caller-policies must be unknown-allows or unknown-denies, got 'maybe'"),
        (["--at", "yesterday"], "--at must be an ISO 8601 instant such as 2026-01-02T03:04:05Z, got 'yesterday'"),
        (["--source-ip", "not-an-ip"], "--source-ip takes an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7, got 'not-an-ip'"),
        (["--source-ip", "10.0.0.0/8"], "--source-ip takes an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7, got '10.0.0.0/8'"),
        (["--source-ip", "300.1.1.1"], "--source-ip takes an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7, got '300.1.1.1'"),
        (["--external-id"], "--external-id needs a value"),
        (["--mfa=yes"], "--mfa takes no value"),
    ])
    func badValues(words: [String], message: String) {
        #expect(throws: RequestFlags.FlagError.self) { try RequestFlags.parse(words: words) }
        do { _ = try RequestFlags.parse(words: words) } catch { #expect(error.description == message) }
        // The command line sets the same flag through `set`, and hears the same sentence.
        if words.count == 2, let flag = RequestFlags.Flag(rawValue: words[0]) {
            var f = RequestFlags()
            do { try f.set(flag, words[1]); Issue.record("accepted \(words)") } catch { #expect(error.description == message) }
        }
    }

    @Test("the palette refuses files, unknown flags and stray words; the command line may read files")
    func refusals() throws {
        for (words, part) in [(["--request", "r.json"], "reads a file"), (["--bogus"], "unknown flag --bogus"), (["inventory.yaml"], "unexpected 'inventory.yaml'")] {
            do { _ = try RequestFlags.parse(words: words); Issue.record("accepted \(words)") } catch { #expect(error.description.contains(part)) }
        }
        let f = try RequestFlags.parse(words: ["--request", "r.json"], allowFiles: true)
        #expect(f.requestFile == "r.json")
    }

    @Test("a request file first, the flags over it; --at wins over its currentTime; its errors name the field")
    func requestFile() throws {
        let doc = #"{"role": "arn:aws:iam::222222222222:role/R", "principal": "111111111111", "externalId": "from-file", "currentTime": "2026-05-01T00:00:00Z"}"#
        let read: (String) throws -> RequestFlags.JSONFile = { _ in (try JSONParser.parse(doc), Array(doc.utf8)) }
        var f = try RequestFlags.parse(words: ["--request", "r.json", "--external-id", "from-flag"], allowFiles: true)
        var r = try f.request(now: Self.now, readJSON: read)
        #expect(r.externalId == "from-flag" && r.principal == "111111111111")
        #expect(r.currentTime == ISO8601.parseEpochSeconds("2026-05-01T00:00:00Z"))
        try f.set(.at, "2026-06-01T00:00:00Z")
        r = try f.request(now: Self.now, readJSON: read)
        #expect(r.currentTime == ISO8601.parseEpochSeconds("2026-06-01T00:00:00Z"))

        let bad = #"{"role": "R", "durationSeconds": "long"}"#
        f = try RequestFlags.parse(words: ["--request", "bad.json"], allowFiles: true)
        do {
            _ = try f.request(now: Self.now) { _ in (try JSONParser.parse(bad), Array(bad.utf8)) }
            Issue.record("accepted a bad request file")
        } catch {
            guard case .file(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.file == "bad.json" && e.field == "durationSeconds")
        }
    }

    @Test("sts:AssumeRole needs a role and a caller; SAML gets no default session name")
    func required() throws {
        let noRole = try RequestFlags.parse(words: ["--principal", "111111111111"])
        do { _ = try noRole.request(now: Self.now); Issue.record("no role accepted") } catch {
            guard case .flag(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.flag == .role)
        }
        let noCaller = try RequestFlags.parse(words: ["--role", "R"])
        do { _ = try noCaller.request(now: Self.now); Issue.record("no principal accepted") } catch {
            guard case .flag(let e) = error else { Issue.record("\(error)"); return }
            #expect(e.flag == .principal)
        }
        let saml = try RequestFlags.parse(words: ["--role", "R", "--action", "sts:AssumeRoleWithSAML"]).request(now: Self.now)
        #expect(saml.sessionName == nil)
    }
}
