/// One simulated STS call: the request model of assume-role.md §0.5 plus the CLI's request flags.
///
/// "Now" is a field (`currentTime`), never the wall clock, so results are reproducible.
public struct AssumeRoleRequest: Sendable, Hashable {
    /// A session tag as passed in `Tags`; order is kept because AWS reports the first duplicate.
    public struct SessionTag: Sendable, Hashable {
        public var key: String
        public var value: String
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// One request-context entry given explicitly (`--context KEY=VALUE`, token claims, SAML attributes).
    public struct ContextEntry: Sendable, Hashable {
        public var key: String
        public var value: ContextValue
        public init(key: String, value: ContextValue) {
            self.key = key
            self.value = value
        }
    }

    /// The claims of an OIDC token (AssumeRoleWithWebIdentity).
    public struct WebIdentity: Sendable, Hashable {
        /// The issuer without `https://` (`token.actions.githubusercontent.com`), or a built-in provider
        /// name (`cognito-identity.amazonaws.com`, `www.amazon.com`, `graph.facebook.com`, `accounts.google.com`).
        public var provider: String
        /// Claims in token order: `sub`, `aud`, `amr`, `azp`, `oaud`, and any others.
        public var claims: [ContextEntry]
        public init(provider: String, claims: [ContextEntry] = []) {
            self.provider = provider
            self.claims = claims
        }

        public func claim(_ name: String) -> ContextValue? {
            claims.first(where: { $0.key == name })?.value
        }
    }

    /// The parts of a SAML assertion that reach the request context (AssumeRoleWithSAML).
    public struct SAML: Sendable, Hashable {
        /// The IAM SAML provider ARN.
        public var provider: String
        public var aud: String?
        public var sub: String?
        public var subType: String?
        public var iss: String?
        /// Other attributes, as `saml:<name>` keys.
        public var attributes: [ContextEntry]
        public init(provider: String, aud: String? = nil, sub: String? = nil, subType: String? = nil, iss: String? = nil, attributes: [ContextEntry] = []) {
            self.provider = provider
            self.aud = aud
            self.sub = sub
            self.subType = subType
            self.iss = iss
            self.attributes = attributes
        }
    }

    /// What to assume about an outsider caller's own policies, which the inventory cannot show.
    public enum CallerPolicyAssumption: String, Sendable, Hashable {
        /// The worst case for the role's owner: the caller's side allows (inventory.md).
        case unknownAllows = "unknown-allows"
        /// The caller's side denies.
        case unknownDenies = "unknown-denies"
    }

    public var action: AssumeAction
    /// Caller ARN, bare account ID, or service principal; nil for web identity and SAML.
    public var principal: String?
    /// `RoleArn`.
    public var role: String
    /// `RoleSessionName`.
    public var sessionName: String?
    /// `DurationSeconds`; nil means the default, 3600.
    public var durationSeconds: Int?
    /// `ExternalId`: a secret, masked in every output.
    public var externalId: String?
    /// MFA was satisfied (SerialNumber/TokenCode passed, or the calling session has MFA).
    public var mfa: Bool
    /// Seconds since the MFA authentication; used only when `mfa` is true.
    public var mfaAgeSeconds: Int64
    /// Caller IP; nil models a call through a VPC endpoint.
    public var sourceIp: String?
    /// `aws:SourceVpc`: the VPC of the endpoint the call came through.
    public var sourceVpc: String? {
        get { rare.value.sourceVpc }
        set { updateRare { $0.sourceVpc = newValue } }
    }
    /// `Tags`, in order.
    public var sessionTags: [SessionTag] {
        get { rare.value.sessionTags }
        set { updateRare { $0.sessionTags = newValue } }
    }
    /// `TransitiveTagKeys`.
    public var transitiveTagKeys: [String] {
        get { rare.value.transitiveTagKeys }
        set { updateRare { $0.transitiveTagKeys = newValue } }
    }
    /// `SourceIdentity`.
    public var sourceIdentity: String? {
        get { rare.value.sourceIdentity }
        set { updateRare { $0.sourceIdentity = newValue } }
    }
    /// The session policy already attached to the calling session (session callers only).
    public var sessionPolicy: PolicyDocument? {
        get { rare.value.sessionPolicy }
        set { updateRare { $0.sessionPolicy = newValue } }
    }
    /// The `Policy` text passed in this call: validated only, never changes the decision.
    public var policy: String? {
        get { rare.value.policy }
        set { updateRare { $0.policy = newValue } }
    }
    /// Role chaining; nil means "true for session callers, else false".
    public var chained: Bool?
    /// `aws:SourceAccount` for service-principal callers.
    public var sourceAccount: String? {
        get { rare.value.sourceAccount }
        set { updateRare { $0.sourceAccount = newValue } }
    }
    /// `aws:SourceArn` for service-principal callers.
    public var sourceArn: String? {
        get { rare.value.sourceArn }
        set { updateRare { $0.sourceArn = newValue } }
    }
    /// `aws:CurrentTime`, seconds since 1970.
    public var currentTime: Int64
    /// `aws:TokenIssueTime` for session callers; nil means `currentTime`.
    public var tokenIssueTime: Int64?
    public var webIdentity: WebIdentity? {
        get { rare.value.webIdentity }
        set { updateRare { $0.webIdentity = newValue } }
    }
    public var saml: SAML? {
        get { rare.value.saml }
        set { updateRare { $0.saml = newValue } }
    }
    /// Any other condition key (`--context`), applied over the derived context.
    public var extraContext: [ContextEntry] {
        get { rare.value.extraContext }
        set { updateRare { $0.extraContext = newValue } }
    }
    public var callerPolicies: CallerPolicyAssumption

    /// The parameters most requests leave empty, in one shared object: a request is copied into every
    /// simulation's input, and each optional string or list kept inline was a retain and a release there.
    private var rare: Rare.Box = AssumeRoleRequest.emptyRare

    /// Changes one of the rare parameters: a new box, since others may share the old one.
    private mutating func updateRare(_ change: (inout Rare) -> Void) {
        var r = rare.value
        change(&r)
        rare = Rare.Box(r)
    }

    struct Rare: Sendable, Hashable {
        var sourceVpc: String? = nil
        var sessionTags: [SessionTag] = []
        var transitiveTagKeys: [String] = []
        var sourceIdentity: String? = nil
        var sessionPolicy: PolicyDocument? = nil
        var policy: String? = nil
        var sourceAccount: String? = nil
        var sourceArn: String? = nil
        var webIdentity: WebIdentity? = nil
        var saml: SAML? = nil
        var extraContext: [ContextEntry] = []

        final class Box: Sendable, Hashable {
            let value: Rare
            init(_ value: Rare) { self.value = value }
            static func == (a: Box, b: Box) -> Bool { a === b || a.value == b.value }
            func hash(into hasher: inout Hasher) { hasher.combine(value) }
        }
    }

    private static let emptyRare = Rare.Box(Rare())

    public init(
        action: AssumeAction = .assumeRole, principal: String? = nil, role: String, sessionName: String? = nil,
        durationSeconds: Int? = nil, externalId: String? = nil, mfa: Bool = false, mfaAgeSeconds: Int64 = 0,
        sourceIp: String? = nil, sourceVpc: String? = nil, sessionTags: [SessionTag] = [], transitiveTagKeys: [String] = [],
        sourceIdentity: String? = nil, sessionPolicy: PolicyDocument? = nil, policy: String? = nil, chained: Bool? = nil,
        sourceAccount: String? = nil, sourceArn: String? = nil, currentTime: Int64, tokenIssueTime: Int64? = nil,
        webIdentity: WebIdentity? = nil, saml: SAML? = nil, extraContext: [ContextEntry] = [],
        callerPolicies: CallerPolicyAssumption = .unknownAllows
    ) {
        self.action = action
        self.principal = principal
        self.role = role
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.externalId = externalId
        self.mfa = mfa
        self.mfaAgeSeconds = mfaAgeSeconds
        self.sourceIp = sourceIp
        self.chained = chained
        self.currentTime = currentTime
        self.tokenIssueTime = tokenIssueTime
        self.callerPolicies = callerPolicies
        let r = Rare(sourceVpc: sourceVpc, sessionTags: sessionTags, transitiveTagKeys: transitiveTagKeys, sourceIdentity: sourceIdentity, sessionPolicy: sessionPolicy, policy: policy,
                     sourceAccount: sourceAccount, sourceArn: sourceArn, webIdentity: webIdentity, saml: saml, extraContext: extraContext)
        if r != Rare() { rare = Rare.Box(r) }
    }

    /// `DurationSeconds` as STS uses it.
    public var effectiveDurationSeconds: Int { durationSeconds ?? 3600 }
}
