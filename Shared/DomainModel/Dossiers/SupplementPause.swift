/// How a supplement pause moves a dossier's appointment date.
///
/// While the citizen supplements (from the request, status 5, to the receipt of the supplement) the clock stops
/// (domain brief 4.1 step 4 and the Decision 766 rule: supplement time is not processing time). The appointment
/// date moves by the time the dossier waited:
///
/// - deadlines in working days: by the working days from the day after the request through the day the supplement
///   arrived (a request and a supplement on the same day move nothing; a pause over Tết moves the date only by the
///   working days in it);
/// - deadlines in calendar days or months: by the calendar days between the two dates, then to the next working day
///   if the moved date is not one;
/// - deadlines in hours: by the exact time paused.
public enum SupplementPause {
    /// The result of resuming the clock.
    public struct Resumed: Hashable, Sendable {
        /// The moved appointment date.
        public var dueDate: CivilDate
        /// The moved last instant.
        public var dueAt: UnixInstant
        /// Working days (calendar days, or whole hours for deadlines in hours) the date moved by.
        public var pausedUnits: Int

        public init(dueDate: CivilDate, dueAt: UnixInstant, pausedUnits: Int) {
            self.dueDate = dueDate
            self.dueAt = dueAt
            self.pausedUnits = pausedUnits
        }
    }

    /// The appointment after a pause from `pausedAt` to `resumedAt`.
    ///
    /// - Throws: ``DomainError`` `failedPrecondition` when a date whose status matters falls in a year the calendar
    ///   does not cover.
    public static func resume(
        dueDate: CivilDate, dueAt: UnixInstant, unit: DeadlineUnit, pausedAt: UnixInstant, resumedAt: UnixInstant,
        calendar: WorkingCalendar
    ) throws(DomainError) -> Resumed {
        guard resumedAt > pausedAt else { return Resumed(dueDate: dueDate, dueAt: dueAt, pausedUnits: 0) }
        let pausedOn = VietnamTime.date(of: pausedAt)
        let resumedOn = VietnamTime.date(of: resumedAt)
        switch unit {
        case .workingDays:
            let paused = try self.workingDays(after: pausedOn, through: resumedOn, calendar: calendar)
            guard paused > 0 else { return Resumed(dueDate: dueDate, dueAt: dueAt, pausedUnits: 0) }
            let moved = try calendar.workingDay(number: paused, after: dueDate)
            return Resumed(dueDate: moved, dueAt: VietnamTime.endOfDay(moved), pausedUnits: paused)
        case .calendarDays, .months:
            let paused = pausedOn.days(until: resumedOn)
            guard paused > 0 else { return Resumed(dueDate: dueDate, dueAt: dueAt, pausedUnits: 0) }
            let moved = try calendar.firstWorkingDay(onOrAfter: dueDate.adding(days: paused))
            return Resumed(dueDate: moved, dueAt: VietnamTime.endOfDay(moved), pausedUnits: paused)
        case .hours:
            let seconds = resumedAt.seconds - pausedAt.seconds
            let movedAt = dueAt.adding(seconds: seconds)
            return Resumed(dueDate: VietnamTime.date(of: movedAt), dueAt: movedAt, pausedUnits: Int(seconds / 3600))
        }
    }

    /// Working days `d` with `start < d <= end`.
    public static func workingDays(after start: CivilDate, through end: CivilDate, calendar: WorkingCalendar) throws(DomainError) -> Int {
        guard start < end else { return 0 }
        var count = 0
        var current = start.adding(days: 1)
        while current <= end {
            if try calendar.checkedIsWorkingDay(current) { count += 1 }
            current = current.adding(days: 1)
        }
        return count
    }
}
