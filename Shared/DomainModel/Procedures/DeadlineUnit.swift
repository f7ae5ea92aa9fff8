/// The unit in which a legal processing deadline (thời hạn giải quyết) is stated.
public enum DeadlineUnit: String, CaseIterable, Hashable, Sendable {
    /// Ngày làm việc: Saturdays, Sundays, public holidays and other days off do not count.
    case workingDays = "working_days"
    /// Ngày: every day counts.
    case calendarDays = "calendar_days"
    /// Giờ: elapsed hours from the instant of receipt.
    case hours
    /// Tháng.
    case months

    /// The amounts a deadline in this unit may have.
    public var allowedAmounts: ClosedRange<Int> {
        switch self {
        case .workingDays: 1...365
        case .calendarDays: 1...3650
        case .hours: 1...8760
        case .months: 1...120
        }
    }

    /// English name of `amount` units, e.g. `3 working days`, `1 month`.
    public func describe(_ amount: Int) -> String {
        let one = amount == 1
        switch self {
        case .workingDays: return "\(amount) working \(one ? "day" : "days")"
        case .calendarDays: return "\(amount) calendar \(one ? "day" : "days")"
        case .hours: return "\(amount) \(one ? "hour" : "hours")"
        case .months: return "\(amount) \(one ? "month" : "months")"
        }
    }
}
