import Foundation
import PolicyEngine
import Simulation

/// A value of the form that cannot become a request, named by field, in a sentence the user can act on.
public struct SimulateFormError: Error, Sendable, Hashable {
    public var field: SimulateField
    public var message: String

    public var sentence: String { "\(field.label(for: .assumeRole)): \(message)" }
}

extension SimulateForm {
    /// The STS request the form describes, built by the one request builder (`RequestFlags`) from the
    /// form's fields as if they were typed as flags, with `now` as `aws:CurrentTime` unless the `at` field
    /// says otherwise.
    public func request(now: Int64) throws(SimulateFormError) -> AssumeRoleRequest {
        func fail(_ f: SimulateField, _ m: String) -> SimulateFormError { SimulateFormError(field: f, message: m) }
        func value(_ s: String) -> String? {
            let t = s.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
        var flags = RequestFlags()
        func set(_ flag: RequestFlags.Flag, _ v: String?, _ field: SimulateField) throws(SimulateFormError) {
            guard let v else { return }
            do { try flags.set(flag, v) } catch { throw fail(field, error.problem) }
        }
        try set(.at, value(at), .at)
        guard let roleArn = value(role) else { throw fail(.role, "name the role to assume (a role ARN)") }
        try set(.role, roleArn, .role)
        flags.action = action
        flags.callerPolicies = callerPolicies
        if action == .assumeRole {
            guard let caller = value(caller) else { throw fail(.caller, "name the caller: a user or role ARN, an account ID or a service principal") }
            try set(.principal, caller, .caller)
        }
        // SAML takes the session name from the assertion: the form's default must not override it.
        let name = value(sessionName)
        try set(.sessionName, action == .assumeRoleWithSAML && name == Self.defaultSessionName ? nil : name, .sessionName)
        try set(.duration, value(duration), .duration)
        // An empty external ID is not sent at all; STS would reject an empty one as too short.
        try set(.externalId, externalId.isEmpty ? nil : externalId, .externalId)
        flags.mfa = mfa
        try set(.mfaAge, value(mfaAge), .mfaAge)
        try set(.sourceIp, value(sourceIp), .sourceIp)
        try set(.sourceVpc, value(sourceVpc), .sourceVpc)
        for pair in try Self.pairs(sessionTags, field: .sessionTags) { try set(.sessionTag, "\(pair.key)=\(pair.value)", .sessionTags) }
        for key in Self.list(transitiveTagKeys) { try set(.transitiveTagKey, key, .transitiveTagKeys) }
        try set(.sourceIdentity, value(sourceIdentity), .sourceIdentity)
        switch chained {
        case .auto: flags.chained = nil
        case .yes: flags.chained = true
        case .no: flags.chained = false
        }
        try set(.sourceArn, value(sourceArn), .sourceArn)
        try set(.sourceAccount, value(sourceAccount), .sourceAccount)
        for pair in try Self.pairs(context, field: .context) { try set(.context, "\(pair.key)=\(pair.value)", .context) }
        switch action {
        case .assumeRole:
            break
        case .assumeRoleWithWebIdentity:
            if let p = value(provider) {
                var issuer = p
                for scheme in ["https://", "http://"] where issuer.lowercased().hasPrefix(scheme) { issuer = String(issuer.dropFirst(scheme.count)) }
                let claims = RequestFlags.contextEntries(try Self.pairs(claims, field: .claims), multivalued: ["amr"])
                flags.webIdentity = AssumeRoleRequest.WebIdentity(provider: issuer, claims: claims)
            }
        case .assumeRoleWithSAML:
            if let p = value(provider) {
                var saml = AssumeRoleRequest.SAML(provider: p)
                var others: [(key: String, value: String)] = []
                for pair in try Self.pairs(claims, field: .claims) {
                    switch pair.key {
                    case "aud", "saml:aud": saml.aud = pair.value
                    case "sub", "saml:sub": saml.sub = pair.value
                    case "sub_type", "subType", "saml:sub_type": saml.subType = pair.value
                    case "iss", "saml:iss": saml.iss = pair.value
                    default: others.append(pair)
                    }
                }
                saml.attributes = RequestFlags.contextEntries(others)
                flags.saml = saml
            }
        }
        do {
            return try flags.request(now: now, defaultSessionName: nil, requirePrincipal: false)
        } catch {
            switch error {
            case .flag(let e) where e.flag == .role: throw fail(.role, e.problem)
            case .flag(let e): throw fail(.caller, e.problem)
            case .file, .unreadable: throw fail(.run, "the form reads no files")
            }
        }
    }

    /// `K=V,K2=V2` in order, keys and values trimmed; an item without `=` is an error naming the field.
    static func pairs(_ text: String, field: SimulateField) throws(SimulateFormError) -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        for item in list(text) {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw SimulateFormError(field: field, message: "'\(item)' is not KEY=VALUE (separate several with commas)")
            }
            out.append((String(item[..<eq]).trimmingCharacters(in: .whitespaces), String(item[item.index(after: eq)...]).trimmingCharacters(in: .whitespaces)))
        }
        return out
    }

    /// Comma-separated items, trimmed, empty ones dropped.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
