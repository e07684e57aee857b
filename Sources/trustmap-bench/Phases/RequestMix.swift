import Foundation
import Inventory
import PolicyEngine
import TrustAnalysis

/// A realistic mix of AssumeRole requests over a generated estate, the kind a reviewer and the graph
/// builder make: mostly real trust relationships (replayed from the graph's edges with what they
/// require), some of them with a wrong secret, many pairs with no trust at all, and a few malformed
/// requests that stop at validation.
struct RequestMix {
    enum Kind: String, CaseIterable, Codable, Sendable {
        /// An edge of the graph, with its external ID, MFA, source IP and claims supplied.
        case edgeSatisfied
        /// The same, with a wrong external ID and no MFA: denied when the trust asks for them.
        case edgeBroken
        /// A random inventory principal against a random role: mostly no trust.
        case randomPair
        /// A malformed session name or an out-of-range duration: invalid before any policy.
        case invalid
    }

    var requests: [AssumeRoleRequest] = []
    var kinds: [Kind] = []

    /// Shares of the mix, in per mille.
    static let shares: [(Kind, Int)] = [(.edgeSatisfied, 550), (.edgeBroken, 150), (.randomPair, 250), (.invalid, 50)]

    init(analysis: Analysis, count: Int, seed: UInt64, now: Int64) {
        let inventory = analysis.inventory
        var rng = SplitMix64(seed: seed)
        var roleIndex: [String: Int] = [:]
        for (i, r) in inventory.roles.enumerated() { roleIndex[r.arn] = i }
        var userSet = Set<String>()
        for u in inventory.users { userSet.insert(u.arn) }
        let edges = analysis.graph.edges
        // A wrong secret only matters where the edge asks for one.
        let guarded = edges.filter { e in e.requires.contains { $0.kind == .externalID || $0.kind == .mfa || $0.kind == .sourceIP } }
        func principal(for node: String) -> String {
            if let i = roleIndex[node] {
                let r = inventory.roles[i]
                return "arn:aws:sts::\(r.accountId):assumed-role/\(r.name)/bench"
            }
            return node
        }
        func callers() -> String {
            let n = inventory.users.count + inventory.roles.count
            let k = rng.below(n)
            return k < inventory.users.count ? inventory.users[k].arn : principal(for: inventory.roles[k - inventory.users.count].arn)
        }
        for i in 0..<count {
            let roll = (i &* 7919) % 1000
            var kind: Kind = .randomPair
            var upper = 0
            for (k, share) in Self.shares {
                upper += share
                if roll < upper { kind = k; break }
            }
            if (kind == .edgeSatisfied || kind == .edgeBroken) && edges.isEmpty { kind = .randomPair }
            var request: AssumeRoleRequest
            switch kind {
            case .edgeSatisfied, .edgeBroken:
                let pool = kind == .edgeBroken && !guarded.isEmpty ? guarded : edges
                let edge = pool[rng.below(pool.count)]
                let role = roleIndex[edge.to].map { inventory.roles[$0] }
                request = AssumeRoleRequest(action: AssumeAction(name: edge.action) ?? .assumeRole, principal: principal(for: edge.from),
                                            role: edge.to, sessionName: "bench", currentTime: now)
                if request.action == .assumeRoleWithWebIdentity { request.webIdentity = .init(provider: edge.from) }
                if request.action == .assumeRoleWithSAML { request.saml = .init(provider: edge.from, aud: "https://signin.aws.amazon.com/saml") }
                if let role { Self.satisfy(role.trustPolicy, into: &request) }
                if kind == .edgeBroken {
                    if request.externalId != nil { request.externalId = "wrong-external-id" }
                    request.mfa = false
                    if request.sourceIp != nil { request.sourceIp = "198.51.100.1" }
                }
            case .randomPair:
                let role = inventory.roles[rng.below(inventory.roles.count)]
                request = AssumeRoleRequest(principal: callers(), role: role.arn, sessionName: "bench",
                                            externalId: rng.below(4) == 0 ? "some-external-id" : nil, mfa: rng.below(2) == 0, currentTime: now)
            case .invalid:
                let role = inventory.roles[rng.below(inventory.roles.count)]
                request = AssumeRoleRequest(principal: callers(), role: role.arn, sessionName: rng.below(2) == 0 ? "bad session!" : "bench",
                                            durationSeconds: 200_000, currentTime: now)
            }
            requests.append(request)
            kinds.append(kind)
        }
    }

    /// Supplies what the first Allow statement of a trust policy asks for, as a caller who knows it would.
    static func satisfy(_ trust: PolicyDocument, into request: inout AssumeRoleRequest) {
        guard let statement = trust.statements.first(where: { $0.effect == .allow }) else { return }
        for c in statement.conditions {
            let key = c.key.lowercased()
            guard var value = c.values.first else { continue }
            if c.operatorName.lowercased().contains("like") { value = value.replacingOccurrences(of: "*", with: "main") }
            switch key {
            case "sts:externalid": request.externalId = value
            case "aws:multifactorauthpresent": request.mfa = value.lowercased() == "true"
            case "aws:sourceip": request.sourceIp = "203.0.113.10"
            case "aws:sourceaccount": request.sourceAccount = value
            case "saml:aud": request.saml?.aud = value
            default:
                if let colon = key.lastIndex(of: ":"), request.webIdentity != nil, key.hasSuffix(":sub") || key.hasSuffix(":aud") {
                    let claim = String(key[key.index(after: colon)...])
                    request.webIdentity?.claims.append(.init(key: claim, value: .single(value)))
                }
            }
        }
    }
}
