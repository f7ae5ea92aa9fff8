public import DomainModel
public import RPCProtobuf

/// How values look in tables: dates and times in Vietnam (`28/01/2022`, `28/01/2022 14:05`),
/// rates as percentages, amounts in đồng.
public enum Format {
    /// `28/01/2022`; empty for nil.
    public static func date(_ date: Motcua_Catalog_V1_Date?) -> String {
        guard let date else { return "" }
        return Self.two(Int(date.day)) + "/" + Self.two(Int(date.month)) + "/" + Self.padded(Int(date.year), 4)
    }

    /// `28/01/2022`.
    public static func date(_ date: CivilDate) -> String {
        Self.date(date.proto)
    }

    /// `28/01/2022 14:05` in Vietnam (seconds shown when not 0 and `seconds` is true); empty for nil.
    public static func dateTime(_ timestamp: Google_Protobuf_Timestamp?, seconds: Bool = false) -> String {
        guard let timestamp else { return "" }
        let local = timestamp.seconds + VietnamTime.utcOffsetSeconds
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        var text = Self.date(date) + " " + Self.two(secondOfDay / 3600) + ":" + Self.two(secondOfDay / 60 % 60)
        if seconds, secondOfDay % 60 != 0 { text += ":" + Self.two(secondOfDay % 60) }
        return text
    }

    /// `HH:mm:ss` in Vietnam.
    public static func time(_ instant: UnixInstant) -> String {
        let secondOfDay = Int(((instant.seconds + VietnamTime.utcOffsetSeconds) % 86_400 + 86_400) % 86_400)
        return Self.two(secondOfDay / 3600) + ":" + Self.two(secondOfDay / 60 % 60) + ":" + Self.two(secondOfDay % 60)
    }

    /// A period `[from, to)` as its first and last day: `01/01/2022 – 16/02/2022`.
    public static func period(_ period: Motcua_Statistics_V1_Period?) -> String {
        guard let period, let from = period.fromDate, let to = period.toDate else { return "" }
        let last = to.civilDate.map { Self.date($0.adding(days: -1)) } ?? Self.date(to)
        return Self.date(from) + " – " + last
    }

    /// `85.7%` (one decimal).
    public static func rate(_ rate: Double) -> String {
        guard rate.isFinite else { return "" }
        let tenths = Int64((rate * 1000).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))%"
    }

    /// A number with up to `decimals` decimals, trailing zeros dropped: `12.5`, `3`.
    public static func decimal(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "" }
        guard decimals > 0 else { return String(Int64(value.rounded())) }
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = String(magnitude % UInt64(scale))
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return (negative ? "-" : "") + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `8.000 đ` (Vietnamese grouping with dots).
    public static func vnd(_ amount: Int64) -> String {
        Self.grouped(amount, separator: ".") + " đ"
    }

    /// `1,764` (thousands grouped with `separator`).
    public static func grouped(_ value: Int64, separator: String = ",") -> String {
        let digits = Array(String(value.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += separator }
            text.append(digit)
        }
        return (value < 0 ? "-" : "") + text
    }

    /// `15 working days`, `24 hours`, `1 month`.
    public static func deadline(_ deadline: Motcua_Catalog_V1_LegalDeadline?) -> String {
        guard let deadline, deadline.amount != 0 || deadline.unit.rawValue != 0 else { return "" }
        let unit: String
        switch deadline.unit {
        case .workingDays: unit = deadline.amount == 1 ? "working day" : "working days"
        case .calendarDays: unit = deadline.amount == 1 ? "calendar day" : "calendar days"
        case .hours: unit = deadline.amount == 1 ? "hour" : "hours"
        case .months: unit = deadline.amount == 1 ? "month" : "months"
        default: unit = deadline.unit.token
        }
        return "\(deadline.amount) \(unit)"
    }

    /// `yes` or empty.
    public static func flag(_ value: Bool, _ text: String = "yes") -> String {
        value ? text : ""
    }

    static func two(_ value: Int) -> String { Self.padded(value, 2) }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
