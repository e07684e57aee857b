import Foundation
import Inventory
import PolicyEngine

/// TM-EXTERNAL-ID-WEAK and TM-EXTERNAL-ID-REUSED: the values behind exact external ID checks.
extension FindingsEngine {
    mutating func judgeExternalIDStrength(_ s: TrustStatementFacts, of role: Role) {
        for c in s.conditions where ConditionJudgement.isExactExternalID(c) {
            for value in c.values {
                if let why = ExternalIDStrength.weakness(of: value, knownNames: estate.knownNames) {
                    collector.add(.externalIDWeak, subject: role.arn, edge: nil,
                                  evidence: "\(statementName(s)) requires the external ID \(Secret.mask(value)), which \(why)")
                }
            }
        }
    }

    /// The same exact value guarding trust to two different external accounts.
    mutating func judgeExternalIDReuse() {
        struct Use { var accounts: Set<String> = []; var roles: [String] = [] }
        var uses: [String: Use] = [:]
        for i in estate.trustFacts.indices {
            let account = estate.roleAccounts[i], arn = estate.roleARNs[i]
            for s in estate.trustFacts[i].usableAllows where s.coversAssumeRole {
                let external = s.principals.compactMap(\.awsAccount).filter { $0 != account && !estate.isInternal($0) }
                guard !external.isEmpty else { continue }
                for c in s.conditions where ConditionJudgement.isExactExternalID(c) {
                    for value in c.values {
                        uses[value, default: Use()].accounts.formUnion(external)
                        if uses[value]!.roles.last != arn { uses[value]!.roles.append(arn) }
                    }
                }
            }
        }
        for (value, use) in uses.sorted(by: { $0.key < $1.key }) where use.accounts.count >= 2 {
            let accounts = use.accounts.sorted().map { "\($0) (\(estate.accountName($0)))" }.joined(separator: ", ")
            for role in use.roles {
                collector.add(.externalIDReused, subject: role, edge: nil,
                              evidence: "the external ID \(Secret.mask(value)) guards trust to \(use.accounts.count) different external accounts: \(accounts)")
            }
        }
    }
}

/// How guessable an exact external ID is (findings.md, TM-EXTERNAL-ID-WEAK).
enum ExternalIDStrength {
    /// Below this many bits (Shannon entropy of the characters × length) a value counts as low-entropy.
    /// A UUID has about 140; `acme-prod-external-id` about 75; `abababababababab` 16.
    static let minimumBits = 48.0

    /// Why the value is weak, in words, or nil when it is not.
    static func weakness(of value: String, knownNames: Set<String>) -> String? {
        if value.count < 16 { return "is shorter than 16 characters (\(value.count))" }
        if value.allSatisfy({ $0.isASCII && $0.isNumber }) { return "is only digits" }
        if knownNames.contains(value.lowercased()) { return "equals an account id or an account or role name of the inventory" }
        let bits = estimatedBits(value)
        if bits < minimumBits { return "has low estimated entropy (about \(Int(bits)) bits)" }
        return nil
    }

    static func estimatedBits(_ value: String) -> Double {
        var counts: [Character: Int] = [:]
        for c in value { counts[c, default: 0] += 1 }
        let n = Double(value.count)
        var h = 0.0
        for (_, k) in counts {
            let p = Double(k) / n
            h -= p * log2(p)
        }
        return h * n
    }
}
