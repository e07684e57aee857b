import Foundation

/// Expands the paths a user gives into files: folders recursively, entries sorted by name so
/// the load order (and so who wins a merge) never depends on the file system.
enum InputCollector {
    static func collect(_ path: String, into inputs: inout [InputSource], skipped: inout [LoadedFile], errors: inout [LoadDiagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            errors.append(LoadDiagnostic(file: path, message: "no such file or folder"))
            return
        }
        if isDirectory.boolValue {
            var visited: Set<String> = []
            walk(path, into: &inputs, skipped: &skipped, visited: &visited)
        } else {
            inputs.append(InputSource(displayPath: path, location: .file(path), isExplicit: true))
        }
    }

    private static func walk(_ folder: String, into inputs: inout [InputSource], skipped: inout [LoadedFile], visited: inout Set<String>) {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }  // a symbolic link loop
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            skipped.append(LoadedFile(path: folder, kind: "unreadable-folder", status: .skipped))
            return
        }
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let child = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if name.hasPrefix(".") {
                    // .git and similar: listed as skipped rather than read file by file.
                    skipped.append(LoadedFile(path: child, kind: "hidden-folder", status: .skipped))
                } else {
                    walk(child, into: &inputs, skipped: &skipped, visited: &visited)
                }
            } else {
                inputs.append(InputSource(displayPath: child, location: .file(child), isExplicit: false))
            }
        }
    }
}
