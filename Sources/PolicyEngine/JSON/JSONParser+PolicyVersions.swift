extension JSONParser {
    // MARK: - Policy versions kept unparsed

    /// Where the `Document` members of one policy version were, unparsed (validated only).
    struct DeferredDocuments {
        var item: Int
        /// Place among the version's kept members, start offset, and depth there; in document order.
        var documents: [(member: Int, start: Int, depth: Int)]
    }

    /// A `PolicyVersionList` list: like `parseArray`, but each object element's `Document` members are only
    /// validated, and left out of the value.
    mutating func parseVersionList() throws(JSONSyntaxError) -> (JSONValue, [DeferredDocuments]) {
        depth += 1
        defer { depth -= 1 }
        if depth > 512 { throw error("nesting deeper than 512 levels") }
        index += 1
        var items: [JSONValue] = []
        var deferred: [DeferredDocuments] = []
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "]") {
            index += 1
            return (.array(items), deferred)
        }
        while true {
            skipWhitespace()
            if index < count, base[index] == UInt8(ascii: "{") {
                let (version, documents) = try parseVersion()
                if !documents.isEmpty { deferred.append(DeferredDocuments(item: items.count, documents: documents)) }
                items.append(version)
            } else {
                items.append(try parseValue())
            }
            if try continues(closing: UInt8(ascii: "]")) { continue }
            return (.array(items), deferred)
        }
    }

    /// One policy version: `parseObject` without its `Document` members (validated, their places noted).
    mutating func parseVersion() throws(JSONSyntaxError) -> (JSONValue, [(member: Int, start: Int, depth: Int)]) {
        depth += 1
        defer { depth -= 1 }
        if depth > 512 { throw error("nesting deeper than 512 levels") }
        let objectStart = index
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        var documents: [(member: Int, start: Int, depth: Int)] = []
        var keys = KeySet()
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "}") {
            index += 1
            return (.object(JSONObject(members)), documents)
        }
        while true {
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: "\"") else {
                throw error("expected a quoted member name")
            }
            let keyStart = index
            let key = try parseString()
            if !keys.insert(key, among: members, also: documents.isEmpty ? nil : "Document") {
                throw duplicateKey(key, at: keyStart, inObjectAt: objectStart)
            }
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            if key == "Document" {
                documents.append((members.count, index, depth))
                try skipValue()
            } else {
                members.append((key, try parseValue()))
            }
            if try continues(closing: UInt8(ascii: "}")) { continue }
            return (.object(JSONObject(members)), documents)
        }
    }

    /// Puts back the one `Document` a reader of this policy object takes (see `JSONParseOptions`).
    func keepDefaultVersionDocument(
        _ members: inout [(key: String, value: JSONValue)], _ lists: [(member: Int, deferred: [DeferredDocuments])]
    ) throws(JSONSyntaxError) {
        // A reader sees the last member of a name.
        guard let listMember = members.lastIndex(where: { $0.key == "PolicyVersionList" }),
              let deferred = lists.first(where: { $0.member == listMember })?.deferred,
              case .array(var versions) = members[listMember].value else { return }
        let defaultId = members.last(where: { $0.key == "DefaultVersionId" })?.value.stringValue
        var documentsOf: [Int: [(member: Int, start: Int, depth: Int)]] = [:]
        for d in deferred { documentsOf[d.item] = d.documents }
        for (i, version) in versions.enumerated() {
            guard case .object(var o) = version else { continue }
            let isDefault = o["IsDefaultVersion"]?.boolValue == true || (defaultId != nil && o["VersionId"]?.stringValue == defaultId)
            guard isDefault else { continue }
            guard let place = documentsOf[i]?.last else {
                if o["Document"] != nil { return }
                continue
            }
            var p = JSONParser(bytes: bytes)
            p.index = place.start
            p.depth = place.depth
            let document = try p.parseValue()
            o.members.insert(("Document", document), at: place.member)
            versions[i] = .object(o)
            members[listMember].value = .array(versions)
            return
        }
    }
}
