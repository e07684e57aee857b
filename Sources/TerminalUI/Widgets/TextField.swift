/// A one-line text input: the value and a cursor, edited by keys.
public struct TextField: Sendable, Hashable {
    public private(set) var text: String
    /// Cursor position in characters, 0...text.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// The same field showing other text of the same length (a masked secret), cursor kept.
    public func displaying(_ shown: String) -> TextField {
        var f = TextField(shown)
        f.cursor = min(cursor, shown.count)
        return f
    }

    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            let i = text.index(text.startIndex, offsetBy: cursor)
            text.insert(c, at: i)
            cursor += 1
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            let i = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: i)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(text.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = text.count
        case .control("u"):
            text.removeSubrange(text.startIndex..<text.index(text.startIndex, offsetBy: cursor))
            cursor = 0
        case .control("k"):
            text.removeSubrange(text.index(text.startIndex, offsetBy: cursor)...)
        case .control("w"):
            var i = cursor
            let chars = Array(text)
            while i > 0, chars[i - 1] == " " { i -= 1 }
            while i > 0, chars[i - 1] != " " { i -= 1 }
            text = String(chars[0..<i] + chars[cursor...])
            cursor = i
        default:
            return false
        }
        return true
    }

    /// Draws `prompt` + the text into one row, scrolled so the cursor is visible; sets the buffer's cursor.
    public func draw(into buffer: inout ScreenBuffer, at rect: Rect, prompt: String, role: StyleRole = .text, promptRole: StyleRole = .focus) {
        guard rect.height > 0, rect.width > 0 else { return }
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: Cell(" ", role: role))
        let pw = buffer.write(prompt, x: rect.x, y: rect.y, role: promptRole, maxWidth: rect.width)
        let room = rect.width - pw - 1
        guard room > 0 else { return }
        let chars = Array(text)
        let start = max(0, cursor - room)
        let visible = String(chars[start..<min(chars.count, start + room)])
        buffer.write(visible, x: rect.x + pw, y: rect.y, role: role, maxWidth: room)
        buffer.cursor = (rect.x + pw + DisplayWidth.of(String(chars[start..<cursor])), rect.y)
    }
}
