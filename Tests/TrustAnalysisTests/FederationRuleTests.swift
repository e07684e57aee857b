import Testing
@testable import TrustAnalysis

@Suite("Web identity, SAML, Cognito and services")
struct FederationRuleTests {
    static let github = "{\"Federated\":\"arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com\"}"
    static let webIdentity = "\"sts:AssumeRoleWithWebIdentity\""
    let providers = """
        oidcProviders: ["arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"]
        samlProviders: ["arn:aws:iam::111111111111:saml-provider/Okta"]
        """

    func gh(_ condition: String?) throws -> Analysis {
        try Fixture.trusting(Fixture.allow(Self.github, action: Self.webIdentity, condition: condition), extra: providers)
    }

    @Test("GitHub OIDC with only an audience check lets any repository in: critical")
    func githubNoSubject() throws {
        let a = try gh("{\"StringEquals\":{\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"}}")
        #expect(a.finding("TM-OIDC-NO-SUBJECT")?.severity == .critical)
        #expect(a.edge("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com")?.severity == .critical)
    }

    @Test("a subject of only wildcards or repo:* pins no owner")
    func githubWildcardSubject() throws {
        for sub in ["*", "repo:*", "repo:acme*"] {
            let a = try gh("{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"\(sub)\"}}")
            #expect(Fixture.rules(a).contains("TM-OIDC-NO-SUBJECT"), "sub \(sub)")
        }
    }

    @Test("repo:acme/* pins the owner but not the repository: medium")
    func githubBroad() throws {
        let a = try gh("{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:acme/*\"}}")
        #expect(a.finding("TM-OIDC-BROAD-SUBJECT")?.severity == .medium)
        #expect(!Fixture.rules(a).contains("TM-OIDC-NO-SUBJECT"))
        #expect(a.edge("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com")?.requires.map(\.label).contains("sub=repo:acme/*") == true)
    }

    @Test("near miss: one repository with any branch does not fire")
    func githubOneRepo() throws {
        let a = try gh("{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:acme/app:*\"}}")
        #expect(Fixture.rules(a).isDisjoint(with: ["TM-OIDC-NO-SUBJECT", "TM-OIDC-BROAD-SUBJECT"]))
    }

    @Test("near miss: a condition on the repository claim pins the owner")
    func githubRepositoryClaim() throws {
        let a = try gh("{\"StringEquals\":{\"token.actions.githubusercontent.com:repository\":\"acme/app\"}}")
        #expect(Fixture.rules(a).isDisjoint(with: ["TM-OIDC-NO-SUBJECT", "TM-OIDC-BROAD-SUBJECT"]))
    }

    @Test("near miss: an OIDC issuer that is not shared is not judged by the subject rules")
    func privateIssuer() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"Federated\":\"arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC\"}",
                                                   action: Self.webIdentity))
        #expect(Fixture.rules(a).isEmpty)
    }

    @Test("Google without an audience condition is high; near miss: with accounts.google.com:aud")
    func googleAudience() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"Federated\":\"accounts.google.com\"}", action: Self.webIdentity))
        #expect(a.finding("TM-OIDC-NO-AUDIENCE")?.severity == .high)
        let b = try Fixture.trusting(Fixture.allow("{\"Federated\":\"accounts.google.com\"}", action: Self.webIdentity,
                                                   condition: "{\"StringEquals\":{\"accounts.google.com:aud\":\"1234.apps.googleusercontent.com\"}}"))
        #expect(!Fixture.rules(b).contains("TM-OIDC-NO-AUDIENCE"))
    }

    @Test("Cognito without an identity pool condition is high; near miss: with cognito-identity.amazonaws.com:aud")
    func cognito() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"Federated\":\"cognito-identity.amazonaws.com\"}", action: Self.webIdentity))
        #expect(a.finding("TM-COGNITO-UNRESTRICTED")?.severity == .high)
        #expect(!Fixture.rules(a).contains("TM-OIDC-NO-AUDIENCE"))
        let b = try Fixture.trusting(Fixture.allow("{\"Federated\":\"cognito-identity.amazonaws.com\"}", action: Self.webIdentity,
                                                   condition: "{\"StringEquals\":{\"cognito-identity.amazonaws.com:aud\":\"eu-west-1:0f6c1f7e-4a1e-4d7b-9c7e-0a2b4c6d8e10\"}}"))
        #expect(!Fixture.rules(b).contains("TM-COGNITO-UNRESTRICTED"))
    }

    @Test("SAML without SAML:aud is low; near miss: with it, and the edge carries the audience")
    func saml() throws {
        let okta = "{\"Federated\":\"arn:aws:iam::111111111111:saml-provider/Okta\"}"
        let a = try Fixture.trusting(Fixture.allow(okta, action: "\"sts:AssumeRoleWithSAML\""), extra: providers)
        #expect(a.finding("TM-SAML-NO-AUDIENCE")?.severity == .low)
        let b = try Fixture.trusting(Fixture.allow(okta, action: "\"sts:AssumeRoleWithSAML\"",
                                                   condition: "{\"StringEquals\":{\"SAML:aud\":\"https://signin.aws.amazon.com/saml\"}}"), extra: providers)
        #expect(!Fixture.rules(b).contains("TM-SAML-NO-AUDIENCE"))
        #expect(b.edge("arn:aws:iam::111111111111:saml-provider/Okta")?.action == "sts:AssumeRoleWithSAML")
    }

    @Test("a listed service without a source condition is a confused deputy; near miss: with aws:SourceAccount")
    func confusedDeputy() throws {
        let a = try Fixture.trusting(Fixture.allow("{\"Service\":\"config.amazonaws.com\"}"))
        #expect(a.finding("TM-SERVICE-CONFUSED-DEPUTY")?.severity == .medium)
        #expect(a.edge("config.amazonaws.com") != nil)
        let b = try Fixture.trusting(Fixture.allow("{\"Service\":\"config.amazonaws.com\"}", condition: "{\"StringEquals\":{\"aws:SourceAccount\":\"111111111111\"}}"))
        #expect(!Fixture.rules(b).contains("TM-SERVICE-CONFUSED-DEPUTY"))
        #expect(b.edge("config.amazonaws.com")?.requires.map(\.label) == ["SrcAcct"])
    }

    @Test("near miss: EC2, Lambda and CloudFormation are never confused-deputy findings")
    func computeServices() throws {
        for svc in ["ec2.amazonaws.com", "lambda.amazonaws.com", "cloudformation.amazonaws.com", "ecs-tasks.amazonaws.com"] {
            let a = try Fixture.trusting(Fixture.allow("{\"Service\":\"\(svc)\"}"))
            #expect(Fixture.rules(a).isEmpty, "\(svc)")
        }
    }
}
