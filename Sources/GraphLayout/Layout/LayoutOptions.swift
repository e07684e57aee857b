/// How a `Neighbourhood` is turned into a drawing. Every number is clamped to
/// something drawable, so any value (0, negative, a 1-column window) is safe.
public struct LayoutOptions: Sendable {
    public enum RowSpacing: Sendable, Hashable {
        /// One row per node, no blank rows.
        case compact
        /// A blank row between nodes.
        case spaced
        /// Spaced when the spaced drawing fits `availableHeight`, else compact.
        case auto
    }

    /// Labels longer than this are truncated with an ellipsis (at least 1).
    public var maxLabelWidth: Int
    /// When set, labels shrink further (down to one column) until the drawing
    /// fits; if even that is too wide the drawing is wider and the caller scrolls.
    public var availableWidth: Int?
    /// Used by `.auto` row spacing.
    public var availableHeight: Int?
    public var rowSpacing: RowSpacing
    /// Horizontal cells between a column's widest label (plus one space) and
    /// the first vertical track; raise it to make room for inline edge labels.
    public var leadLength: Int
    /// Horizontal cells between the last track and the arrowhead.
    public var tailLength: Int
    /// Longest label of the other end shown in a back-edge stub (`↺ Deployer`).
    public var maxStubLabelWidth: Int
    /// Ordering sweeps at most (alternating directions); 0 keeps sort-key order.
    public var maxSweeps: Int
    public var glyphs: GlyphSet
    public var textWidth: TextWidth

    public init(
        maxLabelWidth: Int = 24, availableWidth: Int? = nil, availableHeight: Int? = nil,
        rowSpacing: RowSpacing = .auto, leadLength: Int = 1, tailLength: Int = 1, maxStubLabelWidth: Int = 10,
        maxSweeps: Int = 12, glyphs: GlyphSet = .unicode, textWidth: TextWidth = .simple
    ) {
        self.maxLabelWidth = maxLabelWidth
        self.availableWidth = availableWidth
        self.availableHeight = availableHeight
        self.rowSpacing = rowSpacing
        self.leadLength = leadLength
        self.tailLength = tailLength
        self.maxStubLabelWidth = maxStubLabelWidth
        self.maxSweeps = maxSweeps
        self.glyphs = glyphs
        self.textWidth = textWidth
    }
}
