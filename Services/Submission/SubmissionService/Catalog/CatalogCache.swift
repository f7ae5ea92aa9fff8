internal import DomainModel
internal import Synchronization

/// What ``GRPCCatalogGateway`` remembers of the catalog: procedures by code (including "no such procedure"), the
/// units in force on each date asked about, and the calendar.
///
/// Entries stay until `WatchCatalog` reports a change to them (or asks for a reset), so they keep answering while the
/// catalog is unreachable. Every invalidation bumps a generation; a lookup stores what it fetched only if no
/// invalidation happened since it started, so an answer older than a change is never cached.
final class CatalogCache: Sendable {
    /// A fetched value and whether it exists.
    enum Entry<Value: Sendable>: Sendable {
        case present(Value)
        case absent
    }

    private struct State {
        var generation: UInt64 = 0
        var procedures: [ProcedureCode: Entry<Procedure>] = [:]
        var unitsByDate: [CivilDate: [UnitCode: AdministrativeUnit]] = [:]
        var calendar: WorkingCalendar?
    }

    /// Most dates whose unit lists are kept (imports of old dossiers ask for many dates).
    let maximumUnitDates: Int
    private let state = Mutex(State())

    init(maximumUnitDates: Int = 1000) {
        self.maximumUnitDates = maximumUnitDates
    }

    var generation: UInt64 { self.state.withLock { $0.generation } }

    func procedure(_ code: ProcedureCode) -> Entry<Procedure>? { self.state.withLock { $0.procedures[code] } }

    func units(on date: CivilDate) -> [UnitCode: AdministrativeUnit]? { self.state.withLock { $0.unitsByDate[date] } }

    /// A cached version of the unit whose validity covers the date, from the list of any date. A version's validity is
    /// the catalog's own statement of when it is in force, so it answers for other dates too (until a change on the
    /// watch drops it).
    func unitVersion(_ code: UnitCode, coveringDate date: CivilDate) -> AdministrativeUnit? {
        self.state.withLock { state in
            for units in state.unitsByDate.values {
                if let unit = units[code], unit.isInForce(on: date) { return unit }
            }
            return nil
        }
    }

    var calendar: WorkingCalendar? { self.state.withLock { $0.calendar } }

    func store(_ entry: Entry<Procedure>, for code: ProcedureCode, fetchedAt generation: UInt64) {
        self.state.withLock { state in
            guard state.generation == generation else { return }
            state.procedures[code] = entry
        }
    }

    func store(units: [UnitCode: AdministrativeUnit], on date: CivilDate, fetchedAt generation: UInt64) {
        self.state.withLock { state in
            guard state.generation == generation else { return }
            if state.unitsByDate.count >= self.maximumUnitDates { state.unitsByDate.removeAll(keepingCapacity: true) }
            state.unitsByDate[date] = units
        }
    }

    func store(calendar: WorkingCalendar, fetchedAt generation: UInt64) {
        self.state.withLock { state in
            guard state.generation == generation else { return }
            state.calendar = calendar
        }
    }

    func invalidateProcedure(_ code: String) {
        self.state.withLock { state in
            state.generation &+= 1
            if let code = ProcedureCode(code) { state.procedures[code] = nil } else { state.procedures.removeAll() }
        }
    }

    func invalidateUnits() {
        self.state.withLock { state in
            state.generation &+= 1
            state.unitsByDate.removeAll()
        }
    }

    func invalidateCalendar() {
        self.state.withLock { state in
            state.generation &+= 1
            state.calendar = nil
        }
    }

    func invalidateAll() {
        self.state.withLock { state in
            state.generation &+= 1
            state.procedures.removeAll()
            state.unitsByDate.removeAll()
            state.calendar = nil
        }
    }
}
