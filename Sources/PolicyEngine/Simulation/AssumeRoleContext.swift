/// The request context of an AssumeRole call, derived on demand from the caller, the role and the
/// request (assume-role.md §f; https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html).
///
/// Nothing is built up front: a condition asks for a key and the value is derived then, so an
/// evaluation whose policies test two keys derives two values.
public final class AssumeRoleContext: ConditionContext, Sendable {
    public let request: AssumeRoleRequest
    public let caller: CallerPrincipal
    public let callerTags: [String: String]
    public let role: TargetRole?
    /// `organization.id` when the caller account is an organization member.
    public let principalOrgID: String?
    /// `organization.id` when the role account is an organization member.
    public let resourceOrgID: String?
    private let overrides: [String: ContextValue]?

    public init(request: AssumeRoleRequest, caller: CallerPrincipal, callerTags: [String: String] = [:], role: TargetRole?, principalOrgID: String? = nil, resourceOrgID: String? = nil) {
        self.request = request
        self.caller = caller
        self.callerTags = callerTags
        self.role = role
        self.principalOrgID = principalOrgID
        self.resourceOrgID = resourceOrgID
        if request.extraContext.isEmpty {
            overrides = nil
        } else {
            var o: [String: ContextValue] = [:]
            for e in request.extraContext { o[ContextKey(e.key).lowercasedName] = e.value }
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
            for t in request.sessionTags where t.key.lowercased() == k { return .single(t.value) }
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
            if request.mfa { return isIAM ? .single("true") : nil }
            return isSession ? .single("false") : nil
        case .mfaAge: return request.mfa && isIAM ? .single(String(request.mfaAgeSeconds)) : nil
        case .tokenIssueTime: return isSession ? .single(ISO8601.format(request.tokenIssueTime ?? request.currentTime)) : nil
        case .sourceIp: return caller.kind == .service ? nil : request.sourceIp.map { .single($0) }
        case .sourceVpc: return caller.kind == .service ? nil : request.sourceVpc.map { .single($0) }
        case .currentTime: return .single(ISO8601.format(request.currentTime))
        case .epochTime: return .single(String(request.currentTime))
        case .secureTransport: return .single("true")
        case .viaAWSService: return isIAM ? .single("false") : nil
        case .sourceAccount: return caller.kind == .service ? request.sourceAccount.map { .single($0) } : nil
        case .sourceArn: return caller.kind == .service ? request.sourceArn.map { .single($0) } : nil
        case .resourceAccount: return role.map { .single($0.accountId) }
        case .resourceOrgID: return resourceOrgID.map { .single($0) }
        case .tagKeys:
            guard caller.kind != .service, !request.sessionTags.isEmpty else { return nil }
            return .multi(request.sessionTags.map(\.key))
        case .transitiveTagKeys:
            guard isIAM, !request.transitiveTagKeys.isEmpty else { return nil }
            return .multi(request.transitiveTagKeys)
        case .externalId: return isIAM ? request.externalId.map { .single($0) } : nil
        case .roleSessionName:
            if caller.kind == .saml { return samlSessionName.map { .single($0) } }
            return request.sessionName.map { .single($0) }
        case .stsSourceIdentity: return caller.kind == .service ? nil : request.sourceIdentity.map { .single($0) }
        case .samlAud: return request.saml?.aud.map { .single($0) }
        case .samlSub: return request.saml?.sub.map { .single($0) }
        case .samlSubType: return request.saml?.subType.map { .single($0) }
        case .samlIss: return request.saml?.iss.map { .single($0) }
        case .samlDoc:
            // `<provider account>/<provider name>` [STSKEYS].
            guard let p = request.saml?.provider, let arn = Arn(p) else { return nil }
            let name = arn.resource.asciiSplit(separator: "/").last.map(String.init) ?? ""
            return .single("\(arn.account)/\(name)")
        }
    }

    var samlSessionName: String? {
        guard let saml = request.saml else { return request.sessionName }
        for a in saml.attributes where a.key == "https://aws.amazon.com/SAML/Attributes/RoleSessionName" { return a.value.values.first }
        return request.sessionName ?? saml.sub
    }

    /// `<provider>:<claim>` for web identity, `saml:<attribute>` for SAML.
    private func federatedClaim(_ name: String) -> ContextValue? {
        if caller.kind == .saml, name.hasPrefix("saml:"), let saml = request.saml {
            let attr = name.dropFirst(5)
            for a in saml.attributes where a.key.lowercased() == attr { return a.value }
            return nil
        }
        guard caller.kind == .webIdentity, let w = request.webIdentity else { return nil }
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
