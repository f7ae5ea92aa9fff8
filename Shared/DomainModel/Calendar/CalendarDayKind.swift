/// What a holiday-calendar entry does to its date.
public enum CalendarDayKind: String, CaseIterable, Hashable, Sendable {
    /// A public holiday (ngày lễ, Tết; Labour Code 2019, Art. 112): not a working day.
    case publicHoliday = "public_holiday"
    /// A day off given because a holiday fell on a weekly day off (nghỉ bù; Art. 111(3)).
    case compensatoryDayOff = "compensatory_day_off"
    /// A working day given off in exchange for a make-up working day (hoán đổi ngày làm việc).
    case swappedDayOff = "swapped_day_off"
    /// A Saturday or Sunday worked in exchange for a swapped day off (làm bù).
    case makeUpWorkingDay = "make_up_working_day"

    /// Whether the date is a day off.
    public var isDayOff: Bool { self != .makeUpWorkingDay }
}
