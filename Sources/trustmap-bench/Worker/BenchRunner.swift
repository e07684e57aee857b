import Foundation

/// The parent process: generates each organization, measures it in a child process, and reports.
enum BenchRunner {
    static func run(_ options: BenchOptions, arguments: [String]) -> Int32 {
        let machine = MachineInfo.current()
        if machine.buildConfiguration != "release" {
            log("warning: this is a debug build; the budgets are for release builds (swift run -c release trustmap-bench)")
        }
        let fm = FileManager.default
        let parent = options.outDir ?? (NSTemporaryDirectory() + "trustmap-bench-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            log("error: cannot create \(parent): \(error.localizedDescription)")
            return 73
        }
        let removeAtEnd = options.outDir == nil && !options.keepFiles
        defer { if removeAtEnd { try? fm.removeItem(atPath: parent) } }
        log("trustmap-bench: \(machine.cpuModel), \(machine.logicalCores) cores; organizations under \(parent)")

        var reports: [BenchReport] = []
        for shape in options.shapes {
            var sizes: [SizeResult] = []
            var skipped: [String] = []
            for n in options.accounts {
                log("\(n) accounts (\(shape.rawValue)): generating")
                let org: GeneratedOrganization
                do {
                    org = try GeneratedOrganization.generate(accounts: n, roles: options.rolesPerAccount, users: options.usersPerAccount,
                                                             seed: options.seed, shape: shape, under: parent)
                } catch {
                    skipped.append("\(n) accounts: generation failed (\(error.localizedDescription))")
                    log("  skipped: \(skipped.last!)")
                    continue
                }
                log("  \(org.roles) roles, \(org.users) users; inventory.json \(Format.mib(Double(org.nativeBytes) / 1_048_576)), "
                    + "gaad/ \(Format.mib(Double(org.dumpBytes) / 1_048_576)) in \(org.dumpFiles) files; "
                    + "generated in \(Format.seconds(org.generateSeconds)), written in \(Format.seconds(org.writeSeconds))")
                do {
                    var result = try ChildProcess.measure(accounts: n, directory: org.directory, options: options, scratch: parent)
                    result.files = .init(nativeMiB: Double(org.nativeBytes) / 1_048_576, dumpsMiB: Double(org.dumpBytes) / 1_048_576,
                                         dumpFiles: org.dumpFiles, generateSeconds: org.generateSeconds, writeSeconds: org.writeSeconds)
                    sizes.append(result)
                    log("  load + analysis \(result.pipeline.map { Format.spread($0.totalSeconds) } ?? "–"); "
                        + "frames p99 \(result.dashboard.map { Format.milliseconds($0.frameP99Milliseconds) } ?? "–"); "
                        + "\(result.simulation.map { Format.rate($0.perSecond.median) } ?? "–") simulations/s")
                    for note in result.notes { log("  note: \(note)") }
                } catch {
                    skipped.append("\(n) accounts: \(error)")
                    log("  skipped: \(skipped.last!)")
                }
                if removeAtEnd { try? fm.removeItem(atPath: org.directory) }
            }

            let formatter = ISO8601DateFormatter()
            let report = BenchReport(
                command: (["swift run -c release trustmap-bench"] + arguments).joined(separator: " "),
                date: formatter.string(from: Date()), machine: machine,
                shape: shape.rawValue, rolesPerAccount: options.rolesPerAccount, usersPerAccount: options.usersPerAccount,
                runs: options.runs, largeRuns: options.largeRuns, sizes: sizes, skipped: skipped,
                growth: GrowthAnalysis(sizes), budgets: BudgetCheck.check(sizes))
            print(ReportTables.render(report))
            reports.append(report)
        }
        if let path = options.jsonPath {
            do {
                // One shape: the report itself; several: an array of them.
                try (reports.count == 1 ? reports[0].json() : BenchReport.json(reports)).write(to: URL(fileURLWithPath: path))
                log("wrote \(path)")
            } catch {
                log("error: cannot write \(path): \(error.localizedDescription)")
                return 73
            }
        }
        return reports.contains { $0.sizes.isEmpty } ? 1 : 0
    }

    static func log(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
