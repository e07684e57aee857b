import PolicyEngine

/// A problem found while loading, placed where a user can find it.
public struct LoadDiagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public var file: String
    /// 1-based; nil where the format has no lines (or the place is unknown).
    public var line: Int?
    public var column: Int?
    /// The field's path (`roles[3].trustPolicy`), or nil for file-level problems.
    public var field: String?
    /// A sentence a user can act on.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public init(file: String, position: SourcePosition?, field: String?, message: String) {
        self.init(file: file, line: position?.line, column: position?.column, field: field, message: message)
    }

    /// `file:line:column: field: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        if let field { return "\(place): \(field): \(message)" }
        return "\(place): \(message)"
    }
}

/// What became of one input file.
public struct LoadedFile: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case loaded
        case skipped
        case failed
    }

    public var path: String
    /// `native-inventory`, `aws-authorization-details`, `organizations-accounts`, … or `unrecognised`.
    public var kind: String
    public var status: Status
    /// Why a skipped file was skipped ("the file is empty", "not a recognised inventory input"…).
    public var reason: String?

    public init(path: String, kind: String, status: Status, reason: String? = nil) {
        self.path = path
        self.kind = kind
        self.status = status
        self.reason = reason
    }
}

/// The outcome of loading a set of inputs: the merged inventory, and everything said about them.
public struct LoadReport: Sendable {
    public var inventory: Inventory
    public var files: [LoadedFile]
    public var warnings: [LoadDiagnostic]
    public var errors: [LoadDiagnostic]

    public init(inventory: Inventory, files: [LoadedFile] = [], warnings: [LoadDiagnostic] = [], errors: [LoadDiagnostic] = []) {
        self.inventory = inventory
        self.files = files
        self.warnings = warnings
        self.errors = errors
    }

    /// Usable when nothing failed (warnings are allowed).
    public var isUsable: Bool { errors.isEmpty }
}
