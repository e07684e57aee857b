/// A terminal colour: the terminal's default, or an index of the xterm 256-colour palette.
public enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case indexed(UInt8)

    static let names: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses `default`, a colour name (`red`, `bright-cyan`), a palette index `0`–`255`, or `#rrggbb`
    /// (mapped to the nearest colour of the 256-colour cube or grey ramp).
    public static func parse(_ text: String) -> ThemeColor? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "default" || t == "none" { return .terminalDefault }
        if let n = names[t] { return .indexed(n) }
        if let n = Int(t), (0...255).contains(n) { return .indexed(UInt8(n)) }
        if t.hasPrefix("#"), t.count == 7, let rgb = Int(t.dropFirst(), radix: 16) {
            return .indexed(nearest256(r: (rgb >> 16) & 0xFF, g: (rgb >> 8) & 0xFF, b: rgb & 0xFF))
        }
        return nil
    }

    static func nearest256(r: Int, g: Int, b: Int) -> UInt8 {
        let steps = [0, 95, 135, 175, 215, 255]
        func idx(_ v: Int) -> Int {
            var best = 0
            for (i, s) in steps.enumerated() where abs(s - v) < abs(steps[best] - v) { best = i }
            return best
        }
        let (ri, gi, bi) = (idx(r), idx(g), idx(b))
        let cubeDist = sq(steps[ri] - r) + sq(steps[gi] - g) + sq(steps[bi] - b)
        let avg = (r + g + b) / 3
        let grey = min(23, max(0, (avg - 8 + 5) / 10))
        let gv = 8 + grey * 10
        let greyDist = sq(gv - r) + sq(gv - g) + sq(gv - b)
        if greyDist < cubeDist { return UInt8(232 + grey) }
        return UInt8(16 + 36 * ri + 6 * gi + bi)
    }

    private static func sq(_ v: Int) -> Int { v * v }
}

import Foundation
