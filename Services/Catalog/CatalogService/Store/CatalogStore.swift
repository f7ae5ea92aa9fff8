public import DomainModel

/// Where the catalog lives: units, procedures, the holiday calendar and the change log.
///
/// The handlers only see this protocol, so another engine (PostgreSQL) can be added without touching them.
/// Implementations throw `StorageError` for storage failures and `DomainError` for rule violations they detect
/// in the data (e.g. overlapping unit versions). Every write is one transaction, appends one change-log entry per
/// changed entry and is all-or-nothing.
public protocol CatalogStore: Sendable {
    // MARK: Seeding

    /// Writes the seed in one transaction when the catalog has never been seeded; returns nil when it had been.
    /// `makeSeed` is only called when needed; seeded procedures are stamped with `instant` and revision 0.
    func seedIfNeeded(at instant: UnixInstant, _ makeSeed: @Sendable () throws -> CatalogSeed) async throws -> SeedReport?

    // MARK: Units

    /// The unit versions in force on a date.
    func units(inForceOn date: CivilDate) async throws -> [AdministrativeUnit]

    /// Every version of a unit code, oldest first.
    func unitVersions(code: UnitCode) async throws -> [AdministrativeUnit]

    /// Creates or replaces unit versions (keyed by code and first day), after checking ``UnitVersionRules``
    /// against the stored versions in the same transaction (a `DomainError` when they fail; nothing written).
    func upsertUnits(_ units: [AdministrativeUnit], at instant: UnixInstant) async throws -> CatalogWriteResult

    // MARK: Procedures

    /// A procedure by code.
    func procedure(code: ProcedureCode) async throws -> Procedure?

    /// One page of the procedures matching a filter, ordered by rank then code, starting after a cursor.
    func procedures(matching filter: ProcedureFilter, after cursor: ProcedureCursor?, limit: Int) async throws -> ProcedurePage

    /// The fields in use, ordered by folded name.
    func fields(implementingLevel: ImplementingLevel?) async throws -> [FieldSummary]

    /// Creates or replaces procedures by code (already validated, codes unique). With `validateOnly`, counts what
    /// would change without writing.
    func importProcedures(_ procedures: [Procedure], validateOnly: Bool, at instant: UnixInstant) async throws -> CatalogWriteResult

    // MARK: Calendar

    /// Calendar entries from `start` through `end` (nil: unbounded), by date.
    func calendarDays(from start: CivilDate?, through end: CivilDate?) async throws -> [CalendarDay]

    /// The whole calendar.
    func workingCalendar() async throws -> WorkingCalendar

    /// Adds or replaces entries and removes others (already validated, dates unique).
    func setCalendarDays(_ days: [CalendarDay], removing dates: [CivilDate], at instant: UnixInstant) async throws -> CatalogWriteResult

    // MARK: Change log

    /// The sequence of the latest change (0 before any).
    func latestSequence() async throws -> Int64

    /// The oldest sequence still in the change log, nil when it is empty.
    func oldestRetainedSequence() async throws -> Int64?

    /// Changes after a sequence, oldest first, at most `limit`.
    func changes(after sequence: Int64, limit: Int) async throws -> [CatalogChange]
}
