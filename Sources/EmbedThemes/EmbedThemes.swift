// Build-time tool of the EmbedThemesPlugin: writes the Swift file that compiles `themes/*.yaml` into the
// binary, so the YAML files are the only source of the built-in themes and the binary still works from
// any folder. Usage: embed-themes OUTPUT.swift THEME.yaml...
import Foundation

/// A Swift string literal that holds `text` exactly: quotes, backslashes, control and non-ASCII
/// characters escaped.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case " "..."~": out.unicodeScalars.append(scalar)
        default: out += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return out + "\""
}

@main
struct EmbedThemes {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first else {
            FileHandle.standardError.write(Data("usage: embed-themes OUTPUT.swift THEME.yaml...\n".utf8))
            exit(64)
        }
        var entries: [(name: String, yaml: String)] = []
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                FileHandle.standardError.write(Data("embed-themes: cannot read \(path) as UTF-8\n".utf8))
                exit(65)
            }
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            entries.append((name, text))
        }
        entries.sort { $0.name < $1.name }
        var swift = "// Generated at build time from themes/*.yaml by the EmbedThemesPlugin: edit the YAML files, not this.\n"
        swift += "extension BuiltinThemes {\n    /// (file name without .yaml, its text), by name.\n    static let files: [(name: String, yaml: String)] = [\n"
        for e in entries { swift += "        (\(literal(e.name)), \(literal(e.yaml))),\n" }
        swift += "    ]\n}\n"
        do {
            try swift.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("embed-themes: cannot write \(output): \(error)\n".utf8))
            exit(73)
        }
    }
}
