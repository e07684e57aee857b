import Foundation
import PolicyEngine

/// The fields of the simulate form, in the order they are shown.
public enum SimulateField: String, Sendable, Hashable, CaseIterable {
    case caller, role, action, externalId, mfa, mfaAge, sourceIp, sessionName, duration, sessionTags, sourceIdentity, chained
    case provider, claims, callerPolicies
    // Less common request fields: shown when they hold a value, or when all fields are shown (`a`).
    case sourceVpc, transitiveTagKeys, sourceArn, sourceAccount, context, at
    /// The Run row.
    case run

    /// How a field takes input.
    public enum Kind: Sendable, Hashable {
        /// Free text, edited with Enter … Enter.
        case text
        /// Free text that is a secret (the external ID): masked on screen unless revealed.
        case secret
        /// Two states, flipped by Enter or Space.
        case toggle
        /// A closed set of values, cycled by Enter, Space, ← and →.
        case cycle
        /// The Run row.
        case button
    }

    public var kind: Kind {
        switch self {
        case .externalId: return .secret
        case .mfa: return .toggle
        case .action, .chained, .callerPolicies: return .cycle
        case .run: return .button
        default: return .text
        }
    }

    /// Rare fields hidden until they hold a value or all fields are shown.
    var isAdvanced: Bool {
        switch self {
        case .sourceVpc, .transitiveTagKeys, .sourceArn, .sourceAccount, .context, .at: return true
        default: return false
        }
    }

    public func label(for action: AssumeAction) -> String {
        switch self {
        case .caller: return "caller"
        case .role: return "role"
        case .action: return "action"
        case .externalId: return "external ID"
        case .mfa: return "MFA"
        case .mfaAge: return "MFA age (s)"
        case .sourceIp: return "source IP"
        case .sessionName: return "session name"
        case .duration: return "duration (s)"
        case .sessionTags: return "session tags"
        case .sourceIdentity: return "source ident."
        case .chained: return "chained"
        case .provider: return action == .assumeRoleWithSAML ? "SAML provider" : "OIDC provider"
        case .claims: return action == .assumeRoleWithSAML ? "attributes" : "token claims"
        case .callerPolicies: return "caller pols."
        case .sourceVpc: return "source VPC"
        case .transitiveTagKeys: return "transitive"
        case .sourceArn: return "source ARN"
        case .sourceAccount: return "source acct"
        case .context: return "context"
        case .at: return "at (time)"
        case .run: return "Run"
        }
    }

    /// The label in at most nine columns, for narrow panes (80 columns leave the main pane 30).
    public func shortLabel(for action: AssumeAction) -> String {
        switch self {
        case .externalId: return "ext. ID"
        case .sessionName: return "session"
        case .duration: return "duration"
        case .sessionTags: return "tags"
        case .sourceIdentity: return "source id"
        case .provider: return "provider"
        case .claims: return action == .assumeRoleWithSAML ? "attribs" : "claims"
        case .callerPolicies: return "caller pol"
        case .transitiveTagKeys: return "transit."
        case .sourceAccount: return "src acct"
        case .at: return "at"
        default: return label(for: action)
        }
    }

    /// What the field means and how to write it (the details pane shows it for the selected field).
    public func help(for action: AssumeAction) -> String {
        switch self {
        case .caller: return "Who calls: a user or role ARN, a session ARN (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), an account ID (any principal of it) or a service principal (lambda.amazonaws.com). Tab completes."
        case .role: return "The role to assume (RoleArn). Tab completes over the roles of the inventory."
        case .action: return "sts:AssumeRole, sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML. Enter or ←/→ cycles."
        case .externalId: return "ExternalId passed in the call (sts:ExternalId). A secret: masked on screen unless revealed with x."
        case .mfa: return "MFA was satisfied (SerialNumber and TokenCode passed, or the calling session has MFA). Enter toggles."
        case .mfaAge: return "Seconds since the MFA authentication (aws:MultiFactorAuthAge)."
        case .sourceIp: return "The caller's IP address (aws:SourceIp). Empty models a call through a VPC endpoint."
        case .sessionName: return "RoleSessionName (sts:RoleSessionName): 2–64 characters of letters, digits and =,.@-_"
        case .duration: return "DurationSeconds: 900 up to the role's maximum session duration (1 hour when chained). Empty means 3600."
        case .sessionTags: return "Session tags passed in the call, KEY=VALUE separated by commas (tagging needs sts:TagSession)."
        case .sourceIdentity: return "SourceIdentity (sts:SourceIdentity); setting it needs sts:SetSourceIdentity."
        case .chained: return "Role chaining: auto means yes for session callers. Chained sessions last at most one hour."
        case .provider:
            return action == .assumeRoleWithSAML
                ? "The IAM SAML provider ARN that issued the assertion."
                : "The token issuer without https:// (token.actions.githubusercontent.com) or a built-in provider (accounts.google.com, cognito-identity.amazonaws.com)."
        case .claims:
            return action == .assumeRoleWithSAML
                ? "SAML attributes KEY=VALUE separated by commas: aud, sub, sub_type, iss, or any attribute name."
                : "The token's claims KEY=VALUE separated by commas: sub=repo:acme/app:ref:refs/heads/main,aud=sts.amazonaws.com. Repeat a key for a list (amr)."
        case .callerPolicies: return "For callers outside the inventory, whose own policies cannot be read: assume they allow (the worst case for the role's owner) or deny."
        case .sourceVpc: return "aws:SourceVpc: the VPC of the endpoint the call came through."
        case .transitiveTagKeys: return "TransitiveTagKeys: session tag keys separated by commas."
        case .sourceArn: return "aws:SourceArn, for service-principal callers."
        case .sourceAccount: return "aws:SourceAccount, for service-principal callers."
        case .context: return "Any other condition key, KEY=VALUE separated by commas; repeat a key for a multivalued key."
        case .at: return "aws:CurrentTime as ISO 8601 (2026-01-02T03:04:05Z). Empty means the dashboard's now."
        case .run: return "Runs the simulation (Enter here, or r anywhere in the form)."
        }
    }
}

/// Whether a chained call is decided by the caller's kind or set explicitly.
public enum ChainedChoice: String, Sendable, Hashable, CaseIterable {
    case auto, yes, no
}

/// The form's values as the user typed them: strings until the request is built, so a half-typed
/// value never crashes and a mistake is reported in words.
public struct SimulateForm: Sendable, Hashable {
    public var caller = ""
    public var role = ""
    public var action: AssumeAction = .assumeRole
    public var externalId = ""
    public var mfa = false
    public var mfaAge = ""
    public var sourceIp = ""
    /// STS requires a RoleSessionName for AssumeRole and AssumeRoleWithWebIdentity; the form starts with
    /// one (shown, and editable) so that a question about trust is not answered "invalid: no session name".
    public var sessionName = SimulateForm.defaultSessionName
    public var duration = ""
    public var sessionTags = ""
    public var sourceIdentity = ""
    public var chained: ChainedChoice = .auto
    public var provider = ""
    public var claims = ""
    public var callerPolicies: AssumeRoleRequest.CallerPolicyAssumption = .unknownAllows
    public var sourceVpc = ""
    public var transitiveTagKeys = ""
    public var sourceArn = ""
    public var sourceAccount = ""
    public var context = ""
    public var at = ""

    public static let defaultSessionName = "trustmap-simulate"

    public init() {}

    /// The text of a text field (empty for the others).
    public func text(_ field: SimulateField) -> String {
        switch field {
        case .caller: return caller
        case .role: return role
        case .externalId: return externalId
        case .mfaAge: return mfaAge
        case .sourceIp: return sourceIp
        case .sessionName: return sessionName
        case .duration: return duration
        case .sessionTags: return sessionTags
        case .sourceIdentity: return sourceIdentity
        case .provider: return provider
        case .claims: return claims
        case .sourceVpc: return sourceVpc
        case .transitiveTagKeys: return transitiveTagKeys
        case .sourceArn: return sourceArn
        case .sourceAccount: return sourceAccount
        case .context: return context
        case .at: return at
        case .action, .mfa, .chained, .callerPolicies, .run: return ""
        }
    }

    public mutating func setText(_ field: SimulateField, _ value: String) {
        switch field {
        case .caller: caller = value
        case .role: role = value
        case .externalId: externalId = value
        case .mfaAge: mfaAge = value
        case .sourceIp: sourceIp = value
        case .sessionName: sessionName = value
        case .duration: duration = value
        case .sessionTags: sessionTags = value
        case .sourceIdentity: sourceIdentity = value
        case .provider: provider = value
        case .claims: claims = value
        case .sourceVpc: sourceVpc = value
        case .transitiveTagKeys: transitiveTagKeys = value
        case .sourceArn: sourceArn = value
        case .sourceAccount: sourceAccount = value
        case .context: context = value
        case .at: at = value
        case .action, .mfa, .chained, .callerPolicies, .run: break
        }
    }

    /// Flips a toggle or moves a cycle field on (`forward`) or back.
    public mutating func cycle(_ field: SimulateField, forward: Bool = true) {
        func step<T: CaseIterable & Equatable>(_ v: T) -> T {
            let all = Array(T.allCases)
            let i = all.firstIndex(of: v) ?? 0
            return all[(i + (forward ? 1 : all.count - 1)) % all.count]
        }
        switch field {
        case .action: action = step(action)
        case .mfa: mfa.toggle()
        case .chained: chained = step(chained)
        case .callerPolicies:
            callerPolicies = callerPolicies == .unknownAllows ? .unknownDenies : .unknownAllows
        default: break
        }
    }

    /// The fields shown for this action; rare ones only when they hold a value or `showAll` is set.
    public func visibleFields(showAll: Bool) -> [SimulateField] {
        SimulateField.allCases.filter { f in
            if f.isAdvanced { return showAll || !text(f).isEmpty }
            switch f {
            case .caller, .externalId, .mfa, .sessionTags, .chained, .callerPolicies:
                return action == .assumeRole || (f == .caller && !caller.isEmpty)
            case .mfaAge: return action == .assumeRole && (mfa || !mfaAge.isEmpty)
            // SAML takes the session name from the assertion.
            case .sessionName: return action != .assumeRoleWithSAML
            case .provider, .claims: return action != .assumeRole
            default: return true
            }
        }
    }

    /// True when the form names enough to ask the engine (a role, and a caller or a provider).
    public var isRunnable: Bool {
        let roleGiven = !role.trimmingCharacters(in: .whitespaces).isEmpty
        switch action {
        case .assumeRole: return roleGiven && !caller.trimmingCharacters(in: .whitespaces).isEmpty
        case .assumeRoleWithWebIdentity, .assumeRoleWithSAML: return roleGiven && !provider.trimmingCharacters(in: .whitespaces).isEmpty
        }
    }
}
