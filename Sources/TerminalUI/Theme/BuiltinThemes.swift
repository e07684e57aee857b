/// The themes shipped in `themes/`, compiled in at build time (the EmbedThemesPlugin writes `files` from
/// the YAML files, which are the only source) so the binary works from any folder.
public enum BuiltinThemes {
    /// The order `t` cycles through; any other file in `themes/` follows by name.
    static let cyclingOrder = ["default", "light", "high-contrast", "mono"]

    /// (file name without .yaml, YAML text), in cycling order.
    public static let sources: [(name: String, yaml: String)] = {
        func rank(_ name: String) -> Int { cyclingOrder.firstIndex(of: name) ?? cyclingOrder.count }
        return files.sorted { (rank($0.name), $0.name) < (rank($1.name), $1.name) }
    }()
}
