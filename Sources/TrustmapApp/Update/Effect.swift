/// I/O that `update` asks the run loop to do; `update` itself stays pure.
public enum Effect: Sendable, Hashable {
    /// Write text to a file (`:export`); the loop reports the outcome with `.command` feedback.
    case writeFile(path: String, contents: String)
}
