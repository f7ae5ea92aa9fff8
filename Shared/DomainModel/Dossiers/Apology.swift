/// An apology letter with a new appointment date (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04).
public struct Apology: Hashable, Sendable {
    public static let maximumReasonLength = 1000

    /// The new appointment date.
    public var newDate: CivilDate
    /// Why the dossier is late.
    public var reason: String

    public init(newDate: CivilDate, reason: String) {
        self.newDate = newDate
        self.reason = reason
    }

    /// What is wrong with the letter on its own (field names relative to it): a reason is required.
    public func violations() -> [FieldViolation] {
        if self.reason.trimmingWhitespace.isEmpty {
            return [FieldViolation(field: "reason", reason: "is required (the letter must say why the dossier is late)")]
        }
        if self.reason.count > Self.maximumReasonLength {
            return [FieldViolation(field: "reason", reason: "must be at most \(Self.maximumReasonLength) characters")]
        }
        return []
    }

    /// Checks the letter against the dossier it is issued for.
    ///
    /// The new date must be a working day (the desk hands results over on working days), later than the current
    /// appointment (`currentAppointment`: the latest promised date if an apology was issued before, else the due
    /// date) and not before the day the letter is issued.
    ///
    /// - Throws: ``DomainError`` `invalidArgument` naming `apology.new_date` or `apology.reason`;
    ///   `failedPrecondition` when the calendar has no data for the new date's year.
    public func check(currentAppointment: CivilDate, issuedOn: CivilDate, calendar: WorkingCalendar) throws(DomainError) {
        let problems = self.violations().map { $0.nested(under: "apology") }
        guard problems.isEmpty else { throw DomainError.invalid(problems) }
        if self.newDate <= currentAppointment {
            throw DomainError.invalid(
                field: "apology.new_date", "must be later than the current appointment date \(currentAppointment) (got \(self.newDate))")
        }
        if self.newDate < issuedOn {
            throw DomainError.invalid(field: "apology.new_date", "must not be before the day of the apology \(issuedOn) (got \(self.newDate))")
        }
        if try !calendar.checkedIsWorkingDay(self.newDate) {
            let why = calendar.entry(on: self.newDate)?.name ?? self.newDate.weekday.name
            throw DomainError.invalid(field: "apology.new_date", "\(self.newDate) is not a working day (\(why))")
        }
    }
}
