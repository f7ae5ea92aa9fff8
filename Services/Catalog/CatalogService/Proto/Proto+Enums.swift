internal import DomainModel
internal import RPCProtobuf

/// Mapping between the proto enumerations and the domain's. `UNSPECIFIED` maps to nil (the caller decides whether
/// that means "any" or "missing"); a number the proto does not define is a violation of the field.
extension Motcua_Catalog_V1_UnitLevel {
    init(_ level: UnitLevel) {
        switch level {
        case .province: self = .province
        case .district: self = .district
        case .commune: self = .commune
        }
    }

    func domain(field: String) throws(DomainError) -> UnitLevel? {
        switch self {
        case .unspecified: return nil
        case .province: return .province
        case .district: return .district
        case .commune: return .commune
        default: throw unknownValue(field, self.rawValue)
        }
    }
}

extension Motcua_Catalog_V1_UnitType {
    init(_ type: UnitType) {
        switch type {
        case .province: self = .province
        case .city: self = .city
        case .town: self = .town
        case .district: self = .district
        case .commune: self = .commune
        case .ward: self = .ward
        case .township: self = .township
        }
    }

    func domain(field: String) throws(DomainError) -> UnitType? {
        switch self {
        case .unspecified: return nil
        case .province: return .province
        case .city: return .city
        case .town: return .town
        case .district: return .district
        case .commune: return .commune
        case .ward: return .ward
        case .township: return .township
        default: throw unknownValue(field, self.rawValue)
        }
    }
}

extension Motcua_Catalog_V1_ImplementingLevel {
    init(_ level: ImplementingLevel) {
        switch level {
        case .province: self = .province
        case .district: self = .district
        case .commune: self = .commune
        }
    }

    func domain(field: String) throws(DomainError) -> ImplementingLevel? {
        switch self {
        case .unspecified: return nil
        case .province: return .province
        case .district: return .district
        case .commune: return .commune
        default: throw unknownValue(field, self.rawValue)
        }
    }
}

extension Motcua_Catalog_V1_OnlineScheme {
    init(_ scheme: OnlineScheme) {
        switch scheme {
        case .fullProcess: self = .fullProcess
        case .partial: self = .partial
        case .notOnline: self = .none
        }
    }

    func domain(field: String) throws(DomainError) -> OnlineScheme? {
        switch self {
        case .unspecified: return nil
        case .fullProcess: return .fullProcess
        case .partial: return .partial
        case .none: return .notOnline
        default: throw unknownValue(field, self.rawValue)
        }
    }
}

extension Motcua_Catalog_V1_DeadlineUnit {
    init(_ unit: DeadlineUnit) {
        switch unit {
        case .workingDays: self = .workingDays
        case .calendarDays: self = .calendarDays
        case .hours: self = .hours
        case .months: self = .months
        }
    }

    func domain(field: String) throws(DomainError) -> DeadlineUnit? {
        switch self {
        case .unspecified: return nil
        case .workingDays: return .workingDays
        case .calendarDays: return .calendarDays
        case .hours: return .hours
        case .months: return .months
        default: throw unknownValue(field, self.rawValue)
        }
    }
}

extension Motcua_Catalog_V1_CalendarDayKind {
    init(_ kind: CalendarDayKind) {
        switch kind {
        case .publicHoliday: self = .publicHoliday
        case .compensatoryDayOff: self = .compensatoryDayOff
        case .swappedDayOff: self = .swappedDayOff
        case .makeUpWorkingDay: self = .makeUpWorkingDay
        }
    }

    func domain(field: String) throws(DomainError) -> CalendarDayKind? {
        switch self {
        case .unspecified: return nil
        case .publicHoliday: return .publicHoliday
        case .compensatoryDayOff: return .compensatoryDayOff
        case .swappedDayOff: return .swappedDayOff
        case .makeUpWorkingDay: return .makeUpWorkingDay
        default: throw unknownValue(field, self.rawValue)
        }
    }
}

extension Motcua_Catalog_V1_ChangeAction {
    init(_ action: CatalogChange.Action) {
        switch action {
        case .created: self = .created
        case .updated: self = .updated
        case .removed: self = .removed
        }
    }
}

private func unknownValue(_ field: String, _ value: Int32) -> DomainError {
    DomainError.invalid(field: field, "unknown value \(value)")
}

/// Runs a conversion that throws one `DomainError` and turns it into its violations (none on success).
func collectingViolations<T>(_ body: () throws(DomainError) -> T) -> (T?, [FieldViolation]) {
    do {
        return (try body(), [])
    } catch {
        return (nil, error.violations.isEmpty ? [FieldViolation(field: "", reason: error.message)] : error.violations)
    }
}
