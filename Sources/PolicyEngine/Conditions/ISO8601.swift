/// W3C ISO 8601 instants, as the Date condition operators read them
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date),
/// without Foundation so it is fast and the same on every platform.
public enum ISO8601 {
    /// Seconds since 1970 for `2026-01-02`, `2026-01-02T03:04Z`, `2026-01-02T03:04:05.5+02:00`, or
    /// epoch seconds (`1767322800`). A time without a zone is UTC. Nil when unreadable.
    public static func parseInstant(_ text: String) -> Double? {
        let b = Array(text.utf8)
        if b.isEmpty { return nil }
        if b.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }), !b.dropFirst().contains(0x2D) {
            // Epoch seconds (AWS accepts them for Date operators); `-` only as a sign.
            return Double(text)
        }
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                let c = b[k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += n
            return v
        }
        func eat(_ c: UInt8) -> Bool {
            if i < b.count && b[i] == c { i += 1; return true }
            return false
        }
        guard let year = digits(4), eat(0x2D), let month = digits(2), eat(0x2D), let day = digits(2) else { return nil }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0.0, offset = 0
        if i < b.count {
            guard eat(0x54) || eat(0x74) || eat(0x20) else { return nil }
            guard let h = digits(2), eat(0x3A), let m = digits(2) else { return nil }
            hour = h
            minute = m
            if eat(0x3A) {
                guard let s = digits(2) else { return nil }
                second = Double(s)
                if eat(0x2E) || eat(0x2C) {
                    var scale = 0.1
                    var any = false
                    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                        second += Double(b[i] - 0x30) * scale
                        scale /= 10
                        i += 1
                        any = true
                    }
                    guard any else { return nil }
                }
            }
            guard hour <= 24, minute <= 59, second < 61 else { return nil }
            if i < b.count {
                if eat(0x5A) || eat(0x7A) {
                } else if b[i] == 0x2B || b[i] == 0x2D {
                    let sign = b[i] == 0x2D ? -1 : 1
                    i += 1
                    guard let oh = digits(2) else { return nil }
                    _ = eat(0x3A)
                    let om = digits(2) ?? 0
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Double(days * 86400 + hour * 3600 + minute * 60 - offset) + second
    }

    /// Seconds since 1970, or nil; fractions are truncated.
    /// Whole epoch seconds, or nil outside the years 0000–9999: a number from someone else's file must
    /// never overflow an integer (the simulate-args fuzz target found `--at 2026666…` trapping here).
    public static func parseEpochSeconds(_ text: String) -> Int64? {
        guard let t = parseInstant(text), t.isFinite, t >= -62_167_219_200, t < 253_402_300_800 else { return nil }
        return Int64(t.rounded(.down))
    }

    /// `2026-01-02T03:04:05Z`.
    public static func format(_ epochSeconds: Int64) -> String {
        var days = epochSeconds / 86400
        var rem = epochSeconds % 86400
        if rem < 0 {
            rem += 86400
            days -= 1
        }
        let (y, m, d) = civilFromDays(Int(days))
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let yy = String(y)
        let year = String(repeating: "0", count: max(0, 4 - yy.count)) + yy
        return "\(year)-\(two(m))-\(two(d))T\(two(Int(rem / 3600))):\(two(Int(rem % 3600 / 60))):\(two(Int(rem % 60)))Z"
    }

    // Howard Hinnant's civil-date algorithms (public domain), exact for the proleptic Gregorian calendar.
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
