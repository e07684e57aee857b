@preconcurrency import CNcurses
import TerminalUI

#if canImport(Glibc)
import Glibc
#endif

/// The real terminal, through ncurses. The only code in trustmap that sees ncurses.
///
/// Start-up follows terminal.md: clear the signal mask, set the locale, refuse to start without
/// a terminal, install flag-only signal handlers and the crash guard, then `newterm`.
public final class NcursesTerminal: TerminalBackend {
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case cannotInitialise(term: String)

        public var description: String {
            switch self {
            case .notATerminal:
                return "the dashboard needs an interactive terminal (stdin and stdout must be a terminal). "
                    + "For scripts use the non-interactive commands: trustmap validate | simulate | who-can-assume | findings | graph | paths (see trustmap --help)."
            case .cannotInitialise(let term):
                return "cannot start the terminal (TERM=\(term)): is TERM set to a terminal type this machine knows?"
            }
        }
    }

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var colourPairs: [Int: Int16] = [:]
    private var nextPair: Int16 = 1
    private var maxColours = 8
    private var maxPairs = 64
    private var colourCapable = false
    private var stopped = false

    public init() throws {
        SignalGuard.clearSignalMask()
        setlocale(LC_ALL, "")
        guard isatty(0) == 1, isatty(1) == 1 else { throw StartError.notATerminal }
        SignalGuard.install()
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard let out = fdopen(1, "w"), let input = fdopen(0, "r"), let scr = newterm(nil, out, input) else {
            throw StartError.cannotInitialise(term: term)
        }
        screen = scr
        set_term(scr)
        window = stdscr
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        if has_colors() {
            start_color()
            use_default_colors()
            colourCapable = true
            maxColours = Int(COLORS)
            maxPairs = Int(COLOR_PAIRS)
        }
        mousemask(tm_BUTTON1_PRESSED | tm_BUTTON1_CLICKED | tm_BUTTON4_PRESSED | tm_BUTTON5_PRESSED, nil)
        mouseinterval(0)
        wtimeout(window, 100)
    }

    deinit { stop() }

    /// Restores the terminal. Safe to call more than once; every exit path calls it.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if isendwin() == false { endwin() }
        if let screen { delscreen(screen) }
        screen = nil
    }

    /// How long `nextEvent` waits for input before it returns nil (100 ms unless set).
    public func setInputTimeout(milliseconds: Int32) {
        guard let window else { return }
        wtimeout(window, milliseconds)
    }

    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    public func present(_ buffer: ScreenBuffer, theme: Theme) {
        guard let window else { return }
        let (w, h) = size
        let useColour = colourCapable && !theme.isMonochrome
        var wch: [wchar_t] = Array(repeating: 0, count: 8)
        for y in 0..<min(h, buffer.height) {
            for x in 0..<min(w, buffer.width) {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                // The last cell of the screen cannot be written without scrolling on some terminals.
                let style = theme.style(for: cell.role).applying(cell.emphasis)
                var attrs = tm_A_NORMAL
                if style.bold { attrs |= tm_A_BOLD }
                if style.underline { attrs |= tm_A_UNDERLINE }
                if style.reverse { attrs |= tm_A_REVERSE }
                if style.dim { attrs |= tm_A_DIM }
                let pair = useColour ? pairFor(style.foreground, style.background) : 0
                let (count, filler) = Self.glyph(for: cell.character, into: &wch)
                wch[count] = 0
                _ = tm_put_cell(window, Int32(y), Int32(x), wch, attrs, pair)
                if let filler, x + 1 < min(w, buffer.width) {
                    wch[0] = filler
                    wch[1] = 0
                    _ = tm_put_cell(window, Int32(y), Int32(x + 1), wch, attrs, pair)
                }
            }
        }
        if let c = buffer.cursor, c.x >= 0, c.y >= 0, c.x < w, c.y < h {
            wmove(window, Int32(c.y), Int32(c.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// What ncurses is given for one cell, so that it takes exactly the columns the buffer gave it.
    ///
    /// The buffer measures by grapheme cluster (`DisplayWidth`); ncurses measures the first scalar with the
    /// C library's `wcwidth`, which gives a flag (two regional indicators) or a text symbol made emoji by
    /// U+FE0F one column where the buffer (and most terminals) give two. Sent as is, ncurses believes the
    /// next column untouched (a stale cell) while the terminal may draw two columns (a shifted border).
    /// Such a cell is drawn as what every terminal draws in one column, and the second column is filled:
    /// a flag as its two letters (🇫🇷 → FR), anything else as its base character and a blank. Joiners,
    /// variation selectors and tags are never sent (see below).
    /// Returns how many characters were put in `wch` and what fills the second column, if anything.
    static func glyph(for character: Character, into wch: inout [wchar_t]) -> (count: Int, filler: wchar_t?) {
        let scalars = character.unicodeScalars
        let base = scalars.first!
        if base.value < 0x7F, scalars.count == 1 {
            wch[0] = wchar_t(bitPattern: base.value)
            return (1, nil)
        }
        let baseWidth = Int(tm_wcwidth(wchar_t(bitPattern: base.value)))
        if baseWidth != 2, DisplayWidth.of(character) == 2 {
            let indicators = scalars.prefix(2).filter { (0x1F1E6...0x1F1FF).contains($0.value) }
            if indicators.count == 2 {
                let letters = indicators.map { wchar_t(bitPattern: $0.value - 0x1F1E6 + 0x41) }
                wch[0] = letters[0]
                return (1, letters[1])
            }
            wch[0] = baseWidth == 1 ? wchar_t(bitPattern: base.value) : 0xFFFD
            return (1, 0x20)
        }
        // The base and its combining marks only: terminals (tmux among them) attach a joiner, a variation
        // selector or a tag character sent as a "combining" character to whichever cell they like, and
        // the rows around it tear. A ZWJ sequence is drawn as its first emoji, in the same two columns.
        wch[0] = wchar_t(bitPattern: base.value)
        var n = 1
        for s in scalars.dropFirst() where n < 5 {
            guard Self.isCombiningMark(s.value) else { break }
            wch[n] = wchar_t(bitPattern: s.value)
            n += 1
        }
        return (n, nil)
    }

    /// Combining diacritical marks (and their supplements and extensions), which terminals draw on the
    /// character before them; not joiners, variation selectors or tags.
    static func isCombiningMark(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x0483...0x0489).contains(v) || (0x0591...0x05C7).contains(v)
            || (0x0610...0x061A).contains(v) || (0x064B...0x065F).contains(v) || (0x1AB0...0x1AFF).contains(v)
            || (0x1DC0...0x1DFF).contains(v) || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v)
    }

    private func colourNumber(_ c: ThemeColor) -> Int32 {
        switch c {
        case .terminalDefault: return -1
        case .indexed(let i):
            if Int(i) < maxColours { return Int32(i) }
            return Int32(Self.downgrade(Int(i), toColours: maxColours))
        }
    }

    private func pairFor(_ fg: ThemeColor, _ bg: ThemeColor) -> Int16 {
        let f = colourNumber(fg), b = colourNumber(bg)
        if f == -1 && b == -1 { return 0 }
        let key = Int(f + 1) << 16 | Int(b + 1)
        if let p = colourPairs[key] { return p }
        guard Int(nextPair) < min(maxPairs, Int(Int16.max)) else { return 0 }
        let p = nextPair
        nextPair += 1
        init_pair(p, Int16(f), Int16(b))
        colourPairs[key] = p
        return p
    }

    /// Maps a 256-colour index onto the first 8 or 16 colours of a smaller terminal.
    static func downgrade(_ index: Int, toColours n: Int) -> Int {
        var r = 0, g = 0, b = 0
        if index < 16 {
            return n >= 16 ? index : index % 8
        } else if index < 232 {
            let v = index - 16
            let steps = [0, 95, 135, 175, 215, 255]
            r = steps[v / 36]
            g = steps[(v / 6) % 6]
            b = steps[v % 6]
        } else {
            let l = 8 + (index - 232) * 10
            r = l; g = l; b = l
        }
        let bright = max(r, g, b) > 200
        let bit = { (v: Int) in v > 127 ? 1 : 0 }
        let base = bit(r) | bit(g) << 1 | bit(b) << 2
        if base == 0 && max(r, g, b) > 64 { return n >= 16 ? 8 : 7 }
        return (bright && n >= 16) ? base + 8 : base
    }

    public func nextEvent() -> Event? {
        let sig = SignalGuard.takePendingSignal()
        if sig != 0 { return .interrupt(signal: sig) }
        guard let window else { return nil }
        var ch: wint_t = 0
        let r = wget_wch(window, &ch)
        let sig2 = SignalGuard.takePendingSignal()
        if sig2 != 0 { return .interrupt(signal: sig2) }
        if r == tm_ERR { return nil }
        if r == tm_KEY_CODE_YES {
            return decodeKeyCode(Int32(ch))
        }
        return decodeCharacter(UInt32(ch))
    }

    private func decodeCharacter(_ v: UInt32) -> Event? {
        switch v {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 127, 8: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(v + 96)!)))
        default:
            guard let s = Unicode.Scalar(v) else { return nil }
            return .key(.character(Character(s)))
        }
    }

    private func decodeKeyCode(_ code: Int32) -> Event? {
        switch code {
        case tm_KEY_RESIZE:
            let (w, h) = size
            return .resize(width: w, height: h)
        case tm_KEY_MOUSE:
            var m = MEVENT()
            guard getmouse(&m) == tm_OK else { return nil }
            if m.bstate & tm_BUTTON4_PRESSED != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: Int(m.x), y: Int(m.y))) }
            if tm_BUTTON5_PRESSED != 0, m.bstate & tm_BUTTON5_PRESSED != 0 { return .mouse(MouseEvent(kind: .wheelDown, x: Int(m.x), y: Int(m.y))) }
            if m.bstate & (tm_BUTTON1_PRESSED | tm_BUTTON1_CLICKED) != 0 { return .mouse(MouseEvent(kind: .press, x: Int(m.x), y: Int(m.y))) }
            return nil
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        default:
            for n in 1...12 where code == tm_key_f(Int32(n)) { return .key(.function(n)) }
            return nil
        }
    }
}
