import Foundation

/// The themes a session can cycle through: the built-in ones, then the user's.
public struct ThemeCatalog: Sendable {
    public private(set) var themes: [Theme]
    /// Theme files that could not be used, each a sentence naming file, line and field.
    public private(set) var problems: [String]

    /// The built-in themes only (always valid: a test parses each).
    public static var builtin: ThemeCatalog {
        var themes: [Theme] = []
        var problems: [String] = []
        for source in BuiltinThemes.sources {
            do {
                themes.append(try Theme.parse(yaml: source.yaml, file: "themes/\(source.name).yaml"))
            } catch {
                problems.append(error.description)
            }
        }
        return ThemeCatalog(themes: themes, problems: problems)
    }

    /// Built-in themes plus every `*.yaml` in `directories` (sorted by file name; a theme with the
    /// name of an earlier one replaces it) plus `extraFile`. A broken file is reported, never fatal.
    public static func load(directories: [String], extraFile: String? = nil) -> ThemeCatalog {
        var catalog = builtin
        let fm = FileManager.default
        var files: [String] = []
        for dir in directories {
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { (dir as NSString).appendingPathComponent($0) }
        }
        if let extraFile { files.append(extraFile) }
        for file in files {
            guard let data = fm.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                catalog.problems.append("\(file): cannot be read as UTF-8 text")
                continue
            }
            do {
                catalog.add(try Theme.parse(yaml: text, file: file))
            } catch {
                catalog.problems.append(error.description)
            }
        }
        return catalog
    }

    public mutating func add(_ theme: Theme) {
        if let i = themes.firstIndex(where: { $0.name == theme.name }) {
            themes[i] = theme
        } else {
            themes.append(theme)
        }
    }

    public func index(named name: String) -> Int? {
        themes.firstIndex { $0.name == name }
    }

    public var names: [String] { themes.map(\.name) }
}
