import TerminalUI

/// Where each part of the screen goes at a given size: a pure function of the size,
/// shared by `view` and by mouse handling.
public struct ScreenLayout: Sendable, Hashable {
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var header: Rect
    public var navigator: Rect
    public var main: Rect
    public var details: Rect
    public var status: Rect
    public var isTooSmall: Bool

    /// Below this width a focused main pane takes the navigator's room: a graph or a matrix needs it.
    public static let zoomBelowWidth = 120

    public init(width: Int, height: Int, mainFocused: Bool = false) {
        isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
        let all = Rect(x: 0, y: 0, width: width, height: height)
        let (header, rest) = all.splitTop(1)
        let (body, status) = rest.splitBottom(1)
        let navWidth = mainFocused && width < Self.zoomBelowWidth ? 0 : min(34, max(22, width * 22 / 100))
        let detailsWidth = min(64, max(26, width * 32 / 100))
        let (navigator, right) = body.splitLeft(navWidth)
        let (main, details) = right.splitRight(detailsWidth)
        self.header = header
        self.navigator = navigator
        self.main = main
        self.details = details
        self.status = status
    }
}
