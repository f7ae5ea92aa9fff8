import DomainModel

/// `date(2022, 2, 9)`: a date that is known to be valid.
func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    guard let date = CivilDate(year: year, month: month, day: day) else { fatalError("invalid test date \(year)-\(month)-\(day)") }
    return date
}

/// The instant of a wall-clock time in Vietnam (UTC+7).
func vietnamInstant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 9, _ minute: Int = 0) -> UnixInstant {
    let seconds = Int64(date(year, month, day).daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60) - 7 * 3600
    guard let instant = UnixInstant(seconds: seconds) else { fatalError("instant out of range") }
    return instant
}

/// A procedure code known to be valid.
func code(_ text: String) -> ProcedureCode {
    guard let code = ProcedureCode(text) else { fatalError("invalid test code \(text)") }
    return code
}

/// A unit code known to be valid.
func unitCode(_ text: String) -> UnitCode {
    guard let code = UnitCode(text) else { fatalError("invalid test unit code \(text)") }
    return code
}

/// A valid non-demo procedure.
func sampleProcedure(
    _ text: String, name: String = "Cấp giấy phép thử nghiệm", field: String = "Thử nghiệm", level: ImplementingLevel = .province,
    onlineLevel: OnlineServiceLevel = .fullyOnline, deadline: LegalDeadline = .workingDays(5), fees: [Fee] = []
) -> Procedure {
    Procedure(
        code: code(text), name: name, field: field, implementingLevel: level, onlineLevel: onlineLevel,
        onlineScheme: OnlineScheme.derived(from: onlineLevel), legalDeadline: deadline, fees: fees)
}
