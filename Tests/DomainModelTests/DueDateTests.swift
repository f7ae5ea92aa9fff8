import DomainModel
import Testing

@Suite("Due dates on the Vietnamese working-day calendar")
struct DueDateTests {
    let calendar = TestCalendar.calendar

    @Test("Tết 2022: received Friday 28 January with 3 working days is due Wednesday 9 February")
    func tet2022() throws {
        let due = try calendar.dueDate(receivedAt: vietnamInstant(2022, 1, 28, 10), deadline: .workingDays(3))
        #expect(due.dueDate == date(2022, 2, 9))
        #expect(due.receivedOn == date(2022, 1, 28))
        #expect(due.dueAt == VietnamTime.endOfDay(date(2022, 2, 9)))
        #expect(due.daysOff.map(\.date) == [date(2022, 1, 31), date(2022, 2, 1), date(2022, 2, 2), date(2022, 2, 3), date(2022, 2, 4)])
        #expect(due.weekendDays == 4)
        #expect(due.explanation.contains("due 2022-02-09"))
    }

    @Test("Compensatory day: received Friday 31 December 2021 with 1 working day is due Tuesday 4 January 2022")
    func compensatoryDay() throws {
        let due = try calendar.dueDate(receivedAt: vietnamInstant(2021, 12, 31, 15), deadline: .workingDays(1))
        #expect(due.dueDate == date(2022, 1, 4))
        #expect(due.daysOff.map(\.kind) == [.publicHoliday, .compensatoryDayOff])
    }

    @Test("Weekends are skipped", arguments: [
        // (received, working days, due)
        (date(2022, 3, 4), 1, date(2022, 3, 7)),  // Friday → Monday
        (date(2022, 3, 4), 5, date(2022, 3, 11)),
        (date(2022, 3, 7), 1, date(2022, 3, 8)),  // Monday → Tuesday
        (date(2022, 3, 7), 10, date(2022, 3, 21)),
        (date(2022, 3, 5), 1, date(2022, 3, 7)),  // received on a Saturday (online) → Monday
        (date(2022, 3, 6), 2, date(2022, 3, 8)),  // received on a Sunday
    ])
    func weekends(received: CivilDate, days: Int, due: CivilDate) throws {
        let result = try calendar.dueDate(receivedAt: vietnamInstant(received.year, received.month, received.day), deadline: .workingDays(days))
        #expect(result.dueDate == due)
    }

    @Test("The time of receipt does not matter: the day of receipt is never counted")
    func timeOfReceipt() throws {
        for hour in [0, 7, 11, 16, 17, 23] {
            let due = try calendar.dueDate(receivedAt: vietnamInstant(2022, 3, 8, hour, 59), deadline: .workingDays(1))
            #expect(due.dueDate == date(2022, 3, 9), "received at \(hour):59")
        }
    }

    @Test("Receipt day is the date in Vietnam, not in UTC")
    func receiptDayInVietnam() throws {
        // 2022-03-07T18:00:00Z is 01:00 on Tuesday 8 March in Vietnam.
        let instant = try #require(UnixInstant(seconds: Int64(date(2022, 3, 7).daysSinceEpoch) * 86_400 + 18 * 3600))
        let due = try calendar.dueDate(receivedAt: instant, deadline: .workingDays(1))
        #expect(due.receivedOn == date(2022, 3, 8))
        #expect(due.dueDate == date(2022, 3, 9))
    }

    @Test("Hùng Kings 2022 on a Sunday gives Monday 11 April off")
    func hungKings() throws {
        let due = try calendar.dueDate(receivedAt: vietnamInstant(2022, 4, 8), deadline: .workingDays(1))
        #expect(due.dueDate == date(2022, 4, 12))
    }

    @Test("30/4–1/5 2022 on a weekend: two compensatory days")
    func reunificationDay() throws {
        let due = try calendar.dueDate(receivedAt: vietnamInstant(2022, 4, 29), deadline: .workingDays(1))
        #expect(due.dueDate == date(2022, 5, 4))
    }

    @Test("A swapped day off is skipped and a make-up Saturday counts (2024)")
    func swappedDays() throws {
        let swapped = try calendar.dueDate(receivedAt: vietnamInstant(2024, 4, 26), deadline: .workingDays(1))
        #expect(swapped.dueDate == date(2024, 5, 2))
        let makeUp = try calendar.dueDate(receivedAt: vietnamInstant(2024, 5, 3), deadline: .workingDays(1))
        #expect(makeUp.dueDate == date(2024, 5, 4))
        #expect(calendar.isWorkingDay(date(2024, 5, 4)))
        #expect(!calendar.isWorkingDay(date(2024, 4, 29)))
    }

    @Test("A long deadline crosses Tết and the year boundary")
    func longDeadline() throws {
        // 15 working days from Monday 10 January 2022: 11–14, 17–21, 24–28 January (14 days), then Tết, 7 February.
        let due = try calendar.dueDate(receivedAt: vietnamInstant(2022, 1, 10), deadline: .workingDays(15))
        #expect(due.dueDate == date(2022, 2, 7))
        let crossing = try calendar.dueDate(receivedAt: vietnamInstant(2021, 12, 24), deadline: .workingDays(5))
        #expect(crossing.dueDate == date(2021, 12, 31))  // Monday 27 to Friday 31 December
        let newYear = try calendar.dueDate(receivedAt: vietnamInstant(2021, 12, 29), deadline: .workingDays(3))
        #expect(newYear.dueDate == date(2022, 1, 4))  // 30, 31 December, (1–3 January off), 4 January
    }

    @Test("Calendar days end on the day, or on the next working day")
    func calendarDays() throws {
        let plain = try calendar.dueDate(receivedAt: vietnamInstant(2022, 3, 1), deadline: LegalDeadline(amount: 15, unit: .calendarDays))
        #expect(plain.dueDate == date(2022, 3, 16))
        // 28 January + 3 days = 31 January, a Tết holiday: the next working day is Monday 7 February.
        let rolled = try calendar.dueDate(receivedAt: vietnamInstant(2022, 1, 28), deadline: LegalDeadline(amount: 3, unit: .calendarDays))
        #expect(rolled.dueDate == date(2022, 2, 7))
        #expect(rolled.explanation.contains("Tết Nguyên đán"))
        // A Saturday end moves to Monday.
        let weekend = try calendar.dueDate(receivedAt: vietnamInstant(2022, 3, 1), deadline: LegalDeadline(amount: 4, unit: .calendarDays))
        #expect(weekend.dueDate == date(2022, 3, 7))
    }

    @Test("Months end on the same day of the month, clamped, then rolled to a working day")
    func months() throws {
        let plain = try calendar.dueDate(receivedAt: vietnamInstant(2022, 3, 15), deadline: LegalDeadline(amount: 1, unit: .months))
        #expect(plain.dueDate == date(2022, 4, 15))
        let clamped = try calendar.dueDate(receivedAt: vietnamInstant(2022, 1, 31), deadline: LegalDeadline(amount: 1, unit: .months))
        #expect(clamped.dueDate == date(2022, 2, 28))
        let rolled = try calendar.dueDate(receivedAt: vietnamInstant(2022, 3, 10), deadline: LegalDeadline(amount: 1, unit: .months))
        #expect(rolled.dueDate == date(2022, 4, 12))  // 10 April is Hùng Kings (Sunday), 11 April compensatory
    }

    @Test("Hours run from the instant of receipt, days off included")
    func hours() throws {
        let received = vietnamInstant(2022, 1, 28, 16, 30)
        let due = try calendar.dueDate(receivedAt: received, deadline: LegalDeadline(amount: 24, unit: .hours))
        #expect(due.dueAt.seconds == received.seconds + 86_400)
        #expect(due.dueDate == date(2022, 1, 29))
        // Hours need no calendar data.
        let uncovered = try calendar.dueDate(receivedAt: vietnamInstant(2030, 1, 1), deadline: LegalDeadline(amount: 8, unit: .hours))
        #expect(uncovered.dueDate == date(2030, 1, 1))
    }

    @Test("Years without calendar data are refused, not guessed")
    func uncoveredYear() {
        let error = #expect(throws: DomainError.self) {
            try calendar.dueDate(receivedAt: vietnamInstant(2023, 3, 1), deadline: .workingDays(3))
        }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("2023") == true)
        // The end of a covered year running into an uncovered one.
        let crossing = #expect(throws: DomainError.self) {
            try calendar.dueDate(receivedAt: vietnamInstant(2022, 12, 29), deadline: .workingDays(3))
        }
        #expect(crossing?.code == .failedPrecondition)
    }

    @Test("Amounts out of range are invalid arguments", arguments: [
        LegalDeadline(amount: 0, unit: .workingDays), LegalDeadline(amount: -3, unit: .workingDays),
        LegalDeadline(amount: 366, unit: .workingDays), LegalDeadline(amount: 3651, unit: .calendarDays),
        LegalDeadline(amount: 8761, unit: .hours), LegalDeadline(amount: 121, unit: .months),
    ])
    func invalidAmounts(deadline: LegalDeadline) {
        let error = #expect(throws: DomainError.self) {
            try calendar.dueDate(receivedAt: vietnamInstant(2022, 3, 1), deadline: deadline)
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.violations.first?.field == "deadline.amount")
    }

    @Test("An empty calendar covers nothing")
    func emptyCalendar() {
        let empty = WorkingCalendar(days: [])
        #expect(empty.coveredYears.isEmpty)
        #expect(throws: DomainError.self) { try empty.dueDate(receivedAt: vietnamInstant(2022, 3, 1), deadline: .workingDays(1)) }
    }

    @Test("A calendar where nothing is a working day fails instead of looping")
    func noWorkingDays() {
        var days: [CalendarDay] = []
        var current = date(2022, 1, 1)
        while current.year == 2022 {
            days.append(CalendarDay(date: current, kind: .publicHoliday, name: "Nghỉ"))
            current = current.adding(days: 1)
        }
        let closed = WorkingCalendar(days: days)
        let error = #expect(throws: DomainError.self) { try closed.dueDate(receivedAt: vietnamInstant(2022, 3, 1), deadline: .workingDays(1)) }
        #expect(error?.code == .failedPrecondition)
    }
}
