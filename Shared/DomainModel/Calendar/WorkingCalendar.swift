/// The Vietnamese working-day calendar of state agencies: Monday to Friday, minus public holidays and other
/// days off, plus make-up working days, as recorded in holiday-calendar entries.
///
/// The calendar knows which years it has data for (``coveredYears``: years with at least one entry). Rules
/// that need to know whether a date is a working day refuse dates in other years instead of guessing.
public struct WorkingCalendar: Sendable {
    private let entries: [CivilDate: CalendarDay]
    /// Years with at least one entry, ascending.
    public let coveredYears: [Int]

    /// A calendar from its entries (a later entry for the same date replaces an earlier one).
    public init(days: [CalendarDay]) {
        var entries: [CivilDate: CalendarDay] = [:]
        for day in days { entries[day.date] = day }
        self.entries = entries
        self.coveredYears = Set(entries.keys.map(\.year)).sorted()
    }

    /// Every entry, by date.
    public var days: [CalendarDay] { self.entries.values.sorted { $0.date < $1.date } }

    /// The entry for a date, if any.
    public func entry(on date: CivilDate) -> CalendarDay? { self.entries[date] }

    /// Whether the calendar has data for the year.
    public func covers(year: Int) -> Bool { self.coveredYears.contains(year) }

    /// Whether agencies work on the date: an entry decides if there is one, else Monday to Friday.
    ///
    /// This does not check coverage; see ``checkedIsWorkingDay(_:)``.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if let entry = self.entries[date] { return !entry.kind.isDayOff }
        return !date.weekday.isWeekend
    }

    /// ``isWorkingDay(_:)``, or a ``DomainError/Code/failedPrecondition`` error when the year has no data.
    public func checkedIsWorkingDay(_ date: CivilDate) throws(DomainError) -> Bool {
        guard self.covers(year: date.year) else { throw self.notCovered(date.year) }
        return self.isWorkingDay(date)
    }

    /// The entries that are days off, from `start` through `end`, by date.
    public func daysOff(from start: CivilDate, through end: CivilDate) -> [CalendarDay] {
        guard start <= end else { return [] }
        return self.entries.values.filter { $0.kind.isDayOff && $0.date >= start && $0.date <= end }
            .sorted { $0.date < $1.date }
    }

    func notCovered(_ year: Int) -> DomainError {
        let covered: String
        if let first = self.coveredYears.first, let last = self.coveredYears.last {
            covered = self.coveredYears.count == last - first + 1
                ? "\(first)–\(last)" : self.coveredYears.map(String.init).joined(separator: ", ")
        } else {
            covered = "none"
        }
        return .failedPrecondition(
            "the holiday calendar has no data for \(year) (years covered: \(covered)); add the year's days off with SetCalendarDays")
    }
}
