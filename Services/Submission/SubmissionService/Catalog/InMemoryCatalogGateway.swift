public import DomainModel
internal import Synchronization

/// A catalog held in memory, for tests: procedures, units and calendar days set up front (and changed at will), and a
/// switch that makes it unreachable.
public final class InMemoryCatalogGateway: CatalogGateway {
    private struct State {
        var procedures: [ProcedureCode: Procedure] = [:]
        var units: [UnitCode: [AdministrativeUnit]] = [:]
        var calendar = WorkingCalendar(days: [])
        var reachable = true
        var lookups = 0
    }

    private let state: Mutex<State>

    public init(procedures: [Procedure] = [], units: [AdministrativeUnit] = [], calendarDays: [CalendarDay] = []) {
        var state = State()
        for procedure in procedures { state.procedures[procedure.code] = procedure }
        for unit in units { state.units[unit.code, default: []].append(unit) }
        state.calendar = WorkingCalendar(days: calendarDays)
        self.state = Mutex(state)
    }

    /// Whether lookups succeed; while false every lookup throws `unavailable`.
    public var isReachable: Bool {
        get { self.state.withLock { $0.reachable } }
        set { self.state.withLock { $0.reachable = newValue } }
    }

    /// How many lookups were answered or refused.
    public var lookups: Int { self.state.withLock { $0.lookups } }

    /// Adds or replaces a procedure.
    public func upsert(_ procedure: Procedure) {
        self.state.withLock { $0.procedures[procedure.code] = procedure }
    }

    /// Adds a unit version.
    public func add(_ unit: AdministrativeUnit) {
        self.state.withLock { $0.units[unit.code, default: []].append(unit) }
    }

    /// Replaces the calendar.
    public func setCalendar(_ days: [CalendarDay]) {
        self.state.withLock { $0.calendar = WorkingCalendar(days: days) }
    }

    public func procedure(code: ProcedureCode) async throws(SubmissionError) -> Procedure? {
        try self.lookup { $0.procedures[code] }
    }

    public func unit(code: UnitCode, on date: CivilDate) async throws(SubmissionError) -> AdministrativeUnit? {
        try self.lookup { state in state.units[code]?.first { $0.isInForce(on: date) } }
    }

    public func calendar() async throws(SubmissionError) -> WorkingCalendar {
        try self.lookup { $0.calendar }
    }

    private func lookup<T: Sendable>(_ body: (State) -> T) throws(SubmissionError) -> T {
        let result: T? = self.state.withLock { state in
            state.lookups += 1
            return state.reachable ? body(state) : nil
        }
        guard let result else { throw SubmissionError.unavailable("the catalog is unreachable (in-memory catalog switched off)") }
        return result
    }
}
