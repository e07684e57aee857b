@testable import PolicyEngine
import Testing

/// The byte-level split used on every ARN must give exactly what the standard split gives.
@Suite("splitting on an ASCII separator")
struct ASCIISplitTests {
    static let texts = [
        "", ":", "::", "a", "arn:aws:iam::111111111111:role/path/Name", "arn:aws:sts::1:assumed-role/R/s",
        ":lead", "trail:", "a::b", "arn:aws:iam::*:role/*", "no separator at all", "a:b:c:d:e:f:g:h",
        // Not ASCII: a colon followed by a combining mark is one Character, not a separator.
        "arn:aws:iam::1:role/Ré", "a:\u{0301}b:c", "é:ü", "🙂:🙂::",
    ]

    @Test("ARN-like texts split as the standard split does, for every maxSplits and omitting choice")
    func sameAsStandardSplit() {
        for text in Self.texts {
            for maxSplits in [0, 1, 2, 5, Int.max] {
                for omitting in [true, false] {
                    let expected = text.split(separator: ":", maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                    let got = text.asciiSplit(separator: ":", maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                    #expect(got == expected, "\(text.debugDescription) maxSplits \(maxSplits) omitting \(omitting)")
                    let sub = ("x/" + text).dropFirst(2)
                    #expect(sub.asciiSplit(separator: ":", maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                        == sub.split(separator: ":", maxSplits: maxSplits, omittingEmptySubsequences: omitting))
                }
            }
        }
    }

    @Test("a session ARN's resource splits on slashes")
    func slashes() {
        #expect("assumed-role/Admin/alice".asciiSplit(separator: "/") == ["assumed-role", "Admin", "alice"])
        #expect("role//x/".asciiSplit(separator: "/", omittingEmptySubsequences: false) == ["role", "", "x", ""])
    }
}
