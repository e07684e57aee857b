import Foundation
import Testing
@testable import TerminalUI

@Suite("Themes")
struct ThemeTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the compiled-in themes are exactly the files in themes/")
    func builtinMatchesFiles() throws {
        for source in BuiltinThemes.sources {
            let file = Self.packageRoot.appendingPathComponent("themes/\(source.name).yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.trimmingCharacters(in: .newlines) == source.yaml.trimmingCharacters(in: .newlines), "themes/\(source.name).yaml differs from BuiltinThemes.swift")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.packageRoot.appendingPathComponent("themes").path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files == BuiltinThemes.sources.map { $0.name + ".yaml" }.sorted())
    }

    @Test("every built-in theme parses and styles every role")
    func builtinThemesAreComplete() {
        let catalog = ThemeCatalog.builtin
        #expect(catalog.problems.isEmpty)
        #expect(catalog.names == ["default", "light", "high-contrast", "mono"])
        for theme in catalog.themes {
            for role in StyleRole.allCases {
                #expect(theme.styles[role] != nil, "\(theme.name) has no style for \(role)")
            }
        }
    }

    @Test("mono uses no colour, and gives severities and decisions an attribute")
    func monoHasNoColour() throws {
        let mono = try #require(ThemeCatalog.builtin.themes.first { $0.name == "mono" })
        #expect(mono.isMonochrome)
        for role in [StyleRole.critical, .high, .selection, .allowed, .denied, .invalid, .warning] {
            let s = mono.style(for: role)
            #expect(s.bold || s.reverse || s.underline, "\(role) would be invisible in mono")
        }
    }

    @Test("a broken theme names the file, line and field")
    func brokenTheme() {
        let yaml = "name: broken\nstyles:\n  text: { fg: notacolour }\n"
        #expect(throws: Theme.LoadError.self) { try Theme.parse(yaml: yaml, file: "t.yaml") }
        do {
            _ = try Theme.parse(yaml: yaml, file: "t.yaml")
        } catch {
            #expect(error.line == 3)
            #expect(error.field == "styles.text.fg")
            #expect(error.description.hasPrefix("t.yaml:3:"))
        }
        do {
            _ = try Theme.parse(yaml: "name: x\nstyles:\n  nonsense: {}\n", file: "u.yaml")
        } catch {
            #expect(error.field == "styles.nonsense")
            #expect(error.message.contains("unknown role"))
        }
    }

    @Test("a user theme directory adds themes and reports broken files without failing")
    func catalogLoadsDirectories() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "name: mine\nstyles:\n  text: { fg: red }\n".write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "name: [\n".write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog.load(directories: [dir.path])
        #expect(catalog.names.contains("mine"))
        #expect(catalog.problems.count == 1)
        #expect(catalog.problems[0].contains("b.yaml"))
    }

    @Test("colours: names, indices, hex to the nearest of 256")
    func colours() {
        #expect(ThemeColor.parse("red") == .indexed(1))
        #expect(ThemeColor.parse("bright-cyan") == .indexed(14))
        #expect(ThemeColor.parse("200") == .indexed(200))
        #expect(ThemeColor.parse("#ff0000") == .indexed(196))
        #expect(ThemeColor.parse("#808080") == .indexed(244))
        #expect(ThemeColor.parse("default") == .terminalDefault)
        #expect(ThemeColor.parse("nope") == nil)
        #expect(ThemeColor.parse("256") == nil)
    }
}
