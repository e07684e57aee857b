/// What makes a role trust policy a document IAM would never have stored (assume-role.md §B.7).
public enum TrustPolicyRules {
    /// Every defect that makes the trust policy unstorable, in document order.
    public static func unstorableIssues(_ document: PolicyDocument, compiled: CompiledPolicy) -> [PolicyIssue] {
        var out = document.issues.filter(\.makesUnstorable)
        for (s, c) in zip(document.statements, compiled.statements) {
            // "You cannot use the NotPrincipal element in … an IAM role trust policy" [NOTPRINCIPAL].
            if s.notPrincipal != nil {
                out.append(PolicyIssue(statementIndex: s.index, element: "NotPrincipal", message: "NotPrincipal cannot be used in a role trust policy", makesUnstorable: true))
            }
            // "MalformedPolicyDocument: Has prohibited field Resource" [TFRES].
            if s.resources != nil {
                out.append(PolicyIssue(statementIndex: s.index, element: "Resource", message: "a role trust policy cannot have Resource (IAM: \"Has prohibited field Resource\")", makesUnstorable: true))
            }
            if s.notResources != nil {
                out.append(PolicyIssue(statementIndex: s.index, element: "NotResource", message: "a role trust policy cannot have NotResource", makesUnstorable: true))
            }
            if s.principal == nil && s.notPrincipal == nil, case .object = s.raw {
                out.append(PolicyIssue(statementIndex: s.index, element: "Principal", message: "every trust policy statement needs a Principal", makesUnstorable: true))
            }
            // "You cannot use a wildcard to match part of a principal name or ARN" [PRINCIPAL].
            for p in c.principals ?? [] where p.hasPartialWildcard {
                out.append(PolicyIssue(statementIndex: s.index, element: "Principal", message: "'\(p.text)' uses a wildcard for part of a principal, which IAM does not allow (use \"*\" with an aws:PrincipalArn condition)", makesUnstorable: true))
            }
        }
        return out
    }
}
