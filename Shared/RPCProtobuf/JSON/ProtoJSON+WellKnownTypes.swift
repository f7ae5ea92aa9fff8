extension ProtoJSON {
    private static let nanosPerSecond: Int64 = 1_000_000_000

    /// `google.protobuf.Timestamp` as RFC 3339 in UTC: `"1972-01-01T10:00:20.021Z"`.
    ///
    /// The fraction has 0, 3, 6 or 9 digits, as few as the value needs. Out-of-range nanos are
    /// carried into the seconds (the mapping never fails); years outside 1...9999, which valid
    /// timestamps do not have, are written with as many digits as they need.
    public static func timestamp(seconds: Int64, nanos: Int32) -> JSONValue {
        var seconds = seconds
        var nanos = Int64(nanos)
        seconds += nanos / Self.nanosPerSecond
        nanos %= Self.nanosPerSecond
        if nanos < 0 {
            nanos += Self.nanosPerSecond
            seconds -= 1
        }
        let days = Self.floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        var text = Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
        text += "T" + Self.padded(secondOfDay / 3_600, 2) + ":" + Self.padded(secondOfDay / 60 % 60, 2)
        text += ":" + Self.padded(secondOfDay % 60, 2) + Self.fraction(nanos) + "Z"
        return .string(text)
    }

    /// `google.protobuf.Duration` as seconds with the suffix `s`: `"1.500s"`, `"-0.000001s"`, `"3s"`.
    ///
    /// The fraction has 0, 3, 6 or 9 digits, as few as the value needs (the mapping's rule, so
    /// 1.5 seconds is `"1.500s"`). Seconds and nanos of different signs are normalized first.
    public static func duration(seconds: Int64, nanos: Int32) -> JSONValue {
        var seconds = seconds
        var nanos = Int64(nanos)
        seconds += nanos / Self.nanosPerSecond
        nanos %= Self.nanosPerSecond
        if seconds > 0, nanos < 0 {
            seconds -= 1
            nanos += Self.nanosPerSecond
        } else if seconds < 0, nanos > 0 {
            seconds += 1
            nanos -= Self.nanosPerSecond
        }
        let negative = seconds < 0 || nanos < 0
        let text = (negative ? "-" : "") + String(seconds.magnitude) + Self.fraction(Int64(nanos.magnitude)) + "s"
        return .string(text)
    }

    /// `.123`, `.123456`, `.123456789` or nothing.
    private static func fraction(_ nanos: Int64) -> String {
        if nanos == 0 { return "" }
        if nanos % 1_000_000 == 0 { return "." + Self.padded(nanos / 1_000_000, 3) }
        if nanos % 1_000 == 0 { return "." + Self.padded(nanos / 1_000, 6) }
        return "." + Self.padded(nanos, 9)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = Self.floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
