import PolicyEngine
import Testing

/// A member name twice in one object is an error naming both places: "Effect":"Deny","Effect":"Allow"
/// must never quietly read as Allow.
@Suite("JSON duplicate keys")
struct JSONDuplicateKeyTests {
    private func failure(_ text: String, options: JSONParseOptions = JSONParseOptions()) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(Array(text.utf8), options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test("the second place is the error's, the first is in its message")
    func bothPlaces() throws {
        let text = "{\"Statement\": [{\"Effect\": \"Deny\",\n  \"Action\": \"sts:AssumeRole\", \"Effect\": \"Allow\"}]}"
        let e = try #require(failure(text))
        #expect(e.position == SourcePosition(line: 2, column: 31))
        #expect(e.message == "duplicate key 'Effect' in one object, first at line 1, column 17 and again at line 2, column 31; each key may appear once")
        // An escaped spelling is the same name.
        #expect(failure(#"{"roles": [], "r\u006fles": []}"#)?.message.hasPrefix("duplicate key 'roles'") == true)
        // The same name in different objects is fine.
        #expect(failure(#"{"a": {"x": 1}, "b": {"x": 1}}"#) == nil)
    }

    @Test("a large object is checked in one pass, and its duplicate found wherever it is")
    func large() throws {
        let members = (0..<5000).map { #""k\#($0)": \#($0)"# }
        #expect(failure("{" + members.joined(separator: ",") + "}") == nil)
        let e = try #require(failure("{" + (members + [#""k4321": 0"#]).joined(separator: ",") + "}"))
        #expect(e.message.hasPrefix("duplicate key 'k4321' in one object, first at line 1, column"))
    }

    @Test("the shortcuts (two threads, policy versions left unparsed) report the same duplicate at the same place")
    func shortcuts() {
        let version = #"{"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Effect":"Allow","Action":"*","Resource":"*"}]},"VersionId":"v1","IsDefaultVersion":false}"#
        let dump = #"{"RoleDetailList":[],"Policies":[{"PolicyName":"P","DefaultVersionId":"v2","PolicyVersionList":[\#(version),{"VersionId":"v2","IsDefaultVersion":true,"Document":{}}]}]}"#
        let twoDocuments = #"{"Policies":[{"PolicyVersionList":[{"Document":{},"VersionId":"v1","Document":{}}]}]}"#
        for text in [dump, twoDocuments] {
            let plain = failure(text)
            #expect(plain != nil)
            #expect(failure(text, options: JSONParseOptions(parallel: true, onlyDefaultPolicyVersionDocuments: true, minimumSplitBytes: 64)) == plain)
        }
    }
}
