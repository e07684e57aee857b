/// A JSON (or YAML-as-JSON) value as policy documents and inventories use it.
///
/// Numbers keep their source text: IAM normalises condition values to strings,
/// and `1` and `1.0` must both survive round trips unchanged.
/// Objects keep their key order so that pretty-printing shows a policy as written.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The value as IAM compares it in a condition: strings as they are,
    /// booleans as `"true"`/`"false"`, numbers as their decimal text.
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        default: return nil
        }
    }

    /// A one-word description for error messages ("a string", "an object").
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

/// An object that keeps its members in source order.
public struct JSONObject: Sendable, Hashable {
    public var members: [(key: String, value: JSONValue)]

    public init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = members
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for (a, b) in zip(lhs.members, rhs.members) where a.key != b.key || a.value != b.value {
            return false
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for m in members {
            hasher.combine(m.key)
            hasher.combine(m.value)
        }
    }

    /// Exact-key lookup; the last duplicate wins, as in most JSON readers.
    public subscript(key: String) -> JSONValue? {
        get {
            for m in members.reversed() where m.key == key { return m.value }
            return nil
        }
        set {
            if let i = members.lastIndex(where: { $0.key == key }) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// Lookup ignoring case: policy grammar element names (`Effect`, `Statement`)
    /// are matched this way by trustmap's readers.
    public func value(forKeyIgnoringCase key: String) -> (key: String, value: JSONValue)? {
        let lower = key.lowercased()
        for m in members where m.key.lowercased() == lower { return m }
        return nil
    }

    public var keys: [String] { members.map(\.key) }
    public var isEmpty: Bool { members.isEmpty }
}
