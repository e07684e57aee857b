/// The request context of an AssumeRole call, derived on demand from the caller, the role and the
/// request (assume-role.md §f; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
///
/// Nothing is built up front: a condition asks for a key and the value is derived then, so an
/// evaluation whose policies test two keys derives two values.
public final class AssumeRoleContext: ConditionContext, Sendable {
    /// The evaluator's input, for its request: the context shares it rather than copying the request
    /// (a copy retains every string and list of it, once per simulation).
    package let input: AssumeRoleEvaluationInput
    public var request: AssumeRoleRequest { input.request }
    /// The caller's side, for its principal: shared with the input (one retain, where a copy of the
    /// principal retained each of its strings).
    private let side: CallerSide
    public var caller: CallerPrincipal { side.principal }
    public let callerTags: [String: String]
    public let role: TargetRole?
    /// `organization.id` when the caller account is an organization member.
    public let principalOrgID: String?
    /// `organization.id` when the role account is an organization member.
    public let resourceOrgID: String?
    private let overrides: [String: ContextValue]?

    public convenience init(request: AssumeRoleRequest, caller: CallerPrincipal, callerTags: [String: String] = [:], role: TargetRole?, principalOrgID: String? = nil, resourceOrgID: String? = nil) {
        self.init(input: AssumeRoleEvaluationInput(request: request, caller: .rejected(reason: "", fix: ""), role: role), caller: CallerSide(principal: caller), callerTags: callerTags, role: role, principalOrgID: principalOrgID, resourceOrgID: resourceOrgID)
    }

    /// The context of `input.request`.
    /// (Only the request is read from `input`, only the principal from `caller`.)
    package init(input: AssumeRoleEvaluationInput, caller: CallerSide, callerTags: [String: String], role: TargetRole?, principalOrgID: String?, resourceOrgID: String?) {
        self.input = input
        side = caller
        self.callerTags = callerTags
        self.role = role
        self.principalOrgID = principalOrgID
        self.resourceOrgID = resourceOrgID
        if input.request.extraContext.isEmpty {
            overrides = nil
        } else {
            var o: [String: ContextValue] = [:]
            for e in input.request.extraContext { o[ContextKey(e.key).lowercasedName] = e.value }
            overrides = o
        }
    }

    enum Known {
        case principalArn, principalAccount, principalOrgID, principalType, principalIsAWSService, principalServiceName
        case principalServiceNamesList, userid, username, mfaPresent, mfaAge, tokenIssueTime, sourceIp, sourceVpc
        case currentTime, epochTime, secureTransport, viaAWSService, sourceAccount, sourceArn, resourceAccount
        case resourceOrgID, tagKeys, transitiveTagKeys, externalId, roleSessionName, stsSourceIdentity
        case samlAud, samlSub, samlSubType, samlIss, samlDoc
    }

    static let knownKeys: [String: Known] = [
        "aws:principalarn": .principalArn, "aws:principalaccount": .principalAccount, "aws:principalorgid": .principalOrgID,
        "aws:principaltype": .principalType, "aws:principalisawsservice": .principalIsAWSService,
        "aws:principalservicename": .principalServiceName, "aws:principalservicenameslist": .principalServiceNamesList,
        "aws:userid": .userid, "aws:username": .username, "aws:multifactorauthpresent": .mfaPresent,
        "aws:multifactorauthage": .mfaAge, "aws:tokenissuetime": .tokenIssueTime, "aws:sourceip": .sourceIp,
        "aws:sourcevpc": .sourceVpc, "aws:currenttime": .currentTime, "aws:epochtime": .epochTime,
        "aws:securetransport": .secureTransport, "aws:viaawsservice": .viaAWSService, "aws:sourceaccount": .sourceAccount,
        "aws:sourcearn": .sourceArn, "aws:resourceaccount": .resourceAccount, "aws:resourceorgid": .resourceOrgID,
        "aws:tagkeys": .tagKeys, "sts:transitivetagkeys": .transitiveTagKeys, "sts:externalid": .externalId,
        "sts:rolesessionname": .roleSessionName, "sts:sourceidentity": .stsSourceIdentity,
        "saml:aud": .samlAud, "saml:sub": .samlSub, "saml:sub_type": .samlSubType, "saml:iss": .samlIss, "saml:doc": .samlDoc,
    ]

    /// The token claims STS exposes as `token.actions.githubusercontent.com:<claim>` since early 2026 [STSCLAIMS].
    public static let gitHubClaims: Set<String> = ["actor", "actor_id", "job_workflow_ref", "repository", "repository_id", "workflow", "ref", "environment", "enterprise_id"]
    /// Claims every OIDC provider exposes as `<provider>:<claim>` [STSKEYS].
    public static let standardClaims: Set<String> = ["aud", "sub", "amr", "azp", "oaud"]

    private var isIAM: Bool { caller.isIAMIdentity }
    private var isSession: Bool { caller.kind == .roleSession || caller.kind == .role }

    public func value(for key: ContextKey) -> ContextValue? {
        if let overrides, let v = overrides[key.lowercasedName] { return v }
        switch key {
        case .principalTag(let k):
            guard isIAM, let v = callerTags[k] else { return nil }
            return .single(v)
        case .resourceTag(let k):
            guard let v = role?.tagsByLowercasedKey[k] else { return nil }
            return .single(v)
        case .requestTag(let k):
            guard caller.kind != .service else { return nil }
            for t in input.request.sessionTags where t.key.lowercased() == k { return .single(t.value) }
            return nil
        case .named(let name):
            if let known = Self.knownKeys[name] { return derive(known) }
            return federatedClaim(name)
        }
    }

    private func derive(_ k: Known) -> ContextValue? {
        switch k {
        case .principalArn:
            switch caller.kind {
            case .user, .role: return .single(caller.arn)
            // A session's aws:PrincipalArn is its role's ARN, with path, never the session ARN [GKEYS].
            case .roleSession:
                if let r = caller.roleArn { return .single(r) }
                return .single("arn:\(caller.partition):iam::\(caller.accountId ?? ""):role/\(caller.name ?? "")")
            default: return nil
            }
        case .principalAccount: return isIAM ? caller.accountId.map { .single($0) } : nil
        case .principalOrgID: return isIAM ? principalOrgID.map { .single($0) } : nil
        case .principalType:
            switch caller.kind {
            case .user: return .single("User")
            case .roleSession, .role: return .single("AssumedRole")
            default: return nil
            }
        case .principalIsAWSService:
            if caller.kind == .service { return .single("true") }
            return isIAM ? .single("false") : nil
        case .principalServiceName: return caller.kind == .service ? .single(caller.arn) : nil
        case .principalServiceNamesList: return nil
        case .userid:
            switch caller.kind {
            case .user: return caller.uniqueId.map { .single($0) }
            case .roleSession: return caller.uniqueId.map { .single("\($0):\(caller.sessionName ?? "")") }
            default: return nil
            }
        case .username: return caller.kind == .user ? caller.name.map { .single($0) } : nil
        case .mfaPresent:
            // Long-term keys carry no MFA key; temporary credentials carry false without MFA (A5).
            if input.request.mfa { return isIAM ? .single("true") : nil }
            return isSession ? .single("false") : nil
        case .mfaAge: return input.request.mfa && isIAM ? .single(String(input.request.mfaAgeSeconds)) : nil
        case .tokenIssueTime: return isSession ? .single(ISO8601.format(input.request.tokenIssueTime ?? input.request.currentTime)) : nil
        case .sourceIp: return caller.kind == .service ? nil : input.request.sourceIp.map { .single($0) }
        case .sourceVpc: return caller.kind == .service ? nil : input.request.sourceVpc.map { .single($0) }
        case .currentTime: return .single(ISO8601.format(input.request.currentTime))
        case .epochTime: return .single(String(input.request.currentTime))
        case .secureTransport: return .single("true")
        case .viaAWSService: return isIAM ? .single("false") : nil
        case .sourceAccount: return caller.kind == .service ? input.request.sourceAccount.map { .single($0) } : nil
        case .sourceArn: return caller.kind == .service ? input.request.sourceArn.map { .single($0) } : nil
        case .resourceAccount: return role.map { .single($0.accountId) }
        case .resourceOrgID: return resourceOrgID.map { .single($0) }
        case .tagKeys:
            guard caller.kind != .service, !input.request.sessionTags.isEmpty else { return nil }
            return .multi(input.request.sessionTags.map(\.key))
        case .transitiveTagKeys:
            guard isIAM, !input.request.transitiveTagKeys.isEmpty else { return nil }
            return .multi(input.request.transitiveTagKeys)
        case .externalId: return isIAM ? input.request.externalId.map { .single($0) } : nil
        case .roleSessionName:
            if caller.kind == .saml { return samlSessionName.map { .single($0) } }
            return input.request.sessionName.map { .single($0) }
        case .stsSourceIdentity: return caller.kind == .service ? nil : input.request.sourceIdentity.map { .single($0) }
        case .samlAud: return input.request.saml?.aud.map { .single($0) }
        case .samlSub: return input.request.saml?.sub.map { .single($0) }
        case .samlSubType: return input.request.saml?.subType.map { .single($0) }
        case .samlIss: return input.request.saml?.iss.map { .single($0) }
        case .samlDoc:
            // `<provider account>/<provider name>` [STSKEYS].
            guard let p = input.request.saml?.provider, let arn = Arn(p) else { return nil }
            let name = arn.resource.asciiSplit(separator: "/").last.map(String.init) ?? ""
            return .single("\(arn.account)/\(name)")
        }
    }

    var samlSessionName: String? {
        guard let saml = input.request.saml else { return input.request.sessionName }
        for a in saml.attributes where a.key == "https://aws.amazon.com/SAML/Attributes/RoleSessionName" { return a.value.values.first }
        return input.request.sessionName ?? saml.sub
    }

    /// `<provider>:<claim>` for web identity, `saml:<attribute>` for SAML.
    private func federatedClaim(_ name: String) -> ContextValue? {
        if caller.kind == .saml, name.hasPrefix("saml:"), let saml = input.request.saml {
            let attr = name.dropFirst(5)
            for a in saml.attributes where a.key.lowercased() == attr { return a.value }
            return nil
        }
        guard caller.kind == .webIdentity, let w = input.request.webIdentity else { return nil }
        let provider = w.provider.lowercased()
        guard name.count > provider.count + 1, name.hasPrefix(provider), name.utf8[name.utf8.index(name.utf8.startIndex, offsetBy: provider.utf8.count)] == 0x3A else { return nil }
        let claim = String(name.dropFirst(provider.count + 1))
        let exposed = Self.standardClaims.contains(claim) || (provider == "token.actions.githubusercontent.com" && Self.gitHubClaims.contains(claim))
        guard exposed else { return nil }
        for c in w.claims where c.key.lowercased() == claim {
            if claim == "amr" { return .multi(c.value.values) }
            return c.value
        }
        return nil
    }
}
