import Foundation
import PolicyEngine

/// A value of the form that cannot become a request, named by field, in a sentence the user can act on.
public struct SimulateFormError: Error, Sendable, Hashable {
    public var field: SimulateField
    public var message: String

    public var sentence: String { "\(field.label(for: .assumeRole)): \(message)" }
}

extension SimulateForm {
    /// The STS request the form describes, with `now` as `aws:CurrentTime` unless the `at` field says otherwise.
    public func request(now: Int64) throws(SimulateFormError) -> AssumeRoleRequest {
        func fail(_ f: SimulateField, _ m: String) -> SimulateFormError { SimulateFormError(field: f, message: m) }
        func value(_ s: String) -> String? {
            let t = s.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
        var currentTime = now
        if let at = value(at) {
            guard let t = ISO8601.parseEpochSeconds(at) else { throw fail(.at, "'\(at)' is not an ISO 8601 instant such as 2026-01-02T03:04:05Z") }
            currentTime = t
        }
        guard let roleArn = value(role) else { throw fail(.role, "name the role to assume (a role ARN)") }
        var r = AssumeRoleRequest(action: action, role: roleArn, currentTime: currentTime, callerPolicies: callerPolicies)
        if action == .assumeRole {
            guard let caller = value(caller) else { throw fail(.caller, "name the caller: a user or role ARN, an account ID or a service principal") }
            r.principal = caller
        }
        r.sessionName = value(sessionName)
        // SAML takes the session name from the assertion: the form's default must not override it.
        if action == .assumeRoleWithSAML, r.sessionName == Self.defaultSessionName { r.sessionName = nil }
        if let d = value(duration) {
            guard let n = Int(d) else { throw fail(.duration, "'\(d)' is not a whole number of seconds") }
            r.durationSeconds = n
        }
        // An empty external ID is not sent at all; STS would reject an empty one as too short.
        if !externalId.isEmpty { r.externalId = externalId }
        r.mfa = mfa
        if let a = value(mfaAge) {
            guard let n = Int64(a), n >= 0 else { throw fail(.mfaAge, "'\(a)' is not a number of seconds") }
            r.mfaAgeSeconds = n
        }
        r.sourceIp = value(sourceIp)
        r.sourceVpc = value(sourceVpc)
        r.sessionTags = try Self.pairs(sessionTags, field: .sessionTags).map { AssumeRoleRequest.SessionTag(key: $0.key, value: $0.value) }
        r.transitiveTagKeys = Self.list(transitiveTagKeys)
        r.sourceIdentity = value(sourceIdentity)
        switch chained {
        case .auto: r.chained = nil
        case .yes: r.chained = true
        case .no: r.chained = false
        }
        r.sourceArn = value(sourceArn)
        r.sourceAccount = value(sourceAccount)
        r.extraContext = Self.entries(try Self.pairs(context, field: .context))
        switch action {
        case .assumeRole:
            break
        case .assumeRoleWithWebIdentity:
            if let p = value(provider) {
                var issuer = p
                for scheme in ["https://", "http://"] where issuer.lowercased().hasPrefix(scheme) { issuer = String(issuer.dropFirst(scheme.count)) }
                let claims = Self.entries(try Self.pairs(claims, field: .claims), multivalued: ["amr"])
                r.webIdentity = AssumeRoleRequest.WebIdentity(provider: issuer, claims: claims)
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
                saml.attributes = Self.entries(others)
                r.saml = saml
            }
        }
        return r
    }

    /// `K=V,K2=V2` in order; an item without `=` is an error naming the field.
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

    /// Context entries in first-seen order; a key given several times (or listed as multivalued) becomes a list.
    static func entries(_ pairs: [(key: String, value: String)], multivalued: Set<String> = []) -> [AssumeRoleRequest.ContextEntry] {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for p in pairs {
            if values[p.key] == nil { order.append(p.key) }
            values[p.key, default: []].append(p.value)
        }
        return order.map { k in
            let v = values[k] ?? []
            return AssumeRoleRequest.ContextEntry(key: k, value: v.count == 1 && !multivalued.contains(k) ? .single(v[0]) : .multi(v))
        }
    }
}
