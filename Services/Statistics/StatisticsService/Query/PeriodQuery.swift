internal import DomainModel
internal import RPCProtobuf

/// A validated period [from, to) of a request.
struct PeriodQuery: Hashable, Sendable {
    /// The longest period accepted, in days.
    static let maximumDays = 3660

    var from: CivilDate
    var to: CivilDate

    var fromDay: Int { self.from.daysSinceEpoch }
    var toDay: Int { self.to.daysSinceEpoch }
    /// The period's last day.
    var lastDay: CivilDate { self.to.adding(days: -1) }

    /// Parses `field` (e.g. `period`).
    ///
    /// - Throws: ``DomainError`` `invalidArgument` naming `period`, `period.from_date` or `period.to_date`.
    init(_ period: Motcua_Statistics_V1_Period?, field: String = "period") throws(DomainError) {
        guard let period else { throw DomainError.invalid(field: field, "is required") }
        guard let fromDate = period.fromDate else { throw DomainError.invalid(field: "\(field).from_date", "is required") }
        guard let toDate = period.toDate else { throw DomainError.invalid(field: "\(field).to_date", "is required") }
        let from = try fromDate.parsed(field: "\(field).from_date")
        let to = try toDate.parsed(field: "\(field).to_date")
        guard from < to else {
            throw DomainError.invalid(field: "\(field).to_date", "must be after from_date (\(from)): the period is [from_date, to_date) (got \(to))")
        }
        guard from.days(until: to) <= Self.maximumDays else {
            throw DomainError.invalid(field: "\(field).to_date", "the period must be at most \(Self.maximumDays) days (got \(from.days(until: to)))")
        }
        self.from = from
        self.to = to
    }

    init(from: CivilDate, to: CivilDate) {
        self.from = from
        self.to = to
    }

    var proto: Motcua_Statistics_V1_Period {
        var period = Motcua_Statistics_V1_Period()
        period.fromDate = Motcua_Catalog_V1_Date(self.from)
        period.toDate = Motcua_Catalog_V1_Date(self.to)
        return period
    }
}

/// Parses a unit code field.
func parseUnitCode(_ text: String, field: String) throws(DomainError) -> String {
    guard UnitCode(text) != nil else {
        throw DomainError.invalid(
            field: field, text.isEmpty ? "is required" : "must be a GSO code of 2, 3 or 5 digits (got \"\(text.prefix(40))\")")
    }
    return text
}
