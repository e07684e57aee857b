import PolicyEngine
import Testing

/// Where values start, by path, found by the parser's own scanner.
@Suite("JSON positions")
struct JSONPositionTests {
    static let text = """
        {"version": 1,
         "roles": [
           {"arn": "a", "tags": {"k\\u00e9y": "v"}},
           {"arn": "b", "list": [1, [2, 3], {"x": null}]}
         ],
         "name": "é"
        }
        """

    @Test("many paths in one pass, each where its value starts; absent paths are left out")
    func many() {
        let bytes = Array(Self.text.utf8)
        let found = JSONParser.positions(of: [
            [], [.key("version")], [.key("roles"), .index(1), .key("arn")], [.key("roles"), .index(0), .key("tags"), .key("kéy")],
            [.key("roles"), .index(1), .key("list"), .index(2), .key("x")], [.key("name")], [.key("roles"), .index(5)], [.key("nope")],
        ], in: bytes)
        #expect(found == [
            []: SourcePosition(line: 1, column: 1),
            [.key("version")]: SourcePosition(line: 1, column: 13),
            [.key("roles"), .index(1), .key("arn")]: SourcePosition(line: 4, column: 12),
            [.key("roles"), .index(0), .key("tags"), .key("kéy")]: SourcePosition(line: 3, column: 38),
            [.key("roles"), .index(1), .key("list"), .index(2), .key("x")]: SourcePosition(line: 4, column: 43),
            [.key("name")]: SourcePosition(line: 6, column: 10),
        ])
        #expect(JSONParser.position(of: [.key("roles"), .index(1)], in: bytes) == SourcePosition(line: 4, column: 4))
        // A byte-order mark counts as a column here, as in the parser's errors (loaders remove it before parsing).
        #expect(JSONParser.position(of: [.key("version")], in: [0xEF, 0xBB, 0xBF] + bytes) == SourcePosition(line: 1, column: 14))
    }

    @Test("what comes before a syntax error is still placed")
    func broken() {
        let bytes = Array(#"{"a": 1, "b": [1, 2 "c": 3}"#.utf8)
        let found = JSONParser.positions(of: [[.key("a")], [.key("b"), .index(1)], [.key("c")]], in: bytes)
        #expect(found == [[.key("a")]: SourcePosition(line: 1, column: 7), [.key("b"), .index(1)]: SourcePosition(line: 1, column: 19)])
    }
}
