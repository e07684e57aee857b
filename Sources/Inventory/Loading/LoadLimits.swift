/// The bounds that keep a load's memory and time in proportion to what the user meant to load.
///
/// Inventories come from other people: a few hundred bytes of YAML aliases or a small `.gz` can stand for
/// gigabytes. Each limit, when hit, is an error that names the file, the limit and the flag that raises it
/// (README, "Limits").
public struct LoadLimits: Sendable, Hashable {
    /// The most bytes one input may hold once read (and decompressed): `--max-input-size`.
    public var maxInputBytes: Int
    /// A `.gz` may inflate to at most this many times its compressed size (above `inflateRatioFloorBytes`):
    /// `--max-inflate-ratio`.
    public var maxInflateRatio: Int
    /// Below this inflated size the ratio is not checked (a tiny, very repetitive file is harmless).
    public var inflateRatioFloorBytes: Int
    /// The most nodes YAML aliases (`*name`) may add by repeating what their anchor holds:
    /// `--max-yaml-alias-nodes`.
    public var maxYAMLAliasNodes: Int
    /// How much of a file found in a folder is read to recognise it before the rest is read.
    public var sniffBytes: Int

    public init(maxInputBytes: Int = LoadLimits.defaultMaxInputBytes, maxInflateRatio: Int = 100,
                inflateRatioFloorBytes: Int = 16 << 20, maxYAMLAliasNodes: Int = 1_000_000, sniffBytes: Int = 64 << 10) {
        self.maxInputBytes = maxInputBytes
        self.maxInflateRatio = maxInflateRatio
        self.inflateRatioFloorBytes = inflateRatioFloorBytes
        self.maxYAMLAliasNodes = maxYAMLAliasNodes
        self.sniffBytes = sniffBytes
    }

    public static let defaultMaxInputBytes = 1 << 30
    public static let `default` = LoadLimits()

    /// `512M`, `2G`, `1048576`: a size as the flag takes it (K, M, G, T are powers of 1024); nil when malformed.
    public static func parseSize(_ text: String) -> Int? {
        var digits = Substring(text)
        var unit = 1
        if let last = digits.last, let shift = ["K": 10, "M": 20, "G": 30, "T": 40][last.uppercased()] {
            unit = 1 << shift
            digits = digits.dropLast()
            if digits.last == "i" || digits.last == "I" { return nil }
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits), n > 0 else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: unit)
        return overflow ? nil : product
    }

    /// `1 GiB`, `64 KiB`, `700 bytes`: how messages show a size.
    public static func describe(bytes: Int) -> String {
        for (shift, unit) in [(40, "TiB"), (30, "GiB"), (20, "MiB"), (10, "KiB")] where bytes >= 1 << shift {
            let whole = bytes >> shift
            if whole << shift == bytes { return "\(whole) \(unit)" }
            let tenths = (bytes * 10) >> shift
            return "\(tenths / 10).\(tenths % 10) \(unit)"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
