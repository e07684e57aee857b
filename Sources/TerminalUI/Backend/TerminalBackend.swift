/// What the run loop needs from a terminal. The ncurses backend implements it for real;
/// `TestBackend` implements it in memory for tests and benchmarks.
public protocol TerminalBackend {
    /// The current size in cells.
    var size: (width: Int, height: Int) { get }
    /// Shows a frame with a theme; only what changed needs to reach the terminal.
    mutating func present(_ buffer: ScreenBuffer, theme: Theme)
    /// The next event, or nil when nothing happened within the backend's poll interval.
    mutating func nextEvent() -> Event?
}

/// An in-memory terminal: events come from a script, frames are kept for inspection.
public struct TestBackend: TerminalBackend {
    public var size: (width: Int, height: Int)
    public private(set) var frames: [ScreenBuffer] = []
    public private(set) var lastTheme: Theme?
    private var script: [Event]
    private var position = 0

    public init(width: Int, height: Int, events: [Event] = []) {
        size = (width, height)
        script = events
    }

    public mutating func present(_ buffer: ScreenBuffer, theme: Theme) {
        frames.append(buffer)
        lastTheme = theme
    }

    public mutating func nextEvent() -> Event? {
        guard position < script.count else { return nil }
        defer { position += 1 }
        if case .resize(let w, let h) = script[position] { size = (w, h) }
        return script[position]
    }

    public mutating func enqueue(_ events: [Event]) {
        script += events
    }

    public var isExhausted: Bool { position >= script.count }
    public var lastFrame: ScreenBuffer? { frames.last }
}
