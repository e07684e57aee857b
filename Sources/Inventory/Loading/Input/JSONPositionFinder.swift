import PolicyEngine

/// Finds where many values of a JSON text start, in one pass.
///
/// `JSONParser.position(of:in:)` answers one path per pass; a file with many warnings
/// would be re-read once per warning. This walks the text once, descending only into
/// the members that lead to a wanted path and skipping everything else byte by byte.
enum JSONPositionFinder {
    private final class Node {
        var children: [JSONPathComponent: Node] = [:]
        var wanted = false
    }

    static func positions(of paths: Set<[JSONPathComponent]>, in bytes: [UInt8]) -> [[JSONPathComponent]: SourcePosition] {
        guard !paths.isEmpty else { return [:] }
        let root = Node()
        for p in paths {
            var n = root
            for c in p {
                if let next = n.children[c] {
                    n = next
                } else {
                    let next = Node()
                    n.children[c] = next
                    n = next
                }
            }
            n.wanted = true
        }
        var scanner = Scanner(bytes: bytes)
        var offsets: [([JSONPathComponent], Int)] = []
        var path: [JSONPathComponent] = []
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { scanner.index = 3 }
        scanner.skipWhitespace()
        scanner.visit(root, path: &path, offsets: &offsets)
        // Line and column of every offset, in one more pass.
        offsets.sort { $0.1 < $1.1 }
        var result: [[JSONPathComponent]: SourcePosition] = [:]
        var line = 1
        var column = 1
        var i = 0
        var next = 0
        while next < offsets.count {
            let target = offsets[next].1
            while i < target, i < bytes.count {
                if bytes[i] == 0x0A {
                    line += 1
                    column = 1
                } else if bytes[i] & 0xC0 != 0x80 {
                    column += 1
                }
                i += 1
            }
            result[offsets[next].0] = SourcePosition(line: line, column: column)
            next += 1
        }
        return result
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        mutating func skipWhitespace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        /// Visits the value at `index` whose path node is `node` (nil: not wanted below here).
        mutating func visit(_ node: Node?, path: inout [JSONPathComponent], offsets: inout [([JSONPathComponent], Int)]) {
            guard index < bytes.count else { return }
            if let node, node.wanted { offsets.append((path, index)) }
            guard let node, !node.children.isEmpty else {
                skipValue()
                return
            }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                while true {
                    skipWhitespace()
                    guard index < bytes.count else { return }
                    if bytes[index] == UInt8(ascii: "}") {
                        index += 1
                        return
                    }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    guard bytes[index] == UInt8(ascii: "\"") else { return }
                    let key = readString()
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return }
                    index += 1
                    skipWhitespace()
                    let component = JSONPathComponent.key(key)
                    if let child = node.children[component] {
                        path.append(component)
                        visit(child, path: &path, offsets: &offsets)
                        path.removeLast()
                    } else {
                        skipValue()
                    }
                }
            case UInt8(ascii: "["):
                index += 1
                var i = 0
                while true {
                    skipWhitespace()
                    guard index < bytes.count else { return }
                    if bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        return
                    }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        i += 1
                        continue
                    }
                    let component = JSONPathComponent.index(i)
                    if let child = node.children[component] {
                        path.append(component)
                        visit(child, path: &path, offsets: &offsets)
                        path.removeLast()
                    } else {
                        skipValue()
                    }
                }
            default:
                skipValue()
            }
        }

        mutating func readString() -> String {
            let start = index
            index += 1
            var escaped = false
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\\") {
                    escaped = true
                    index += 2
                    continue
                }
                index += 1
                if b == UInt8(ascii: "\"") { break }
            }
            let end = min(index, bytes.count)
            if !escaped { return String(decoding: bytes[(start + 1)..<max(start + 1, end - 1)], as: UTF8.self) }
            return (try? JSONParser.parse(Array(bytes[start..<end])))?.stringValue ?? ""
        }

        /// Skips one value of any kind, tracking only strings and nesting.
        mutating func skipValue() {
            var depth = 0
            while index < bytes.count {
                let b = bytes[index]
                switch b {
                case UInt8(ascii: "\""):
                    index += 1
                    while index < bytes.count {
                        let c = bytes[index]
                        if c == UInt8(ascii: "\\") {
                            index += 2
                            continue
                        }
                        index += 1
                        if c == UInt8(ascii: "\"") { break }
                    }
                    if depth == 0 { return }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    index += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return }
                    depth -= 1
                    index += 1
                    if depth == 0 { return }
                case UInt8(ascii: ","):
                    if depth == 0 { return }
                    index += 1
                default:
                    index += 1
                }
            }
        }
    }
}
