public import DomainModel

/// What the submission service needs from the catalog: procedures, units in force on a date, and the working-day
/// calendar.
///
/// Implementations: ``GRPCCatalogGateway`` (the catalog service, cached and kept fresh by `WatchCatalog`) and
/// ``InMemoryCatalogGateway`` (tests).
public protocol CatalogGateway: Sendable {
    /// The procedure with a code, or nil when the catalog has none.
    ///
    /// - Throws: ``SubmissionError`` `unavailable` when the catalog cannot be reached and nothing is cached.
    func procedure(code: ProcedureCode) async throws(SubmissionError) -> Procedure?

    /// The version of a unit in force on a date, or nil when none is.
    ///
    /// - Throws: ``SubmissionError`` `unavailable` when the catalog cannot be reached and nothing is cached.
    func unit(code: UnitCode, on date: CivilDate) async throws(SubmissionError) -> AdministrativeUnit?

    /// The working-day calendar (every holiday-calendar entry).
    ///
    /// - Throws: ``SubmissionError`` `unavailable` when the catalog cannot be reached and nothing is cached.
    func calendar() async throws(SubmissionError) -> WorkingCalendar
}
