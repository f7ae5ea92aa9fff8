internal import Foundation
public import DomainModel

/// The data the catalog ships with, read from the service's resources: the 2022 Điện Biên unit list (GSO) and
/// the 2021–2027 holiday calendar. The files are data, not code: edit them (or, at run time, use UpsertUnits and
/// SetCalendarDays) without touching the parser.
public enum BuiltInData {
    /// Resource with the units: `level,code,name,type,parent_code`.
    public static let unitsFile = "dien-bien-units-2022.csv"
    /// Resource with the calendar: `date,kind,name`.
    public static let calendarFile = "vietnam-days-off-2021-2027.csv"

    /// The first day the built-in unit list is in force. The GSO snapshots of 01/11/2021 and 10/04/2022 hold the same
    /// list (domain brief, section 5); the exact date of the last earlier change is not confirmed, so the list is
    /// given from the first day of the calendar the catalog ships (2021), open-ended.
    public static let unitsValidFrom = CivilDate(year: 2021, month: 1, day: 1)!

    /// Everything a fresh catalog starts with; the demo procedures unless `includeDemoCatalog` is false.
    public static func seed(includeDemoCatalog: Bool = true) throws(BuiltInDataError) -> CatalogSeed {
        CatalogSeed(
            units: try self.units(),
            calendarDays: try self.calendarDays(),
            procedures: includeDemoCatalog ? DemoCatalog.procedures() : [])
    }

    /// The 2022 administrative units of Điện Biên: 1 province, 10 districts, 129 communes.
    public static func units() throws(BuiltInDataError) -> [AdministrativeUnit] {
        let file = self.unitsFile
        let table = try CSVTable(
            text: try self.resourceText(file), file: file, columns: 5, header: ["level", "code", "name", "type", "parent_code"])
        var units: [AdministrativeUnit] = []
        for record in table.records {
            let fields = record.fields
            func fail(_ reason: String) -> BuiltInDataError { BuiltInDataError(file: file, line: record.line, reason: reason) }
            guard let level = UnitLevel(rawValue: fields[0]) else { throw fail("unknown level \(fields[0])") }
            guard let code = UnitCode(fields[1]) else { throw fail("malformed code \(fields[1])") }
            guard let type = UnitType(vietnameseName: fields[3]) else { throw fail("unknown type \(fields[3])") }
            var parent: UnitCode?
            if !fields[4].isEmpty {
                guard let parsed = UnitCode(fields[4]) else { throw fail("malformed parent_code \(fields[4])") }
                parent = parsed
            }
            let unit = AdministrativeUnit(
                code: code, name: fields[2], level: level, type: type, parentCode: parent,
                validity: Validity(from: self.unitsValidFrom))
            if let problem = unit.violations().first { throw fail(problem.description) }
            units.append(unit)
        }
        if let problem = UnitVersionRules.violations(incoming: units, existing: []).first {
            throw BuiltInDataError(file: file, line: 0, reason: problem.description)
        }
        return units
    }

    /// The holiday calendar, 2021–2027.
    public static func calendarDays() throws(BuiltInDataError) -> [CalendarDay] {
        let file = self.calendarFile
        let table = try CSVTable(text: try self.resourceText(file), file: file, columns: 3, header: ["date", "kind", "name"])
        var seen: Set<CivilDate> = []
        var days: [CalendarDay] = []
        for record in table.records {
            let fields = record.fields
            func fail(_ reason: String) -> BuiltInDataError { BuiltInDataError(file: file, line: record.line, reason: reason) }
            guard let date = CivilDate(iso8601: fields[0]) else { throw fail("malformed date \(fields[0])") }
            guard let kind = CalendarDayKind(rawValue: fields[1]) else { throw fail("unknown kind \(fields[1])") }
            guard seen.insert(date).inserted else { throw fail("\(date) appears twice") }
            let day = CalendarDay(date: date, kind: kind, name: fields[2])
            if let problem = day.violations().first { throw fail(problem.description) }
            days.append(day)
        }
        return days.sorted { $0.date < $1.date }
    }

    static func resourceText(_ file: String) throws(BuiltInDataError) -> String {
        let name = (file as NSString).deletingPathExtension
        let ext = (file as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: name, withExtension: ext) else {
            throw BuiltInDataError(file: file, line: 0, reason: "resource not found in \(Bundle.module.bundlePath)")
        }
        do {
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) else {
                throw BuiltInDataError(file: file, line: 0, reason: "not UTF-8")
            }
            return text
        } catch let error as BuiltInDataError {
            throw error
        } catch {
            throw BuiltInDataError(file: file, line: 0, reason: "cannot read \(url.path): \(error)")
        }
    }
}
