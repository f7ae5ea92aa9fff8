/// The outcome of a due-date computation: when the result of a dossier is due and why.
public struct DueDate: Hashable, Sendable {
    /// The last instant the result is due: 23:59:59 of ``dueDate`` in Vietnam, or for a deadline in hours the
    /// instant of receipt plus the hours.
    public var dueAt: UnixInstant
    /// The appointment date (ngày hẹn trả) in Vietnam.
    public var dueDate: CivilDate
    /// The date of receipt in Vietnam.
    public var receivedOn: CivilDate
    /// The deadline applied.
    public var deadline: LegalDeadline
    /// Calendar entries that are days off, from the day after receipt through the due date.
    public var daysOff: [CalendarDay]
    /// Saturdays and Sundays (without a make-up entry) from the day after receipt through the due date.
    public var weekendDays: Int
    /// A one-line explanation in English.
    public var explanation: String

    public init(
        dueAt: UnixInstant, dueDate: CivilDate, receivedOn: CivilDate, deadline: LegalDeadline,
        daysOff: [CalendarDay], weekendDays: Int, explanation: String
    ) {
        self.dueAt = dueAt
        self.dueDate = dueDate
        self.receivedOn = receivedOn
        self.deadline = deadline
        self.daysOff = daysOff
        self.weekendDays = weekendDays
        self.explanation = explanation
    }
}
