public import DomainModel

/// A committed change to the catalog, as recorded in its change log.
public struct CatalogChange: Hashable, Sendable {
    /// What changed.
    public enum Subject: Hashable, Sendable {
        case procedure(ProcedureCode)
        case unit(UnitCode)
        case calendarDay(CivilDate)
    }

    /// What happened to it.
    public enum Action: String, Hashable, Sendable {
        case created
        case updated
        case removed
    }

    /// Position in the change log: increases by one per change, never reused.
    public var sequence: Int64
    public var action: Action
    public var subject: Subject
    public var changedAt: UnixInstant

    public init(sequence: Int64, action: Action, subject: Subject, changedAt: UnixInstant) {
        self.sequence = sequence
        self.action = action
        self.subject = subject
        self.changedAt = changedAt
    }
}
