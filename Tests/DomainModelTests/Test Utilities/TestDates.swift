import DomainModel

/// `date(2022, 2, 9)`: a date that is known to be valid.
func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    guard let date = CivilDate(year: year, month: month, day: day) else {
        fatalError("invalid test date \(year)-\(month)-\(day)")
    }
    return date
}

/// The instant of a wall-clock time in Vietnam (UTC+7).
func vietnamInstant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 9, _ minute: Int = 0) -> UnixInstant {
    let seconds = Int64(date(year, month, day).daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60) - 7 * 3600
    guard let instant = UnixInstant(seconds: seconds) else { fatalError("instant out of range") }
    return instant
}

/// The official days off of 2021–2022 and 2024 (a swap year), as the shipped calendar has them.
enum TestCalendar {
    static let days: [CalendarDay] = [
        CalendarDay(date: date(2021, 1, 1), kind: .publicHoliday, name: "Tết Dương lịch"),
        CalendarDay(date: date(2021, 2, 10), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2021, 2, 11), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2021, 2, 12), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2021, 2, 13), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2021, 2, 14), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2021, 2, 15), kind: .compensatoryDayOff, name: "Nghỉ bù Tết Nguyên đán"),
        CalendarDay(date: date(2021, 2, 16), kind: .compensatoryDayOff, name: "Nghỉ bù Tết Nguyên đán"),
        CalendarDay(date: date(2021, 4, 21), kind: .publicHoliday, name: "Giỗ Tổ Hùng Vương"),
        CalendarDay(date: date(2021, 4, 30), kind: .publicHoliday, name: "Ngày Chiến thắng"),
        CalendarDay(date: date(2021, 5, 1), kind: .publicHoliday, name: "Ngày Quốc tế Lao động"),
        CalendarDay(date: date(2021, 5, 3), kind: .compensatoryDayOff, name: "Nghỉ bù Ngày Quốc tế Lao động"),
        CalendarDay(date: date(2021, 9, 2), kind: .publicHoliday, name: "Quốc khánh"),
        CalendarDay(date: date(2021, 9, 3), kind: .publicHoliday, name: "Quốc khánh (ngày liền kề)"),
        CalendarDay(date: date(2022, 1, 1), kind: .publicHoliday, name: "Tết Dương lịch"),
        CalendarDay(date: date(2022, 1, 3), kind: .compensatoryDayOff, name: "Nghỉ bù Tết Dương lịch"),
        CalendarDay(date: date(2022, 1, 31), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2022, 2, 1), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2022, 2, 2), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2022, 2, 3), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2022, 2, 4), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2022, 4, 10), kind: .publicHoliday, name: "Giỗ Tổ Hùng Vương"),
        CalendarDay(date: date(2022, 4, 11), kind: .compensatoryDayOff, name: "Nghỉ bù Giỗ Tổ Hùng Vương"),
        CalendarDay(date: date(2022, 4, 30), kind: .publicHoliday, name: "Ngày Chiến thắng"),
        CalendarDay(date: date(2022, 5, 1), kind: .publicHoliday, name: "Ngày Quốc tế Lao động"),
        CalendarDay(date: date(2022, 5, 2), kind: .compensatoryDayOff, name: "Nghỉ bù Ngày Chiến thắng"),
        CalendarDay(date: date(2022, 5, 3), kind: .compensatoryDayOff, name: "Nghỉ bù Ngày Quốc tế Lao động"),
        CalendarDay(date: date(2022, 9, 1), kind: .publicHoliday, name: "Quốc khánh (ngày liền kề)"),
        CalendarDay(date: date(2022, 9, 2), kind: .publicHoliday, name: "Quốc khánh"),
        CalendarDay(date: date(2024, 4, 29), kind: .swappedDayOff, name: "Nghỉ hoán đổi"),
        CalendarDay(date: date(2024, 4, 30), kind: .publicHoliday, name: "Ngày Chiến thắng"),
        CalendarDay(date: date(2024, 5, 1), kind: .publicHoliday, name: "Ngày Quốc tế Lao động"),
        CalendarDay(date: date(2024, 5, 4), kind: .makeUpWorkingDay, name: "Làm bù cho ngày 29/4"),
    ]

    static let calendar = WorkingCalendar(days: days)
}
