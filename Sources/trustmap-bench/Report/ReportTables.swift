import Foundation

/// The report as Markdown tables: readable in a terminal and pasted as is into the README.
enum ReportTables {
    static func render(_ r: BenchReport) -> String {
        var out: [String] = []
        let m = r.machine
        out.append("Machine: \(m.cpuModel), \(m.logicalCores) cores, \(String(format: "%.1f", m.memoryGiB)) GiB, Linux \(m.kernel); "
                   + "\(m.buildConfiguration) build; commit \(m.gitCommit ?? "unknown")\(m.gitDirty == true ? " (with uncommitted changes)" : ""); \(r.date).")
        out.append("Organizations from `trustmap generate --shape \(r.shape)` (seed-stable): \(r.rolesPerAccount) roles and \(r.usersPerAccount) users per account. "
                   + "Timings: median [min–max] of \(r.runs) runs (\(r.largeRuns) above 1,000 accounts) after one warm-up run.")
        out.append("")
        out.append(table(["accounts", "roles", "users", "inventory.json", "gaad/ (files)", "generate + write"], right: [0, 1, 2, 3, 4, 5],
                         r.sizes.map { s in
                             [Format.grouped(s.accounts), Format.grouped(s.roles), Format.grouped(s.users),
                              s.files.map { Format.mib($0.nativeMiB) } ?? "–",
                              s.files.map { "\(Format.mib($0.dumpsMiB)) (\(Format.grouped($0.dumpFiles)))" } ?? "–",
                              s.files.map { Format.seconds($0.generateSeconds) + " + " + Format.seconds($0.writeSeconds) } ?? "–"]
                         }))
        out.append("")
        out.append("**Load and analysis** (`InventoryLoader.load(paths:)`, `Analysis.analyze(_:at:)`; analysis = engine compile and indexes + trust graph + findings)")
        out.append("")
        out.append(table(["accounts", "load inventory.json", "analysis", "load + analysis", "load gaad/ folder", "edges", "findings", "peak memory"],
                         right: [0, 1, 2, 3, 4, 5, 6, 7],
                         r.sizes.compactMap { s in
                             guard let p = s.pipeline else { return nil }
                             return [Format.grouped(s.accounts), Format.spread(p.loadNativeSeconds), Format.spread(p.analysisSeconds),
                                     Format.spread(p.totalSeconds), Format.spread(p.loadDumpsSeconds), Format.grouped(p.edges),
                                     Format.grouped(p.findings), s.memory.loadAndAnalysisMiB.map(Format.mib) ?? "–"]
                         }))
        out.append("")
        out.append("**Analysis by phase** (`Analysis.timings`: the engine's compiled policies and the estate's indexes, built side by side; the trust graph; the findings)")
        out.append("")
        out.append(table(["accounts", "engine + indexes", "trust graph", "findings", "engine confirmations"],
                         right: [0, 1, 2, 3, 4],
                         r.sizes.compactMap { s in
                             guard let p = s.pipeline else { return nil }
                             return [Format.grouped(s.accounts), Format.spread(p.prepareSeconds), Format.spread(p.graphSeconds),
                                     Format.spread(p.findingsSeconds), Format.grouped(p.confirmations)]
                         }))
        out.append("")
        out.append("**Simulations** (`Simulator.simulate`, one core, a mix of 10,000 requests: 55 % replayed trust edges with what they require, "
                   + "15 % the same with a wrong external ID and no MFA, 25 % random principal × role, 5 % malformed)")
        out.append("")
        out.append(table(["accounts", "simulations/s", "round-robin set/s", "engine compile", "mix: allowed / denied / invalid"],
                         right: [0, 1, 2, 3, 4],
                         r.sizes.compactMap { s in
                             guard let sim = s.simulation else { return nil }
                             var totals: [String: Int] = [:]
                             for (_, d) in sim.decisions { for (k, v) in d { totals[k, default: 0] += v } }
                             return [Format.grouped(s.accounts),
                                     "\(Format.rate(sim.perSecond.median)) [\(Format.rate(sim.perSecond.min))–\(Format.rate(sim.perSecond.max))]",
                                     Format.rate(sim.roundRobinPerSecond), Format.spread(sim.compileSeconds),
                                     "\(totals["allowed"] ?? 0) / \(totals["denied"] ?? 0) / \(totals["invalid"] ?? 0)"]
                         }))
        out.append("")
        if let d = r.sizes.compactMap(\.dashboard).first {
            out.append("**Dashboard frames** (`TestBackend` at \(d.width)×\(d.height); each keypress = key table + `update` + full `AppView.render` + present; "
                       + "\(d.keypresses / max(1, d.rounds)) keypresses × \(d.rounds) rounds per size)")
            out.append("")
        }
        out.append(table(["accounts", "open (AppState)", "first frame", "p50", "p99", "max", "slowest step"], right: [0, 1, 2, 3, 4, 5],
                         r.sizes.compactMap { s in
                             guard let d = s.dashboard else { return nil }
                             let worst = d.groups.max { $0.maxMilliseconds < $1.maxMilliseconds }
                             if d.stalled != nil { return [Format.grouped(s.accounts), "–", "–", Format.milliseconds(d.frameP50Milliseconds),
                                                          (d.wasStopped ? "≥ " : "") + Format.milliseconds(d.frameP99Milliseconds),
                                                          (d.wasStopped ? "≥ " : "") + Format.milliseconds(d.frameMaxMilliseconds),
                                                          (worst.map { "\($0.name) (\(Format.milliseconds($0.maxMilliseconds)))" } ?? "–") + "; " + d.stalled!] }
                             return [Format.grouped(s.accounts), d.stalled == nil ? Format.seconds(d.openStateSeconds.median) : "–",
                                     d.stalled == nil ? Format.seconds(d.firstFrameSeconds.median) : "–",
                                     Format.milliseconds(d.frameP50Milliseconds), (d.wasStopped ? "≥ " : "") + Format.milliseconds(d.frameP99Milliseconds),
                                     (d.wasStopped ? "≥ " : "") + Format.milliseconds(d.frameMaxMilliseconds),
                                     worst.map { "\($0.name) (\(Format.milliseconds($0.maxMilliseconds)))" } ?? "–"]
                         }))
        out.append("")
        out.append("**Growth** (local exponent k between consecutive sizes, in principals = roles + users; 1 = linear, n log n ≈ 1.1, 2 = quadratic)")
        out.append("")
        let steps = r.growth.phases.first?.steps ?? []
        let header = ["phase"] + steps.map { "\(Format.grouped($0.fromPrincipals)) → \(Format.grouped($0.toPrincipals))" } + ["verdict"]
        out.append(table(header, right: steps.isEmpty ? [] : Array(1...steps.count),
                         r.growth.phases.map { p in
                             [p.name] + steps.map { step in
                                 p.steps.first { $0.toPrincipals == step.toPrincipals }.map { String(format: "%.2f", $0.exponent) } ?? "–"
                             } + [p.verdict]
                         }))
        out.append("")
        out.append("**Budgets**")
        out.append("")
        out.append(table(["budget", "accounts", "limit", "measured", ""], right: [1],
                         r.budgets.map { [$0.name, Format.grouped($0.accounts), $0.limit, $0.measured, $0.met ? "met" : "**MISSED**"] }))
        let notes = r.sizes.flatMap { s in s.notes.map { "\(Format.grouped(s.accounts)) accounts: \($0)" } }
        if !notes.isEmpty {
            out.append("")
            out.append("Not finished: " + notes.joined(separator: "; "))
        }
        if !r.skipped.isEmpty {
            out.append("")
            out.append("Skipped: " + r.skipped.joined(separator: "; "))
        }
        return out.joined(separator: "\n")
    }

    static func table(_ header: [String], right: [Int], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { i, c in Format.padded(c, widths[i], right: right.contains(i)) }.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.enumerated().map { i, w in right.contains(i) ? String(repeating: "-", count: w + 1) + ":" : String(repeating: "-", count: w + 2) }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
