/// One step of a path into a JSON/YAML document, for error positions and field names.
public enum JSONPathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let k): return k
        case .index(let i): return "[\(i)]"
        }
    }
}

extension Array where Element == JSONPathComponent {
    /// `roles[3].trustPolicy.Statement[0]`: how a user reads a field's place.
    public var dottedPath: String {
        var out = ""
        for c in self {
            switch c {
            case .key(let k):
                if !out.isEmpty { out += "." }
                out += k
            case .index(let i):
                out += "[\(i)]"
            }
        }
        return out
    }
}

/// A line and column, both from 1, as editors show them.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// The position of a byte offset in UTF-8 text; the column counts characters, not bytes.
    public static func of(offset: Int, in bytes: some Collection<UInt8>) -> SourcePosition {
        var line = 1
        var column = 1
        var i = 0
        for b in bytes {
            if i >= offset { break }
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }
}
