import Inventory
import PolicyEngine

extension Simulator {
    /// The session name a role-ARN caller is given when the request names the role rather than a session.
    static let impliedSessionName = "trustmap-caller"

    /// What STS would answer to `request`. The decision is computed now; the trace, reason and hints
    /// when first read.
    public func simulate(_ request: AssumeRoleRequest) -> SimulationResult {
        let context = prepare(request)
        return AssumeRoleEvaluator.evaluate(context.input, context: context)
    }

    /// Only the decision `simulate(_:)` would give: no result, explanation or session is built.
    /// The graph builder asks this for every candidate edge.
    package func decide(_ request: AssumeRoleRequest) -> Decision {
        let context = prepare(request)
        return AssumeRoleEvaluator.decide(context.input, context: context)
    }

    /// The request context of a request, with the evaluator's input (`context.input`). The caller's
    /// resolution moves into the input and its principal into the context, each copied once: the
    /// request is copied once, into the input, which the context shares.
    private func prepare(_ request: AssumeRoleRequest) -> AssumeRoleContext {
        let compiledRole = roleIndexByArn.find(request.role).map { roles[$0] }
        let role = compiledRole?.target
        var assumptions: [String] = []
        var known = Known.none
        let resolution = resolveCallerSide(request, role: role, assumptions: &assumptions, known: &known)
        var scps = Self.scpsNotApplicable
        var orgID: String?
        var sessionPolicy: CompiledPolicy?
        var caller = Self.anonymousSide
        var callerTags: [String: String] = [:]
        if case .resolved(let side) = resolution {
            // An inventory user or role has its guardrails resolved already (only AssumeRole callers are).
            switch known {
            case .user(let u): scps = u.scps; orgID = u.orgID
            case .role(let c): scps = c.scps; orgID = c.orgID
            case .none:
                scps = Self.scpSet(for: side, organizationID: organizationID, managementAccount: managementAccount, levels: scpLevelsByAccount)
                orgID = Self.orgID(of: side.principal.accountId, organizationID: organizationID, managementAccount: managementAccount, accounts: accounts)
            }
            caller = side
            callerTags = side.tagsByLowercasedKey
            if let sp = request.sessionPolicy, side.principal.kind == .roleSession {
                sessionPolicy = CompiledPolicy(name: "session policy", kind: .session, document: sp)
            }
        }
        var federation = FederationOutcome.notApplicable
        if let role, request.action != .assumeRole {
            federation = federationOutcome(request, role: role, principal: caller.principal)
        }
        let input = AssumeRoleEvaluationInput(request: request, caller: resolution, role: role, federation: federation, scps: scps, rcps: compiledRole?.rcps ?? Self.noOrganization, sessionPolicy: sessionPolicy, assumptions: assumptions)
        return AssumeRoleContext(input: input, caller: caller, callerTags: callerTags, role: role, principalOrgID: orgID, resourceOrgID: compiledRole?.orgID)
    }

    static let anonymous = CallerPrincipal(kind: .anonymous, arn: "")
    /// The context's caller when the caller was rejected.
    static let anonymousSide = CallerSide(principal: anonymous)

    /// A resolved caller with the SCPs and organization of its account.
    struct ResolvedCaller {
        var resolution: AssumeRoleEvaluationInput.CallerResolution
        var scps: GuardrailSet
        var orgID: String?
    }

    /// Which inventory principal a caller resolved to, if any.
    enum Known {
        case none
        case user(CompiledUser)
        case role(CompiledRole)
    }

    static func orgID(of account: String?, organizationID: String?, managementAccount: String?, accounts: [String: Account]) -> String? {
        guard let account, let organizationID, let a = accounts[account] else { return nil }
        return a.inOrganization || a.id == managementAccount ? organizationID : nil
    }

    func resolveCaller(_ r: AssumeRoleRequest, role: TargetRole?, assumptions: inout [String]) -> ResolvedCaller {
        var known = Known.none
        let resolution = resolveCallerSide(r, role: role, assumptions: &assumptions, known: &known)
        guard case .resolved(let side) = resolution else { return ResolvedCaller(resolution: resolution, scps: Self.scpsNotApplicable, orgID: nil) }
        // An inventory user or role has its guardrails resolved already (only AssumeRole callers are).
        switch known {
        case .user(let u): return ResolvedCaller(resolution: resolution, scps: u.scps, orgID: u.orgID)
        case .role(let c): return ResolvedCaller(resolution: resolution, scps: c.scps, orgID: c.orgID)
        case .none:
            return ResolvedCaller(resolution: resolution, scps: Self.scpSet(for: side, organizationID: organizationID, managementAccount: managementAccount, levels: scpLevelsByAccount),
                                  orgID: Self.orgID(of: side.principal.accountId, organizationID: organizationID, managementAccount: managementAccount, accounts: accounts))
        }
    }

    /// Step 2: who is calling (assume-role.md §B.2). `known` is set to the inventory user or role the
    /// caller is (a role for its sessions).
    func resolveCallerSide(_ r: AssumeRoleRequest, role: TargetRole?, assumptions: inout [String], known: inout Known) -> AssumeRoleEvaluationInput.CallerResolution {
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
        // Known users first, then sessions of known roles (found by account and role name without
        // building anything). An ASCII session-shaped text is no user's ARN unless some user ARN has
        // that shape or is not ASCII (String equality is canonical equivalence, bytes can differ).
        var t = text
        let (session, ascii) = t.withUTF8 { b in (Self.sessionOffsets(b), !b.contains { $0 >= 0x80 }) }
        if session == nil || someUserArnLooksLikeSession || !ascii, let i = userIndexByArn.find(text) {
            known = .user(users[i])
            return .resolved(users[i].side)
        }
        if let o = session, let (i, sessionName) = t.withUTF8({ b -> (Int, String)? in
            guard let i = roleIndexByAccountAndName.find(UnsafeBufferPointer(rebasing: b[o.account]), UnsafeBufferPointer(rebasing: b[o.name])) else { return nil }
            return (i, String(decoding: UnsafeBufferPointer(rebasing: b[o.session]), as: UTF8.self))
        }) {
            let c = roles[i]
            known = .role(c)
            var p = c.asCaller.principal
            p.arn = text
            p.sessionName = sessionName
            return .resolved(c.asCaller.with(principal: p))
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
            if let i = userIndexByArn.find(text) {
                known = .user(users[i])
                return .resolved(users[i].side)
            }
            assumptions.append("\(text) is not in the inventory: its identity policies, permissions boundary and session policy are unknown" + (r.callerPolicies == .unknownAllows ? "; assumed to allow (the worst case for the role's owner)" : "; assumed to deny (--caller-policies unknown-denies)"))
            return .resolved(CallerSide(principal: p, identityKnown: false))
        case .role:
            // A role ARN as the caller means "a session of this role".
            if let i = roleIndexByArn.find(text) {
                known = .role(roles[i])
                var principal = roles[i].asCaller.principal
                principal.arn = "arn:\(p.partition):sts::\(p.accountId ?? ""):assumed-role/\(roles[i].target.name)/\(Self.impliedSessionName)"
                principal.sessionName = Self.impliedSessionName
                assumptions.append("the caller is a session of role \(text), named '\(Self.impliedSessionName)'")
                return .resolved(roles[i].asCaller.with(principal: principal))
            }
            p = CallerPrincipal(kind: .roleSession, arn: "arn:\(p.partition):sts::\(p.accountId ?? ""):assumed-role/\(p.name ?? "")/\(Self.impliedSessionName)", partition: p.partition, accountId: p.accountId, roleArn: text, name: p.name, sessionName: Self.impliedSessionName)
            assumptions.append("\(text) is not in the inventory: the caller is a session of it, whose identity policies, boundary and session policy are unknown" + (r.callerPolicies == .unknownAllows ? "; assumed to allow (the worst case for the role's owner)" : "; assumed to deny"))
            return .resolved(CallerSide(principal: p, identityKnown: false))
        case .roleSession:
            // A session resolves to the role of that name in that account, whatever its path (§0.4).
            if let i = roleIndexByAccountAndName.find(Substring(p.accountId ?? ""), Substring(p.name ?? "")) {
                known = .role(roles[i])
                var principal = roles[i].asCaller.principal
                principal.arn = text
                principal.sessionName = p.sessionName
                return .resolved(roles[i].asCaller.with(principal: principal))
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
        guard let o = sessionOffsets(text) else { return nil }
        let u = text.utf8
        func at(_ offset: Int) -> String.Index { u.index(u.startIndex, offsetBy: offset) }
        return (text[at(o.account.lowerBound)..<at(o.account.upperBound)], text[at(o.name.lowerBound)..<at(o.name.upperBound)], text[at(o.session.lowerBound)...])
    }

    /// Where the account, role name and session name of a session ARN are, as UTF-8 offsets.
    struct SessionOffsets {
        var account: Range<Int>
        var name: Range<Int>
        var session: Range<Int>
    }

    /// `sessionParts(_:)` as byte offsets. Scanned as raw UTF-8 bytes: the Character-based search
    /// (`firstRange(of:)`, `hasPrefix` and `firstIndex(of:)` on substrings) cost about half of every
    /// simulation of a session caller, and the UTF-8 view's indices a tenth (trustmap-bench, callgrind).
    /// Every delimiter is ASCII, so the offsets fall on character boundaries.
    static func sessionOffsets(_ text: String) -> SessionOffsets? {
        var t = text
        return t.withUTF8 { b in sessionOffsets(b) }
    }

    static func sessionOffsets(_ b: UnsafeBufferPointer<UInt8>) -> SessionOffsets? {
        let n = b.count
        guard n >= 4, b[0] == 0x61, b[1] == 0x72, b[2] == 0x6E, b[3] == 0x3A else { return nil }  // "arn:"
        // The end of the first ":sts::".
        var i = 0
        var afterSTS = -1
        while i + 6 <= n {
            if b[i] == 0x3A, b[i + 1] == 0x73, b[i + 2] == 0x74, b[i + 3] == 0x73, b[i + 4] == 0x3A, b[i + 5] == 0x3A {
                afterSTS = i + 6
                break
            }
            i += 1
        }
        guard afterSTS >= 0 else { return nil }
        var colon = afterSTS
        while colon < n, b[colon] != 0x3A { colon += 1 }
        guard colon < n, colon - afterSTS == 12 else { return nil }
        let resource = colon + 1
        let prefix: StaticString = "assumed-role/"
        let p = prefix.utf8Start
        let pn = prefix.utf8CodeUnitCount
        guard resource + pn <= n else { return nil }
        for k in 0..<pn where b[resource + k] != p[k] { return nil }
        let nameStart = resource + pn
        var slash = nameStart
        while slash < n, b[slash] != 0x2F { slash += 1 }
        guard slash < n, slash != nameStart else { return nil }
        let sessionStart = slash + 1
        guard sessionStart != n else { return nil }
        for k in sessionStart..<n where b[k] == 0x2F { return nil }
        return SessionOffsets(account: afterSTS..<colon, name: nameStart..<slash, session: sessionStart..<n)
    }

    static func isASCII(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { b in !b.contains { $0 >= 0x80 } }
    }

    /// The `Federated` principal a web-identity caller presents: the IAM OIDC provider ARN in the role's
    /// account, or a built-in provider's name.
    func federatedPrincipal(for provider: String, role: TargetRole?) -> String {
        if let role {
            let arn = "arn:\(role.partition):iam::\(role.accountId):oidc-provider/\(provider)"
            if oidcProviders.contains(arn) || !BuiltInWebIdentityProviders.names.contains(provider) { return arn }
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
