import Inventory
import PolicyEngine

/// The rules that judge one role's trust policy statement by statement.
extension FindingsEngine {
    mutating func judgeTrustPolicy(ofRole role: Role, facts: RoleTrustFacts) {
        if !facts.defects.isEmpty {
            collector.add(.malformedTrust, subject: role.arn, edge: nil,
                          evidence: "IAM would refuse this trust policy: " + facts.defects.joined(separator: "; "))
        }
        let denyGuarded = trustDeniesOutsiders(facts)
        let fenced = estate.rcpFencedAccounts.contains(role.accountId)
        for s in facts.statements where s.isAllow && !s.isMalformed {
            judgeStatement(s, of: role, facts: facts, guardedElsewhere: denyGuarded || fenced)
        }
    }

    /// A Deny statement for every AWS principal whose only conditions are negated guard tests
    /// (`StringNotEquals aws:PrincipalOrgID o-…`) fences the role off like a guard would.
    func trustDeniesOutsiders(_ facts: RoleTrustFacts) -> Bool {
        facts.usableDenies.contains { d in
            d.coversAssumeRole && d.principals.contains(where: \.isAWSWildcard) && !d.conditions.isEmpty
                && d.conditions.allSatisfy { c in
                    let op = c.parsedOperator
                    return op.isNegated && ConditionJudgement.guardKeys.contains(c.lowercasedKey)
                        && c.values.allSatisfy { ConditionJudgement.fixesOrgOrAccount(key: c.lowercasedKey, value: $0, like: op.isLike) }
                }
        }
    }

    mutating func judgeStatement(_ s: TrustStatementFacts, of role: Role, facts: RoleTrustFacts, guardedElsewhere: Bool) {
        let name = statementName(s)
        let hasGuard = guardedElsewhere || s.conditions.contains(where: ConditionJudgement.isGuard)

        // TM-ACTION-PRINCIPAL-MISMATCH and TM-TRUST-BROAD-ACTION look at the Action element.
        judgeActions(s, of: role)

        // TM-VACUOUS-CONDITION: conditions on sts:ExternalId, sub and aud are judged by their own rules.
        for c in s.conditions {
            let key = c.lowercasedKey
            if key == "sts:externalid" || key.hasSuffix(":sub") || key.hasSuffix(":aud") { continue }
            if let why = ConditionJudgement.vacuousReason(c) {
                collector.add(.vacuousCondition, subject: role.arn, edge: nil, evidence: "\(name): \(why)")
            }
        }

        // AWS principals.
        if s.coversAssumeRole {
            if s.principals.contains(where: \.isAWSWildcard) {
                judgeWildcard(s, of: role, hasGuard: hasGuard)
            }
            for p in s.principals where !p.isAWSWildcard {
                judgeAWSPrincipal(p, in: s, of: role, hasGuard: hasGuard)
            }
            if !s.principals.contains(where: \.isAWSWildcard) { judgeHumans(s, of: role, facts: facts) }
            for p in s.principals {
                if case .service(let service) = p { judgeService(service, in: s, of: role, facts: facts) }
            }
        }
        // Exact external IDs are judged for guessability whatever the principal.
        judgeExternalIDStrength(s, of: role)

        // Federated principals.
        for p in s.principals {
            switch p {
            case .oidcProvider(let arn, _, let issuer) where s.coversWebIdentity:
                if let shared = SharedOIDCIssuers.issuer(host: issuer) { judgeSharedIssuer(shared, providerARN: arn, in: s, of: role) }
            case .builtInWebIdentity(let provider) where s.coversWebIdentity:
                judgeBuiltInProvider(provider, in: s, of: role)
            case .samlProvider(let arn, _) where s.coversSAML:
                if !s.conditions.contains(where: { ConditionJudgement.testsPositively($0, key: "saml:aud") }) {
                    collector.add(.samlNoAudience, subject: role.arn, edge: EdgeRef(from: arn, to: role.arn),
                                  evidence: "\(name) trusts \(arn) with no SAML:aud condition")
                }
            default:
                break
            }
        }
    }

    // MARK: Any principal

    mutating func judgeWildcard(_ s: TrustStatementFacts, of role: Role, hasGuard: Bool) {
        guard !hasGuard else { return }
        let edge = EdgeRef(from: "*", to: role.arn)
        let written = s.principals.contains(.anyone) ? "\"Principal\": \"*\"" : "{\"AWS\": \"*\"}"
        let effective = s.conditions.filter { !ConditionJudgement.isIneffective($0) }
        if effective.isEmpty {
            let why = s.conditions.isEmpty ? "and no condition"
                : "and only conditions every caller passes (" + s.conditions.map { ConditionJudgement.describe($0) }.joined(separator: "; ") + ")"
            collector.add(.anyPrincipal, subject: role.arn, edge: edge, evidence: "\(statementName(s)) allows \(written) \(why)")
        } else {
            collector.add(.anyPrincipalWeaklyGuarded, subject: role.arn, edge: edge,
                          evidence: "\(statementName(s)) allows \(written); its only restrictions are ones the caller controls: "
                            + effective.map { ConditionJudgement.describe($0) }.joined(separator: "; "))
        }
    }

    // MARK: Named AWS principals

    mutating func judgeAWSPrincipal(_ p: TrustPrincipal, in s: TrustStatementFacts, of role: Role, hasGuard: Bool) {
        let name = statementName(s)
        if case .uniqueID(let id) = p, !estate.uniqueIDs.contains(id) {
            collector.add(.danglingPrincipal, subject: role.arn, edge: nil,
                          evidence: "\(name) names \(id), a unique id that belongs to no user or role of the inventory (the principal was deleted)")
            return
        }
        guard let account = p.awsAccount, account != role.accountId else { return }
        let trust = estate.trust(ofAccount: account)
        let edge = EdgeRef(from: p.nodeID, to: role.arn)
        let who = "\(p.nodeID) (\(describe(trust)) \(estate.accountName(account)))"
        let extIDClauses = s.clauses(onKey: "sts:externalid")
        let exact = extIDClauses.contains(where: ConditionJudgement.isExactExternalID)

        if trust == .unknownExternal {
            collector.add(.unknownExternalAccount, subject: role.arn, edge: edge,
                          evidence: "\(name) trusts \(who), an account that is neither in the organization nor a known third party")
        }
        if trust.isOutside {
            if !extIDClauses.isEmpty && !exact {
                collector.add(.externalIDNotExact, subject: role.arn, edge: edge,
                              evidence: "\(name) trusts \(who) but tests the external ID loosely: "
                                + extIDClauses.map { ConditionJudgement.describe($0) }.joined(separator: "; "))
            } else if extIDClauses.isEmpty && !hasGuard {
                collector.add(.crossAccountNoExternalID, severity: trust == .thirdParty ? .high : .medium, subject: role.arn,
                              edge: edge, evidence: "\(name) trusts \(who) with no sts:ExternalId condition and no guard")
            }
        }
        // TM-ACCOUNT-ROOT-TRUST: delegation to a whole other account, without a guard naming roles.
        if case .account = p, !s.conditions.contains(where: ConditionJudgement.namesPrincipals) {
            if trust.isInternal {
                collector.add(.accountRootTrust, severity: .low, subject: role.arn, edge: edge,
                              evidence: "\(name) trusts the whole account \(who); every principal there whose policies allow it can assume the role")
            } else if trust == .thirdParty && exact {
                collector.add(.accountRootTrust, severity: .info, subject: role.arn, edge: edge,
                              evidence: "\(name) trusts the whole account \(who) with an exact external ID")
            }
        }
    }

    func describe(_ trust: AccountTrust) -> String {
        switch trust {
        case .organization: return "organization account"
        case .internal: return "internal account"
        case .thirdParty: return "third party"
        case .unknownExternal: return "unknown external account"
        }
    }

    // MARK: People without MFA

    mutating func judgeHumans(_ s: TrustStatementFacts, of role: Role, facts: RoleTrustFacts) {
        var humans: [String] = []
        for p in s.principals {
            switch p {
            case .user(let arn, _): humans.append(arn)
            case .uniqueID(let id) where id.hasPrefix("AIDA") && estate.uniqueIDs.contains(id): humans.append(id)
            case .account(let a) where estate.isInternal(a) && !(estate.usersByAccount[a] ?? []).isEmpty:
                humans.append(a)
            default: break
            }
        }
        guard let first = humans.first else { return }
        if s.conditions.contains(where: ConditionJudgement.requiresMFA) || trustDeniesWithoutMFA(facts) { return }
        collector.add(.noMFAForHumans, subject: role.arn, edge: EdgeRef(from: first, to: role.arn),
                      evidence: "\(statementName(s)) trusts \(humans.joined(separator: ", ")) (IAM users) with no Bool aws:MultiFactorAuthPresent true or aws:MultiFactorAuthAge condition")
    }

    /// `Deny` + `BoolIfExists aws:MultiFactorAuthPresent false` denies every call without MFA,
    /// long-term keys included (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent).
    func trustDeniesWithoutMFA(_ facts: RoleTrustFacts) -> Bool {
        facts.usableDenies.contains { d in
            d.coversAssumeRole && d.conditions.count == 1 && d.conditions.contains { c in
                let op = c.parsedOperator
                return op.base == .bool && op.ifExists && c.lowercasedKey == "aws:multifactorauthpresent"
                    && c.values.map { $0.lowercased() } == ["false"]
            }
        }
    }

    // MARK: Services

    mutating func judgeService(_ service: String, in s: TrustStatementFacts, of role: Role, facts: RoleTrustFacts) {
        // Service-linked roles: AWS writes and locks their trust policy, and only the service itself may use them.
        guard ConfusedDeputyServices.contains(service), !role.isServiceLinked else { return }
        let sourceKeys = ["aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid"]
        if s.conditions.contains(where: { c in sourceKeys.contains { ConditionJudgement.testsPositively(c, key: $0) } }) { return }
        // A Deny that refuses the service without the right source also protects the role.
        let deniedElsewhere = facts.usableDenies.contains { d in
            d.coversAssumeRole && d.conditions.contains { c in c.parsedOperator.isNegated && sourceKeys.contains(c.lowercasedKey) }
        }
        if deniedElsewhere || estate.rcpSourceFencedAccounts.contains(role.accountId) { return }
        collector.add(.serviceConfusedDeputy, subject: role.arn, edge: EdgeRef(from: service, to: role.arn),
                      evidence: "\(statementName(s)) trusts the service \(service) with no aws:SourceArn, aws:SourceAccount or aws:SourceOrgID condition")
    }

    // MARK: Actions

    mutating func judgeActions(_ s: TrustStatementFacts, of role: Role) {
        let name = statementName(s)
        if let actions = s.statement.actions, let broad = actions.first(where: { $0 == "*" || $0.lowercased() == "sts:*" }) {
            collector.add(.trustBroadAction, subject: role.arn, edge: nil, evidence: "\(name) allows the action \(broad)")
        }
        let canAssumeRole = s.principals.contains { $0.isAWS || $0 == .anyone || { if case .service = $0 { return true }; return false }($0) }
        let canWebIdentity = s.principals.contains {
            switch $0 {
            case .anyone, .oidcProvider, .builtInWebIdentity: return true
            default: return false
            }
        }
        let canSAML = s.principals.contains {
            switch $0 {
            case .anyone, .samlProvider: return true
            default: return false
            }
        }
        let written = s.statement.actions ?? []
        for action in written where !Glob.hasWildcard(action) {
            let lower = action.lowercased()
            let callable: Bool
            switch lower {
            case "sts:assumerole": callable = canAssumeRole
            case "sts:assumerolewithwebidentity": callable = canWebIdentity
            case "sts:assumerolewithsaml": callable = canSAML
            default: continue
            }
            if !callable {
                let types = Set(s.principals.map(principalType)).sorted().joined(separator: ", ")
                collector.add(.actionPrincipalMismatch, subject: role.arn, edge: nil,
                              evidence: "\(name) allows \(action) to \(types) principals, which can never call it")
            }
        }
    }

    func principalType(_ p: TrustPrincipal) -> String {
        switch p {
        case .anyone: return "*"
        case .service: return "Service"
        case .oidcProvider, .samlProvider, .builtInWebIdentity: return "Federated"
        case .other(let type, _): return type
        default: return "AWS"
        }
    }

    // MARK: Federation

    mutating func judgeSharedIssuer(_ issuer: SharedOIDCIssuers.Issuer, providerARN: String, in s: TrustStatementFacts, of role: Role) {
        let host = issuer.host
        let subClauses = s.conditions.filter { $0.lowercasedKey == host + ":sub" && $0.parsedOperator.isStrictPositive && !$0.values.isEmpty }
        let repoClauses = s.conditions.filter {
            ($0.lowercasedKey == host + ":repository" || $0.lowercasedKey == host + ":repository_id")
                && $0.parsedOperator.isStrictPositive && !$0.values.isEmpty
        }
        var ownerPinned = false, repoPinned = false
        for c in subClauses {
            let like = c.parsedOperator.isLike
            let pins = c.values.map { SubjectPattern.judge($0, like: like, shape: issuer.subjectShape) }
            if pins.allSatisfy(\.owner) { ownerPinned = true }
            if pins.allSatisfy(\.repository) { repoPinned = true }
        }
        for c in repoClauses {
            let like = c.parsedOperator.isLike
            let pins = c.values.map { SubjectPattern.judgeRepositoryClaim($0, like: like, isID: c.lowercasedKey.hasSuffix("_id")) }
            if pins.allSatisfy(\.owner) { ownerPinned = true }
            if pins.allSatisfy(\.repository) { repoPinned = true }
        }
        let edge = EdgeRef(from: providerARN, to: role.arn)
        let shown = (subClauses + repoClauses).map { ConditionJudgement.describe($0) }.joined(separator: "; ")
        if !ownerPinned {
            collector.add(.oidcNoSubject, subject: role.arn, edge: edge,
                          evidence: "\(statementName(s)) trusts the shared issuer \(host) "
                            + (shown.isEmpty ? "with no sub condition" : "with a subject that pins no owner: \(shown)"))
        } else if !repoPinned {
            collector.add(.oidcBroadSubject, subject: role.arn, edge: edge,
                          evidence: "\(statementName(s)) trusts every repository of the owner: \(shown)")
        }
    }

    mutating func judgeBuiltInProvider(_ provider: String, in s: TrustStatementFacts, of role: Role) {
        let edge = EdgeRef(from: provider, to: role.arn)
        if provider == BuiltInWebIdentityProviders.cognito {
            if !s.conditions.contains(where: { ConditionJudgement.testsPositively($0, key: "cognito-identity.amazonaws.com:aud") }) {
                collector.add(.cognitoUnrestricted, subject: role.arn, edge: edge,
                              evidence: "\(statementName(s)) trusts cognito-identity.amazonaws.com with no cognito-identity.amazonaws.com:aud condition")
            }
        } else if let key = BuiltInWebIdentityProviders.audienceKey(for: provider) {
            if !s.conditions.contains(where: { ConditionJudgement.testsPositively($0, key: key) }) {
                collector.add(.oidcNoAudience, subject: role.arn, edge: edge,
                              evidence: "\(statementName(s)) trusts \(provider) with no \(key) condition")
            }
        }
    }
}
