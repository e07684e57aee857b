import Foundation
import Yams

/// A named set of styles, one per `StyleRole`, read from a YAML file in `themes/`.
///
/// ```yaml
/// name: default
/// description: Dark background, for everyday use
/// palette: { fg: 252, bg: 235, red: "#ff5f5f" }   # optional names for colours
/// styles:
///   text: { fg: fg, bg: bg }
///   critical: { fg: red, bold: true }
/// ```
/// Roles a theme leaves out look like `text`.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var description: String
    public var styles: [StyleRole: ThemeStyle]
    /// True when the theme uses no colour at all (mono): the backend then sends no colour pairs.
    public var isMonochrome: Bool

    public init(name: String, description: String = "", styles: [StyleRole: ThemeStyle]) {
        self.name = name
        self.description = description
        self.styles = styles
        isMonochrome = styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault }
    }

    public func style(for role: StyleRole) -> ThemeStyle {
        styles[role] ?? styles[.text] ?? .plain
    }

    /// A theme file that could not be used.
    public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var column: Int?
        public var field: String?
        public var message: String

        public var description: String {
            var s = file
            if let line { s += ":\(line)" + (column.map { ":\($0)" } ?? "") }
            if let field { s += ": \(field)" }
            return s + ": " + message
        }
    }

    /// Parses a theme from YAML text; `file` names it in errors.
    public static func parse(yaml text: String, file: String) throws(LoadError) -> Theme {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            throw LoadError(file: file, line: e.mark?.line, column: e.mark?.column, field: nil, message: "not valid YAML: \(e.shortDescription)")
        } catch {
            throw LoadError(file: file, message: "not valid YAML: \(error)")
        }
        guard let node, let root = node.mapping else {
            throw LoadError(file: file, line: 1, column: 1, message: "a theme must be a YAML mapping with `name` and `styles`")
        }
        func fail(_ n: Node, _ field: String, _ message: String) -> LoadError {
            LoadError(file: file, line: n.mark?.line, column: n.mark?.column, field: field, message: message)
        }
        guard let nameNode = root["name"], let name = nameNode.scalar?.string, !name.isEmpty else {
            throw fail(node, "name", "missing: every theme needs a `name`")
        }
        var palette: [String: ThemeColor] = [:]
        if let p = root["palette"] {
            guard let pm = p.mapping else { throw fail(p, "palette", "must map colour names to colours") }
            for (k, v) in pm {
                guard let key = k.scalar?.string, let vs = v.scalar?.string, let c = ThemeColor.parse(vs) else {
                    throw fail(v, "palette.\(k.scalar?.string ?? "?")", "not a colour: use a name (red, bright-blue), 0–255, #rrggbb or default")
                }
                palette[key] = c
            }
        }
        guard let stylesNode = root["styles"], let sm = stylesNode.mapping else {
            throw fail(node, "styles", "missing: a theme needs a `styles` mapping from roles to styles")
        }
        var styles: [StyleRole: ThemeStyle] = [:]
        for (k, v) in sm {
            let roleName = k.scalar?.string ?? "?"
            guard let role = StyleRole(rawValue: roleName) else {
                let known = StyleRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail(k, "styles.\(roleName)", "unknown role; known roles: \(known)")
            }
            guard let m = v.mapping else { throw fail(v, "styles.\(roleName)", "must be a mapping such as { fg: red, bold: true }") }
            var style = ThemeStyle()
            for (sk, sv) in m {
                let attr = sk.scalar?.string ?? "?"
                let field = "styles.\(roleName).\(attr)"
                switch attr {
                case "fg", "bg":
                    guard let s = sv.scalar?.string, let c = palette[s] ?? ThemeColor.parse(s) else {
                        throw fail(sv, field, "not a colour: use a palette name, a colour name, 0–255, #rrggbb or default")
                    }
                    if attr == "fg" { style.foreground = c } else { style.background = c }
                case "bold", "underline", "reverse", "dim":
                    guard let b = sv.scalar.flatMap({ Bool.construct(from: $0) }) else {
                        throw fail(sv, field, "must be true or false")
                    }
                    switch attr {
                    case "bold": style.bold = b
                    case "underline": style.underline = b
                    case "reverse": style.reverse = b
                    default: style.dim = b
                    }
                default:
                    throw fail(sk, field, "unknown style attribute; use fg, bg, bold, underline, reverse, dim")
                }
            }
            styles[role] = style
        }
        return Theme(name: name, description: root["description"]?.scalar?.string ?? "", styles: styles)
    }
}

extension YamlError {
    var mark: Mark? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark
        default: return nil
        }
    }

    var shortDescription: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(self)"
        }
    }
}
