/// Turns a `Neighbourhood` into a `LayoutResult` (graph-layout.md, steps 2–6):
/// columns left to right at fixed x, one row per node, order inside columns
/// by barycenter sweeps, orthogonal edges routed in the channels between
/// columns, everything drawn into a character grid.
public enum LayeredLayout {
    public static func layout(
        _ neighbourhood: Neighbourhood, of graph: LayoutGraph, options: LayoutOptions = LayoutOptions()
    ) -> LayoutResult {
        var builder = LayoutBuilder(graph: graph, neighbourhood: neighbourhood, options: options)
        return builder.build()
    }
}

extension LayoutGraph {
    /// Lays out the neighbourhood of `focus` (see `Neighbourhood.extract`).
    public func layoutNeighbourhood(
        of focus: Int, depthIn: Int = 1, depthOut: Int = 1, capPerColumn: Int? = nil,
        options: LayoutOptions = LayoutOptions()
    ) -> LayoutResult {
        let hood = Neighbourhood.extract(self, focus: focus, depthIn: depthIn, depthOut: depthOut, capPerColumn: capPerColumn)
        return LayeredLayout.layout(hood, of: self, options: options)
    }

    /// Lays out the whole graph (see `Neighbourhood.overview`): for small
    /// graphs such as one node per account.
    public func layoutOverview(capPerColumn: Int? = nil, options: LayoutOptions = LayoutOptions()) -> LayoutResult {
        LayeredLayout.layout(Neighbourhood.overview(self, capPerColumn: capPerColumn), of: self, options: options)
    }
}
