import PolicyEngine
import Testing

/// assume-role.md §e: the missing-key table, the operator table, IfExists, set operators and variables.
@Suite("condition engine (§e)")
struct ConditionOperatorTests {
    static func holds(_ op: String, _ key: String, _ values: [String], _ ctx: [(String, ContextValue)], version: Bool = true) -> Bool {
        CompiledCondition(clause: ConditionClause(operatorName: op, key: key, values: values), variablesAllowed: version).evaluate(in: DictionaryContext(ctx))
    }

    @Test("missing key: positive operators are false", arguments: ["StringEquals", "StringLike", "ArnLike", "IpAddress", "Bool", "NumericEquals", "DateEquals", "BinaryEquals", "StringEqualsIgnoreCase", "ArnEquals", "NumericLessThan", "DateGreaterThan"])
    func missingPositive(op: String) { #expect(!Self.holds(op, "aws:SomeKey", ["x"], [])) }

    @Test("missing key: negated operators are true", arguments: ["StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike", "NumericNotEquals", "DateNotEquals", "ArnNotEquals", "ArnNotLike", "NotIpAddress"])
    func missingNegated(op: String) { #expect(Self.holds(op, "aws:SomeKey", ["x"], [])) }

    @Test("missing key: every …IfExists operator is true", arguments: ["StringEqualsIfExists", "BoolIfExists", "NumericLessThanIfExists", "IpAddressIfExists", "ArnLikeIfExists", "DateLessThanIfExists"])
    func missingIfExists(op: String) { #expect(Self.holds(op, "aws:SomeKey", ["1"], [])) }

    @Test("Null: true means absent, false means present")
    func null() {
        #expect(Self.holds("Null", "k", ["true"], []))
        #expect(!Self.holds("Null", "k", ["false"], []))
        #expect(Self.holds("Null", "k", [JSONValue.bool(false).scalarText!], [("k", .single("v"))]))
        #expect(!Self.holds("Null", "k", ["true"], [("k", .single("v"))]))
    }

    @Test("missing key: ForAllValues is true (also for an empty list), ForAnyValue is false")
    func missingSets() {
        #expect(Self.holds("ForAllValues:StringEquals", "aws:TagKeys", ["a"], []))
        #expect(Self.holds("ForAllValues:StringEquals", "aws:TagKeys", ["a"], [("aws:TagKeys", .multi([]))]))
        #expect(!Self.holds("ForAnyValue:StringEquals", "aws:TagKeys", ["a"], []))
        #expect(!Self.holds("ForAnyValue:StringEquals", "aws:TagKeys", ["a"], [("aws:TagKeys", .multi([]))]))
    }

    @Test("StringEquals is exact and case-sensitive; * is a literal")
    func stringEquals() {
        #expect(Self.holds("StringEquals", "k", ["Abc"], [("k", .single("Abc"))]))
        #expect(!Self.holds("StringEquals", "k", ["abc"], [("k", .single("Abc"))]))
        #expect(!Self.holds("StringEquals", "k", ["repo:org/*"], [("k", .single("repo:org/app"))]))
        #expect(Self.holds("StringNotEquals", "k", ["a", "b"], [("k", .single("c"))]))
        #expect(!Self.holds("StringNotEquals", "k", ["a", "b"], [("k", .single("b"))]))
    }

    @Test("StringEqualsIgnoreCase folds case")
    func ignoreCase() {
        #expect(Self.holds("StringEqualsIgnoreCase", "k", ["ABC"], [("k", .single("abc"))]))
        #expect(!Self.holds("StringNotEqualsIgnoreCase", "k", ["ABC"], [("k", .single("abc"))]))
    }

    @Test("StringLike globs the whole string with * and ?, case-sensitively")
    func stringLike() {
        #expect(Self.holds("StringLike", "k", ["repo:org/*:ref:refs/heads/main"], [("k", .single("repo:org/app:ref:refs/heads/main"))]))
        #expect(Self.holds("StringLike", "k", ["a?c"], [("k", .single("abc"))]))
        #expect(!Self.holds("StringLike", "k", ["a?c"], [("k", .single("ac"))]))
        #expect(!Self.holds("StringLike", "k", ["A*"], [("k", .single("abc"))]))
        #expect(Self.holds("StringNotLike", "k", ["x*"], [("k", .single("abc"))]))
    }

    @Test("Numeric operators compare integers and decimals; unreadable values are false")
    func numeric() {
        #expect(Self.holds("NumericLessThan", "aws:MultiFactorAuthAge", ["3600"], [("aws:MultiFactorAuthAge", .single("120"))]))
        #expect(!Self.holds("NumericLessThan", "aws:MultiFactorAuthAge", ["3600"], [("aws:MultiFactorAuthAge", .single("3600"))]))
        #expect(Self.holds("NumericLessThanEquals", "k", ["1.5"], [("k", .single("1.5"))]))
        #expect(Self.holds("NumericGreaterThan", "k", ["1"], [("k", .single("1.01"))]))
        #expect(Self.holds("NumericGreaterThanEquals", "k", ["2"], [("k", .single("2"))]))
        #expect(Self.holds("NumericEquals", "k", ["10"], [("k", .single("10.0"))]))
        #expect(Self.holds("NumericNotEquals", "k", ["10"], [("k", .single("11"))]))
        #expect(!Self.holds("NumericEquals", "k", ["ten"], [("k", .single("10"))]))
        #expect(!Self.holds("NumericNotEquals", "k", ["10"], [("k", .single("eleven"))]))
    }

    @Test("Date operators read ISO 8601 (no zone is UTC) and epoch seconds")
    func dates() {
        let now: [(String, ContextValue)] = [("aws:CurrentTime", .single("2026-05-28T20:26:40Z"))]
        #expect(Self.holds("DateLessThan", "aws:CurrentTime", ["2027-01-01T00:00:00Z"], now))
        #expect(Self.holds("DateGreaterThan", "aws:CurrentTime", ["2026-05-28"], now))
        #expect(Self.holds("DateEquals", "aws:CurrentTime", ["1780000000"], now))
        #expect(Self.holds("DateLessThanEquals", "aws:CurrentTime", ["2026-05-28T22:26:40+02:00"], now))
        #expect(Self.holds("DateGreaterThanEquals", "aws:CurrentTime", ["2026-05-28T20:26:40"], now))
        #expect(Self.holds("DateNotEquals", "aws:CurrentTime", ["2020-01-01"], now))
        #expect(!Self.holds("DateLessThan", "aws:CurrentTime", ["not a date"], now))
    }

    @Test("Bool compares true/false ignoring case; JSON booleans are normalised")
    func bool() {
        #expect(Self.holds("Bool", "aws:MultiFactorAuthPresent", [JSONValue.bool(true).scalarText!], [("aws:MultiFactorAuthPresent", .single("true"))]))
        #expect(Self.holds("Bool", "aws:MultiFactorAuthPresent", ["TRUE"], [("aws:MultiFactorAuthPresent", .single("true"))]))
        #expect(!Self.holds("Bool", "aws:MultiFactorAuthPresent", ["true"], [("aws:MultiFactorAuthPresent", .single("false"))]))
    }

    @Test("BinaryEquals compares base64 values")
    func binary() {
        #expect(Self.holds("BinaryEquals", "k", ["QmluYXJ5"], [("k", .single("QmluYXJ5"))]))
        #expect(!Self.holds("BinaryEquals", "k", ["QmluYXJ5"], [("k", .single("QmluYXJz"))]))
    }

    @Test("IpAddress: IPv4 and IPv6 CIDRs, bare addresses are /32 and /128, host bits ignored")
    func ip() {
        let v4: [(String, ContextValue)] = [("aws:SourceIp", .single("203.0.113.7"))]
        #expect(Self.holds("IpAddress", "aws:SourceIp", ["203.0.113.0/24"], v4))
        #expect(Self.holds("IpAddress", "aws:SourceIp", ["203.0.113.99/24"], v4))
        #expect(Self.holds("IpAddress", "aws:SourceIp", ["203.0.113.7"], v4))
        #expect(!Self.holds("IpAddress", "aws:SourceIp", ["203.0.114.0/24"], v4))
        #expect(Self.holds("NotIpAddress", "aws:SourceIp", ["10.0.0.0/8"], v4))
        let v6: [(String, ContextValue)] = [("aws:SourceIp", .single("2001:db8::1"))]
        #expect(Self.holds("IpAddress", "aws:SourceIp", ["2001:db8::/32"], v6))
        #expect(!Self.holds("IpAddress", "aws:SourceIp", ["2001:db9::/32"], v6))
        #expect(!Self.holds("IpAddress", "aws:SourceIp", ["203.0.113.0/24"], v6))
        #expect(!Self.holds("IpAddress", "aws:SourceIp", ["not-a-cidr"], v4))
    }

    @Test("ArnLike globs per component, so * never crosses a colon; StringLike does")
    func arnVersusString() {
        let ctx: [(String, ContextValue)] = [("aws:PrincipalArn", .single("arn:aws:iam::333333333333:role/ci-x"))]
        #expect(Self.holds("StringLike", "aws:PrincipalArn", ["arn:aws:iam::3333*role/ci-*"], ctx))
        #expect(!Self.holds("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::3333*role/ci-*"], ctx))
        #expect(Self.holds("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::3333*:role/ci-*"], ctx))
        #expect(Self.holds("ArnEquals", "aws:PrincipalArn", ["arn:aws:iam::*:role/ci-x"], ctx))
        #expect(Self.holds("ArnNotLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/admin"], ctx))
        #expect(!Self.holds("ArnLike", "aws:PrincipalArn", ["arn:aws:iam"], ctx))
    }

    @Test("set operators: ForAnyValue needs one request value to match, ForAllValues every one")
    func sets() {
        let tags: [(String, ContextValue)] = [("aws:TagKeys", .multi(["team", "cost"]))]
        #expect(Self.holds("ForAnyValue:StringEquals", "aws:TagKeys", ["team"], tags))
        #expect(!Self.holds("ForAllValues:StringEquals", "aws:TagKeys", ["team"], tags))
        #expect(Self.holds("ForAllValues:StringEquals", "aws:TagKeys", ["team", "cost", "x"], tags))
        #expect(Self.holds("ForAnyValue:StringNotEquals", "aws:TagKeys", ["team"], tags))
        #expect(!Self.holds("ForAllValues:StringNotEquals", "aws:TagKeys", ["team"], tags))
    }

    @Test("an unqualified operator on a multivalued key does not match, negated ones included (A9)")
    func unqualifiedMulti() {
        let tags: [(String, ContextValue)] = [("aws:TagKeys", .multi(["team"]))]
        #expect(!Self.holds("StringEquals", "aws:TagKeys", ["team"], tags))
        #expect(!Self.holds("StringNotEquals", "aws:TagKeys", ["x"], tags))
    }

    @Test("a set qualifier on a single-valued key treats it as a one-element set")
    func qualifierOnSingle() {
        #expect(Self.holds("ForAnyValue:StringEquals", "k", ["a"], [("k", .single("a"))]))
        #expect(!Self.holds("ForAllValues:StringEquals", "k", ["b"], [("k", .single("a"))]))
    }

    @Test("key names ignore case, including tag-key suffixes")
    func keyCase() {
        #expect(Self.holds("StringEquals", "AWS:PrincipalTag/Team", ["red"], [("aws:principaltag/team", .single("red"))]))
    }

    @Test("operator names parse into base, qualifier and IfExists, ignoring case")
    func operatorNames() {
        let op = ConditionOperator("forAnyValue:stringlikeifexists")
        #expect(op.base == .stringLike)
        #expect(op.qualifier == .forAnyValue)
        #expect(op.ifExists)
        #expect(op.canonicalName == "ForAnyValue:StringLikeIfExists")
        #expect(ConditionOperator("StringSortOf").base == nil)
        #expect(ConditionOperator("NullIfExists").base == nil)
        #expect(!Self.holds("StringSortOf", "k", ["a"], [("k", .single("a"))]))
    }

    @Test("policy variables: substituted in 2012-10-17 only, with defaults and ${*} escapes")
    func variables() {
        let ctx: [(String, ContextValue)] = [("aws:username", .single("alice")), ("sts:RoleSessionName", .single("alice"))]
        #expect(Self.holds("StringEquals", "sts:RoleSessionName", ["${aws:username}"], ctx))
        #expect(!Self.holds("StringEquals", "sts:RoleSessionName", ["${aws:username}"], ctx, version: false))
        #expect(Self.holds("StringEquals", "sts:RoleSessionName", ["${aws:PrincipalTag/nick, 'alice'}"], ctx))
        #expect(!Self.holds("StringEquals", "sts:RoleSessionName", ["${aws:PrincipalTag/nick}"], ctx))
        #expect(Self.holds("StringNotEquals", "sts:RoleSessionName", ["${aws:PrincipalTag/nick}"], ctx))
        #expect(Self.holds("StringLike", "k", ["a${*}"], [("k", .single("a*"))]))
        #expect(!Self.holds("StringLike", "k", ["a${*}"], [("k", .single("ab"))]))
        #expect(Self.holds("StringLike", "k", ["a*"], [("k", .single("ab"))]))
        // Not in Numeric operators.
        #expect(!Self.holds("NumericEquals", "k", ["${aws:username}"], [("k", .single("1"))]))
    }
}
