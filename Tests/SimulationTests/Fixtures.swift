import Inventory
import Simulation
import PolicyEngine

/// Small inline fixtures: policies written as JSON text, inventories built in a few lines.
enum Fixture {
    static let now: Int64 = 1_780_000_000  // 2026-05-28T20:26:40Z

    static func doc(_ json: String) -> PolicyDocument {
        PolicyDocument(json: try! JSONParser.parse(json))
    }

    /// A 2012-10-17 trust policy with one statement.
    static func trust(_ principal: String, action: String = "\"sts:AssumeRole\"", effect: String = "Allow", condition: String? = nil, sid: String? = nil) -> PolicyDocument {
        var s = "{\"Effect\":\"\(effect)\",\"Principal\":\(principal),\"Action\":\(action)"
        if let condition { s += ",\"Condition\":\(condition)" }
        if let sid { s += ",\"Sid\":\"\(sid)\"" }
        s += "}"
        return doc("{\"Version\":\"2012-10-17\",\"Statement\":[\(s)]}")
    }

    static func allow(_ action: String = "sts:AssumeRole", resource: String = "*", effect: String = "Allow", condition: String? = nil) -> PolicyDocument {
        var s = "{\"Effect\":\"\(effect)\",\"Action\":\"\(action)\",\"Resource\":\"\(resource)\""
        if let condition { s += ",\"Condition\":\(condition)" }
        s += "}"
        return doc("{\"Version\":\"2012-10-17\",\"Statement\":[\(s)]}")
    }

    static let prod = "111111111111"
    static let vendor = "222222222222"
    static let dev = "333333333333"

    static func role(_ name: String, account: String = prod, trust: PolicyDocument, policies: [PolicyDocument] = [], boundary: PolicyDocument? = nil, maxSession: Int = 3600, tags: [String: String] = [:], path: String = "/", uniqueId: String? = nil) -> Role {
        Role(arn: "arn:aws:iam::\(account):role\(path)\(name)", accountId: account, name: name, path: path, uniqueId: uniqueId, trustPolicy: trust,
             policies: policies.enumerated().map { AttachedPolicy(name: "policy\($0.offset)", document: $0.element) },
             permissionsBoundary: boundary.map { AttachedPolicy(name: "boundary", document: $0) }, maxSessionDuration: maxSession, tags: tags)
    }

    static func user(_ name: String, account: String = prod, policies: [PolicyDocument] = [], boundary: PolicyDocument? = nil, tags: [String: String] = [:], uniqueId: String? = nil) -> User {
        User(arn: "arn:aws:iam::\(account):user/\(name)", accountId: account, name: name, uniqueId: uniqueId,
             policies: policies.enumerated().map { AttachedPolicy(name: "policy\($0.offset)", document: $0.element) },
             permissionsBoundary: boundary.map { AttachedPolicy(name: "boundary", document: $0) }, tags: tags)
    }

    static func inventory(roles: [Role], users: [User] = [], organization: Organization? = nil, accounts: [Account]? = nil, oidc: [String] = [], saml: [String] = []) -> Inventory {
        let accts = accounts ?? [Account(id: prod, inOrganization: organization != nil), Account(id: vendor, inOrganization: false), Account(id: dev, inOrganization: organization != nil)]
        return Inventory(organization: organization, accounts: accts, roles: roles.sorted { $0.arn < $1.arn }, users: users.sorted { $0.arn < $1.arn }, samlProviders: saml, oidcProviders: oidc)
    }

    static func request(_ principal: String?, _ role: String, action: AssumeAction = .assumeRole, session: String? = "s1", configure: (inout AssumeRoleRequest) -> Void = { _ in }) -> AssumeRoleRequest {
        var r = AssumeRoleRequest(action: action, principal: principal, role: role, sessionName: session, currentTime: now)
        configure(&r)
        return r
    }

    static func roleArn(_ name: String, account: String = prod) -> String { "arn:aws:iam::\(account):role/\(name)" }
    static func userArn(_ name: String, account: String = prod) -> String { "arn:aws:iam::\(account):user/\(name)" }

    /// The tag before the first colon of a reason.
    static func tag(_ r: SimulationResult) -> String { String(r.reason.prefix(while: { $0 != ":" })) }
}
