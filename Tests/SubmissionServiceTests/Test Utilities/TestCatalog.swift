import DomainModel
import SubmissionService

/// A small catalog: a few Điện Biên units (2022), four procedures, and the days off of 2021–2022.
enum TestCatalog {
    static let province = AdministrativeUnit(
        code: UnitCode("11")!, name: "Tỉnh Điện Biên", level: .province, type: .province, parentCode: nil, validity: Validity(from: date(2004, 1, 1)))
    static let muongNhe = AdministrativeUnit(
        code: UnitCode("096")!, name: "Huyện Mường Nhé", level: .district, type: .district, parentCode: UnitCode("11"),
        validity: Validity(from: date(2004, 1, 1)))
    static let namKe = commune("03162", "Xã Nậm Kè")
    static let chungChai = commune("03157", "Xã Chung Chải")
    static let sinThau = commune("03154", "Xã Sín Thầu")
    /// A commune that ceased to exist at the end of 2021 (merged).
    static let merged = AdministrativeUnit(
        code: UnitCode("03199")!, name: "Xã Cũ", level: .commune, type: .commune, parentCode: UnitCode("096"),
        validity: Validity(from: date(2004, 1, 1), through: date(2021, 12, 31)))

    static func commune(_ code: String, _ name: String) -> AdministrativeUnit {
        AdministrativeUnit(
            code: UnitCode(code)!, name: name, level: .commune, type: .commune, parentCode: UnitCode("096"),
            validity: Validity(from: date(2004, 1, 1)))
    }

    /// Birth registration: level 4, 3 working days, free.
    static let birth = Procedure(
        code: ProcedureCode("1.001193")!, name: "Đăng ký khai sinh", field: "Hộ tịch", implementingLevel: .commune,
        onlineLevel: .fullyOnline, onlineScheme: .fullProcess, legalDeadline: .workingDays(3))
    /// Marriage registration: level 3, 5 working days, a fee.
    static let marriage = Procedure(
        code: ProcedureCode("1.000894")!, name: "Đăng ký kết hôn", field: "Hộ tịch", implementingLevel: .commune,
        onlineLevel: .onlineSubmission, onlineScheme: .partial, legalDeadline: .workingDays(5),
        fees: [Fee(name: "Lệ phí đăng ký kết hôn", amountVND: 30_000)])
    /// Certified copies: level 2 (no online submission), 8 hours.
    static let copies = Procedure(
        code: ProcedureCode("2.000815")!, name: "Chứng thực bản sao từ bản chính", field: "Chứng thực", implementingLevel: .commune,
        onlineLevel: .downloadableForms, onlineScheme: .notOnline, legalDeadline: LegalDeadline(amount: 8, unit: .hours))
    /// Residence confirmation: 15 calendar days.
    static let residence = Procedure(
        code: ProcedureCode("1.004194")!, name: "Xác nhận thông tin về cư trú", field: "Đăng ký, quản lý cư trú",
        implementingLevel: .commune, onlineLevel: .fullyOnline, onlineScheme: .fullProcess,
        legalDeadline: LegalDeadline(amount: 15, unit: .calendarDays))

    static let days: [CalendarDay] = [
        CalendarDay(date: date(2021, 1, 1), kind: .publicHoliday, name: "Tết Dương lịch"),
        CalendarDay(date: date(2021, 2, 10), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2021, 2, 11), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2021, 2, 12), kind: .publicHoliday, name: "Tết Nguyên đán"),
        CalendarDay(date: date(2021, 2, 15), kind: .compensatoryDayOff, name: "Nghỉ bù Tết Nguyên đán"),
        CalendarDay(date: date(2021, 2, 16), kind: .compensatoryDayOff, name: "Nghỉ bù Tết Nguyên đán"),
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
    ]

    static func gateway() -> InMemoryCatalogGateway {
        InMemoryCatalogGateway(
            procedures: [birth, marriage, copies, residence], units: [province, muongNhe, namKe, chungChai, sinThau, merged],
            calendarDays: days)
    }
}
