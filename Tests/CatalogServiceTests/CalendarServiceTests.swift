import CatalogService
import DomainModel
import RPCCore
import RPCProtobuf
import Testing

@Suite("ComputeDueDate, ListCalendarDays, SetCalendarDays through the store")
struct CalendarServiceTests {
    func due(_ service: CatalogService, received: UnixInstant, _ amount: Int32, _ unit: Motcua_Catalog_V1_DeadlineUnit = .workingDays) async throws
        -> Motcua_Catalog_V1_ComputeDueDateResponse
    {
        var request = Motcua_Catalog_V1_ComputeDueDateRequest()
        request.receivedAt = timestamp(received)
        var deadline = Motcua_Catalog_V1_LegalDeadline()
        deadline.amount = amount
        deadline.unit = unit
        request.deadlineSource = .deadline(deadline)
        return try await service.computeDueDate(request)
    }

    @Test("Tết 2022: received 28 January 2022 with 3 working days is due 9 February 2022")
    func tet2022() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            let response = try await due(fixture.service, received: vietnamInstant(2022, 1, 28, 10), 3)
            #expect(response.dueDate == protoDate(2022, 2, 9))
            #expect(response.receivedOn == protoDate(2022, 1, 28))
            #expect(response.dueAt?.seconds == VietnamTime.endOfDay(date(2022, 2, 9)).seconds)
            #expect(response.daysOff.count == 5)
            #expect(response.daysOff.allSatisfy { $0.kind == .publicHoliday })
            #expect(response.deadline?.amount == 3 && response.deadline?.unit == .workingDays)
            #expect(response.explanation.contains("due 2022-02-09"))
        }
    }

    @Test("The compensatory day: received 31 December 2021 with 1 working day is due 4 January 2022")
    func compensatoryDay() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            let response = try await due(fixture.service, received: vietnamInstant(2021, 12, 31, 16), 1)
            #expect(response.dueDate == protoDate(2022, 1, 4))
            #expect(response.daysOff.map(\.kind) == [.publicHoliday, .compensatoryDayOff])
        }
    }

    @Test("Weekends: Friday + 1 working day is Monday; a receipt at 23:30 on Friday in Vietnam is still Friday")
    func weekends() async throws {
        try await CatalogFixture.with(demo: false) { fixture async throws in
            #expect(try await due(fixture.service, received: vietnamInstant(2022, 3, 4, 9), 1).dueDate == protoDate(2022, 3, 7))
            #expect(try await due(fixture.service, received: vietnamInstant(2022, 3, 4, 23, 30), 1).dueDate == protoDate(2022, 3, 7))
            #expect(try await due(fixture.service, received: vietnamInstant(2022, 3, 4, 9), 30, .calendarDays).dueDate == protoDate(2022, 4, 4))
        }
    }

    @Test("A procedure's own deadline applies by code; unknown codes are NOT_FOUND, malformed INVALID_ARGUMENT")
    func byProcedure() async throws {
        let fixture = try await CatalogFixture.readOnly()
        var request = Motcua_Catalog_V1_ComputeDueDateRequest()
        request.receivedAt = timestamp(vietnamInstant(2022, 1, 28, 10))
        request.deadlineSource = .procedureCode("DEMO-CA-X001")  // Đăng ký thường trú: 7 working days
        let response = try await fixture.service.computeDueDate(request)
        #expect(response.deadline?.amount == 7)
        #expect(response.dueDate == protoDate(2022, 2, 15))
        request.deadlineSource = .procedureCode("9.999999")
        await expectFailure(.notFound) { _ = try await fixture.service.computeDueDate(request) }
        request.deadlineSource = .procedureCode("not a code")
        await expectFailure(.invalidArgument, field: "procedure_code") { _ = try await fixture.service.computeDueDate(request) }
    }

    @Test("Missing or malformed inputs name their field; years without calendar data are FAILED_PRECONDITION")
    func errors() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            let service = fixture.service
            var request = Motcua_Catalog_V1_ComputeDueDateRequest()
            request.receivedAt = timestamp(vietnamInstant(2022, 1, 28))
            await expectFailure(.invalidArgument, field: "deadline_source") { _ = try await service.computeDueDate(request) }
            var deadline = Motcua_Catalog_V1_LegalDeadline()
            deadline.amount = 3
            request.deadlineSource = .deadline(deadline)
            await expectFailure(.invalidArgument, field: "deadline.unit") { _ = try await service.computeDueDate(request) }
            deadline.unit = .workingDays
            deadline.amount = 0
            request.deadlineSource = .deadline(deadline)
            await expectFailure(.invalidArgument, field: "deadline.amount") { _ = try await service.computeDueDate(request) }
            deadline.amount = 3
            request.deadlineSource = .deadline(deadline)
            request.receivedAt = nil
            await expectFailure(.invalidArgument, field: "received_at") { _ = try await service.computeDueDate(request) }
            request.receivedAt = timestamp(vietnamInstant(2022, 1, 28))
            request.receivedAt?.nanos = -1
            await expectFailure(.invalidArgument, field: "received_at") { _ = try await service.computeDueDate(request) }
            await expectFailure(.failedPrecondition) { _ = try await due(service, received: vietnamInstant(2031, 5, 5), 3) }
        }
    }

    @Test("SetCalendarDays extends the calendar to a new year; the due date then follows it")
    func editCalendar() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            let service = fixture.service
            await expectFailure(.failedPrecondition) { _ = try await due(service, received: vietnamInstant(2028, 1, 2), 1) }
            var request = Motcua_Catalog_V1_SetCalendarDaysRequest()
            var newYear = Motcua_Catalog_V1_CalendarDay()
            newYear.date = protoDate(2028, 1, 3)  // a Monday
            newYear.kind = .compensatoryDayOff
            newYear.name = "Nghỉ bù Tết Dương lịch"
            var holiday = Motcua_Catalog_V1_CalendarDay()
            holiday.date = protoDate(2028, 1, 1)
            holiday.kind = .publicHoliday
            holiday.name = "Tết Dương lịch"
            request.days = [holiday, newYear]
            request.remove = [protoDate(2027, 9, 3)]
            let response = try await service.setCalendarDays(request)
            #expect(response.upserted == 2 && response.removed == 1 && response.sequence == 3)
            // Received Sunday 2 January 2028: Monday 3 is off, so 1 working day is Tuesday 4.
            #expect(try await due(service, received: vietnamInstant(2028, 1, 2), 1).dueDate == protoDate(2028, 1, 4))

            var list = Motcua_Catalog_V1_ListCalendarDaysRequest()
            list.startDate = protoDate(2027, 9, 1)
            list.endDate = protoDate(2028, 12, 31)
            let listed = try await service.listCalendarDays(list)
            #expect(listed.days.map(\.date) == [protoDate(2027, 9, 2), protoDate(2028, 1, 1), protoDate(2028, 1, 3)])
            #expect(listed.coveredYears == Array(2021...2028))
        }
    }

    @Test("SetCalendarDays is all-or-nothing and names every bad entry")
    func badEntries() async throws {
        try await CatalogFixture.with(demo: false) { fixture async throws in
            var request = Motcua_Catalog_V1_SetCalendarDaysRequest()
            var weekend = Motcua_Catalog_V1_CalendarDay()
            weekend.date = protoDate(2028, 1, 1)  // a Saturday
            weekend.kind = .compensatoryDayOff
            weekend.name = "Nghỉ bù"
            var good = Motcua_Catalog_V1_CalendarDay()
            good.date = protoDate(2028, 1, 3)
            good.kind = .publicHoliday
            good.name = "Ngày lễ"
            var noKind = good
            noKind.date = protoDate(2028, 1, 4)
            noKind.kind = .unspecified
            request.days = [weekend, good, noKind]
            request.remove = [protoDate(2028, 1, 3), protoDate(2028, 2, 30)]
            let error = await rpcError { _ = try await fixture.service.setCalendarDays(request) }
            #expect(error?.code == .invalidArgument)
            let message = error?.message ?? ""
            for field in ["days[0].kind:", "days[2].kind:", "remove[0]:", "remove[1]:"] {
                #expect(message.contains(field), "\(field) missing from \(message)")
            }
            #expect(try await fixture.store.latestSequence() == 0)

            var list = Motcua_Catalog_V1_ListCalendarDaysRequest()
            list.startDate = protoDate(2022, 2, 1)
            list.endDate = protoDate(2022, 1, 1)
            await expectFailure(.invalidArgument, field: "end_date") { _ = try await fixture.service.listCalendarDays(list) }
            list.endDate = protoDate(2022, 13, 1)
            await expectFailure(.invalidArgument, field: "end_date") { _ = try await fixture.service.listCalendarDays(list) }
        }
    }
}
