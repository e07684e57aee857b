/// OIDC issuers shared by every customer of a CI/CD provider: a token from *any* customer's
/// pipeline is signed by the same issuer, so only the `sub` (or repository) claim tells an
/// estate's own pipelines apart. The one list of them in the code (findings.md, TM-OIDC-NO-SUBJECT).
///
/// Custom issuers with a path that names the customer (GitHub Enterprise's
/// `token.actions.githubusercontent.com/<enterprise>`) are not shared and are not on the list.
public enum SharedOIDCIssuers {
    public struct Issuer: Sendable, Hashable {
        /// Issuer host (and path), as in the IAM OIDC provider ARN after `oidc-provider/`.
        public var host: String
        /// Where the provider documents its `sub` format.
        public var source: String
        /// The literal `sub` prefix that pins the owner: `repo:OWNER/` for GitHub.
        /// Returns whether the literal part of a pattern pins the owner, and whether it pins the repository.
        public var subjectShape: SubjectShape
    }

    /// How the `sub` claim of an issuer names the owner and the repository (or project).
    public enum SubjectShape: Sendable, Hashable {
        /// `repo:OWNER/REPO:…` (also `repository_owner:OWNER:…`, `repository_owner_id:ID:…` with customised claims).
        case github
        /// `project_path:GROUP/PROJECT:ref_type:…`.
        case gitlab
        /// `organization:ORG:project:PROJECT:workspace:…`.
        case terraformCloud
        /// `organization:ORG:pipeline:PIPELINE:ref:…`.
        case buildkite
    }

    public static let all: [Issuer] = [
        Issuer(host: "token.actions.githubusercontent.com",
               source: "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect",
               subjectShape: .github),
        Issuer(host: "gitlab.com",
               source: "https://docs.gitlab.com/ci/secrets/id_token_authentication/",
               subjectShape: .gitlab),
        Issuer(host: "app.terraform.io",
               source: "https://developer.hashicorp.com/terraform/cloud-docs/workspaces/dynamic-provider-credentials/workload-identity-tokens",
               subjectShape: .terraformCloud),
        Issuer(host: "agent.buildkite.com",
               source: "https://buildkite.com/docs/agent/v3/cli-oidc",
               subjectShape: .buildkite),
    ]

    /// The shared issuer with this host (exact, lower-cased), or nil.
    public static func issuer(host: String) -> Issuer? {
        let h = host.lowercased()
        return all.first { $0.host == h }
    }
}
