import PolicyEngine

/// One input file, from bytes to the facts it contributes: decompress, parse (JSON or YAML),
/// recognise by content, read with the matching reader, and place every diagnostic.
enum FragmentReader {
    static func read(_ input: InputSource) -> InventoryFragment {
        var fragment = InventoryFragment(file: input.displayPath, kind: InputKind.unrecognised.rawValue, status: .skipped)
        let bytes: [UInt8]
        switch input.contents() {
        case .success(.text(let b)): bytes = b
        case .success(.skipped(let reason)):
            fragment.skipReason = reason
            if input.isExplicit {
                fragment.warnings.append(LoadDiagnostic(file: input.displayPath, message: "\(reason); skipped"))
            }
            return fragment
        case .failure(let problem):
            fragment.status = .failed
            fragment.errors.append(LoadDiagnostic(file: input.displayPath, message: problem.message))
            return fragment
        }
        let parsed = parse(bytes, input: input)
        let document: SourceDocument
        switch parsed {
        case .success(let d): document = d
        case .failure(let problem):
            let ext = input.effectiveExtension
            if input.isExplicit || ["json", "yaml", "yml"].contains(ext) || problem.isLimit {
                fragment.status = .failed
                fragment.errors.append(LoadDiagnostic(file: input.displayPath, position: problem.position, field: nil, message: problem.message))
            } else {
                fragment.skipReason = "not JSON or YAML (\(problem.message))"
            }
            return fragment
        }
        let kind = InputKind.detect(document.root)
        fragment.kind = kind.rawValue
        let ctx = ReadContext(file: input.displayPath, document: document)
        guard kind != .unrecognised else {
            fragment.skipReason = "not a recognised inventory input (native inventory, AWS IAM/Organizations/CloudTrail export)"
            if let o = document.root.objectValue, InputKind.nativeKeys.contains(where: { o[$0] != nil }) {
                fragment.skipReason = "it looks like a trustmap inventory but has no 'version: 1' at the top"
                ctx.warning([], "this looks like a trustmap inventory but has no 'version: 1' at the top; add it to load the file (skipped)")
            } else if input.isExplicit {
                ctx.warning([], "not a recognised inventory input (native inventory, AWS IAM/Organizations/CloudTrail export); skipped")
            }
            (fragment.warnings, fragment.errors) = ctx.finish()
            return fragment
        }
        dispatch(kind, root: document.root, into: &fragment, ctx: ctx)
        document.releaseValue()
        (fragment.warnings, fragment.errors) = ctx.finish()
        fragment.status = fragment.errors.isEmpty ? .loaded : .failed
        return fragment
    }

    /// The parse outcome of text that is not empty (see `InputSource.contents`): JSON when it starts like JSON
    /// or is named `.json`, YAML otherwise.
    static func parse(_ bytes: [UInt8], input: InputSource) -> Result<SourceDocument, SourceDocument.SyntaxProblem> {
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        let ext = input.effectiveExtension
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || ext == "json" {
            let json = SourceDocument.parseJSON(bytes)
            if case .failure = json, ext == "yaml" || ext == "yml" { return SourceDocument.parseYAML(bytes, limits: input.limits) }
            return json
        }
        return SourceDocument.parseYAML(bytes, limits: input.limits)
    }

    private static func dispatch(_ kind: InputKind, root: JSONValue, into fragment: inout InventoryFragment, ctx: ReadContext) {
        switch kind {
        case .native:
            if let o = root.objectValue { NativeInventoryReader.read(o, into: &fragment, context: ctx) }
        case .authorizationDetails:
            var reader = AuthorizationDetailsReader(context: ctx)
            switch root {
            case .array(let items):
                for (i, item) in items.enumerated() {
                    if let o = item.objectValue { reader.read(o, at: [.index(i)], into: &fragment) }
                }
            case .object(let o) where !InputKind.isAuthorizationDetails(o) && o["Policies"] == nil:
                for m in o.members {
                    if let dump = m.value.objectValue { reader.read(dump, at: [.key(m.key)], into: &fragment) }
                }
            case .object(let o):
                reader.read(o, at: [], into: &fragment)
            default:
                break
            }
        case .organizationAccounts:
            if let o = root.objectValue { OrganizationsReader.readAccounts(o, into: &fragment, ctx: ctx) }
        case .organization:
            if let o = root.objectValue { OrganizationsReader.readOrganization(o, into: &fragment, ctx: ctx) }
        case .organizationRoots:
            if let o = root.objectValue { OrganizationsReader.readRoots(o, into: &fragment, ctx: ctx) }
        case .organizationalUnits:
            if let o = root.objectValue { OrganizationsReader.readUnits(o, into: &fragment, ctx: ctx) }
        case .organizationPolicy:
            if let o = root.objectValue { OrganizationsReader.readDescribedPolicy(o, into: &fragment, ctx: ctx) }
        case .organizationPolicies:
            if let o = root.objectValue { OrganizationsReader.readPolicyList(o, into: &fragment, ctx: ctx) }
        case .organizationTree:
            if let o = root.objectValue { OrganizationsReader.readTree(o, into: &fragment, ctx: ctx) }
        case .samlProviders:
            if let o = root.objectValue {
                var list: [String] = []
                ProvidersReader.read(o, key: "SAMLProviderList", type: "saml-provider", into: &list, fragment: &fragment, ctx: ctx)
                fragment.samlProviders = list
            }
        case .oidcProviders:
            if let o = root.objectValue {
                var list: [String] = []
                ProvidersReader.read(o, key: "OpenIDConnectProviderList", type: "oidc-provider", into: &list, fragment: &fragment, ctx: ctx)
                fragment.oidcProviders = list
            }
        case .cloudTrail:
            if let o = root.objectValue { CloudTrailReader.readRecords(o, into: &fragment, ctx: ctx) }
        case .cloudTrailRecord:
            CloudTrailReader.readBare(root, into: &fragment, ctx: ctx)
        case .cloudTrailLookup:
            if let o = root.objectValue { CloudTrailReader.readLookupEvents(o, into: &fragment, ctx: ctx) }
        case .unrecognised:
            break
        }
    }
}
