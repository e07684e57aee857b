extension SimulationResult {
    /// The object `trustmap simulate --format json` prints (cli.md), with secrets masked unless revealed.
    public func jsonValue(revealSecrets: Bool) -> JSONValue {
        let reason = self.reason, steps = self.steps, hints = self.hints, assumptions = self.assumptions
        var out = JSONObject()
        out["decision"] = .string(decision.rawValue)
        if let decidingStep { out["decidingStep"] = .string(decidingStep.rawValue) }
        out["reason"] = .string(reason)
        out["request"] = request.jsonValue(revealSecrets: revealSecrets)
        out["assumptions"] = .array(assumptions.map { .string($0) })
        out["steps"] = .array(steps.map { $0.jsonValue(revealSecrets: revealSecrets) })
        if decision != .allowed {
            out["hints"] = .array(hints.map { h in
                .object(JSONObject([("text", .string(h.text)), ("changer", .string(h.changer.rawValue)), ("callerCanMake", .bool(h.callerCanMake))]))
            })
        }
        if let session {
            out["session"] = .object(JSONObject([("arn", .string(session.arn)), ("durationSeconds", .number(String(session.durationSeconds)))]))
        }
        return .object(out)
    }
}

extension TraceStep {
    func jsonValue(revealSecrets: Bool) -> JSONValue {
        var o = JSONObject()
        o["step"] = .string(kind.rawValue)
        if let action { o["action"] = .string(action) }
        o["outcome"] = .string(outcome.rawValue)
        o["detail"] = .string(detail)
        if !policies.isEmpty {
            o["policies"] = .array(policies.map { p in
                var po = JSONObject()
                po["name"] = .string(p.name)
                if let level = p.level { po["level"] = .string(level) }
                po["outcome"] = .string(p.outcome.rawValue)
                return .object(po)
            })
            var statements: [JSONValue] = []
            for p in policies {
                for s in p.statements { statements.append(s.jsonValue(policy: p.name, revealSecrets: revealSecrets)) }
            }
            o["statements"] = .array(statements)
        }
        return .object(o)
    }
}

extension StatementTrace {
    func jsonValue(policy: String, revealSecrets: Bool) -> JSONValue {
        var o = JSONObject()
        o["policy"] = .string(policy)
        if let sid { o["sid"] = .string(sid) }
        o["index"] = .number(String(index))
        o["effect"] = .string(effect)
        o["matched"] = .bool(matched)
        if let principal { o["principal"] = principal.jsonValue }
        o["action"] = action.jsonValue
        if let resource { o["resource"] = resource.jsonValue }
        o["conditions"] = .array(conditions.map { $0.jsonValue(revealSecrets: revealSecrets) })
        return .object(o)
    }
}

extension ElementMatch {
    var jsonValue: JSONValue {
        .object(JSONObject([("matched", .bool(matched)), ("by", .string(by))]))
    }
}

extension ConditionTrace {
    /// Values as printed: masked for secret keys unless revealed.
    public func displayed(_ values: [String], revealSecrets: Bool) -> [String] {
        isSecret && !revealSecrets ? values.map(Secret.mask) : values
    }

    func jsonValue(revealSecrets: Bool) -> JSONValue {
        var o = JSONObject()
        o["operator"] = .string(operatorName)
        o["key"] = .string(key)
        o["policyValues"] = .array(displayed(policyValues, revealSecrets: revealSecrets).map { .string($0) })
        if let requestValues {
            o["requestValues"] = .array(displayed(requestValues, revealSecrets: revealSecrets).map { .string($0) })
        } else {
            o["requestValues"] = .null
        }
        o["result"] = .bool(result)
        if let note { o["note"] = .string(note) }
        return .object(o)
    }
}

extension AssumeRoleRequest {
    /// The request in the `--request FILE` shape (assume-role.md §0.5), secrets masked unless revealed.
    public func jsonValue(revealSecrets: Bool) -> JSONValue {
        var o = JSONObject()
        o["action"] = .string(action.rawValue)
        if let principal { o["principal"] = .string(principal) }
        o["role"] = .string(role)
        if let sessionName { o["sessionName"] = .string(sessionName) }
        if let durationSeconds { o["durationSeconds"] = .number(String(durationSeconds)) }
        if let externalId { o["externalId"] = .string(Secret.display(externalId, reveal: revealSecrets)) }
        if mfa {
            o["mfa"] = .bool(true)
            o["mfaAgeSeconds"] = .number(String(mfaAgeSeconds))
        }
        if let sourceIp { o["sourceIp"] = .string(sourceIp) }
        if let sourceVpc { o["sourceVpc"] = .string(sourceVpc) }
        if !sessionTags.isEmpty {
            o["sessionTags"] = .object(JSONObject(sessionTags.map { ($0.key, JSONValue.string($0.value)) }))
        }
        if !transitiveTagKeys.isEmpty { o["transitiveTagKeys"] = .array(transitiveTagKeys.map { .string($0) }) }
        if let sourceIdentity { o["sourceIdentity"] = .string(sourceIdentity) }
        if let sessionPolicy { o["sessionPolicy"] = sessionPolicy.raw }
        if let policy { o["policy"] = .string(policy) }
        if let chained { o["chained"] = .bool(chained) }
        if let sourceAccount { o["sourceAccount"] = .string(sourceAccount) }
        if let sourceArn { o["sourceArn"] = .string(sourceArn) }
        o["currentTime"] = .string(ISO8601.format(currentTime))
        if let tokenIssueTime { o["tokenIssueTime"] = .string(ISO8601.format(tokenIssueTime)) }
        if let webIdentity {
            var w = JSONObject([("provider", .string(webIdentity.provider))])
            for c in webIdentity.claims { w[c.key] = c.value.jsonValue }
            o["webIdentity"] = .object(w)
        }
        if let saml {
            var s = JSONObject([("provider", .string(saml.provider))])
            if let v = saml.aud { s["aud"] = .string(v) }
            if let v = saml.sub { s["sub"] = .string(v) }
            if let v = saml.subType { s["subType"] = .string(v) }
            if let v = saml.iss { s["iss"] = .string(v) }
            if !saml.attributes.isEmpty { s["attributes"] = .object(JSONObject(saml.attributes.map { ($0.key, $0.value.jsonValue) })) }
            o["saml"] = .object(s)
        }
        if !extraContext.isEmpty {
            o["context"] = .object(JSONObject(extraContext.map { e in
                (e.key, Secret.isSecretKey(e.key.lowercased()) && !revealSecrets ? JSONValue.string(Secret.mask(e.value.values.joined(separator: ","))) : e.value.jsonValue)
            }))
        }
        o["callerPolicies"] = .string(callerPolicies.rawValue)
        return .object(o)
    }
}

extension ContextValue {
    var jsonValue: JSONValue {
        switch self {
        case .single(let s): return .string(s)
        case .multi(let m): return .array(m.map { .string($0) })
        }
    }
}
