import Foundation
import PolicyEngine

/// Loads inventories: files and folders recognised by content, merged into one `Inventory`.
///
/// Files are parsed concurrently (one task per file, on every core) and merged in path
/// order, so the result never depends on which file finished first.
public enum InventoryLoader {
    /// Loads every path (files, folders recursively in sorted order), in the order given; later files win field by field.
    ///
    /// Fails closed: when nothing usable was loaded from the paths (every file empty, binary, unreadable or
    /// unrecognised), that is an error naming each file and why it was skipped, not an empty inventory.
    /// `progress`, when given, follows the reading file by file.
    public static func load(paths: [String], limits: LoadLimits = .default, progress: WorkProgress? = nil) -> LoadReport {
        var collected = InputCollector.Collected()
        for path in paths {
            InputCollector.collect(path, limits: limits, into: &collected)
        }
        var report = load(collected.inputs, progress: progress)
        report.files = (collected.skipped + report.files).sorted { $0.path < $1.path }
        report.errors = collected.errors + report.errors
        report.warnings = collected.warnings + report.warnings
        if !paths.isEmpty, report.errors.isEmpty, !report.files.contains(where: { $0.status == .loaded }) {
            report.errors = nothingUsable(paths: paths, files: report.files)
        }
        return report
    }

    /// Most skipped files named one by one in the error when nothing usable was loaded.
    static let listedSkips = 20

    private static func nothingUsable(paths: [String], files: [LoadedFile]) -> [LoadDiagnostic] {
        var errors = files.prefix(listedSkips).map {
            LoadDiagnostic(file: $0.path, message: "skipped: \($0.reason ?? "not a recognised inventory input")")
        }
        let named = paths.map { "'\($0)'" }.joined(separator: ", ")
        var summary = files.isEmpty
            ? "nothing usable was loaded from \(named): no files were found"
            : "nothing usable was loaded from \(named): \(files.count == 1 ? "its only file was" : "all \(files.count) files were") skipped"
        if files.count > listedSkips { summary += " (the first \(listedSkips) are listed; trustmap validate lists them all)" }
        summary += "; there is no inventory to analyse"
        errors.append(LoadDiagnostic(file: paths[0], message: summary))
        return errors
    }

    /// Loads one text held in memory (tests, the dashboard's own files); `fileName` names it in messages
    /// and decides JSON or YAML when the content does not (`.json`, `.yaml`).
    public static func load(text: String, fileName: String) -> LoadReport {
        load([InputSource(displayPath: fileName, location: .text(Array(text.utf8)), isExplicit: true)])
    }

    /// Loads bytes held in memory as one file would be (gzip, UTF-16 and byte order marks included);
    /// `fileName` names it in messages and decides JSON or YAML when the content does not.
    public static func load(bytes: [UInt8], fileName: String) -> LoadReport {
        load([InputSource(displayPath: fileName, location: .text(bytes), isExplicit: true)])
    }

    /// Loads several in-memory texts as if they were files given in this order.
    public static func load(texts: [(fileName: String, text: String)]) -> LoadReport {
        load(texts.map { InputSource(displayPath: $0.fileName, location: .text(Array($0.text.utf8)), isExplicit: true) })
    }

    /// The embedded demo organization.
    public static func loadDemo() -> LoadReport {
        load(text: DemoInventory.yaml, fileName: DemoInventory.fileName)
    }

    static func load(_ inputs: [InputSource], progress: WorkProgress? = nil) -> LoadReport {
        // Each file's size read once, outside the progress lock (the screen reads the progress meanwhile).
        let sizes = progress == nil ? [] : inputs.map(\.sizeOnDisk)
        progress?.update { p in
            p.stage = .reading
            p.filesTotal = inputs.count
            p.bytesTotal = sizes.reduce(0, +)
        }
        return loadInputs(inputs, progress, sizes)
    }

    private static func loadInputs(_ inputs: [InputSource], _ progress: WorkProgress?, _ sizes: [Int]) -> LoadReport {
        var fragments = readConcurrently(inputs, progress, sizes)
        progress?.update { $0.stage = .merging }
        let (inventory, mergeDiagnostics) = InventoryMerger.merge(&fragments)
        var warnings: [LoadDiagnostic] = []
        var errors: [LoadDiagnostic] = []
        for f in fragments {
            warnings += f.warnings
            errors += f.errors
        }
        warnings += place(mergeDiagnostics, inputs: inputs)
        // Grouped by file in load order, then by place in the file; ties keep the order they were found in.
        let order = Dictionary(inputs.enumerated().map { ($1.displayPath, $0) }, uniquingKeysWith: { a, _ in a })
        warnings = warnings.enumerated().sorted { a, b in
            let ka = (order[a.element.file] ?? Int.max, a.element.line ?? Int.max, a.element.column ?? Int.max, a.offset)
            let kb = (order[b.element.file] ?? Int.max, b.element.line ?? Int.max, b.element.column ?? Int.max, b.offset)
            return ka < kb
        }.map(\.element)
        let files = fragments.map { LoadedFile(path: $0.file, kind: $0.kind, status: $0.status, reason: $0.status == .skipped ? $0.skipReason : nil) }
        return LoadReport(inventory: inventory, files: files, warnings: warnings, errors: errors)
    }

    private static func readConcurrently(_ inputs: [InputSource], _ progress: WorkProgress?, _ sizes: [Int]) -> [InventoryFragment] {
        Parallel.map(inputs.count) { i in
            let fragment = FragmentReader.read(inputs[i])
            progress?.update { p in
                p.filesDone += 1
                p.bytesDone += sizes[i]
                p.currentFile = inputs[i].displayPath
            }
            return fragment
        }
    }

    /// Merge warnings get their line and column by reading their files once more (only files that have any).
    private static func place(_ diagnostics: [MergeDiagnostic], inputs: [InputSource]) -> [LoadDiagnostic] {
        guard !diagnostics.isEmpty else { return [] }
        var byFile: [Int: [MergeDiagnostic]] = [:]
        for d in diagnostics { byFile[d.fileIndex, default: []].append(d) }
        var placed: [Int: [[JSONPathComponent]: SourcePosition]] = [:]
        for (file, list) in byFile {
            let paths = list.compactMap(\.path)
            guard !paths.isEmpty, case .success(.text(let bytes)) = inputs[file].contents(),
                  case .success(let document) = FragmentReader.parse(bytes, input: inputs[file]) else { continue }
            placed[file] = document.positions(of: paths)
        }
        return diagnostics.map { d in
            let position = d.path.flatMap { placed[d.fileIndex]?[$0] }
            return LoadDiagnostic(file: inputs[d.fileIndex].displayPath, position: position, field: d.path?.fieldName, message: d.message)
        }
    }
}
