import DomainModel
import Testing

@Suite("CivilDate")
struct CivilDateTests {
    @Test("Day numbers of known dates")
    func knownDayNumbers() {
        #expect(date(1970, 1, 1).daysSinceEpoch == 0)
        #expect(date(1969, 12, 31).daysSinceEpoch == -1)
        #expect(date(2000, 3, 1).daysSinceEpoch == 11_017)
        #expect(date(2022, 1, 28).daysSinceEpoch == 19_020)
        #expect(date(1, 1, 1).daysSinceEpoch == -719_162)
        #expect(date(9999, 12, 31).daysSinceEpoch == 2_932_896)
    }

    @Test("Day numbers round-trip over four centuries and around the epoch")
    func roundTrip() {
        for day in stride(from: -800_000, through: 3_000_000, by: 997) {
            #expect(CivilDate(daysSinceEpoch: day).daysSinceEpoch == day)
        }
        var previous = CivilDate(daysSinceEpoch: 10_000)
        for day in 10_001...10_800 {
            let current = CivilDate(daysSinceEpoch: day)
            #expect(previous < current)
            #expect(previous.adding(days: 1) == current)
            previous = current
        }
    }

    @Test("Weekdays", arguments: [
        (date(1970, 1, 1), Weekday.thursday), (date(2021, 12, 31), .friday), (date(2022, 1, 1), .saturday),
        (date(2022, 1, 28), .friday), (date(2022, 2, 9), .wednesday), (date(2024, 5, 4), .saturday),
        (date(1969, 12, 28), .sunday), (date(2000, 2, 29), .tuesday),
    ])
    func weekdays(date: CivilDate, weekday: Weekday) {
        #expect(date.weekday == weekday)
    }

    @Test("Invalid dates are rejected", arguments: [
        (2022, 2, 29), (2100, 2, 29), (2022, 4, 31), (2022, 13, 1), (2022, 0, 10), (2022, 1, 0), (0, 1, 1), (10_000, 1, 1),
    ])
    func invalid(year: Int, month: Int, day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test("Leap years")
    func leapYears() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(!CivilDate.isLeapYear(1900))
        #expect(CivilDate.isLeapYear(2000))
        #expect(!CivilDate.isLeapYear(2023))
    }

    @Test("Adding months keeps the day or takes the month's last day")
    func addingMonths() {
        #expect(date(2022, 1, 31).adding(months: 1) == date(2022, 2, 28))
        #expect(date(2024, 1, 31).adding(months: 1) == date(2024, 2, 29))
        #expect(date(2022, 1, 15).adding(months: 1) == date(2022, 2, 15))
        #expect(date(2022, 11, 30).adding(months: 3) == date(2023, 2, 28))
        #expect(date(2022, 3, 31).adding(months: -1) == date(2022, 2, 28))
        #expect(date(2022, 5, 10).adding(months: 120) == date(2032, 5, 10))
    }

    @Test("ISO 8601 text")
    func iso8601() {
        #expect(date(2022, 2, 9).iso8601 == "2022-02-09")
        #expect(date(5, 1, 1).iso8601 == "0005-01-01")
        #expect(CivilDate(iso8601: "2022-02-09") == date(2022, 2, 9))
        for bad in ["2022-2-09", "2022-02-30", "20220209", "2022-02-09T00:00", "abcd-ef-gh", "", "+022-02-09"] {
            #expect(CivilDate(iso8601: bad) == nil, "\(bad)")
        }
    }

    @Test("Days between dates")
    func daysUntil() {
        #expect(date(2022, 1, 28).days(until: date(2022, 2, 9)) == 12)
        #expect(date(2022, 2, 9).days(until: date(2022, 1, 28)) == -12)
    }
}
