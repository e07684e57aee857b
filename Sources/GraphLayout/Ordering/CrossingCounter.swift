/// Exact number of crossings between two adjacent columns, in O(E log V).
///
/// The bilayer count of Barth, Jünger and Mutzel ("Simple and efficient
/// bilayer cross counting", 2004), as dagre's `lib/order/cross-count.js`
/// does it: sort the edges by (left position, right position), then count,
/// for each edge, the earlier edges whose right end lies further down, with
/// an accumulator tree over the right column's positions.
enum CrossingCounter {
    /// `edges` are (position in the left column, position in the right column).
    static func count(_ edges: [(left: Int, right: Int)], rightColumnSize: Int) -> Int {
        guard edges.count > 1, rightColumnSize > 1 else { return 0 }
        let sorted = edges.sorted { ($0.left, $0.right) < ($1.left, $1.right) }
        var firstIndex = 1
        while firstIndex < rightColumnSize { firstIndex <<= 1 }
        var tree = [Int](repeating: 0, count: 2 * firstIndex - 1)
        firstIndex -= 1
        var crossings = 0
        for edge in sorted {
            var index = edge.right + firstIndex
            tree[index] += 1
            var further = 0
            while index > 0 {
                // A left child's right sibling holds the edges ending further down.
                if index % 2 == 1 { further += tree[index + 1] }
                index = (index - 1) >> 1
                tree[index] += 1
            }
            crossings += further
        }
        return crossings
    }
}
