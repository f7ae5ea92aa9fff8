/// Due dates (ngày hẹn trả) for dossiers.
///
/// Counting rules, after the Civil Code 2015 (Art. 147: a period in days starts on the day after the event;
/// Art. 148: a period ends at the end of its last day, and when that day is a weekly day off or a holiday, at the
/// end of the next working day) and the working-day definition of the domain brief (4.4: no Saturdays,
/// Sundays or public holidays):
///
/// - The day of receipt is never counted, whatever the time of receipt. No national rule on late-day receipts
///   (an office-hours cut-off) was confirmed, so none is applied: a dossier received at 16:59 or 23:00 counts
///   from the next day, exactly like one received at 08:00.
/// - Working days: the N-th working day after the day of receipt. Saturdays, Sundays, public holidays,
///   compensatory and swapped days off are skipped; a make-up working day counts.
/// - Calendar days: the day of receipt plus N days; if that day is not a working day, the next working day.
/// - Months: the same day of the month N months later (the month's last day if it is shorter); if that day is
///   not a working day, the next working day.
/// - Hours: the instant of receipt plus N hours, days off included (periods in hours run from the event).
///
/// The result is due by the end of the due date (23:59:59 in Vietnam). Whether a date is a working day is
/// only decided for years the calendar covers; otherwise the computation fails rather than guess.
extension WorkingCalendar {
    /// Longest span searched for working days, in days (365 working days fit in about 520).
    static let searchLimitDays = 2000

    /// The due date of a dossier received at `receivedAt` with a legal deadline.
    ///
    /// - Throws: ``DomainError`` `invalidArgument` (field `deadline.amount`) for an amount out of range,
    ///   `failedPrecondition` when a date whose status matters falls in a year without calendar data.
    public func dueDate(receivedAt: UnixInstant, deadline: LegalDeadline) throws(DomainError) -> DueDate {
        let problems = deadline.violations().map { $0.nested(under: "deadline") }
        guard problems.isEmpty else { throw DomainError.invalid(problems) }
        let receivedOn = VietnamTime.date(of: receivedAt)
        let firstCounted = receivedOn.adding(days: 1)
        let dueDate: CivilDate
        let dueAt: UnixInstant
        var rolledFrom: CivilDate?
        switch deadline.unit {
        case .workingDays:
            dueDate = try self.workingDay(number: deadline.amount, after: receivedOn)
            dueAt = VietnamTime.endOfDay(dueDate)
        case .calendarDays:
            let nominal = receivedOn.adding(days: deadline.amount)
            dueDate = try self.firstWorkingDay(onOrAfter: nominal)
            if dueDate != nominal { rolledFrom = nominal }
            dueAt = VietnamTime.endOfDay(dueDate)
        case .months:
            let nominal = receivedOn.adding(months: deadline.amount)
            guard CivilDate.supportedYears.contains(nominal.year) else { throw self.outOfRange() }
            dueDate = try self.firstWorkingDay(onOrAfter: nominal)
            if dueDate != nominal { rolledFrom = nominal }
            dueAt = VietnamTime.endOfDay(dueDate)
        case .hours:
            dueAt = receivedAt.adding(seconds: Int64(deadline.amount) * 3600)
            dueDate = VietnamTime.date(of: dueAt)
        }
        guard CivilDate.supportedYears.contains(dueDate.year) else { throw self.outOfRange() }
        let daysOff = self.daysOff(from: firstCounted, through: dueDate)
        let weekendDays = self.weekendDaysWithoutEntry(from: firstCounted, through: dueDate)
        var explanation: String
        switch deadline.unit {
        case .workingDays:
            explanation = "\(deadline) counted from \(firstCounted) (the day after receipt)"
                + "; \(weekendDays) weekend \(weekendDays == 1 ? "day" : "days") and \(daysOff.count) \(daysOff.count == 1 ? "day" : "days") off skipped"
        case .calendarDays, .months:
            explanation = "\(deadline) from \(receivedOn) end on \(rolledFrom ?? dueDate)"
            if let rolledFrom {
                explanation += ", a day off (\(self.entry(on: rolledFrom)?.name ?? rolledFrom.weekday.name)), so the next working day"
            }
        case .hours:
            explanation = "\(deadline) from the instant of receipt, days off included"
        }
        explanation += "; due \(dueDate)"
        return DueDate(
            dueAt: dueAt, dueDate: dueDate, receivedOn: receivedOn, deadline: deadline,
            daysOff: daysOff, weekendDays: weekendDays, explanation: explanation)
    }

    /// The `number`-th working day after `date` (1: the first working day after it).
    public func workingDay(number: Int, after date: CivilDate) throws(DomainError) -> CivilDate {
        var counted = 0
        var current = date
        for _ in 0..<Self.searchLimitDays {
            current = current.adding(days: 1)
            guard CivilDate.supportedYears.contains(current.year) else { throw self.outOfRange() }
            if try self.checkedIsWorkingDay(current) {
                counted += 1
                if counted >= number { return current }
            }
        }
        throw DomainError.failedPrecondition(
            "no \(number) working days within \(Self.searchLimitDays) days after \(date): check the holiday calendar")
    }

    /// `date` if it is a working day, else the next working day.
    public func firstWorkingDay(onOrAfter date: CivilDate) throws(DomainError) -> CivilDate {
        var current = date
        for _ in 0..<Self.searchLimitDays {
            guard CivilDate.supportedYears.contains(current.year) else { throw self.outOfRange() }
            if try self.checkedIsWorkingDay(current) { return current }
            current = current.adding(days: 1)
        }
        throw DomainError.failedPrecondition(
            "no working day within \(Self.searchLimitDays) days from \(date): check the holiday calendar")
    }

    private func weekendDaysWithoutEntry(from start: CivilDate, through end: CivilDate) -> Int {
        guard start <= end else { return 0 }
        var count = 0
        var current = start
        while current <= end {
            if current.weekday.isWeekend && self.entry(on: current) == nil { count += 1 }
            current = current.adding(days: 1)
        }
        return count
    }

    private func outOfRange() -> DomainError {
        .failedPrecondition("the due date falls outside the years \(CivilDate.supportedYears.lowerBound)–\(CivilDate.supportedYears.upperBound)")
    }
}
