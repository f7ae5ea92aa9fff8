import DomainModel
import Testing

@Suite("Holiday calendar entries and working days")
struct CalendarDayTests {
    @Test("Working days: Monday to Friday unless an entry says otherwise")
    func workingDays() {
        let calendar = TestCalendar.calendar
        #expect(calendar.isWorkingDay(date(2022, 3, 7)))  // Monday
        #expect(!calendar.isWorkingDay(date(2022, 3, 5)))  // Saturday
        #expect(!calendar.isWorkingDay(date(2022, 3, 6)))  // Sunday
        #expect(!calendar.isWorkingDay(date(2022, 2, 1)))  // Tết
        #expect(!calendar.isWorkingDay(date(2022, 1, 3)))  // compensatory
        #expect(calendar.isWorkingDay(date(2024, 5, 4)))  // make-up Saturday
        #expect(calendar.coveredYears == [2021, 2022, 2024])
        #expect(calendar.covers(year: 2022))
        #expect(!calendar.covers(year: 2023))
    }

    @Test("Days off in a range")
    func daysOff() {
        let off = TestCalendar.calendar.daysOff(from: date(2024, 4, 1), through: date(2024, 5, 31))
        #expect(off.map(\.date) == [date(2024, 4, 29), date(2024, 4, 30), date(2024, 5, 1)])
        #expect(TestCalendar.calendar.daysOff(from: date(2022, 2, 5), through: date(2022, 2, 1)).isEmpty)
    }

    @Test("Entry rules: days off replace weekdays, make-up days replace weekends")
    func entryRules() {
        #expect(CalendarDay(date: date(2022, 1, 3), kind: .compensatoryDayOff, name: "Nghỉ bù").violations().isEmpty)
        #expect(CalendarDay(date: date(2022, 1, 1), kind: .publicHoliday, name: "Tết Dương lịch").violations().isEmpty)
        let weekendCompensation = CalendarDay(date: date(2022, 1, 2), kind: .compensatoryDayOff, name: "Nghỉ bù").violations()
        #expect(weekendCompensation.map(\.field) == ["kind"])
        let weekdayMakeUp = CalendarDay(date: date(2024, 5, 3), kind: .makeUpWorkingDay, name: "Làm bù").violations()
        #expect(weekdayMakeUp.map(\.field) == ["kind"])
        #expect(CalendarDay(date: date(2022, 1, 1), kind: .publicHoliday, name: " ").violations().map(\.field) == ["name"])
        #expect(CalendarDay(date: date(2022, 1, 1), kind: .publicHoliday, name: " Tết").violations().map(\.field) == ["name"])
        let long = CalendarDay(date: date(2022, 1, 1), kind: .publicHoliday, name: String(repeating: "x", count: 201))
        #expect(long.violations().map(\.field) == ["name"])
    }

    @Test("A later entry for the same date wins")
    func laterEntryWins() {
        let calendar = WorkingCalendar(days: [
            CalendarDay(date: date(2022, 3, 7), kind: .publicHoliday, name: "A"),
            CalendarDay(date: date(2022, 3, 7), kind: .swappedDayOff, name: "B"),
        ])
        #expect(calendar.entry(on: date(2022, 3, 7))?.name == "B")
        #expect(calendar.days.count == 1)
    }
}
