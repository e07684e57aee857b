import PolicyEngine

/// The accounts a policy document's principals name.
///
/// An account that appears only here (`"AWS": "arn:aws:iam::222222222222:root"`, a bare
/// `"222222222222"`, a federated provider ARN) is still a node of the trust graph: an
/// unknown external account.
enum TrustReferences {
    static func accounts(in document: PolicyDocument) -> [String] {
        var out: [String] = []
        func add(_ element: PrincipalElement?) {
            guard let element else { return }
            for entry in element.entries where entry.type == "AWS" || entry.type == "Federated" {
                for value in entry.values {
                    if let account = AccountID.referenced(by: value) { out.append(account) }
                }
            }
        }
        for statement in document.statements {
            add(statement.principal)
            add(statement.notPrincipal)
        }
        return out
    }

    /// The first defects that would make IAM refuse to store the document, in words; nil when it is storable.
    static func unstorableSummary(_ document: PolicyDocument) -> String? {
        let issues = document.issues.filter(\.makesUnstorable)
        guard let first = issues.first else { return nil }
        let more = issues.count > 1 ? " (and \(issues.count - 1) more)" : ""
        return "\(first)\(more)"
    }
}
