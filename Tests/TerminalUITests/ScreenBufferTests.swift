import Testing
@testable import TerminalUI

@Suite("ScreenBuffer")
struct ScreenBufferTests {
    @Test("text is clipped to the buffer and to maxWidth")
    func clipping() {
        var b = ScreenBuffer(width: 10, height: 2)
        b.write("hello world", x: 2, y: 0)
        b.write("abcdef", x: -3, y: 1, maxWidth: 5)
        #expect(b.text == "  hello wo\nde")
    }

    @Test("writes outside the buffer are ignored, even at 1×1 and 0×0")
    func tinyBuffers() {
        var one = ScreenBuffer(width: 1, height: 1)
        one.write("xyz", x: 0, y: 0)
        one.write("q", x: 5, y: 5)
        one.drawBox(Rect(x: 0, y: 0, width: 10, height: 10), title: "T")
        _ = one.text
        var zero = ScreenBuffer(width: 0, height: 0)
        zero.write("a", x: 0, y: 0)
        zero.fill(Rect(x: -1, y: -1, width: 5, height: 5))
        #expect(zero.text == "")
    }

    @Test("a wide character takes two cells and is not split at the edge")
    func wideCharacters() {
        var b = ScreenBuffer(width: 5, height: 1)
        b.write("a漢b", x: 0, y: 0)
        #expect(b.text == "a漢b")
        #expect(b[2, 0].isContinuation)
        var edge = ScreenBuffer(width: 2, height: 1)
        edge.write("a漢", x: 0, y: 0)
        #expect(edge.text == "a")
    }

    @Test("a box has its title in the top border and a style map shows roles")
    func boxAndStyleMap() {
        var b = ScreenBuffer(width: 12, height: 3)
        b.drawBox(Rect(x: 0, y: 0, width: 12, height: 3), title: "Nav", role: .border, titleRole: .title)
        #expect(b.text == "┌ Nav ─────┐\n│          │\n└──────────┘")
        #expect(b.styleMap.split(separator: "\n")[0] == "bTTTTTbbbbbb")
    }

    @Test("display width: box drawing 1, CJK 2, combining 0")
    func displayWidth() {
        #expect(DisplayWidth.of("─│┌‼▲✓") == 6)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.truncate("abcdefgh", to: 5) == "abcd…")
        #expect(DisplayWidth.truncate("abc", to: 5) == "abc")
        #expect(DisplayWidth.pad("ab", to: 4) == "ab  ")
    }
}

@Suite("TextField")
struct TextFieldTests {
    @Test("typing, moving and deleting edit at the cursor")
    func editing() {
        var f = TextField("")
        for c in "rle" { f.handle(.character(c)) }
        f.handle(.left)
        f.handle(.left)
        f.handle(.character("o"))
        #expect(f.text == "role")
        f.handle(.end)
        f.handle(.backspace)
        #expect(f.text == "rol")
        f.handle(.home)
        f.handle(.delete)
        #expect(f.text == "ol")
        f.handle(.control("u"))
        #expect(f.text == "ol")
        f.handle(.end)
        f.handle(.control("u"))
        #expect(f.text == "")
    }

    @Test("the cursor stays visible when the text is longer than the field")
    func scrolling() {
        var b = ScreenBuffer(width: 10, height: 1)
        let f = TextField("abcdefghijklmnop")
        f.draw(into: &b, at: Rect(x: 0, y: 0, width: 10, height: 1), prompt: ": ")
        #expect(b.text == ": jklmnop")
        #expect(b.cursor?.x == 9)
    }
}
