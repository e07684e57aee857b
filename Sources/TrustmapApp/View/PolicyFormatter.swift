import PolicyEngine
import TerminalUI

/// Pretty-prints policy documents as styled lines: keys, strings, numbers and punctuation in
/// their roles, and every external ID masked unless secrets are revealed.
public enum PolicyFormatter {
    public static func lines(_ value: JSONValue, reveal: Bool) -> [StyledLine] {
        var out: [StyledLine] = []
        var current: StyledLine = []
        emit(value, indent: 0, secret: false, reveal: reveal, lines: &out, current: &current)
        if !current.isEmpty { out.append(current) }
        return out
    }

    private static func pad(_ n: Int) -> TextRun { TextRun(String(repeating: "  ", count: n), .text) }

    private static func emit(_ value: JSONValue, indent: Int, secret: Bool, reveal: Bool, lines: inout [StyledLine], current: inout StyledLine) {
        switch value {
        case .null: current.append(TextRun("null", .number))
        case .bool(let b): current.append(TextRun(b ? "true" : "false", .number))
        case .number(let n): current.append(TextRun(n, .number))
        case .string(let s):
            if secret {
                current.append(TextRun("\"" + Secret.display(s, reveal: reveal) + "\"", .secret))
            } else {
                var q = ""
                JSONWriter.writeString(s, into: &q)
                current.append(TextRun(q, .string))
            }
        case .array(let items):
            // Short lists of scalars stay on one line, as people write them.
            if items.allSatisfy({ $0.objectValue == nil && $0.arrayValue == nil }), items.count <= 3 {
                current.append(TextRun("[", .punctuation))
                for (i, item) in items.enumerated() {
                    if i > 0 { current.append(TextRun(", ", .punctuation)) }
                    emit(item, indent: indent, secret: secret, reveal: reveal, lines: &lines, current: &current)
                }
                current.append(TextRun("]", .punctuation))
                return
            }
            current.append(TextRun("[", .punctuation))
            lines.append(current)
            for (i, item) in items.enumerated() {
                current = [pad(indent + 1)]
                emit(item, indent: indent + 1, secret: secret, reveal: reveal, lines: &lines, current: &current)
                if i < items.count - 1 { current.append(TextRun(",", .punctuation)) }
                lines.append(current)
            }
            current = [pad(indent), TextRun("]", .punctuation)]
        case .object(let object):
            if object.isEmpty {
                current.append(TextRun("{}", .punctuation))
                return
            }
            current.append(TextRun("{", .punctuation))
            lines.append(current)
            for (i, m) in object.members.enumerated() {
                var key = ""
                JSONWriter.writeString(m.key, into: &key)
                current = [pad(indent + 1), TextRun(key, .key), TextRun(": ", .punctuation)]
                let isSecret = Secret.isSecretKey(m.key.lowercased())
                emit(m.value, indent: indent + 1, secret: secret || isSecret, reveal: reveal, lines: &lines, current: &current)
                if i < object.members.count - 1 { current.append(TextRun(",", .punctuation)) }
                lines.append(current)
            }
            current = [pad(indent), TextRun("}", .punctuation)]
        }
    }
}
