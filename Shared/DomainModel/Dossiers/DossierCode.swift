/// A dossier code (mã số hồ sơ), `UNITCODE-YYMMDD-NNNN` after Circular 01/2018/TT-VPCP Art. 19: the GSO code of
/// the receiving unit, the date of receipt in Vietnam (UTC+7), and the unit's sequence number of that day.
///
/// The number has 4 digits, zero-padded (`0001` … `9999`); a unit receiving more than 9,999 dossiers in a day gets
/// wider numbers (`10000`) rather than a refusal. Two-digit years are read as 2000–2099.
public struct DossierCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Digits of the daily number, at least.
    public static let minimumNumberDigits = 4
    /// The years a code can name.
    public static let supportedYears: ClosedRange<Int> = 2000...2099

    public let unitCode: UnitCode
    /// The date of receipt in Vietnam.
    public let receiptDate: CivilDate
    /// The unit's sequence number of the day, from 1.
    public let number: Int

    /// A code, or nil when the year is outside ``supportedYears`` or the number is below 1.
    public init?(unitCode: UnitCode, receiptDate: CivilDate, number: Int) {
        guard Self.supportedYears.contains(receiptDate.year), number >= 1, number <= 999_999_999 else { return nil }
        self.unitCode = unitCode
        self.receiptDate = receiptDate
        self.number = number
    }

    /// Parses a code in its canonical form (as ``rawValue`` writes it), or nil.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let unit = UnitCode(String(parts[0])) else { return nil }
        let day = parts[1].utf8
        let digits = parts[2].utf8
        guard day.count == 6, day.allSatisfy(Self.isDigit), digits.count >= Self.minimumNumberDigits, digits.count <= 9,
            digits.allSatisfy(Self.isDigit), digits.count == Self.minimumNumberDigits || digits.first != UInt8(ascii: "0"),
            let yymmdd = Int(parts[1]), let number = Int(parts[2]),
            let date = CivilDate(year: 2000 + yymmdd / 10000, month: yymmdd / 100 % 100, day: yymmdd % 100)
        else { return nil }
        self.init(unitCode: unit, receiptDate: date, number: number)
    }

    /// Parses a code, or throws an `invalidArgument` error for `field`.
    public static func parse(_ text: String, field: String) throws(DomainError) -> DossierCode {
        if let code = DossierCode(text) { return code }
        throw DomainError.invalid(
            field: field,
            text.isEmpty ? "is required" : "must look like UNITCODE-YYMMDD-NNNN, e.g. 03162-220128-0001 (got \"\(text.prefix(60))\")")
    }

    /// `03162-220128-0001`.
    public var rawValue: String {
        let date = self.receiptDate
        return "\(self.unitCode.rawValue)-\(Self.padded(date.year % 100, 2))\(Self.padded(date.month, 2))\(Self.padded(date.day, 2))-"
            + Self.padded(self.number, Self.minimumNumberDigits)
    }

    public var description: String { self.rawValue }

    /// By unit, then date, then number.
    public static func < (lhs: DossierCode, rhs: DossierCode) -> Bool {
        (lhs.unitCode, lhs.receiptDate, lhs.number) < (rhs.unitCode, rhs.receiptDate, rhs.number)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
