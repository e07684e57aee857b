import PolicyEngine
import Testing

/// The parts of the policy grammar the analysis reads: it has no copy of its own (issue #15, item 2).
@Suite("one policy grammar: what the analysis reads from the engine")
struct GrammarHelperTests {
    @Test("operator names: strict positives, exact and like comparisons, and NullIfExists is no operator")
    func operatorClasses() {
        #expect(ConditionOperator("StringEquals").isStrictPositive)
        #expect(ConditionOperator("stringequals").isExactString)
        #expect(ConditionOperator("ArnEquals").isExactString)
        #expect(ConditionOperator("ForAnyValue:StringLike").isLike)
        #expect(ConditionOperator("ArnLike").isString)
        #expect(!ConditionOperator("StringNotEquals").isStrictPositive)
        #expect(!ConditionOperator("StringEqualsIfExists").isStrictPositive)
        #expect(!ConditionOperator("ForAllValues:StringEquals").isStrictPositive)
        #expect(!ConditionOperator("Null").isStrictPositive)
        #expect(!ConditionOperator("NumericLessThan").isString)
        // Unknown to IAM: the condition is false, and the engine and the analysis agree on that.
        #expect(ConditionOperator("NullIfExists").base == nil)
        #expect(!ConditionOperator("NullIfExists").isStrictPositive)
        #expect(ConditionOperator("StringEqualz").base == nil)
        #expect(ConditionOperator("StringEqualz").isStrictPositive)
    }

    @Test("a clause's parsed operator and lower-cased key")
    func clause() {
        let c = ConditionClause(operatorName: "BoolIfExists", key: "aws:MultiFactorAuthPresent", values: ["true"])
        #expect(c.parsedOperator.base == .bool)
        #expect(c.parsedOperator.ifExists)
        #expect(c.lowercasedKey == "aws:multifactorauthpresent")
    }

    @Test("glob helpers: the literal prefix and an example text")
    func globHelpers() {
        #expect(Glob.literalPrefix("repo:acme/*:ref") == "repo:acme/")
        #expect(Glob.literalPrefix("no-wildcard") == "no-wildcard")
        #expect(Glob.example(of: "arn:aws:iam::*:role/a?c", fill: "trustmap") == "arn:aws:iam::trustmap:role/axc")
        #expect(Glob.matches(Glob.example(of: "a*b?c"), "axbxc"))
    }

    @Test("account IDs are twelve ASCII digits")
    func accountIDs() {
        #expect(Arn.isAccountID("111122223333"))
        #expect(!Arn.isAccountID("11112222333"))
        #expect(!Arn.isAccountID("11112222333x"))
        #expect(!Arn.isAccountID("１１１１２２２２３３３３"))
    }

    @Test("identity policy resources against a role ARN: short patterns padded, account fields ignore case")
    func resourceAgainstRole() {
        let role = "arn:aws:iam::111122223333:role/team/deploy"
        #expect(ResourcePattern.matches("*", arn: role))
        #expect(ResourcePattern.matches("arn:aws:iam::111122223333:role/*", arn: role))
        #expect(ResourcePattern.matches("arn:aws:iam::*", arn: role))
        #expect(ResourcePattern.matches("ARN:AWS:IAM::111122223333:role/team/deploy", arn: role))
        #expect(!ResourcePattern.matches("arn:aws:iam::111122223333:role/TEAM/*", arn: role))
        #expect(!ResourcePattern.matches("arn:aws:iam::444455556666:role/*", arn: role))
    }

    @Test("aws:PrincipalArn guard values: a StringLike or an ArnLike reading may let the caller in")
    func principalArnGuard() {
        let arn = "arn:aws:iam::111122223333:role/ops"
        #expect(Arn.matchesStringOrArnLike(pattern: "arn:aws:iam::111122223333:role/*", value: arn))
        // StringLike's `*` crosses colons; ArnLike's does not: either reading suffices.
        #expect(Arn.matchesStringOrArnLike(pattern: "arn:aws:iam::*ops", value: arn))
        #expect(!Arn.matchesStringOrArnLike(pattern: "arn:aws:iam::444455556666:role/*", value: arn))
    }
}

/// Found by the simulate-args fuzz target: an instant past Int64 trapped.
@Suite("instants from other people's text")
struct InstantBoundsTests {
    @Test("epoch seconds and years outside 0000–9999 are not instants, never a trap", arguments: [
        "20266666666666666666666666", "1e300", "-1e300", "9999999999999999999", "253402300800",
    ])
    func outOfRange(text: String) {
        #expect(ISO8601.parseEpochSeconds(text) == nil)
    }

    @Test("the years 0000 to 9999 are instants")
    func inRange() {
        #expect(ISO8601.parseEpochSeconds("9999-12-31T23:59:59Z") == 253_402_300_799)
        #expect(ISO8601.parseEpochSeconds("0000-01-01T00:00:00Z") == -62_167_219_200)
        #expect(ISO8601.parseEpochSeconds("1780000000") == 1_780_000_000)
    }
}
