import GraphLayout
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
        #expect(TextWidth.simple.width(of: "\u{7}") == 0)
    }

    @Test("the caller's width function is used for truncation")
    func customWidth() {
        let doubled = TextWidth { _ in 2 }
        #expect(doubled.width(of: "abc") == 6)
        #expect(doubled.truncate("abcdef", toWidth: 5) == "a…", "the ellipsis counts two columns too")
    }
}
