import Testing
import TerminalUI

@Suite("Terminal-safe text")
struct TerminalSafeTests {
    static let hostile = "x\u{1B}[2J\u{1B}[HNo findings.\u{1B}[8m"

    @Test("ESC, the usual C0 characters, DEL, C1 and bidi controls are shown as escapes", arguments: [
        ("\u{1B}[2J", "\\e[2J"), ("a\nb", "a\\nb"), ("a\tb", "a\\tb"), ("a\rb", "a\\rb"), ("\u{0}", "\\x00"),
        ("\u{7}", "\\x07"), ("\u{7F}", "\\x7f"), ("\u{9B}31m", "\\u009b31m"), ("\u{85}", "\\u0085"),
        ("evil\u{202E}txt.exe", "evil\\u202etxt.exe"), ("\u{202A}\u{202B}\u{202C}\u{202D}", "\\u202a\\u202b\\u202c\\u202d"),
        ("\u{2066}\u{2067}\u{2068}\u{2069}", "\\u2066\\u2067\\u2068\\u2069"), ("\u{200E}\u{200F}\u{61C}", "\\u200e\\u200f\\u061c"),
        ("line\u{2028}sep", "line\\u2028sep"),
    ])
    func escapes(input: String, expected: String) {
        #expect(TerminalSafe.escape(input) == expected)
        #expect(!TerminalSafe.needsEscape(TerminalSafe.escape(input)))
    }

    @Test("text without control characters comes back unchanged", arguments: [
        "", "arn:aws:iam::111111111111:role/Audit", "‼ critical · ▲ medium", "漢字 ü é", "👩‍💻 🇫🇷 ❤️", "a\\eb", "\u{200B}zero width",
        "\u{A0}nbsp \u{C2}\u{E2}",
    ])
    func unchanged(input: String) {
        #expect(!TerminalSafe.needsEscape(input))
        #expect(TerminalSafe.escape(input) == input)
    }

    @Test("the hostile role name loses every ESC and keeps its text")
    func hostileName() {
        let safe = Self.hostile.terminalSafe
        #expect(safe == "x\\e[2J\\e[HNo findings.\\e[8m")
        #expect(!safe.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test("a control character is as wide as its escape, so layouts and the screen agree")
    func widthOfEscapes() {
        #expect(DisplayWidth.of("\u{1B}") == 2)
        #expect(DisplayWidth.of("\u{7F}") == 4)
        #expect(DisplayWidth.of("\u{202E}") == 6)
        #expect(DisplayWidth.of(Self.hostile) == DisplayWidth.of(Self.hostile.terminalSafe))
        #expect(DisplayWidth.of("\r\n") == 4)
    }

    @Test("the screen buffer draws escapes, never the control characters")
    func screenBufferEscapes() {
        var b = ScreenBuffer(width: 60, height: 3)
        let written = b.write(Self.hostile, x: 0, y: 0)
        b.write("evil\u{202E}txt", x: 0, y: 1)
        b[0, 2] = Cell("\u{1B}")
        #expect(written == DisplayWidth.of(Self.hostile))
        #expect(b.text == "x\\e[2J\\e[HNo findings.\\e[8m\nevil\\u202etxt\n?")
        #expect(b.cells.allSatisfy { !$0.character.unicodeScalars.contains(where: TerminalSafe.needsEscape) })
    }
}
