import PolicyEngine
import Testing

/// The parser's shortcuts (`JSONParseOptions`) give what a plain parse gives: the same value where they
/// promise it, the same error at the same place always.
@Suite("JSON parse options")
struct JSONParseOptionsTests {
    /// A list of `n` objects whose first member is `arn`, inside a top-level object, as a native inventory has.
    static func inventory(_ n: Int, pretty: Bool = false) -> String {
        let sep = pretty ? ",\n    " : ","
        let items = (0..<n).map { i in
            #"{"arn":"arn:aws:iam::111111111111:role/r\#(i)","tags":{"k":"v\#(i)"},"policies":[{"arn":"x"},{"arn":"y"}],"n":[\#(i),\#(i + 1)]}"#
        }
        return #"{"version":1,"roles":[\#(items.joined(separator: sep))],"users":[{"arn":"u"}]}"#
    }

    static let split = JSONParseOptions(parallel: true, minimumSplitBytes: 64)

    @Test("a list parsed on two threads equals the list parsed on one, compact or pretty")
    func parallelSame() throws {
        for pretty in [false, true] {
            for n in [0, 1, 2, 3, 17, 400] {
                let bytes = Array(Self.inventory(n, pretty: pretty).utf8)
                #expect(try JSONParser.parse(bytes, options: Self.split) == JSONParser.parse(bytes), "n=\(n) pretty=\(pretty)")
            }
        }
    }

    @Test("a guess that is not an element boundary of the list (a nested list looks alike) is thrown away")
    func parallelMiss() throws {
        // The nested lists hold objects whose first member is `arn` too: the half-way guess may land in one.
        let items = (0..<300).map { i in #"{"arn":"a\#(i)","inner":[{"arn":"b"},{"arn":"c"},{"arn":"d\#(i)"}]}"# }
        let bytes = Array(("[" + items.joined(separator: ",") + "]").utf8)
        #expect(try JSONParser.parse(bytes, options: Self.split) == JSONParser.parse(bytes))
        // Strings that look like boundaries.
        let tricky = (0..<300).map { i in #"{"arn":"x},{\"arn\":\"y","i":\#(i)}"# }
        let bytes2 = Array(("[" + tricky.joined(separator: ",") + "]").utf8)
        #expect(try JSONParser.parse(bytes2, options: Self.split) == JSONParser.parse(bytes2))
    }

    @Test("an error anywhere gives the same message at the same place with or without the shortcuts")
    func sameErrors() {
        let good = Self.inventory(300) + ""
        let options = [Self.split, JSONParseOptions(onlyDefaultPolicyVersionDocuments: true), JSONParseOptions(parallel: true, onlyDefaultPolicyVersionDocuments: true, minimumSplitBytes: 64)]
        let gaad = Array(Self.dump(versions: 4).utf8)
        for base in [Array(good.utf8), gaad] {
            // Break the text at many places, in several ways.
            for at in stride(from: 1, to: base.count - 1, by: max(1, base.count / 53)) {
                for breakage: [UInt8] in [[], Array("}".utf8), Array("\"".utf8), Array("[[".utf8), Array("\\q".utf8), [0x01], Array("-".utf8)] {
                    var bytes = base
                    bytes.replaceSubrange(at..<(at + 1), with: breakage)
                    let plain = Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes) }
                    for o in options {
                        let shortcut = Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes, options: o) }
                        switch (plain, shortcut) {
                        case (.failure(let a), .failure(let b)):
                            #expect(a == b, "at \(at)")
                        case (.success, .success):
                            break
                        default:
                            Issue.record("one failed, the other did not, at \(at)")
                        }
                    }
                }
            }
        }
    }

    /// An authorization-details dump with one managed policy of `versions` versions.
    static func dump(versions: Int, defaultVersion: Int? = nil, defaultFlag: Int? = nil, defaultIdFirst: Bool = false) -> String {
        let d = defaultVersion ?? versions
        let flagged = defaultFlag ?? d
        let list = (1...versions).reversed().map { v in
            #"{"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s\#(v):Get*","s\#(v):List*"],"Resource":"*"}]},"VersionId":"v\#(v)","IsDefaultVersion":\#(v == flagged),"CreateDate":"2020-01-0\#(v % 9 + 1)T00:00:00Z"}"#
        }.joined(separator: ",")
        let id = #""DefaultVersionId":"v\#(d)""#
        let policy = defaultIdFirst
            ? #"{"PolicyName":"P",\#(id),"PolicyVersionList":[\#(list)],"Arn":"arn:aws:iam::aws:policy/P"}"#
            : #"{"PolicyName":"P","Arn":"arn:aws:iam::aws:policy/P","PolicyVersionList":[\#(list)],\#(id)}"#
        return #"{"RoleDetailList":[],"Policies":[\#(policy)]}"#
    }

    static func versions(_ value: JSONValue) -> [JSONValue] {
        value["Policies"]?.arrayValue?.first?["PolicyVersionList"]?.arrayValue ?? []
    }

    @Test("only the default policy version keeps its Document; everything else is as parsed")
    func onlyDefault() throws {
        let options = JSONParseOptions(onlyDefaultPolicyVersionDocuments: true)
        for (text, expected) in [(Self.dump(versions: 5), 0), (Self.dump(versions: 5, defaultIdFirst: true), 0),
                                 (Self.dump(versions: 5, defaultVersion: 3), 2), (Self.dump(versions: 1), 0)] {
            let bytes = Array(text.utf8)
            let full = try JSONParser.parse(bytes)
            let lean = try JSONParser.parse(bytes, options: options)
            let a = Self.versions(full), b = Self.versions(lean)
            #expect(a.count == b.count)
            for i in a.indices {
                if i == expected {
                    #expect(a[i] == b[i])
                } else {
                    var o = a[i].objectValue!
                    o["Document"] = nil
                    #expect(JSONValue.object(o) == b[i])
                }
            }
        }
    }

    @Test("the version a reader takes: IsDefaultVersion true, or VersionId equal to DefaultVersionId, first in the list")
    func whichVersion() throws {
        let options = JSONParseOptions(onlyDefaultPolicyVersionDocuments: true)
        // DefaultVersionId says v2, the flag says v4: the first of them in the list (v4, listed newest first) wins.
        let lean = try JSONParser.parse(Array(Self.dump(versions: 5, defaultVersion: 2, defaultFlag: 4).utf8), options: options)
        let kept = Self.versions(lean).enumerated().filter { $0.element["Document"] != nil }.map(\.offset)
        #expect(kept == [1])
    }

    @Test("without a PolicyVersionList list nothing changes")
    func otherDocuments() throws {
        let text = #"{"Policies":[{"Document":{"a":1},"PolicyVersionList":{"Document":{"b":2},"IsDefaultVersion":false}}],"Document":[1]}"#
        let bytes = Array(text.utf8)
        #expect(try JSONParser.parse(bytes, options: JSONParseOptions(onlyDefaultPolicyVersionDocuments: true)) == JSONParser.parse(bytes))
    }
}
