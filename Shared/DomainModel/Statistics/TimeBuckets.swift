/// How a period is cut into time-series buckets.
public enum TimeGranularity: String, CaseIterable, Hashable, Sendable {
    case day
    /// ISO weeks, Monday to Sunday.
    case week
    case month

    /// The buckets [start, end) covering [from, to) in order: whole days, ISO weeks or calendar months, the first and
    /// last cut to the period.
    public func buckets(from: CivilDate, to: CivilDate) -> [(start: CivilDate, end: CivilDate)] {
        var result: [(start: CivilDate, end: CivilDate)] = []
        var start = from
        while start < to {
            let natural: CivilDate
            switch self {
            case .day:
                natural = start.adding(days: 1)
            case .week:
                natural = start.adding(days: 8 - start.weekday.rawValue)
            case .month:
                natural = CivilDate(year: start.year, month: start.month, day: 1)!.adding(months: 1)
            }
            let end = min(natural, to)
            result.append((start, end))
            start = end
        }
        return result
    }

    /// How many buckets [from, to) has, without building them.
    public func bucketCount(from: CivilDate, to: CivilDate) -> Int {
        guard from < to else { return 0 }
        switch self {
        case .day:
            return from.days(until: to)
        case .week:
            let firstMonday = from.adding(days: 1 - from.weekday.rawValue)
            return (firstMonday.days(until: to) + 6) / 7
        case .month:
            let last = to.adding(days: -1)
            return (last.year - from.year) * 12 + (last.month - from.month) + 1
        }
    }
}
