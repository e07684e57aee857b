import PolicyEngine
import Testing

/// assume-role.md §d: action and resource matching, and the ARN/glob primitives others reuse.
@Suite("action and resource matching (§d)")
struct MatchingPrimitiveTests {
    @Test("actions match case-insensitively with * and ?", arguments: [
        ("sts:AssumeRole", "sts:AssumeRole", true), ("STS:assumerole", "sts:AssumeRole", true), ("sts:Assume*", "sts:AssumeRoleWithSAML", true),
        ("*", "sts:AssumeRole", true), ("sts:AssumeRol?", "sts:AssumeRole", true), ("sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", false),
        ("iam:*", "sts:AssumeRole", false), ("sts:Assume Role", "sts:Assume Role", false), ("sts:AssumeRole,sts:TagSession", "sts:AssumeRole", false),
    ])
    func actions(pattern: String, action: String, matches: Bool) { #expect(ActionPattern(pattern).matches(action) == matches) }

    @Test("NotAction: an Allow with NotAction iam:* allows sts:AssumeRole; a Deny with NotAction s3:* denies it")
    func notAction() {
        let allow = CompiledPolicy(name: "p", kind: .identity, document: EngineFixture.doc(#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}"#))
        let deny = CompiledPolicy(name: "p", kind: .identity, document: EngineFixture.doc(#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["s3:*"],"Resource":"*"}]}"#))
        let ctx = DictionaryContext()
        let role = ResourceName("arn:aws:iam::111111111111:role/R")
        #expect(allow.evaluate(action: "sts:assumerole", resource: role, caller: nil, context: ctx).allows)
        #expect(deny.evaluate(action: "sts:assumerole", resource: role, caller: nil, context: ctx).denies)
    }

    @Test("resources: * matches all; components glob; * crosses / in the resource part; case-sensitive names", arguments: [
        ("*", true), ("arn:aws:iam::111111111111:role/team/Ops", true), ("arn:aws:iam::111111111111:role/*", true),
        ("arn:aws:iam::*:role/team/*", true), ("arn:aws:iam::111111111111:role/Team/Ops", false), ("arn:aws:iam::111111111111:role/Ops", false),
        ("arn:aws:iam::111111111111:user/*", false), ("arn:aws:iam::222222222222:role/*", false), ("arn:aws:iam", true),
    ])
    func resources(pattern: String, matches: Bool) {
        #expect(ResourcePattern(pattern).matches(ResourceName("arn:aws:iam::111111111111:role/team/Ops"), context: DictionaryContext()) == matches)
    }

    @Test("policy variables in resources resolve from the context; unresolvable ones match nothing")
    func resourceVariables() {
        let p = ResourcePattern("arn:aws:iam::111111111111:role/${aws:username}-*")
        let role = ResourceName("arn:aws:iam::111111111111:role/alice-admin")
        #expect(p.matches(role, context: DictionaryContext([("aws:username", .single("alice"))])))
        #expect(!p.matches(role, context: DictionaryContext([("aws:username", .single("bob"))])))
        #expect(!p.matches(role, context: DictionaryContext()))
        #expect(!ResourcePattern("arn:aws:iam::111111111111:role/${aws:username}-*", variablesAllowed: false).matches(role, context: DictionaryContext([("aws:username", .single("alice"))])))
    }

    @Test("ARN parsing splits on the first five colons and keeps the rest")
    func arnParsing() {
        let a = Arn("arn:aws-cn:sts::111111111111:assumed-role/R/s:x")
        #expect(a?.partition == "aws-cn")
        #expect(a?.resource == "assumed-role/R/s:x")
        #expect(Arn("arn:aws:iam::1") == nil)
        #expect(Arn.arnLike(pattern: "arn:aws:iam::*:role/*", value: "arn:aws:iam::1:role/a/b"))
    }

    @Test("glob: ? takes one character, even a multi-byte one")
    func glob() {
        #expect(Glob.matches("caf?", "café"))
        #expect(Glob.matches("*a*b*", "xxaYYb"))
        #expect(!Glob.matches("a*b", "ab c"))
    }

    @Test("ISO 8601 round trip and epoch seconds")
    func iso() {
        #expect(ISO8601.format(1_780_000_000) == "2026-05-28T20:26:40Z")
        #expect(ISO8601.parseEpochSeconds("2026-05-28T20:26:40Z") == 1_780_000_000)
        #expect(ISO8601.parseEpochSeconds("1970-01-01") == 0)
        #expect(ISO8601.parseEpochSeconds("2026-13-01") == nil)
    }

    @Test("secrets are masked as the first two characters, an ellipsis and the length")
    func mask() {
        #expect(Secret.mask("abcdefghijklmnopqrstuvwx") == "ab…(24)")
        #expect(Secret.mask("x") == "x…(1)")
    }
}
