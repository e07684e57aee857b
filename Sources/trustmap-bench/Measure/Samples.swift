/// Repeated measurements of one quantity and the statistics the report shows.
struct Samples: Codable, Sendable {
    var values: [Double]

    init(_ values: [Double] = []) { self.values = values }

    mutating func append(_ v: Double) { values.append(v) }

    var count: Int { values.count }
    var isEmpty: Bool { values.isEmpty }
    var min: Double { values.min() ?? 0 }
    var max: Double { values.max() ?? 0 }
    var median: Double { percentile(50) }
    /// Interquartile range: spread that one slow run does not dominate.
    var iqr: Double { percentile(75) - percentile(25) }

    /// Linear interpolation between closest ranks (the usual "type 7" definition).
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = p / 100 * Double(sorted.count - 1)
        let lo = Int(rank.rounded(.down)), hi = Int(rank.rounded(.up))
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - Double(lo))
    }

    var summary: Summary { Summary(median: median, min: min, max: max, iqr: iqr, runs: count) }

    /// What the JSON report keeps of a timing: enough to judge spread without the raw list.
    struct Summary: Codable, Sendable {
        var median: Double
        var min: Double
        var max: Double
        var iqr: Double
        var runs: Int
    }
}
