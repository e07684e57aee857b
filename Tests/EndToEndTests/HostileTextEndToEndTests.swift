import Foundation
import TerminalText
import Testing

/// Issue #14 on a real terminal (tmux): an inventory whose names carry terminal escapes, a flag, an
/// emoji presentation selector, a ZWJ sequence, a zero-width space and a right-to-left mark.
@Suite("Hostile names under tmux", .serialized, .enabled(if: EndToEnd.isAvailable, EndToEnd.skipReason))
struct HostileTextEndToEndTests {
    static let inventory = #"""
        version: 1
        name: "Hostile\e[2J estate"
        accounts:
          - { id: "111111111111", name: "prod 🇫🇷❤️👩‍💻" }
        roles:
          - arn: "arn:aws:iam::111111111111:role/x\e[2J\e[HNo findings.\e[8m"
            trustPolicy: {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}
          - arn: "arn:aws:iam::111111111111:role/flag🇫🇷heart❤️dev👩‍💻"
            trustPolicy: {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}
          - arn: "arn:aws:iam::111111111111:role/zero\u200Bwidth\u200Frtl"
            trustPolicy: {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}
        """#

    /// The display columns at which `glyph` stands on `line`.
    static func columns(of glyph: Character, in line: Substring) -> Set<Int> {
        var x = 0
        var found: Set<Int> = []
        for c in line {
            if c == glyph { found.insert(x) }
            x += DisplayWidth.of(c)
        }
        return found
    }

    @Test("the escapes are shown as text, and every pane border stays in its column")
    func bordersStayPut() throws {
        let dir = NSTemporaryDirectory() + "trustmap-hostile-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.inventory.write(toFile: dir + "/hostile.yaml", atomically: true, encoding: .utf8)
        let t = try TmuxSession(command: "'\(EndToEnd.binary ?? "trustmap")' '\(dir)/hostile.yaml'; echo EXIT:$?; sleep 30")
        let opened = t.waitFor(text: "Navigator")
        #expect(opened.ok, "dashboard did not open:\n\(opened.screen)")
        t.send("j")
        t.send("j")
        t.send("j")
        let shown = t.waitFor(text: "Details")
        let screen = shown.screen
        #expect(screen.contains(#"Hostile\e[2J estate"#), "the header names the inventory, escaped:\n\(screen)")
        #expect(screen.contains(#"x\e[2J\e[H"#), "the role is listed, escaped:\n\(screen)")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let top = try #require(lines.firstIndex { $0.contains("┐") })
        let edges = Self.columns(of: "┐", in: lines[top])
        #expect(edges.count == 3, "three panes: \(lines[top])")
        var checked = 0
        for line in lines[(top + 1)...] {
            if line.contains("┘") { break }
            let bars = Self.columns(of: "│", in: line)
            #expect(edges.isSubset(of: bars), "a border moved: \(line)")
            checked += 1
        }
        #expect(checked > 10)
        t.send("q")
        #expect(t.waitFor(text: "EXIT:0").ok)
    }
}
