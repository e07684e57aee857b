/// One rule of the catalogue (findings.md): its stable id, default severity, title,
/// the help text shown by the dashboard and written into SARIF, and the remediation.
public struct FindingRule: Sendable, Hashable {
    public var id: String
    public var severity: Severity
    public var title: String
    public var help: String
    public var remediation: String

    public init(id: String, severity: Severity, title: String, help: String, remediation: String) {
        self.id = id
        self.severity = severity
        self.title = title
        self.help = help
        self.remediation = remediation
    }

    /// The rule with this id, or nil.
    public static func named(_ id: String) -> FindingRule? { byID[id] }

    private static let byID: [String: FindingRule] = Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0) })
}

extension FindingRule {
    public static let anyPrincipalWeaklyGuarded = FindingRule(
        id: "TM-ANY-PRINCIPAL-WEAKLY-GUARDED", severity: .high,
        title: "Any AWS principal may assume the role; only weak conditions stand in the way",
        help: "An Allow trust statement matches every AWS principal (\"*\" or {\"AWS\":\"*\"}) and its only restrictions are ones the caller controls or can route around: an external ID, a session name, MFA, or network keys (aws:SourceIp, aws:SourceVpc, aws:SourceVpce). Any principal of any AWS account that meets them gets in.",
        remediation: "Name the trusted principals, or add a guard that pins the caller's organization or account (aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn).")
    public static let anyPrincipal = FindingRule(
        id: "TM-ANY-PRINCIPAL", severity: .critical,
        title: "Any AWS principal in any account may assume the role",
        help: "An Allow trust statement matches every AWS principal (\"*\" or {\"AWS\":\"*\"}) and has no condition that restricts who the caller is. Every IAM user and role session of every AWS account can assume the role.",
        remediation: "Replace the wildcard with the principals that need the role, or add aws:PrincipalOrgID / aws:PrincipalAccount / aws:PrincipalArn conditions.")
    public static let externalIDNotExact = FindingRule(
        id: "TM-EXTERNAL-ID-NOT-EXACT", severity: .high,
        title: "The external ID check can be passed without knowing the value",
        help: "An Allow trust to an external principal tests sts:ExternalId in a way a caller without the value passes: StringLike with * or ?, a negated operator, an ...IfExists operator (a caller that sends no external ID passes) or ForAllValues (an absent key passes). The confused-deputy protection is void. See https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html",
        remediation: "Test the external ID with StringEquals on the exact value the third party gave you.")
    public static let crossAccountNoExternalID = FindingRule(
        id: "TM-XACCT-NO-EXTERNAL-ID", severity: .high,
        title: "An external account is trusted without an external ID",
        help: "An Allow trust to an account outside the organization (or to a principal in one) has no guard and no sts:ExternalId condition. A vendor serving many customers can be tricked into using its access on your role (the confused deputy). High for a known third party, medium for an unknown external account. See https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
        remediation: "Require the external ID the third party issued you (StringEquals sts:ExternalId), or remove the trust.")
    public static let externalIDWeak = FindingRule(
        id: "TM-EXTERNAL-ID-WEAK", severity: .medium,
        title: "The required external ID is guessable",
        help: "The exact external ID required by the trust policy is shorter than 16 characters, only digits, equal to an account id or to an account or role name of the inventory, or of low estimated entropy. A guessable external ID gives little protection against the confused deputy.",
        remediation: "Ask the third party for a unique, random external ID (a UUID is fine) and require it with StringEquals.")
    public static let externalIDReused = FindingRule(
        id: "TM-EXTERNAL-ID-REUSED", severity: .medium,
        title: "The same external ID guards trust to different external accounts",
        help: "One external ID value guards trust to two or more different external accounts. An external ID must be unique per trusted party; shared, it lets one party present the other's value.",
        remediation: "Use a different external ID for each external account.")
    public static let oidcNoSubject = FindingRule(
        id: "TM-OIDC-NO-SUBJECT", severity: .critical,
        title: "Any repository of a shared CI provider may assume the role",
        help: "A web-identity trust for a shared issuer (GitHub Actions, GitLab, Terraform Cloud, Buildkite) has no condition that pins the owner: no sub condition, or a sub that is only wildcards or repo:*, and no condition on the repository claim. Every customer of that CI provider can mint a token that passes. See https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services",
        remediation: "Add a StringEquals/StringLike condition on <issuer>:sub that names your organization and repository (repo:OWNER/REPO:...).")
    public static let oidcBroadSubject = FindingRule(
        id: "TM-OIDC-BROAD-SUBJECT", severity: .medium,
        title: "Any repository of the owner may assume the role",
        help: "The sub condition pins the owner but wildcards the repository (repo:acme/*): every repository of the organization, including forks and new repositories, can assume the role. One repository with any branch (repo:acme/app:*) does not fire.",
        remediation: "Pin the repository (and, for production, the branch or environment) in the sub condition.")
    public static let oidcNoAudience = FindingRule(
        id: "TM-OIDC-NO-AUDIENCE", severity: .high,
        title: "A built-in web identity provider is trusted without an audience",
        help: "A trust for a built-in web identity provider (accounts.google.com, graph.facebook.com, www.amazon.com) has no aud / app_id condition: a token issued to any application of that provider passes. IAM OIDC providers are not flagged: STS checks aud against the provider's client-id list.",
        remediation: "Add a StringEquals condition on the provider's aud (Google) or app_id (Facebook, Amazon) key naming your application.")
    public static let cognitoUnrestricted = FindingRule(
        id: "TM-COGNITO-UNRESTRICTED", severity: .high,
        title: "Any Cognito identity pool of any account may assume the role",
        help: "A cognito-identity.amazonaws.com trust has no cognito-identity.amazonaws.com:aud condition, so identities of any identity pool in any AWS account can assume the role. See https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html",
        remediation: "Add StringEquals cognito-identity.amazonaws.com:aud with your identity pool id (and an amr condition).")
    public static let samlNoAudience = FindingRule(
        id: "TM-SAML-NO-AUDIENCE", severity: .low,
        title: "A SAML trust does not check the audience",
        help: "A SAML trust has no SAML:aud condition. AWS's own template checks that the assertion was addressed to the AWS sign-in endpoint.",
        remediation: "Add StringEquals SAML:aud https://signin.aws.amazon.com/saml.")
    public static let serviceConfusedDeputy = FindingRule(
        id: "TM-SERVICE-CONFUSED-DEPUTY", severity: .medium,
        title: "A service may assume the role on behalf of any account",
        help: "A service principal for which AWS documents aws:SourceArn / aws:SourceAccount conditions in the role trust policy can assume the role without any of aws:SourceArn, aws:SourceAccount, aws:SourceOrgID: another customer of the service could make it act with your role. See https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
        remediation: "Add StringEquals aws:SourceAccount (your account) and, where possible, ArnLike aws:SourceArn for the resource that uses the role.")
    public static let malformedTrust = FindingRule(
        id: "TM-MALFORMED-TRUST", severity: .medium,
        title: "The trust policy could not be stored by IAM",
        help: "The trust policy has a defect IAM would refuse (NotPrincipal, a partial wildcard in Principal, a Resource element, an unknown principal type, a missing Principal or Action). The inventory is probably hand-written or altered; the simulator answers 'invalid' for this role.",
        remediation: "Fix the document as IAM would require, then compare it with the live role (aws iam get-role).")
    public static let actionPrincipalMismatch = FindingRule(
        id: "TM-ACTION-PRINCIPAL-MISMATCH", severity: .medium,
        title: "The trust allows an action its principal can never call",
        help: "An explicitly named action cannot be called by the principal type of the statement (Federated with sts:AssumeRole; AWS or Service with sts:AssumeRoleWithWebIdentity / sts:AssumeRoleWithSAML). The statement does not do what its author meant, and may hide a missing or wrong grant.",
        remediation: "Use sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML for Federated principals and sts:AssumeRole for AWS and Service principals.")
    public static let trustBroadAction = FindingRule(
        id: "TM-TRUST-BROAD-ACTION", severity: .low,
        title: "The trust allows every STS action",
        help: "An Allow trust statement uses the action sts:* or *. It grants every assume operation and the session-tagging actions at once; trust should name the operations it means.",
        remediation: "Name the actions: sts:AssumeRole (plus sts:TagSession / sts:SetSourceIdentity when needed).")
    public static let vacuousCondition = FindingRule(
        id: "TM-VACUOUS-CONDITION", severity: .medium,
        title: "A trust condition that every caller passes",
        help: "A condition in an Allow trust statement looks like a restriction but every intended caller passes it: BoolIfExists aws:MultiFactorAuthPresent true (long-term access keys carry no MFA key), ForAllValues on a single-valued key (an absent key passes), or StringLike whose values include * alone.",
        remediation: "Use Bool aws:MultiFactorAuthPresent true (no IfExists) for MFA, an unqualified operator on single-valued keys, and concrete values.")
    public static let accountRootTrust = FindingRule(
        id: "TM-ACCOUNT-ROOT-TRUST", severity: .low,
        title: "The role trusts a whole other account",
        help: "The trust delegates to a whole other account (ACCOUNT or arn:aws:iam::ACCOUNT:root) without a guard that names roles (aws:PrincipalArn): every user and role of that account whose own policies allow it can assume the role. Low for another account of the organization; info for a third party with an exact external ID.",
        remediation: "Name the roles that need access, or add ArnLike aws:PrincipalArn for them.")
    public static let noMFAForHumans = FindingRule(
        id: "TM-NO-MFA-FOR-HUMANS", severity: .low,
        title: "People may assume the role without MFA",
        help: "The trust names IAM users, or the root of an account of the organization that has IAM users, without Bool aws:MultiFactorAuthPresent true or an aws:MultiFactorAuthAge limit. See https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html",
        remediation: "Add \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"} to the trust statement.")
    public static let danglingPrincipal = FindingRule(
        id: "TM-DANGLING-PRINCIPAL", severity: .medium,
        title: "The trusted principal was deleted",
        help: "Principal.AWS holds a unique id (AROA…, AIDA…) that belongs to no principal of the inventory. IAM shows the raw id when the principal it named was deleted; a new principal with the same name does not match.",
        remediation: "Remove the stale principal from the trust policy, or name its replacement by ARN.")
    public static let unknownExternalAccount = FindingRule(
        id: "TM-UNKNOWN-EXTERNAL-ACCOUNT", severity: .medium,
        title: "The role trusts an account nobody has identified",
        help: "An Allow trust names an account that is neither in the organization nor marked as a known third party, whatever its conditions.",
        remediation: "Identify the account (mark it thirdParty in the inventory if it is a vendor) or remove the trust.")
    public static let longSession = FindingRule(
        id: "TM-LONG-SESSION", severity: .low,
        title: "An outsider's session may last longer than an hour",
        help: "A role that an outside AWS principal can assume allows sessions longer than one hour (MaxSessionDuration > 3600), so stolen or misused credentials stay valid longer.",
        remediation: "Lower MaxSessionDuration to 3600 for roles that outsiders can assume.")
    public static let staleTrust = FindingRule(
        id: "TM-STALE-TRUST", severity: .low,
        title: "Cross-account trust on a role nobody uses",
        help: "A role that AWS principals of other accounts can assume was last used more than 90 days before the evaluation date, or was never used and was created more than 90 days before it. An unknown last-use date does not fire.",
        remediation: "Remove the role or its cross-account trust if it is no longer needed.")
    public static let assumeAnyRole = FindingRule(
        id: "TM-ASSUME-ANY-ROLE", severity: .medium,
        title: "The principal may assume roles of any account",
        help: "An identity policy allows sts:AssumeRole (by name or an sts: wildcard) on Resource \"*\" or on roles of any account (arn:aws:iam::*:role/...) with no aws:ResourceAccount / aws:ResourceOrgID condition: every role that trusts this principal or its account, anywhere, is within reach. Action \"*\" does not fire.",
        remediation: "Limit Resource to the roles (or accounts) the principal needs, or add aws:ResourceOrgID / aws:ResourceAccount.")
    public static let trustRewrite = FindingRule(
        id: "TM-TRUST-REWRITE", severity: .medium,
        title: "A non-administrator may rewrite trust policies",
        help: "A principal that is not administrator-equivalent may call iam:UpdateAssumeRolePolicy on roles of its own account: it can make itself (or anyone) trusted by those roles and take their permissions.",
        remediation: "Remove iam:UpdateAssumeRolePolicy, or limit it to the roles this principal manages and guard it with a permissions boundary.")
    public static let privilegedExternal = FindingRule(
        id: "TM-PRIVILEGED-EXTERNAL", severity: .critical,
        title: "An administrator role is assumable from outside",
        help: "An administrator-equivalent role can be assumed in one hop by a principal outside the organization: a third party, an unknown external account, or anyone.",
        remediation: "Give outsiders a role with only the permissions they need, and remove their trust on this one.")
    public static let chainToPrivileged = FindingRule(
        id: "TM-CHAIN-TO-PRIVILEGED", severity: .high,
        title: "A chain of role assumptions reaches an administrator role",
        help: "A chain of two or more sts:AssumeRole hops reaches this administrator-equivalent role from outside, or from a principal that is not administrator-equivalent. Hops that need MFA or an external ID count; SCPs and RCPs can cut hops.",
        remediation: "Break the chain at its weakest hop: remove the trust or the identity permission that allows it.")
    public static let circularTrust = FindingRule(
        id: "TM-CIRCULAR-TRUST", severity: .info,
        title: "Roles can assume each other in a cycle",
        help: "Two or more distinct roles can assume each other in a cycle, which makes chains unbounded and session origin hard to follow (role chaining keeps resetting the one-hour limit).",
        remediation: "Remove the trust that closes the cycle unless it is needed.")

    /// Every rule, in the order of findings.md.
    public static let catalogue: [FindingRule] = [
        anyPrincipalWeaklyGuarded, anyPrincipal, externalIDNotExact, crossAccountNoExternalID, externalIDWeak,
        externalIDReused, oidcNoSubject, oidcBroadSubject, oidcNoAudience, cognitoUnrestricted, samlNoAudience,
        serviceConfusedDeputy, malformedTrust, actionPrincipalMismatch, trustBroadAction, vacuousCondition,
        accountRootTrust, noMFAForHumans, danglingPrincipal, unknownExternalAccount, longSession, staleTrust,
        assumeAnyRole, trustRewrite, privilegedExternal, chainToPrivileged, circularTrust,
    ]
}
