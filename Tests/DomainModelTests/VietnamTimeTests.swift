import DomainModel
import Testing

@Suite("Vietnam time and instants")
struct VietnamTimeTests {
    @Test("Dates change at midnight UTC+7, not at midnight UTC")
    func dayBoundary() throws {
        // 2022-01-27T16:59:59Z is 23:59:59 on 27 January in Vietnam; a second later it is 28 January.
        let before = try #require(UnixInstant(seconds: 1_643_302_799))
        let after = try #require(UnixInstant(seconds: 1_643_302_800))
        #expect(VietnamTime.date(of: before) == date(2022, 1, 27))
        #expect(VietnamTime.date(of: after) == date(2022, 1, 28))
    }

    @Test("Start and end of a day in Vietnam")
    func startAndEnd() {
        #expect(VietnamTime.startOfDay(date(2022, 1, 28)).seconds == 1_643_302_800)
        #expect(VietnamTime.endOfDay(date(2022, 2, 9)).description == "2022-02-09T16:59:59Z")
        #expect(VietnamTime.date(of: VietnamTime.endOfDay(date(2022, 2, 9))) == date(2022, 2, 9))
        #expect(VietnamTime.date(of: VietnamTime.startOfDay(date(2022, 2, 9))) == date(2022, 2, 9))
    }

    @Test("Instants before 1970")
    func beforeEpoch() throws {
        let instant = try #require(UnixInstant(seconds: -1))
        #expect(VietnamTime.date(of: instant) == date(1970, 1, 1))  // 06:59:59 in Vietnam
        let earlier = try #require(UnixInstant(seconds: -25_201))
        #expect(VietnamTime.date(of: earlier) == date(1969, 12, 31))
    }

    @Test("Instant bounds are those of google.protobuf.Timestamp")
    func bounds() {
        #expect(UnixInstant(seconds: -62_135_596_800) != nil)
        #expect(UnixInstant(seconds: -62_135_596_801) == nil)
        #expect(UnixInstant(seconds: 253_402_300_799) != nil)
        #expect(UnixInstant(seconds: 253_402_300_800) == nil)
        #expect(UnixInstant(seconds: 0, nanoseconds: 1_000_000_000) == nil)
        #expect(UnixInstant(seconds: 0, nanoseconds: -1) == nil)
        #expect(UnixInstant(seconds: 253_402_300_000)?.adding(seconds: .max).seconds == 253_402_300_799)
    }

    @Test("Description is UTC ISO 8601")
    func description() {
        #expect(vietnamInstant(2022, 1, 28, 9, 30).description == "2022-01-28T02:30:00Z")
    }
}
