import PolicyEngine
import Testing

/// assume-role.md §f: each row of the context-key table, by caller type.
@Suite("request context keys (§f)")
struct ContextKeyTests {
    static let roleTarget = TargetRole(arn: "arn:aws:iam::111111111111:role/Target", accountId: "111111111111", name: "Target", trustPolicy: .empty, tags: ["Env": "prod"])
    static var user: CallerPrincipal {
        var p = CallerPrincipal.parse("arn:aws:iam::222222222222:user/team/alice")!
        p.uniqueId = "AIDAALICE00000000000001"
        return p
    }
    static var session: CallerPrincipal {
        var p = CallerPrincipal.parse("arn:aws:sts::222222222222:assumed-role/Ops/s1")!
        p.roleArn = "arn:aws:iam::222222222222:role/team/Ops"
        p.uniqueId = "AROAOPS000000000000001"
        return p
    }

    static func ctx(_ caller: CallerPrincipal, _ configure: (inout AssumeRoleRequest) -> Void = { _ in }) -> AssumeRoleContext {
        var r = AssumeRoleRequest(principal: caller.arn, role: roleTarget.arn, sessionName: "s1", currentTime: EngineFixture.now)
        configure(&r)
        return AssumeRoleContext(request: r, caller: caller, callerTags: ["team": "red"], role: roleTarget, principalOrgID: "o-abc", resourceOrgID: "o-abc")
    }

    static func v(_ c: AssumeRoleContext, _ key: String) -> [String]? { c.value(for: ContextKey(key))?.values }

    @Test("principal keys for a user")
    func userKeys() {
        let c = Self.ctx(Self.user)
        #expect(Self.v(c, "aws:PrincipalArn") == ["arn:aws:iam::222222222222:user/team/alice"])
        #expect(Self.v(c, "aws:PrincipalAccount") == ["222222222222"])
        #expect(Self.v(c, "aws:PrincipalOrgID") == ["o-abc"])
        #expect(Self.v(c, "aws:PrincipalType") == ["User"])
        #expect(Self.v(c, "aws:PrincipalTag/Team") == ["red"])
        #expect(Self.v(c, "aws:PrincipalIsAWSService") == ["false"])
        #expect(Self.v(c, "aws:userid") == ["AIDAALICE00000000000001"])
        #expect(Self.v(c, "aws:username") == ["alice"])
        #expect(Self.v(c, "aws:MultiFactorAuthPresent") == nil)
        #expect(Self.v(c, "aws:TokenIssueTime") == nil)
        #expect(Self.v(c, "aws:ViaAWSService") == ["false"])
        #expect(Self.v(c, "aws:PrincipalOrgPaths") == nil)
    }

    @Test("principal keys for a session: the role ARN with its path, roleId:session, MFA false")
    func sessionKeys() {
        let c = Self.ctx(Self.session)
        #expect(Self.v(c, "aws:PrincipalArn") == ["arn:aws:iam::222222222222:role/team/Ops"])
        #expect(Self.v(c, "aws:PrincipalType") == ["AssumedRole"])
        #expect(Self.v(c, "aws:userid") == ["AROAOPS000000000000001:s1"])
        #expect(Self.v(c, "aws:username") == nil)
        #expect(Self.v(c, "aws:MultiFactorAuthPresent") == ["false"])
        #expect(Self.v(c, "aws:TokenIssueTime") == ["2026-05-28T20:26:40Z"])
    }

    @Test("MFA keys follow the mfa flag (A5)")
    func mfa() {
        let c = Self.ctx(Self.user) { $0.mfa = true; $0.mfaAgeSeconds = 42 }
        #expect(Self.v(c, "aws:MultiFactorAuthPresent") == ["true"])
        #expect(Self.v(c, "aws:MultiFactorAuthAge") == ["42"])
        #expect(Self.v(Self.ctx(Self.user), "aws:MultiFactorAuthAge") == nil)
    }

    @Test("network, time and transport keys")
    func requestKeys() {
        let c = Self.ctx(Self.user) { $0.sourceIp = "203.0.113.7" }
        #expect(Self.v(c, "aws:SourceIp") == ["203.0.113.7"])
        #expect(Self.v(Self.ctx(Self.user), "aws:SourceIp") == nil)
        #expect(Self.v(c, "aws:CurrentTime") == ["2026-05-28T20:26:40Z"])
        #expect(Self.v(c, "aws:EpochTime") == ["1780000000"])
        #expect(Self.v(c, "aws:SecureTransport") == ["true"])
    }

    @Test("resource keys come from the target role")
    func resourceKeys() {
        let c = Self.ctx(Self.user)
        #expect(Self.v(c, "aws:ResourceAccount") == ["111111111111"])
        #expect(Self.v(c, "aws:ResourceOrgID") == ["o-abc"])
        #expect(Self.v(c, "aws:ResourceTag/env") == ["prod"])
        #expect(Self.v(c, "iam:ResourceTag/ENV") == ["prod"])
    }

    @Test("request keys: tags, transitive keys, external ID, session name, source identity")
    func stsKeys() {
        let c = Self.ctx(Self.user) {
            $0.sessionTags = [.init(key: "Project", value: "x")]
            $0.transitiveTagKeys = ["Project"]
            $0.externalId = "ext-123"
            $0.sourceIdentity = "alice"
        }
        #expect(Self.v(c, "aws:RequestTag/project") == ["x"])
        #expect(c.value(for: ContextKey("aws:TagKeys")) == .multi(["Project"]))
        #expect(c.value(for: ContextKey("sts:TransitiveTagKeys")) == .multi(["Project"]))
        #expect(Self.v(c, "sts:ExternalId") == ["ext-123"])
        #expect(Self.v(c, "sts:RoleSessionName") == ["s1"])
        #expect(Self.v(c, "sts:SourceIdentity") == ["alice"])
        #expect(Self.v(c, "aws:SourceIdentity") == nil)
        #expect(Self.v(Self.ctx(Self.user), "aws:TagKeys") == nil)
        #expect(Self.v(Self.ctx(Self.user), "sts:ExternalId") == nil)
    }

    @Test("service callers: service name, SourceArn/SourceAccount, no principal ARN")
    func serviceKeys() {
        let c = Self.ctx(CallerPrincipal.parse("events.amazonaws.com")!) { $0.sourceArn = "arn:aws:events:eu-west-1:111111111111:rule/r"; $0.sourceAccount = "111111111111" }
        #expect(Self.v(c, "aws:PrincipalServiceName") == ["events.amazonaws.com"])
        #expect(Self.v(c, "aws:PrincipalIsAWSService") == ["true"])
        #expect(Self.v(c, "aws:SourceArn") == ["arn:aws:events:eu-west-1:111111111111:rule/r"])
        #expect(Self.v(c, "aws:SourceAccount") == ["111111111111"])
        #expect(Self.v(c, "aws:PrincipalArn") == nil)
        #expect(Self.v(Self.ctx(Self.user) { $0.sourceAccount = "1" }, "aws:SourceAccount") == nil)
    }

    @Test("web-identity claims: standard claims, amr multivalued, GitHub's provider-specific claims only for GitHub")
    func webIdentityKeys() {
        let gh = CallerPrincipal(kind: .webIdentity, arn: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com")
        let c = Self.ctx(gh) {
            $0.action = .assumeRoleWithWebIdentity
            $0.webIdentity = .init(provider: "token.actions.githubusercontent.com", claims: [
                .init(key: "sub", value: .single("repo:acme/app:ref:refs/heads/main")), .init(key: "aud", value: .single("sts.amazonaws.com")),
                .init(key: "repository", value: .single("acme/app")), .init(key: "run_id", value: .single("7")),
            ])
        }
        #expect(Self.v(c, "token.actions.githubusercontent.com:sub") == ["repo:acme/app:ref:refs/heads/main"])
        #expect(Self.v(c, "token.actions.githubusercontent.com:aud") == ["sts.amazonaws.com"])
        #expect(Self.v(c, "token.actions.githubusercontent.com:repository") == ["acme/app"])
        #expect(Self.v(c, "token.actions.githubusercontent.com:run_id") == nil)
        #expect(Self.v(c, "aws:PrincipalArn") == nil)
        let cognito = Self.ctx(CallerPrincipal(kind: .webIdentity, arn: "cognito-identity.amazonaws.com")) {
            $0.webIdentity = .init(provider: "cognito-identity.amazonaws.com", claims: [.init(key: "amr", value: .multi(["authenticated", "graph.facebook.com"])), .init(key: "repository", value: .single("x"))])
        }
        #expect(cognito.value(for: ContextKey("cognito-identity.amazonaws.com:amr")) == .multi(["authenticated", "graph.facebook.com"]))
        #expect(Self.v(cognito, "cognito-identity.amazonaws.com:repository") == nil)
    }

    @Test("SAML keys: aud, sub, sub_type, iss, doc and attributes")
    func samlKeys() {
        let c = Self.ctx(CallerPrincipal(kind: .saml, arn: "arn:aws:iam::111111111111:saml-provider/Okta")) {
            $0.saml = .init(provider: "arn:aws:iam::111111111111:saml-provider/Okta", aud: "https://signin.aws.amazon.com/saml", sub: "alice", subType: "persistent", iss: "http://okta", attributes: [.init(key: "eduPersonAffiliation", value: .multi(["staff"]))])
        }
        #expect(Self.v(c, "SAML:aud") == ["https://signin.aws.amazon.com/saml"])
        #expect(Self.v(c, "saml:sub") == ["alice"])
        #expect(Self.v(c, "saml:sub_type") == ["persistent"])
        #expect(Self.v(c, "saml:iss") == ["http://okta"])
        #expect(Self.v(c, "saml:doc") == ["111111111111/Okta"])
        #expect(Self.v(c, "saml:edupersonaffiliation") == ["staff"])
    }

    @Test("--context entries override derived keys")
    func overrides() {
        let c = Self.ctx(Self.user) { $0.extraContext = [.init(key: "aws:SourceVpce", value: .single("vpce-1")), .init(key: "AWS:PrincipalOrgID", value: .single("o-other"))] }
        #expect(Self.v(c, "aws:sourcevpce") == ["vpce-1"])
        #expect(Self.v(c, "aws:PrincipalOrgID") == ["o-other"])
    }
}
