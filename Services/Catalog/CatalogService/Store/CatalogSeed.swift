public import DomainModel

/// The data a fresh catalog starts with: the built-in unit list, the holiday calendar and, unless disabled, the
/// demo procedure catalog.
public struct CatalogSeed: Sendable {
    public var units: [AdministrativeUnit]
    public var calendarDays: [CalendarDay]
    public var procedures: [Procedure]

    public init(units: [AdministrativeUnit], calendarDays: [CalendarDay], procedures: [Procedure]) {
        self.units = units
        self.calendarDays = calendarDays
        self.procedures = procedures
    }
}

/// What seeding wrote.
public struct SeedReport: Hashable, Sendable {
    public var units: Int
    public var calendarDays: Int
    public var procedures: Int

    public init(units: Int, calendarDays: Int, procedures: Int) {
        self.units = units
        self.calendarDays = calendarDays
        self.procedures = procedures
    }
}
