import PolicyEngine

extension Simulator {
    /// The session name a role-ARN caller is given when the request names the role rather than a session.
    static let impliedSessionName = "trustmap-caller"

    /// What STS would answer to `request`. The decision is computed now; the trace, reason and hints
    /// when first read.
    public func simulate(_ request: AssumeRoleRequest) -> SimulationResult {
        let (input, context) = prepare(request)
        return AssumeRoleEvaluator.evaluate(input, context: context)
    }

    /// Only the decision `simulate(_:)` would give: no result, explanation or session is built.
    /// The graph builder asks this for every candidate edge.
    package func decide(_ request: AssumeRoleRequest) -> Decision {
        let (input, context) = prepare(request)
        return AssumeRoleEvaluator.decide(input, context: context)
    }

    /// The evaluator's input and request context for a request.
    private func prepare(_ request: AssumeRoleRequest) -> (AssumeRoleEvaluationInput, AssumeRoleContext) {
        let compiledRole = roleIndexByArn[request.role].map { roles[$0] }
        let role = compiledRole?.target
        var assumptions: [String] = []
        let resolved = resolveCaller(request, role: role, assumptions: &assumptions)
        var federation = FederationOutcome.notApplicable
        var sessionPolicy: CompiledPolicy?
        var principal = Self.anonymous
        var callerTags: [String: String] = [:]
        if case .resolved(let side) = resolved.resolution {
            principal = side.principal
            callerTags = side.tagsByLowercasedKey
            if let sp = request.sessionPolicy, side.principal.kind == .roleSession {
                sessionPolicy = CompiledPolicy(name: "session policy", kind: .session, document: sp)
            }
        }
        if let role, request.action != .assumeRole {
            federation = federationOutcome(request, role: role, principal: principal)
        }
        let input = AssumeRoleEvaluationInput(request: request, caller: resolved.resolution, role: role, federation: federation, scps: resolved.scps, rcps: compiledRole?.rcps ?? Self.noOrganization, sessionPolicy: sessionPolicy, assumptions: assumptions)
        let context = AssumeRoleContext(request: request, caller: principal, callerTags: callerTags, role: role, principalOrgID: resolved.orgID, resourceOrgID: compiledRole?.orgID)
        return (input, context)
    }

    static let anonymous = CallerPrincipal(kind: .anonymous, arn: "")

    /// A resolved caller with the SCPs and organization of its account.
    struct ResolvedCaller {
        var resolution: AssumeRoleEvaluationInput.CallerResolution
        var scps: GuardrailSet
        var orgID: String?
    }

    static func orgID(of account: String?, organizationID: String?, managementAccount: String?, accounts: [String: Account]) -> String? {
        guard let account, let organizationID, let a = accounts[account] else { return nil }
        return a.inOrganization || a.id == managementAccount ? organizationID : nil
    }

    func resolveCaller(_ r: AssumeRoleRequest, role: TargetRole?, assumptions: inout [String]) -> ResolvedCaller {
        let resolution = resolveCallerSide(r, role: role, assumptions: &assumptions)
        guard case .resolved(let side) = resolution else { return ResolvedCaller(resolution: resolution, scps: Self.scpsNotApplicable, orgID: nil) }
        if let text = r.principal, r.action == .assumeRole {
            if let i = userIndexByArn[text] { return ResolvedCaller(resolution: resolution, scps: users[i].scps, orgID: users[i].orgID) }
            if side.identityKnown, let i = roleIndexByArn[side.principal.roleArn ?? ""] { return ResolvedCaller(resolution: resolution, scps: roles[i].scps, orgID: roles[i].orgID) }
        }
        return ResolvedCaller(resolution: resolution, scps: Self.scpSet(for: side, organizationID: organizationID, managementAccount: managementAccount, levels: scpLevelsByAccount),
                              orgID: Self.orgID(of: side.principal.accountId, organizationID: organizationID, managementAccount: managementAccount, accounts: accounts))
    }

    /// Step 2: who is calling (assume-role.md §B.2).
    func resolveCallerSide(_ r: AssumeRoleRequest, role: TargetRole?, assumptions: inout [String]) -> AssumeRoleEvaluationInput.CallerResolution {
        switch r.action {
        case .assumeRoleWithWebIdentity:
            guard let w = r.webIdentity else { return .rejected(reason: "AssumeRoleWithWebIdentity needs the token's claims", fix: "pass --web-identity-token-claims") }
            return .resolved(CallerSide(principal: CallerPrincipal(kind: .webIdentity, arn: federatedPrincipal(for: w.provider, role: role)), identityKnown: false))
        case .assumeRoleWithSAML:
            guard let s = r.saml else { return .rejected(reason: "AssumeRoleWithSAML needs the assertion", fix: "pass --saml-attributes") }
            return .resolved(CallerSide(principal: CallerPrincipal(kind: .saml, arn: s.provider), identityKnown: false))
        case .assumeRole:
            break
        }
        guard let text = r.principal, !text.isEmpty else {
            return .rejected(reason: "no caller principal was given", fix: "pass --principal with a user, role or session ARN, an account ID or a service principal")
        }
        // Known users first: the common case needs no parsing at all.
        if let i = userIndexByArn[text] { return .resolved(users[i].side) }
        // Sessions of known roles: found by account and role name without splitting the ARN.
        if let (account, name, session) = Self.sessionParts(text), let i = roleIndexByAccountAndName["\(account)/\(name)"] {
            var side = roles[i].asCaller
            side.principal.arn = text
            side.principal.sessionName = String(session)
            return .resolved(side)
        }
        guard var p = CallerPrincipal.parse(text) else {
            return .rejected(reason: "'\(text)' is not a principal that can call AssumeRole (an IAM user, a role session, an account ID or a service principal)", fix: "pass a user ARN, a session ARN arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION, an account ID or a service principal")
        }
        switch p.kind {
        case .root:
            // "Roles may not be assumed by root accounts" [TEMPREQ].
            return .rejected(reason: "the root user of account \(p.accountId ?? "") cannot call AssumeRole (STS: \"Roles may not be assumed by root accounts\")", fix: "call as an IAM user or role session of that account")
        case .federatedUser:
            return .rejected(reason: "a GetFederationToken session (\(text)) cannot call STS operations other than GetCallerIdentity", fix: "call as an IAM user or role session")
        case .user:
            if let i = userIndexByArn[text] { return .resolved(users[i].side) }
            assumptions.append("\(text) is not in the inventory: its identity policies, permissions boundary and session policy are unknown" + (r.callerPolicies == .unknownAllows ? "; assumed to allow (the worst case for the role's owner)" : "; assumed to deny (--caller-policies unknown-denies)"))
            return .resolved(CallerSide(principal: p, identityKnown: false))
        case .role:
            // A role ARN as the caller means "a session of this role".
            if let i = roleIndexByArn[text] {
                var side = roles[i].asCaller
                side.principal.arn = "arn:\(p.partition):sts::\(p.accountId ?? ""):assumed-role/\(roles[i].target.name)/\(Self.impliedSessionName)"
                side.principal.sessionName = Self.impliedSessionName
                assumptions.append("the caller is a session of role \(text), named '\(Self.impliedSessionName)'")
                return .resolved(side)
            }
            p = CallerPrincipal(kind: .roleSession, arn: "arn:\(p.partition):sts::\(p.accountId ?? ""):assumed-role/\(p.name ?? "")/\(Self.impliedSessionName)", partition: p.partition, accountId: p.accountId, roleArn: text, name: p.name, sessionName: Self.impliedSessionName)
            assumptions.append("\(text) is not in the inventory: the caller is a session of it, whose identity policies, boundary and session policy are unknown" + (r.callerPolicies == .unknownAllows ? "; assumed to allow (the worst case for the role's owner)" : "; assumed to deny"))
            return .resolved(CallerSide(principal: p, identityKnown: false))
        case .roleSession:
            // A session resolves to the role of that name in that account, whatever its path (§0.4).
            if let i = roleIndexByAccountAndName["\(p.accountId ?? "")/\(p.name ?? "")"] {
                var side = roles[i].asCaller
                side.principal.arn = text
                side.principal.sessionName = p.sessionName
                return .resolved(side)
            }
            assumptions.append("\(text) is a session of a role that is not in the inventory: its identity policies, boundary and session policy are unknown" + (r.callerPolicies == .unknownAllows ? "; assumed to allow (the worst case for the role's owner)" : "; assumed to deny (--caller-policies unknown-denies)"))
            return .resolved(CallerSide(principal: p, identityKnown: false))
        case .account:
            assumptions.append("account \(text) stands for some principal of that account, matched only by account principals and \"*\"; its identity policies are unknown" + (r.callerPolicies == .unknownAllows ? " and assumed to allow (the worst case for the role's owner)" : " and assumed to deny"))
            return .resolved(CallerSide(principal: p, identityKnown: false))
        case .service:
            return .resolved(CallerSide(principal: p, identityKnown: false))
        default:
            return .rejected(reason: "'\(text)' cannot call AssumeRole", fix: "pass an IAM user or role session")
        }
    }

    /// `arn:<partition>:sts::<account>:assumed-role/<role>/<session>` split into account, role and session.
    static func sessionParts(_ text: String) -> (Substring, Substring, Substring)? {
        // Scanned as UTF-8 bytes: the Character-based search (`firstRange(of:)`, `hasPrefix` and
        // `firstIndex(of:)` on substrings) cost about half of every simulation of a session caller
        // (trustmap-bench, callgrind). Every delimiter is ASCII, so byte positions are valid String indices.
        let u = text.utf8
        guard u.starts(with: "arn:".utf8), let afterSTS = endOfFirstSTS(in: text),
              let colon = u[afterSTS...].firstIndex(of: UInt8(ascii: ":")),
              u.distance(from: afterSTS, to: colon) == 12 else { return nil }
        let resource = u.index(after: colon)
        let prefix = "assumed-role/".utf8
        guard u[resource...].starts(with: prefix) else { return nil }
        let nameStart = u.index(resource, offsetBy: prefix.count)
        guard let slash = u[nameStart...].firstIndex(of: UInt8(ascii: "/")), slash != nameStart else { return nil }
        let sessionStart = u.index(after: slash)
        guard sessionStart != u.endIndex, !u[sessionStart...].contains(UInt8(ascii: "/")) else { return nil }
        return (text[afterSTS..<colon], text[nameStart..<slash], text[sessionStart...])
    }

    /// Where the first `:sts::` of `text` ends.
    static func endOfFirstSTS(in text: String) -> String.Index? {
        let u = text.utf8
        var i = u.startIndex
        while i != u.endIndex {
            var j = i
            var matched = 0
            for b in ":sts::".utf8 {
                guard j != u.endIndex, u[j] == b else { break }
                u.formIndex(after: &j)
                matched += 1
            }
            if matched == 6 { return j }
            u.formIndex(after: &i)
        }
        return nil
    }

    static let builtInWebIdentityProviders: Set<String> = ["cognito-identity.amazonaws.com", "www.amazon.com", "graph.facebook.com", "accounts.google.com"]

    /// The `Federated` principal a web-identity caller presents: the IAM OIDC provider ARN in the role's
    /// account, or a built-in provider's name.
    func federatedPrincipal(for provider: String, role: TargetRole?) -> String {
        if let role {
            let arn = "arn:\(role.partition):iam::\(role.accountId):oidc-provider/\(provider)"
            if oidcProviders.contains(arn) || !Self.builtInWebIdentityProviders.contains(provider) { return arn }
        }
        return provider
    }

    /// Step 5 (§B.4): the provider must be registered in the role's account (A11).
    func federationOutcome(_ r: AssumeRoleRequest, role: TargetRole, principal: CallerPrincipal) -> FederationOutcome {
        switch r.action {
        case .assumeRole:
            return .notApplicable
        case .assumeRoleWithWebIdentity:
            guard let w = r.webIdentity else { return .notApplicable }
            if principal.arn.hasPrefix("arn:") {
                if oidcProviders.contains(principal.arn) { return .passed("the OIDC provider \(principal.arn) is registered in account \(role.accountId) (its client-ID list is not in the inventory, so the token's aud is checked only by the trust policy)") }
                return .failed("no IAM OIDC provider for \(w.provider) is registered in account \(role.accountId) (STS answers InvalidIdentityToken)")
            }
            return .passed("\(w.provider) is a built-in web-identity provider")
        case .assumeRoleWithSAML:
            guard let s = r.saml else { return .notApplicable }
            guard samlProviders.contains(s.provider) else { return .failed("the SAML provider \(s.provider) is not registered in the inventory") }
            guard Arn(s.provider)?.account == role.accountId else { return .failed("the SAML provider \(s.provider) is not in the role's account \(role.accountId) [convention]") }
            return .passed("the SAML provider \(s.provider) is registered in account \(role.accountId)")
        }
    }

    // The reasons are constant strings: `simulate` runs once per candidate edge and must not build text.
    static let scpsNotApplicable = GuardrailSet.notApplicable("SCPs restrict only IAM users and roles of member accounts; they do not apply to this caller")
    static let noOrganization = GuardrailSet.notApplicable("no organization in the inventory")
    static let callerNotMember = GuardrailSet.notApplicable("the caller's account is not a known member of the organization, so its SCPs are unknown or do not apply")
    static let managementCaller = GuardrailSet.notApplicable("SCPs do not restrict users or roles in the management account")
    static let serviceLinkedCaller = GuardrailSet.notApplicable("SCPs do not restrict service-linked roles")
    static let roleNotMember = GuardrailSet.notApplicable("the role's account is not a member of the organization, so no RCP applies")
    static let managementRole = GuardrailSet.notApplicable("RCPs do not apply to resources in the management account")
    static let noRCPs = GuardrailSet.notApplicable("no RCP is attached above the role's account (RCPFullAWSAccess allows)")

    /// SCPs of the caller account (§g.1).
    static func scpSet(for side: CallerSide, organizationID: String?, managementAccount: String?, levels scpLevelsByAccount: [String: [GuardrailLevel]]) -> GuardrailSet {
        let p = side.principal
        guard p.isIAMIdentity, let account = p.accountId else { return Self.scpsNotApplicable }
        guard organizationID != nil else { return Self.noOrganization }
        guard let levels = scpLevelsByAccount[account] else { return Self.callerNotMember }
        if account == managementAccount { return Self.managementCaller }
        if side.isServiceLinkedRole { return Self.serviceLinkedCaller }
        return .levels(levels)
    }

    /// RCPs of the role account (§g.2).
    static func rcpSet(account: String, organizationID: String?, managementAccount: String?, levels rcpLevelsByAccount: [String: [GuardrailLevel]]) -> GuardrailSet {
        guard organizationID != nil else { return Self.noOrganization }
        guard let levels = rcpLevelsByAccount[account] else { return Self.roleNotMember }
        if account == managementAccount { return Self.managementRole }
        if levels.isEmpty { return Self.noRCPs }
        return .levels(levels)
    }
}
