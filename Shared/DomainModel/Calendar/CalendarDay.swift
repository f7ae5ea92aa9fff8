/// An entry of the holiday calendar. Dates without an entry are working days from Monday to Friday.
public struct CalendarDay: Hashable, Sendable {
    /// Longest accepted ``name``, in characters.
    public static let maximumNameLength = 200

    public var date: CivilDate
    public var kind: CalendarDayKind
    /// Vietnamese name, e.g. `Tết Nguyên đán`.
    public var name: String

    public init(date: CivilDate, kind: CalendarDayKind, name: String) {
        self.date = date
        self.kind = kind
        self.name = name
    }

    /// What is wrong with the entry, with field names relative to the entry.
    ///
    /// Compensatory and swapped days off replace a working day, so they must fall from Monday to Friday; a
    /// make-up working day replaces a weekly day off, so it must fall on a Saturday or Sunday. A public holiday
    /// may fall on any day (a weekend holiday is what gives rise to a compensatory day).
    public func violations() -> [FieldViolation] {
        var problems: [FieldViolation] = []
        let trimmed = self.name.trimmingWhitespace
        if trimmed.isEmpty {
            problems.append(FieldViolation(field: "name", reason: "is required"))
        } else if self.name.count > Self.maximumNameLength {
            problems.append(FieldViolation(field: "name", reason: "must be at most \(Self.maximumNameLength) characters"))
        } else if trimmed != self.name {
            problems.append(FieldViolation(field: "name", reason: "must not start or end with spaces"))
        }
        let weekday = self.date.weekday
        switch self.kind {
        case .compensatoryDayOff, .swappedDayOff:
            if weekday.isWeekend {
                problems.append(FieldViolation(
                    field: "kind", reason: "a \(self.kind.rawValue) must fall from Monday to Friday (\(self.date) is a \(weekday.name))"))
            }
        case .makeUpWorkingDay:
            if !weekday.isWeekend {
                problems.append(FieldViolation(
                    field: "kind", reason: "a make_up_working_day must fall on a Saturday or Sunday (\(self.date) is a \(weekday.name))"))
            }
        case .publicHoliday:
            break
        }
        return problems
    }
}
