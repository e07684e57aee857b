/// One answer of who-can-assume: a caller (a known principal, an outside account, a service, a provider,
/// or anyone) and the edge that lets it in, with what its request must carry.
public struct Assumer: Sendable, Hashable {
    public var node: GraphNode
    public var edge: TrustEdge

    public init(node: GraphNode, edge: TrustEdge) {
        self.node = node
        self.edge = edge
    }
}
