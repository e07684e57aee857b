import PolicyEngine

/// `aws iam list-saml-providers` and `aws iam list-open-id-connect-providers` output.
enum ProvidersReader {
    static func read(_ root: JSONObject, key: String, type: String, into list: inout [String], fragment: inout InventoryFragment, ctx: ReadContext) {
        let items = ctx.list(root[key] ?? .null, at: [.key(key)], expected: "providers ({Arn})", lenient: true) ?? []
        for (i, item) in items.enumerated() {
            let path: [JSONPathComponent] = [.key(key), .index(i), .key("Arn")]
            guard let arn = item["Arn"]?.stringValue else {
                ctx.error(path, "expected the provider's 'Arn' (a string such as arn:aws:iam::111111111111:\(type)/Name)")
                continue
            }
            switch IAMEntityARN.parse(arn, expectedType: type) {
            case .success(let parsed):
                list.append(arn)
                fragment.referencedAccounts.insert(parsed.accountId)
            case .failure(let problem):
                ctx.error(path, problem.message)
            }
        }
    }
}
