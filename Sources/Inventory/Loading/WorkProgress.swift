import Synchronization

/// How far a load and its analysis have come: written by the thread doing the work, read by the screen
/// that shows it (the dashboard opens on a progress display, not a blank screen, while a large
/// organization is read and analysed).
public final class WorkProgress: Sendable {
    public struct Snapshot: Sendable, Hashable {
        public enum Stage: Sendable, Hashable {
            /// Listing the files and folders named.
            case collecting
            /// Reading and parsing the files (`filesDone` of `filesTotal`).
            case reading
            /// Merging what the files said into one inventory.
            case merging
            /// One step of the analysis, by name ("trust graph").
            case analysing(String)
            case done
        }

        public var stage: Stage = .collecting
        public var filesDone = 0
        public var filesTotal = 0
        public var bytesDone = 0
        public var bytesTotal = 0
        /// The file read last, as the user named it.
        public var currentFile: String?
        /// Analysis steps finished, in order.
        public var stepsDone: [String] = []

        public init() {}
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public func snapshot() -> Snapshot { state.withLock { $0 } }

    public func update(_ change: (inout Snapshot) -> Void) { state.withLock { change(&$0) } }

    /// Starts an analysis step; the one before it is done.
    public func step(_ name: String) {
        update { s in
            if case .analysing(let previous) = s.stage { s.stepsDone.append(previous) }
            s.stage = .analysing(name)
        }
    }

    public func finish() {
        update { s in
            if case .analysing(let previous) = s.stage { s.stepsDone.append(previous) }
            s.stage = .done
        }
    }
}
