/// An edge that points backwards or stays in its column, drawn as a short
/// stub after its source's label (`Deployer ↺ Audit`) when there is room.
public struct BackEdgeStub: Sendable, Hashable {
    public var edgeID: Int
    public var from: Int
    public var to: Int
    /// Where the stub text went (shared by all back edges of one source), nil
    /// when there was no room: the details pane still lists the edge.
    public var stub: TextPlacement?

    public init(edgeID: Int, from: Int, to: Int, stub: TextPlacement?) {
        self.edgeID = edgeID
        self.from = from
        self.to = to
        self.stub = stub
    }
}

public struct TextPlacement: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var text: String
    public var width: Int

    public init(x: Int, y: Int, text: String, width: Int) {
        self.x = x
        self.y = y
        self.text = text
        self.width = width
    }
}
