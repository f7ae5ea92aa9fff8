internal import RPCCore
internal import DomainModel
internal import Logging
public import RPCProtobuf

extension CatalogService {
    /// ComputeDueDate: the appointment date for a receipt instant and a deadline (given, or the procedure's).
    public func computeDueDate(_ request: Motcua_Catalog_V1_ComputeDueDateRequest) async throws -> Motcua_Catalog_V1_ComputeDueDateResponse {
        try await self.handling {
            guard let receivedAtProto = request.receivedAt else { throw DomainError.invalid(field: "received_at", "is required") }
            let receivedAt = try receivedAtProto.parsed(field: "received_at")
            let deadline: LegalDeadline
            switch request.deadlineSource {
            case .deadline(let proto)?:
                deadline = try proto.parsed(path: "deadline")
            case .procedureCode(let text)?:
                let code = try ProcedureCode.parse(text, field: "procedure_code")
                guard let procedure = try await self.store.procedure(code: code) else {
                    throw DomainError.notFound("no procedure has the code \(code)")
                }
                deadline = procedure.legalDeadline
            case nil:
                throw DomainError.invalid(field: "deadline_source", "set either deadline or procedure_code")
            }
            let calendar = try await self.store.workingCalendar()
            return Motcua_Catalog_V1_ComputeDueDateResponse(try calendar.dueDate(receivedAt: receivedAt, deadline: deadline))
        }
    }

    /// ListCalendarDays: the entries in a date range, and the years the calendar covers.
    public func listCalendarDays(_ request: Motcua_Catalog_V1_ListCalendarDaysRequest) async throws -> Motcua_Catalog_V1_ListCalendarDaysResponse {
        try await self.handling {
            let start = try request.startDate.parsedIfPresent(field: "start_date")
            let end = try request.endDate.parsedIfPresent(field: "end_date")
            if let start, let end, end < start {
                throw DomainError.invalid(field: "end_date", "must not be before start_date (\(start))")
            }
            let calendar = try await self.store.workingCalendar()
            var response = Motcua_Catalog_V1_ListCalendarDaysResponse()
            response.days = calendar.days
                .filter { day in start.map { day.date >= $0 } ?? true && end.map { day.date <= $0 } ?? true }
                .map(Motcua_Catalog_V1_CalendarDay.init)
            response.coveredYears = calendar.coveredYears.map { Int32($0) }
            return response
        }
    }

    /// SetCalendarDays: adds, replaces and removes entries, all-or-nothing.
    public func setCalendarDays(_ request: Motcua_Catalog_V1_SetCalendarDaysRequest) async throws -> Motcua_Catalog_V1_SetCalendarDaysResponse {
        try await self.handling {
            for (field, count) in [("days", request.days.count), ("remove", request.remove.count)] where count > Self.maximumCalendarEntries {
                throw DomainError.invalid(field: field, "at most \(Self.maximumCalendarEntries) entries per call (got \(count))")
            }
            var problems: [FieldViolation] = []
            var seen: [CivilDate: String] = [:]
            func note(_ date: CivilDate, at path: String, field: String) {
                if let first = seen[date] {
                    problems.append(FieldViolation(field: field, reason: "\(date) already appears at \(first)"))
                } else {
                    seen[date] = path
                }
            }
            var days: [CalendarDay] = []
            for (index, proto) in request.days.enumerated() {
                switch proto.domain(path: "days[\(index)]") {
                case .success(let day):
                    days.append(day)
                    note(day.date, at: "days[\(index)]", field: "days[\(index)].date")
                case .failure(let error):
                    problems += error.violations
                }
            }
            var removals: [CivilDate] = []
            for (index, proto) in request.remove.enumerated() {
                switch proto.civilDate(field: "remove[\(index)]") {
                case .success(let date):
                    removals.append(date)
                    note(date, at: "remove[\(index)]", field: "remove[\(index)]")
                case .failure(let error):
                    problems += error.violations
                }
            }
            guard problems.isEmpty else { throw DomainError.invalid(problems) }
            let result = try await self.store.setCalendarDays(days, removing: removals, at: self.clock())
            if result.wroteChanges {
                self.notifier.publish()
                self.logger.info(
                    "calendar changed",
                    metadata: ["upserted": "\(result.created + result.updated)", "removed": "\(result.removed)", "sequence": "\(result.sequence)"])
            }
            var response = Motcua_Catalog_V1_SetCalendarDaysResponse()
            response.upserted = Int32(result.created + result.updated)
            response.removed = Int32(result.removed)
            response.sequence = result.sequence
            return response
        }
    }
}
