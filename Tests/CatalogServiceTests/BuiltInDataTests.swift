import CatalogService
import DomainModel
import Testing

@Suite("Built-in data: the 2022 Điện Biên units and the 2021–2027 holiday calendar")
struct BuiltInDataTests {
    @Test("1 province, 10 districts (1 city, 1 town, 8 huyện), 129 communes (115 xã, 9 phường, 5 thị trấn)")
    func unitCounts() throws {
        let units = try BuiltInData.units()
        let byLevel = Dictionary(grouping: units, by: \.level)
        #expect(byLevel[.province]?.count == 1)
        #expect(byLevel[.district]?.count == 10)
        #expect(byLevel[.commune]?.count == 129)
        let types = Dictionary(grouping: units, by: \.type).mapValues(\.count)
        #expect(types[.city] == 1 && types[.town] == 1 && types[.district] == 8)
        #expect(types[.commune] == 115 && types[.ward] == 9 && types[.township] == 5)
        #expect(units.first { $0.code.rawValue == "11" }?.name == "Tỉnh Điện Biên")
        #expect(units.first { $0.code.rawValue == "03162" }?.parentCode?.rawValue == "096")
        #expect(units.allSatisfy { $0.validity == Validity(from: BuiltInData.unitsValidFrom) })
    }

    @Test("The calendar covers 2021–2027 and has the 2022 days off of the domain brief")
    func calendar() throws {
        let days = try BuiltInData.calendarDays()
        let calendar = WorkingCalendar(days: days)
        #expect(calendar.coveredYears == Array(2021...2027))
        #expect(calendar.entry(on: date(2022, 1, 3))?.kind == .compensatoryDayOff)
        let tet2022 = (0..<5).map { date(2022, 1, 31).adding(days: $0) }
        #expect(tet2022.allSatisfy { calendar.entry(on: $0)?.kind == .publicHoliday })
        #expect(calendar.entry(on: date(2024, 5, 4))?.kind == .makeUpWorkingDay)
        #expect(days.allSatisfy { $0.violations().isEmpty })
        #expect(zip(days, days.dropFirst()).allSatisfy { $0.date < $1.date })
    }

    @Test("The seed holds the units, the calendar and, unless left out, the demo catalog")
    func seed() throws {
        let full = try BuiltInData.seed()
        #expect(full.units.count == 140)
        #expect(full.procedures.count == DemoCatalog.procedureCount)
        let bare = try BuiltInData.seed(includeDemoCatalog: false)
        #expect(bare.procedures.isEmpty)
        #expect(bare.calendarDays == full.calendarDays)
    }
}
