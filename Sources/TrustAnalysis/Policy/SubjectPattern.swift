import PolicyEngine

/// Whether a `sub` (or `repository`) condition value of a shared CI issuer pins the owner
/// (organization, group) and the repository (project, pipeline, workspace).
///
/// Only the literal text before the first wildcard counts: `repo:acme*` pins nothing
/// (`repo:acme-evil/x` matches it), `repo:acme/*` pins the owner only, `repo:acme/app:*`
/// pins both (one repository, any branch: findings.md says it does not fire).
enum SubjectPattern {
    struct Pins: Sendable, Hashable {
        var owner: Bool
        var repository: Bool
    }

    static func judge(_ value: String, like: Bool, shape: SharedOIDCIssuers.SubjectShape) -> Pins {
        let literal = like ? String(Glob.literalPrefix(value)) : value
        let complete = literal == value
        switch shape {
        case .github:
            for prefix in ["repository_owner:", "repository_owner_id:"] where literal.hasPrefix(prefix) {
                let rest = literal.dropFirst(prefix.count)
                if let colon = rest.firstIndex(of: ":"), colon != rest.startIndex {
                    // Customised claims: the owner is pinned; the repository is not named by this claim.
                    return Pins(owner: true, repository: complete && rest.contains("repo:"))
                }
                return Pins(owner: complete && !rest.isEmpty, repository: false)
            }
            return segmented(literal, complete: complete, prefix: "repo:", ownerEnd: "/", repoEnd: ":")
        case .gitlab:
            return segmented(literal, complete: complete, prefix: "project_path:", ownerEnd: "/", repoEnd: ":")
        case .terraformCloud:
            return named(literal, complete: complete, owner: "organization:", repository: ":project:")
        case .buildkite:
            return named(literal, complete: complete, owner: "organization:", repository: ":pipeline:")
        }
    }

    /// `PREFIX OWNER <ownerEnd> REPO <repoEnd>…`: the owner is pinned when the literal text reaches the
    /// separator after a non-empty owner; the repository when it reaches the separator after the repository.
    private static func segmented(_ literal: String, complete: Bool, prefix: String, ownerEnd: Character, repoEnd: Character) -> Pins {
        guard literal.hasPrefix(prefix) else { return Pins(owner: false, repository: false) }
        let rest = literal.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: ownerEnd), slash != rest.startIndex else { return Pins(owner: false, repository: false) }
        let afterOwner = rest[rest.index(after: slash)...]
        if complete { return Pins(owner: true, repository: !afterOwner.isEmpty) }
        if let end = afterOwner.firstIndex(of: repoEnd), end != afterOwner.startIndex { return Pins(owner: true, repository: true) }
        return Pins(owner: true, repository: false)
    }

    /// `organization:ORG:project:PROJECT:…` and the like.
    private static func named(_ literal: String, complete: Bool, owner: String, repository: String) -> Pins {
        guard literal.hasPrefix(owner) else { return Pins(owner: false, repository: false) }
        let rest = literal.dropFirst(owner.count)
        guard let colon = rest.firstIndex(of: ":"), colon != rest.startIndex else {
            return Pins(owner: complete && !rest.isEmpty, repository: false)
        }
        let afterOwner = rest[colon...]
        guard afterOwner.hasPrefix(repository) else { return Pins(owner: true, repository: false) }
        let name = afterOwner.dropFirst(repository.count)
        if complete { return Pins(owner: true, repository: !name.isEmpty) }
        if let end = name.firstIndex(of: ":"), end != name.startIndex { return Pins(owner: true, repository: true) }
        return Pins(owner: true, repository: false)
    }

    /// GitHub's `repository` claim (`OWNER/REPO`) or `repository_id` claim (a number).
    static func judgeRepositoryClaim(_ value: String, like: Bool, isID: Bool) -> Pins {
        let literal = like ? String(Glob.literalPrefix(value)) : value
        if isID { return literal == value && !value.isEmpty ? Pins(owner: true, repository: true) : Pins(owner: false, repository: false) }
        guard let slash = literal.firstIndex(of: "/"), slash != literal.startIndex else { return Pins(owner: false, repository: false) }
        let repo = literal[literal.index(after: slash)...]
        return Pins(owner: true, repository: literal == value && !repo.isEmpty)
    }
}
