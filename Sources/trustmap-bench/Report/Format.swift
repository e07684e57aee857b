import Foundation

/// Numbers as the table and the README show them.
enum Format {
    static func seconds(_ s: Double) -> String {
        if s >= 10 { return String(format: "%.1f s", s) }
        if s >= 1 { return String(format: "%.2f s", s) }
        if s >= 0.1 { return String(format: "%.0f ms", s * 1000) }
        if s >= 0.001 { return String(format: "%.1f ms", s * 1000) }
        return String(format: "%.0f µs", s * 1e6)
    }

    /// Milliseconds with precision that suits frame times.
    static func milliseconds(_ ms: Double) -> String {
        if ms >= 1000 { return seconds(ms / 1000) }
        return ms >= 10 ? String(format: "%.1f ms", ms) : String(format: "%.2f ms", ms)
    }

    static func mib(_ m: Double) -> String {
        if m >= 1024 { return String(format: "%.2f GiB", m / 1024) }
        return m >= 10 ? String(format: "%.0f MiB", m) : String(format: "%.1f MiB", m)
    }

    /// 212,345 style, for rates.
    static func rate(_ r: Double) -> String { grouped(Int(r.rounded())) }

    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `median [min–max]` for a timing.
    static func spread(_ s: Samples.Summary) -> String {
        "\(seconds(s.median)) [\(seconds(s.min))–\(seconds(s.max))]"
    }

    static func padded(_ text: String, _ width: Int, right: Bool = false) -> String {
        let n = text.count
        guard n < width else { return text }
        let pad = String(repeating: " ", count: width - n)
        return right ? pad + text : text + pad
    }
}
