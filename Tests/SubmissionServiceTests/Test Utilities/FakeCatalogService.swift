import DomainModel
import RPCCore
import RPCProtobuf
import Synchronization

/// A catalog server for the gateway tests: GetProcedure, ListUnits, ListCalendarDays and WatchCatalog over the test
/// catalog, counting the lookups it answers; ``change(procedure:)`` publishes a change on the watch.
final class FakeCatalogService: RegistrableRPCService, Sendable {
    private typealias Service = Motcua_Catalog_V1_CatalogService

    private struct State {
        var procedures: [String: Motcua_Catalog_V1_Procedure] = [:]
        var lookups = 0
        var sequence: Int64 = 0
        var watchers: [AsyncStream<Motcua_Catalog_V1_CatalogChange>.Continuation] = []
    }

    private let state = Mutex(State())

    init() {
        self.state.withLock { state in
            for procedure in [TestCatalog.birth, TestCatalog.marriage, TestCatalog.copies, TestCatalog.residence] {
                state.procedures[procedure.code.rawValue] = Self.message(procedure)
            }
        }
    }

    var lookups: Int { self.state.withLock { $0.lookups } }
    var watcherCount: Int { self.state.withLock { $0.watchers.count } }

    static func message(_ procedure: Procedure) -> Motcua_Catalog_V1_Procedure {
        var message = Motcua_Catalog_V1_Procedure()
        message.code = procedure.code.rawValue
        message.name = procedure.name
        message.field = procedure.field
        message.implementingLevel = Motcua_Catalog_V1_ImplementingLevel(rawValue: 3)
        message.onlineLevel = Int32(procedure.onlineLevel.rawValue)
        var deadline = Motcua_Catalog_V1_LegalDeadline()
        deadline.amount = Int32(procedure.legalDeadline.amount)
        deadline.unit = Motcua_Catalog_V1_DeadlineUnit(rawValue: procedure.legalDeadline.unit == .workingDays ? 1 : procedure.legalDeadline.unit == .calendarDays ? 2 : 3)
        message.legalDeadline = deadline
        return message
    }

    /// Renames a procedure and publishes the change.
    func change(procedure code: String, name: String) {
        let (watchers, change) = self.state.withLock { state in
            state.procedures[code]?.name = name
            state.sequence += 1
            var change = Motcua_Catalog_V1_CatalogChange()
            change.sequence = state.sequence
            change.action = Motcua_Catalog_V1_ChangeAction(rawValue: 2)
            change.subject = .procedureCode(code)
            return (state.watchers, change)
        }
        for watcher in watchers { watcher.yield(change) }
    }

    func registerMethods(with router: inout RPCRouter) {
        router.registerUnary(Service.GetProcedure.descriptor) { (request: ServerRequest<Motcua_Catalog_V1_GetProcedureRequest>, _) in
            let found = self.state.withLock { state in
                state.lookups += 1
                return state.procedures[request.message.code]
            }
            guard let found else { throw RPCError(code: .notFound, message: "no procedure \(request.message.code)") }
            return ServerResponse(message: found)
        }
        router.registerUnary(Service.ListUnits.descriptor) { (request: ServerRequest<Motcua_Catalog_V1_ListUnitsRequest>, _) in
            self.state.withLock { $0.lookups += 1 }
            var response = Motcua_Catalog_V1_ListUnitsResponse()
            for unit in [TestCatalog.province, TestCatalog.muongNhe, TestCatalog.namKe, TestCatalog.chungChai, TestCatalog.sinThau] {
                var message = Motcua_Catalog_V1_Unit()
                message.code = unit.code.rawValue
                message.name = unit.name
                message.level = Motcua_Catalog_V1_UnitLevel(rawValue: unit.level == .province ? 1 : unit.level == .district ? 2 : 3)
                message.type = Motcua_Catalog_V1_UnitType(rawValue: unit.level == .province ? 1 : unit.level == .district ? 4 : 5)
                message.parentCode = unit.parentCode?.rawValue ?? ""
                var from = Motcua_Catalog_V1_Date()
                from.year = 2004
                from.month = 1
                from.day = 1
                message.validFrom = from
                response.units.append(message)
            }
            return ServerResponse(message: response)
        }
        router.registerUnary(Service.ListCalendarDays.descriptor) { (_: ServerRequest<Motcua_Catalog_V1_ListCalendarDaysRequest>, _) in
            self.state.withLock { $0.lookups += 1 }
            var response = Motcua_Catalog_V1_ListCalendarDaysResponse()
            for day in TestCatalog.days {
                var message = Motcua_Catalog_V1_CalendarDay()
                var date = Motcua_Catalog_V1_Date()
                date.year = Int32(day.date.year)
                date.month = Int32(day.date.month)
                date.day = Int32(day.date.day)
                message.date = date
                message.kind = Motcua_Catalog_V1_CalendarDayKind(rawValue: day.kind == .publicHoliday ? 1 : 2)
                message.name = day.name
                response.days.append(message)
            }
            return ServerResponse(message: response)
        }
        router.registerServerStreaming(Service.WatchCatalog.descriptor) { (_: ServerRequest<Motcua_Catalog_V1_WatchCatalogRequest>, _) in
            let (stream, continuation) = AsyncStream<Motcua_Catalog_V1_CatalogChange>.makeStream()
            let current = self.state.withLock { state in
                state.watchers.append(continuation)
                return state.sequence
            }
            return StreamingServerResponse { writer in
                var started = Motcua_Catalog_V1_WatchStarted()
                started.currentSequence = current
                var first = Motcua_Catalog_V1_WatchCatalogResponse()
                first.event = .started(started)
                try await writer.write(first)
                for await change in stream {
                    var message = Motcua_Catalog_V1_WatchCatalogResponse()
                    message.event = .change(change)
                    try await writer.write(message)
                }
                return [:]
            }
        }
    }
}
