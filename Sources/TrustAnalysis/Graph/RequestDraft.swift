import Foundation
import PolicyEngine

/// The most capable request a caller could make to pass one trust statement: built from the
/// statement's conditions (and the Deny statements and identity conditions around it), then
/// confirmed by the engine. What it had to carry becomes the edge's requirements.
struct RequestDraft {
    var request: AssumeRoleRequest
    var requires: [EdgeRequirement] = []
    /// The caller's IAM user name, for `${aws:username}` in condition values.
    var userName: String?
    /// Outsiders control their own principal tags, so a trust testing aws:PrincipalTag can be met.
    var callerIsOutsider: Bool

    init(request: AssumeRoleRequest, userName: String?, callerIsOutsider: Bool) {
        self.request = request
        self.userName = userName
        self.callerIsOutsider = callerIsOutsider
    }

    private var webProvider: String? { request.webIdentity?.provider.lowercased() }

    private mutating func require(_ kind: EdgeRequirement.Kind, _ label: String, _ text: String) {
        let r = EdgeRequirement(kind: kind, label: label, text: text)
        if !requires.contains(r) { requires.append(r) }
    }

    private func value(_ c: ConditionClause) -> String? {
        guard var v = c.values.first else { return nil }
        if v.utf8.contains(UInt8(ascii: "$")), v.contains("${aws:username}"), let userName { v = v.replacingOccurrences(of: "${aws:username}", with: userName) }
        return c.parsedOperator.isLike ? Glob.example(of: v) : v
    }

    /// Makes a clause of an Allow statement true, where the caller controls its key. `described` is
    /// `ConditionJudgement.describe(c)` when the caller has it already (the graph builder asks this for
    /// every candidate edge of a statement).
    mutating func satisfy(_ c: ConditionClause, described: String? = nil) {
        let op = c.parsedOperator
        let key = c.lowercasedKey
        let shown = described ?? ConditionJudgement.describe(c)
        if op.isNegated || op.ifExists || op.qualifier == .forAllValues { return }
        if op.base == .null {
            if c.values.map({ $0.lowercased() }) == ["false"], settable(key) { set(key: key, to: "x", clause: c, shown: shown) }
            return
        }
        guard let v = value(c) else { return }
        if op.base == .bool && key == "aws:multifactorauthpresent" {
            if v.lowercased() == "true" {
                request.mfa = true
                require(.mfa, "MFA", shown)
            }
            return
        }
        guard settable(key) else {
            noteCallerCondition(c)
            return
        }
        set(key: key, to: v, clause: c, shown: shown)
    }

    /// Tries to make a clause of a Deny statement false; false when the caller cannot.
    mutating func falsify(_ c: ConditionClause) -> Bool {
        let op = c.parsedOperator
        let key = c.lowercasedKey
        if op.base == .bool && key == "aws:multifactorauthpresent" {
            if c.values.map({ $0.lowercased() }) == ["false"] {
                request.mfa = true
                require(.mfa, "MFA", "not denied by " + ConditionJudgement.describe(c))
                return true
            }
            return false
        }
        guard settable(key) else { return false }
        if op.isNegated {
            guard let v = value(c) else { return false }
            set(key: key, to: v, clause: c, shown: "not denied by " + ConditionJudgement.describe(c))
            return true
        }
        if op.base == .null {
            if c.values.map({ $0.lowercased() }) == ["true"] {
                set(key: key, to: "x", clause: c, shown: "\(c.key) present (not denied by Null)")
                return true
            }
            return false
        }
        // A positive test on a key the caller leaves out is already false.
        return !op.ifExists
    }

    /// Keys whose values the caller (or the token, assertion or calling service) decides.
    func settable(_ key: String) -> Bool {
        switch key {
        case "sts:externalid", "aws:multifactorauthpresent", "aws:multifactorauthage", "aws:sourceip", "aws:sourcevpc",
             "aws:sourcevpce", "sts:rolesessionname", "sts:sourceidentity", "aws:tagkeys", "sts:transitivetagkeys":
            return true
        case "aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid":
            return request.principal.map { !$0.hasPrefix("arn:") && $0.utf8.contains(UInt8(ascii: ".")) } ?? false
        default:
            if key.hasPrefix("aws:requesttag/") { return true }
            if key.hasPrefix("aws:principaltag/") { return callerIsOutsider }
            if let p = webProvider, key.hasPrefix(p + ":") { return true }
            if request.saml != nil, key.hasPrefix("saml:") { return true }
            return false
        }
    }

    private mutating func set(key: String, to v: String, clause c: ConditionClause, shown: String) {
        switch key {
        case "sts:externalid":
            request.externalId = v
            require(.externalID, "ExtId", shown)
        case "aws:multifactorauthage":
            request.mfa = true
            request.mfaAgeSeconds = 0
            require(.mfa, "MFA", shown)
        case "aws:sourceip":
            request.sourceIp = String(v.split(separator: "/").first ?? Substring(v))
            require(.sourceIP, "SrcIP", shown)
        case "aws:sourcevpc":
            request.sourceVpc = v
            require(.sourceVPC, "SrcVPC", shown)
        case "sts:rolesessionname":
            request.sessionName = v
            require(.sessionName, "Session", shown)
        case "sts:sourceidentity":
            request.sourceIdentity = v
            require(.sourceIdentity, "SrcId", shown)
        case "aws:tagkeys", "sts:transitivetagkeys":
            if !request.sessionTags.contains(where: { $0.key == v }) { request.sessionTags.append(.init(key: v, value: "x")) }
            if key == "sts:transitivetagkeys" { request.transitiveTagKeys.append(v) }
            require(.sessionTag, "Tag", shown)
        case "aws:sourcearn":
            request.sourceArn = v
            require(.serviceSource, "SrcArn", shown)
        case "aws:sourceaccount":
            request.sourceAccount = v
            require(.serviceSource, "SrcAcct", shown)
        default:
            if key.hasPrefix("aws:requesttag/") {
                let tagKey = String(c.key.dropFirst("aws:RequestTag/".count))
                request.sessionTags.removeAll { $0.key.lowercased() == tagKey.lowercased() }
                request.sessionTags.append(.init(key: tagKey, value: v))
                require(.sessionTag, "Tag", shown)
            } else if let p = webProvider, key.hasPrefix(p + ":") {
                let claim = String(key.dropFirst(p.count + 1))
                let value: ContextValue = claim == "amr" ? .multi([v]) : .single(v)
                request.webIdentity?.claims.removeAll { $0.key == claim }
                request.webIdentity?.claims.append(.init(key: claim, value: value))
                require(.webIdentityClaim, "\(claim)=\(c.values.first ?? v)", shown)
            } else if key.hasPrefix("saml:"), request.saml != nil {
                let name = String(key.dropFirst("saml:".count))
                switch name {
                case "aud": request.saml?.aud = v
                case "sub": request.saml?.sub = v
                case "sub_type": request.saml?.subType = v
                case "iss": request.saml?.iss = v
                default:
                    request.saml?.attributes.removeAll { $0.key == key }
                    request.saml?.attributes.append(.init(key: key, value: .single(v)))
                }
                require(.samlAttribute, "\(name)=\(c.values.first ?? v)", shown)
            } else {
                request.extraContext.removeAll { $0.key.lowercased() == key }
                request.extraContext.append(.init(key: c.key, value: .single(v)))
                require(.other, c.key, shown)
            }
        }
    }

    /// Records a condition the caller cannot set but must meet by who it is (aws:PrincipalOrgID …),
    /// so that the edge shows it.
    mutating func noteCallerCondition(_ c: ConditionClause) {
        let op = c.parsedOperator
        guard op.isStrictPositive else { return }
        let label: String
        switch c.lowercasedKey {
        case "aws:principalorgid": label = "OrgID"
        case "aws:principalorgpaths": label = "OrgPath"
        case "aws:principalaccount": label = "Account"
        case "aws:principalarn": label = "PrincipalArn"
        case "aws:userid": label = "UserId"
        default:
            if c.lowercasedKey.hasPrefix("aws:principaltag/") { label = "PrincipalTag"; break }
            return
        }
        require(.callerIdentity, label, ConditionJudgement.describe(c))
    }
}
