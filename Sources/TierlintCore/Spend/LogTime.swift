/// Times in execution logs: ISO 8601 timestamps (with or without fractional seconds and a
/// zone) and plain dates, read from bytes into seconds since 1970-01-01 UTC; and the UTC
/// calendar the spend report buckets them by. No Foundation formatter: a log has millions.
public enum LogTime {
    public static let secondsPerDay: Int64 = 86_400

    /// Reads `2026-03-16`, `2026-03-16T14:23:45Z`, `2026-03-16 14:23:45.123+01:00`,
    /// `2026-03-16T14:23` and the like. A time without a zone is taken as UTC.
    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        // No closures over `index`: a captured variable is boxed, and checked on every access.
        var index = 0
        let count = bytes.count
        guard let year = digits(bytes, &index, 4), take(bytes, &index, 0x2D), let month = digits(bytes, &index, 2),
              take(bytes, &index, 0x2D), let day = digits(bytes, &index, 2), (1...12).contains(month), day >= 1,
              day <= daysIn(year: year, month: month)
        else { return nil }
        var seconds = Int64(days(year: year, month: month, day: day)) * secondsPerDay
        guard index < count else { return seconds }
        guard take(bytes, &index, UInt8(ascii: "T")) || take(bytes, &index, UInt8(ascii: "t")) || take(bytes, &index, 0x20) else {
            return nil
        }
        guard let hour = digits(bytes, &index, 2), take(bytes, &index, 0x3A), let minute = digits(bytes, &index, 2), hour <= 24,
              minute <= 59 else { return nil }
        var second = 0
        if take(bytes, &index, 0x3A) {
            guard let value = digits(bytes, &index, 2), value <= 60 else { return nil }
            // A leap second is the last second of its minute here.
            second = min(value, 59)
            if take(bytes, &index, UInt8(ascii: ".")) || take(bytes, &index, UInt8(ascii: ",")) {
                let start = index
                while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                guard index > start else { return nil }
            }
        }
        guard hour < 24 || (minute == 0 && second == 0) else { return nil }
        seconds += Int64(hour * 3600 + minute * 60 + second)
        guard index < count else { return seconds }
        if take(bytes, &index, UInt8(ascii: "Z")) || take(bytes, &index, UInt8(ascii: "z")) { return index == count ? seconds : nil }
        let sign: Int64
        if take(bytes, &index, UInt8(ascii: "+")) { sign = 1 } else if take(bytes, &index, UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let zoneHours = digits(bytes, &index, 2), zoneHours <= 23 else { return nil }
        var zoneMinutes = 0
        if index < count {
            _ = take(bytes, &index, 0x3A)
            guard let value = digits(bytes, &index, 2), value <= 59 else { return nil }
            zoneMinutes = value
        }
        guard index == count else { return nil }
        // 14:00+01:00 is 13:00 UTC.
        return seconds - sign * Int64(zoneHours * 3600 + zoneMinutes * 60)
    }

    /// `width` decimal digits at `index`, moving past them.
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ width: Int) -> Int? {
        guard index + width <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<width {
            let byte = bytes[index + offset]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += width
        return value
    }

    /// Moves past `byte` when it is at `index`.
    private static func take(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    // MARK: - The calendar

    /// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (Howard Hinnant's
    /// days_from_civil).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number (civil_from_days).
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The UTC day of a time.
    public static func day(of seconds: Int64) -> Int {
        Int(seconds >= 0 ? seconds / secondsPerDay : (seconds - secondsPerDay + 1) / secondsPerDay)
    }

    /// Monday 1 … Sunday 7; 1970-01-01 was a Thursday.
    public static func weekday(days: Int) -> Int {
        ((days % 7 + 7 + 3) % 7) + 1
    }

    /// The Monday of the ISO week holding a day.
    public static func weekStart(days: Int) -> Int {
        days - (weekday(days: days) - 1)
    }

    /// ISO 8601 week-numbering year and week: `2026-W11`.
    public static func isoWeek(days: Int) -> (year: Int, week: Int) {
        let thursday = weekStart(days: days) + 3
        let year = date(days: thursday).year
        let firstThursday = weekStart(days: self.days(year: year, month: 1, day: 4)) + 3
        return (year, (thursday - firstThursday) / 7 + 1)
    }

    /// `2026-03-16`.
    public static func dayText(_ days: Int) -> String {
        let (year, month, day) = date(days: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `2026-03-16T14:23:45Z`.
    public static func isoText(_ seconds: Int64) -> String {
        let day = self.day(of: seconds)
        let rest = Int(seconds - Int64(day) * secondsPerDay)
        return "\(dayText(day))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))Z"
    }

    /// `2026-03`.
    public static func monthText(_ days: Int) -> String {
        let (year, month, _) = date(days: days)
        return "\(pad(year, 4))-\(pad(month, 2))"
    }

    /// `2026-W11`.
    public static func weekText(_ days: Int) -> String {
        let (year, week) = isoWeek(days: days)
        return "\(pad(year, 4))-W\(pad(week, 2))"
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
