extension Neighbourhood {
    /// The whole graph in columns, for an overview of a small graph (one node
    /// per account, the quotient graph: tens of nodes; graph-layout.md advises
    /// lists and search above ~150).
    ///
    /// Cycles are broken by a depth-first search that starts from nodes in
    /// sort-key order; the edges it finds closing a cycle become stubs. The
    /// rest is layered by longest path from the sources, so every drawn edge
    /// goes left to right. Nodes without edges sit in column 0.
    public static func overview(_ graph: LayoutGraph, capPerColumn: Int? = nil) -> Neighbourhood {
        let n = graph.nodeCount
        guard n > 0 else { return .empty }
        let cap = capPerColumn.map { max(0, $0) } ?? Int.max
        let byKey = (0..<n).sorted { graph.rank[$0] < graph.rank[$1] }

        // Iterative DFS: 0 = unseen, 1 = on the stack, 2 = done.
        var state = [UInt8](repeating: 0, count: n)
        var isBack = Set<LayoutGraph.Edge>()
        var finishOrder: [Int] = []
        finishOrder.reserveCapacity(n)
        for root in byKey where state[root] == 0 {
            var stack: [(node: Int, edges: [LayoutGraph.Edge], next: Int)] = [(root, graph.outgoingEdges(of: root), 0)]
            state[root] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].next == stack[top].edges.count {
                    state[stack[top].node] = 2
                    finishOrder.append(stack[top].node)
                    stack.removeLast()
                    continue
                }
                let edge = stack[top].edges[stack[top].next]
                stack[top].next += 1
                switch state[edge.to] {
                case 0:
                    state[edge.to] = 1
                    stack.append((edge.to, graph.outgoingEdges(of: edge.to), 0))
                case 1:
                    isBack.insert(edge)
                default:
                    break
                }
            }
        }

        // Reverse finishing order is a topological order of the remaining DAG.
        var layer = [Int](repeating: 0, count: n)
        for node in finishOrder.reversed() {
            graph.forEachOutgoing(of: node) { edge in
                if !isBack.contains(edge) { layer[edge.to] = max(layer[edge.to], layer[node] + 1) }
            }
        }

        var visible: [Int: [Int]] = [:], hidden: [Int: [Int]] = [:]
        var isHidden = [Bool](repeating: false, count: n)
        for node in byKey {
            if visible[layer[node], default: []].count < cap {
                visible[layer[node], default: []].append(node)
            } else {
                hidden[layer[node], default: []].append(node)
                isHidden[node] = true
            }
        }
        var forward: [LayoutGraph.Edge] = []
        var back: [LayoutGraph.Edge] = []
        for edge in graph.edges {
            if layer[edge.from] < layer[edge.to] {
                forward.append(edge)
            } else if !isHidden[edge.from] && !isHidden[edge.to] {
                back.append(edge)
            }
        }
        let maxLayer = layer.max() ?? 0
        let columns = (0...maxLayer).map { Column(index: $0, nodes: visible[$0] ?? [], hiddenNodes: hidden[$0] ?? []) }
        return Neighbourhood(focus: nil, columns: columns, forwardEdges: forward, backEdges: back)
    }
}
