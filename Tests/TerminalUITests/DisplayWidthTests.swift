import Testing
import TerminalUI

/// Text that moved borders: each case is drawn in a box row, and the right border must stay in
/// its column whatever the text (the width the buffer counts is the width it draws).
@Suite("Display width by grapheme cluster")
struct DisplayWidthTests {
    @Test("emoji sequences, flags, variation selectors, zero-width and bidi characters", arguments: [
        ("👩‍💻", 2),            // ZWJ sequence: one glyph
        ("👨‍👩‍👧‍👦", 2),       // a long ZWJ family
        ("🇫🇷", 2),             // a flag: two regional indicators
        ("❤️", 2),              // text-default heart with the emoji presentation selector
        ("❤", 1),               // the same without it
        ("1️⃣", 2),             // keycap
        ("🚀", 2),              // transport and map symbols are wide
        ("a\u{200B}b", 2),      // zero-width space
        ("e\u{301}", 1),        // combining acute
        ("漢字", 4),
        ("‼ ▲ ✓ ✗ ─", 9),       // the dashboard's glyphs stay narrow
        ("a\u{200F}b", 8),      // right-to-left mark: escaped, \u200f
        ("a\u{202E}b", 8),      // right-to-left override: escaped
    ])
    func widths(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test("the right border stays put", arguments: [
        "👩‍💻 dev", "🇫🇷 paris", "❤️ love", "zero\u{200B}width", "rtl\u{200F}mark", "evil\u{202E}txt", "x\u{1B}[2Jclear",
        "1️⃣ keycap", "👨‍👩‍👧‍👦 family", "e\u{301}\u{301}\u{301}",
    ])
    func borderStaysPut(label: String) {
        var b = ScreenBuffer(width: 30, height: 3)
        b.drawBox(Rect(x: 0, y: 0, width: 30, height: 3))
        let inner = DisplayWidth.pad(label, to: 28)
        #expect(DisplayWidth.of(inner) == 28)
        let written = b.write(inner, x: 1, y: 1, maxWidth: 28)
        #expect(written == 28)
        #expect(b[29, 1].character == "│")
        #expect(!b[29, 1].isContinuation)
        // Every cell up to the border is written: nothing stale from an earlier frame can show through.
        var columns = 0
        for x in 1..<29 where !b[x, 1].isContinuation { columns += DisplayWidth.of(b[x, 1].character) }
        #expect(columns == 28)
    }
}
