import Foundation

/// Expands the paths a user gives into files: folders recursively, entries sorted by name so
/// the load order (and so who wins a merge) never depends on the file system.
///
/// Every entry's type is checked before anything opens it: a FIFO, socket or device named like an
/// inventory is never read (reading a FIFO waits forever for a writer). Nothing is passed over in
/// silence: an entry that cannot be looked at (a broken link, a path past the system's limit) is a warning.
enum InputCollector {
    struct Collected {
        var inputs: [InputSource] = []
        var skipped: [LoadedFile] = []
        var warnings: [LoadDiagnostic] = []
        var errors: [LoadDiagnostic] = []
    }

    /// The longest path the system opens (Linux's PATH_MAX, counting the terminating NUL).
    static let pathMax = Int(PATH_MAX)

    static func collect(_ path: String, limits: LoadLimits, into collected: inout Collected) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno
            if reason == ENOENT {
                collected.errors.append(LoadDiagnostic(file: path, message: "no such file or folder"))
            } else {
                collected.errors.append(LoadDiagnostic(file: path, message: "cannot look at it: \(String(cString: strerror(reason)))"))
            }
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            var visited: Set<String> = []
            walk(path, limits: limits, into: &collected, visited: &visited)
        case S_IFREG:
            collected.inputs.append(InputSource(displayPath: path, location: .file(path), isExplicit: true, limits: limits))
        default:
            collected.errors.append(LoadDiagnostic(file: path, message: "not a regular file or folder but \(FileType.describe(info.st_mode)); trustmap reads regular files and folders only"))
        }
    }

    private static func walk(_ folder: String, limits: LoadLimits, into collected: inout Collected, visited: inout Set<String>) {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }  // a symbolic link loop
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            collected.skipped.append(LoadedFile(path: folder, kind: "unreadable-folder", status: .skipped, reason: "the folder cannot be read"))
            collected.warnings.append(LoadDiagnostic(file: folder, message: "the folder cannot be read (\(folder.utf8.count >= pathMax ? "its path is longer than the system's limit of \(pathMax - 1) bytes" : "permissions?")); what it holds is not loaded"))
            return
        }
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let child = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard child.utf8.count < pathMax else {
                collected.skipped.append(LoadedFile(path: child, kind: "path-too-long", status: .skipped, reason: "its path is too long"))
                collected.warnings.append(LoadDiagnostic(file: child, message: "the path is \(child.utf8.count) bytes, longer than the system's limit of \(pathMax - 1) (folders nested too deep); it is not read"))
                continue
            }
            guard stat(child, &info) == 0 else {
                let reason = errno
                var lstatInfo = stat()
                let what = lstat(child, &lstatInfo) == 0 && (lstatInfo.st_mode & S_IFMT) == S_IFLNK
                    ? "a broken symbolic link" : "cannot be looked at: \(String(cString: strerror(reason)))"
                collected.skipped.append(LoadedFile(path: child, kind: "unreadable", status: .skipped, reason: what))
                collected.warnings.append(LoadDiagnostic(file: child, message: "\(what); skipped"))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if name.hasPrefix(".") {
                    // .git and similar: listed as skipped rather than read file by file.
                    collected.skipped.append(LoadedFile(path: child, kind: "hidden-folder", status: .skipped, reason: "a hidden folder"))
                } else {
                    walk(child, limits: limits, into: &collected, visited: &visited)
                }
            case S_IFREG:
                collected.inputs.append(InputSource(displayPath: child, location: .file(child), isExplicit: false, limits: limits))
            default:
                let what = "not a regular file but \(FileType.describe(info.st_mode))"
                collected.skipped.append(LoadedFile(path: child, kind: "special-file", status: .skipped, reason: what))
                collected.warnings.append(LoadDiagnostic(file: child, message: "\(what); skipped without opening it"))
            }
        }
    }
}
