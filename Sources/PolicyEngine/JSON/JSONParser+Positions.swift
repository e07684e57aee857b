/// Where values of a JSON text start, by path: for messages about a document that was parsed before
/// (a loader finds what is wrong in the value, then asks where it was written).
extension JSONParser {
    /// The position where the value at `path` starts, or nil when the document has no such value.
    public static func position(of path: [JSONPathComponent], in bytes: [UInt8]) -> SourcePosition? {
        positions(of: [path], in: bytes)[path]
    }

    /// Positions of many paths in one pass: the scanner descends only into the members that lead to a wanted
    /// path and checks the rest without building it. A path the document does not have is left out; so is
    /// everything after a syntax error.
    public static func positions(of paths: Set<[JSONPathComponent]>, in bytes: [UInt8]) -> [[JSONPathComponent]: SourcePosition] {
        guard !paths.isEmpty else { return [:] }
        let root = PathTrie()
        for p in paths { root.insert(p) }
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        var offsets: [(path: [JSONPathComponent], offset: Int)] = []
        var path: [JSONPathComponent] = []
        try? parser.visit(root, path: &path, offsets: &offsets)
        // Line and column of every offset, in one more pass.
        offsets.sort { $0.offset < $1.offset }
        var result: [[JSONPathComponent]: SourcePosition] = [:]
        var line = 1
        var column = 1
        var i = 0
        for (path, offset) in offsets {
            while i < offset, i < bytes.count {
                if bytes[i] == 0x0A {
                    line += 1
                    column = 1
                } else if bytes[i] & 0xC0 != 0x80 {
                    column += 1
                }
                i += 1
            }
            result[path] = SourcePosition(line: line, column: column)
        }
        return result
    }

    /// The wanted paths as a tree, so that one walk answers them all.
    private final class PathTrie {
        var children: [JSONPathComponent: PathTrie] = [:]
        var wanted = false

        func insert(_ path: [JSONPathComponent]) {
            var node = self
            for c in path {
                if let next = node.children[c] {
                    node = next
                } else {
                    let next = PathTrie()
                    node.children[c] = next
                    node = next
                }
            }
            node.wanted = true
        }
    }

    /// Visits the value at `index`, whose place in the trie is `node`.
    private mutating func visit(_ node: PathTrie, path: inout [JSONPathComponent], offsets: inout [(path: [JSONPathComponent], offset: Int)]) throws(JSONSyntaxError) {
        if node.wanted { offsets.append((path, index)) }
        guard !node.children.isEmpty, index < count, base[index] == UInt8(ascii: "{") || base[index] == UInt8(ascii: "[") else {
            try skipValue()
            return
        }
        let isObject = base[index] == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        depth += 1
        defer { depth -= 1 }
        if depth > 512 { throw error("nesting deeper than 512 levels") }
        index += 1
        skipWhitespace()
        if index < count, base[index] == close {
            index += 1
            return
        }
        var item = 0
        while true {
            skipWhitespace()
            let component: JSONPathComponent
            if isObject {
                guard index < count, base[index] == UInt8(ascii: "\"") else { throw error("expected a quoted member name") }
                component = .key(try parseString())
                skipWhitespace()
                guard index < count, base[index] == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
                index += 1
                skipWhitespace()
            } else {
                component = .index(item)
                item += 1
            }
            if let child = node.children[component] {
                path.append(component)
                try visit(child, path: &path, offsets: &offsets)
                path.removeLast()
            } else {
                try skipValue()
            }
            if try continues(closing: close) { continue }
            return
        }
    }
}
