import PolicyEngine

/// Dates as AWS exports write them, to seconds since 1970 (UTC).
///
/// The AWS CLI prints ISO-8601 (`2019-11-13T17:30:00Z`), boto3-based tools such as
/// Cloudsplaining print Python's `str(datetime)` (`2022-08-07 12:55:43+00:00`), CloudTrail
/// test data omits the zone (`2024-06-02 20:27:12`, taken as UTC, which is what CloudTrail logs in).
/// Parsed by hand: no Foundation formatters, so the result never depends on the machine's locale or zone.
public enum IAMDate {
    /// nil when the text is not one of the accepted forms or names an impossible date.
    public static func parse(_ text: String) -> Int64? {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = b[i + k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(UInt8(ascii: "-")), let month = digits(2), expect(UInt8(ascii: "-")), let day = digits(2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var seconds = 0
        if i < b.count {
            guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") else { return nil }
            i += 1
            guard let h = digits(2), expect(UInt8(ascii: ":")), let m = digits(2) else { return nil }
            var s = 0
            if expect(UInt8(ascii: ":")) {
                guard let sec = digits(2) else { return nil }
                s = sec
            }
            guard h < 24, m < 60, s < 61 else { return nil }
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                let start = i
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
                guard i > start else { return nil }
            }
            seconds = h * 3600 + m * 60 + s
            if i < b.count {
                switch b[i] {
                case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                    i += 1
                case UInt8(ascii: "+"), UInt8(ascii: "-"):
                    let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
                    i += 1
                    guard let oh = digits(2) else { return nil }
                    _ = expect(UInt8(ascii: ":"))
                    let om = digits(2) ?? 0
                    guard oh < 24, om < 60 else { return nil }
                    seconds -= sign * (oh * 3600 + om * 60)
                default:
                    return nil
                }
            }
        }
        guard i == b.count else { return nil }
        return Int64(ISO8601.daysFromCivil(year: year, month: month, day: day)) * 86_400 + Int64(seconds)
    }

    /// `2024-01-15T00:00:00Z` for seconds since 1970 (the engine's formatter: one calendar for both).
    public static func format(_ epochSeconds: Int64) -> String {
        ISO8601.format(epochSeconds)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
