import PolicyEngine
import Testing

/// A statement naming many principals looks a caller up instead of scanning them: the match must be
/// exactly the scan's, for every kind of principal and caller.
@Suite("principal index")
struct PrincipalIndexTests {
    static let values: [(String, String)] = [
        ("AWS", "arn:aws:iam::111111111111:root"), ("AWS", "222222222222"), ("AWS", "arn:aws-cn:iam::333333333333:root"),
        ("AWS", "arn:aws:iam::111111111111:user/alice"), ("AWS", "arn:aws:iam::111111111111:role/path/Deploy"),
        ("AWS", "arn:aws:iam::444444444444:role/Audit"), ("AWS", "arn:aws:sts::111111111111:assumed-role/Deploy/s1"),
        ("AWS", "arn:aws:sts::111111111111:federated-user/bob"), ("AWS", "AROAEXAMPLEUNIQUEID01"), ("AWS", "AIDAEXAMPLEUNIQUEID02"),
        ("Service", "ec2.amazonaws.com"), ("Federated", "cognito-identity.amazonaws.com"),
        ("Federated", "arn:aws:iam::111111111111:saml-provider/Okta"), ("CanonicalUser", "79a59df900b949e55d96a1e698fbaced"),
        ("AWS", "not-an-arn"),
    ]

    static let callers: [CallerPrincipal] = [
        CallerPrincipal(kind: .user, arn: "arn:aws:iam::111111111111:user/alice", accountId: "111111111111", name: "alice", uniqueId: "AIDAEXAMPLEUNIQUEID02"),
        CallerPrincipal(kind: .user, arn: "arn:aws:iam::555555555555:user/eve", accountId: "555555555555", name: "eve"),
        CallerPrincipal(kind: .role, arn: "arn:aws:iam::111111111111:role/path/Deploy", accountId: "111111111111", name: "Deploy", uniqueId: "AROAEXAMPLEUNIQUEID01"),
        CallerPrincipal(kind: .roleSession, arn: "arn:aws:sts::111111111111:assumed-role/Deploy/s1", accountId: "111111111111",
                        roleArn: "arn:aws:iam::111111111111:role/path/Deploy", name: "Deploy", sessionName: "s1"),
        CallerPrincipal(kind: .roleSession, arn: "arn:aws:sts::444444444444:assumed-role/Audit/x", accountId: "444444444444", name: "Audit", sessionName: "x"),
        CallerPrincipal(kind: .roleSession, arn: "arn:aws:sts::444444444444:assumed-role/Other/x", accountId: "444444444444", name: "Other", sessionName: "x"),
        CallerPrincipal(kind: .federatedUser, arn: "arn:aws:sts::111111111111:federated-user/bob", accountId: "111111111111", name: "bob"),
        CallerPrincipal(kind: .service, arn: "ec2.amazonaws.com"),
        CallerPrincipal(kind: .webIdentity, arn: "cognito-identity.amazonaws.com"),
        CallerPrincipal(kind: .saml, arn: "arn:aws:iam::111111111111:saml-provider/Okta", accountId: "111111111111"),
        CallerPrincipal(kind: .root, arn: "arn:aws:iam::222222222222:root", accountId: "222222222222"),
        CallerPrincipal(kind: .account, arn: "333333333333", partition: "aws-cn", accountId: "333333333333"),
        CallerPrincipal(kind: .account, arn: "333333333333", accountId: "333333333333"),
        CallerPrincipal(kind: .user, arn: "not-an-arn"),
        CallerPrincipal(kind: .anonymous, arn: "*"),
    ]

    private static func statement(_ principals: [(String, String)], anyone: Bool) -> CompiledStatement {
        var grouped: [String: [String]] = [:]
        for (type, value) in principals { grouped[type, default: []].append(value) }
        if anyone { grouped["AWS", default: []].append("*") }
        let principal = grouped.keys.sorted().map { #""\#($0)": [\#(grouped[$0]!.map { "\"\($0)\"" }.joined(separator: ","))]"# }.joined(separator: ",")
        let json = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{\#(principal)},"Action":"sts:AssumeRole"}]}"#
        return CompiledPolicy(name: "trust", kind: .trust, document: PolicyDocument(json: try! JSONParser.parse(json))).statements[0]
    }

    @Test("indexed (many principals) and scanned (few) statements match every caller exactly as a scan of their principals does")
    func sameAsScan() {
        // Padding principals that match none of the callers push the statement over the index's threshold.
        let padding = (0..<40).map { ("AWS", "arn:aws:iam::\(String(600_000_000_000 + $0)):root") }
        for anyone in [false, true] {
            for k in 0..<Self.values.count {
                let chosen = [Self.values[k]] + Self.values.enumerated().filter { $0.offset % 3 == k % 3 }.map(\.element)
                for principals in [chosen, padding + chosen, chosen + padding] {
                    let s = Self.statement(principals, anyone: anyone)
                    for caller in Self.callers {
                        let scanned = s.principals!.map { $0.matchKind(caller) }.max() ?? .none
                        let applied = s.applies(action: "sts:assumerole", resource: nil, caller: caller, context: DictionaryContext())
                        #expect(applied == scanned, "\(caller.arn) vs \(principals.count) principals, anyone: \(anyone)")
                    }
                }
            }
        }
    }

    @Test("a trust policy with many statements gives the verdict every statement gives (first Deny, best Allow), with the index or without")
    func manyStatements() throws {
        var statements: [String] = []
        for (k, (type, value)) in Self.values.enumerated() {
            let effect = k % 4 == 3 ? "Deny" : "Allow"
            statements.append(#"{"Sid":"s\#(k)","Effect":"\#(effect)","Principal":{"\#(type)":"\#(value)"},"Action":"sts:AssumeRole"}"#)
        }
        statements.append(#"{"Sid":"not","Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111111111111:user/alice"},"Action":"sts:AssumeRole"}"#)
        statements.append(#"{"Sid":"star","Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalAccount":"999999999999"}}}"#)
        statements.append(#"{"Sid":"denystar","Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:TagSession"}"#)
        let padding = (0..<30).map { #"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\#(String(600_000_000_000 + $0)):root"},"Action":"sts:AssumeRole"}"# }
        for list in [statements, padding + statements, statements + padding, statements.reversed() + padding] {
            let json = #"{"Version":"2012-10-17","Statement":[\#(list.joined(separator: ","))]}"#
            let policy = CompiledPolicy(name: "trust", kind: .trust, document: PolicyDocument(json: try JSONParser.parse(json)))
            for caller in Self.callers {
                for action in ["sts:assumerole", "sts:tagsession"] {
                    let fast = policy.evaluate(action: action, resource: nil, caller: caller, context: DictionaryContext())
                    let explained = policy.explain(action: action, resource: nil, caller: caller, context: DictionaryContext()).0
                    #expect(fast == explained, "\(caller.arn) \(action), \(list.count) statements")
                }
            }
        }
    }
}
