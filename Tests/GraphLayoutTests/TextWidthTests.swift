import GraphLayout
import TerminalText
import Testing

@Suite("Display width and truncation")
struct TextWidthTests {
    @Test(
        "truncation keeps what fits and ends with the ellipsis",
        arguments: [
            ("Deployer", 20, "Deployer"),
            ("Deployer", 8, "Deployer"),
            ("Deployer", 7, "Deploy…"),
            ("Deployer", 1, "…"),
            ("Deployer", 0, ""),
            ("Deployer", -3, ""),
            ("監査ロール", 5, "監査…"),
            ("監査ロール", 4, "監…"),
            ("", 3, ""),
        ])
    func truncation(text: String, width: Int, expected: String) {
        #expect(TextWidth.simple.truncate(text, toWidth: width) == expected)
        #expect(TextWidth.simple.width(of: expected) <= max(0, width))
    }

    @Test("a wider ellipsis is itself cut to the room")
    func wideEllipsis() {
        #expect(TextWidth.simple.truncate("Deployer", toWidth: 2, ellipsis: "...") == "..")
        #expect(TextWidth.simple.truncate("Deployer", toWidth: 5, ellipsis: "...") == "De...")
    }

    @Test("box drawing, ASCII and combining marks have their terminal widths")
    func simpleWidths() {
        #expect(TextWidth.simple.width(of: "┌─▶ ab") == 6)
        #expect(TextWidth.simple.width(of: "e\u{301}") == 1)
        #expect(TextWidth.simple.width(of: "漢字") == 4)
        // A control character is drawn as its escape (`\x07`), and measured so.
        #expect(TextWidth.simple.width(of: "\u{7}") == 4)
    }

    @Test("the layout measures with the screen buffer's table: emoji sequences, flags, zero-width and bidi characters")
    func sharedTable() {
        for text in ["👩‍💻 dev", "🇫🇷", "❤️", "a\u{200B}b", "rtl\u{200F}", "evil\u{202E}txt", "x\u{1B}[2J", "漢字", "e\u{301}"] {
            #expect(TextWidth.simple.width(of: text) == DisplayWidth.of(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("a node label keeps control and bidi characters as escapes, measured as drawn")
    func labelsEscaped() {
        let node = LayoutGraph.Node(label: "x\u{1B}[2J\u{202E}")
        #expect(node.label == "x\\e[2J\\u202e")
        #expect(node.labelWidth == node.label.count)
    }

    @Test("the caller's width function is used for truncation")
    func customWidth() {
        let doubled = TextWidth { _ in 2 }
        #expect(doubled.width(of: "abc") == 6)
        #expect(doubled.truncate("abcdef", toWidth: 5) == "a…", "the ellipsis counts two columns too")
    }
}
