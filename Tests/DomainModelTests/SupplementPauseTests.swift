import DomainModel
import Testing

@Suite("Supplement pauses move the appointment date")
struct SupplementPauseTests {
    let calendar = TestCalendar.calendar

    /// A direct dossier in processing, received at `receivedAt` with `deadline`.
    func processing(receivedAt: UnixInstant, deadline: LegalDeadline) throws -> DossierWorkflow {
        let due = try calendar.dueDate(receivedAt: receivedAt, deadline: deadline)
        var workflow = DossierWorkflow(channel: .direct, receivedAt: receivedAt, due: due)
        _ = try workflow.apply(.startProcessing, at: receivedAt, calendar: calendar)
        return workflow
    }

    @Test("A pause over Tết 2022 moves the date only by the working days in it")
    func acrossTet() throws {
        // Received Thursday 20 January 2022, 10 working days: due Thursday 10 February (Tết 31/1–4/2 skipped).
        var workflow = try processing(receivedAt: vietnamInstant(2022, 1, 20, 9), deadline: .workingDays(10))
        #expect(workflow.dueDate == date(2022, 2, 10))
        // Requested Thursday 27 January, supplement received Tuesday 8 February: paused 28/1, 7/2 and 8/2.
        _ = try workflow.apply(.requestSupplement, at: vietnamInstant(2022, 1, 27, 15), calendar: calendar)
        #expect(workflow.status == .supplementRequested)
        #expect(workflow.pausedSince == vietnamInstant(2022, 1, 27, 15))
        let transition = try workflow.apply(.receiveSupplement, at: vietnamInstant(2022, 2, 8, 10), calendar: calendar)
        #expect(transition.effects == [.clockResumed(from: date(2022, 2, 10), to: date(2022, 2, 15), pausedUnits: 3)])
        #expect(workflow.dueDate == date(2022, 2, 15))
        #expect(workflow.dueAt == VietnamTime.endOfDay(date(2022, 2, 15)))
        #expect(workflow.status == .processing)
        #expect(workflow.pausedSince == nil)
        #expect(workflow.supplementRequests == 1)
    }

    @Test("A supplement received the day it was requested moves nothing")
    func sameDay() throws {
        var workflow = try processing(receivedAt: vietnamInstant(2022, 3, 1, 9), deadline: .workingDays(5))
        _ = try workflow.apply(.requestSupplement, at: vietnamInstant(2022, 3, 2, 8), calendar: calendar)
        _ = try workflow.apply(.receiveSupplement, at: vietnamInstant(2022, 3, 2, 16), calendar: calendar)
        #expect(workflow.dueDate == date(2022, 3, 8))
    }

    @Test("A weekend pause moves nothing; a pause Friday to Monday moves one working day")
    func weekend() throws {
        var workflow = try processing(receivedAt: vietnamInstant(2022, 3, 1, 9), deadline: .workingDays(5))
        _ = try workflow.apply(.requestSupplement, at: vietnamInstant(2022, 3, 5, 9), calendar: calendar)  // Saturday
        _ = try workflow.apply(.receiveSupplement, at: vietnamInstant(2022, 3, 6, 9), calendar: calendar)  // Sunday
        #expect(workflow.dueDate == date(2022, 3, 8))
        _ = try workflow.apply(.requestSupplement, at: vietnamInstant(2022, 3, 4, 9).adding(seconds: 3 * 86_400), calendar: calendar)
        _ = try workflow.apply(.receiveSupplement, at: vietnamInstant(2022, 3, 8, 9), calendar: calendar)  // Mon → Tue
        #expect(workflow.dueDate == date(2022, 3, 9))
        #expect(workflow.supplementRequests == 2)
    }

    @Test("A pause over the 30/4–1/5 holidays and their compensatory days")
    func reunification() throws {
        // Received Monday 25 April 2022, 5 working days: 26, 27, 28, 29 April, then 4 May (2–3 May compensatory).
        var workflow = try processing(receivedAt: vietnamInstant(2022, 4, 25, 9), deadline: .workingDays(5))
        #expect(workflow.dueDate == date(2022, 5, 4))
        _ = try workflow.apply(.requestSupplement, at: vietnamInstant(2022, 4, 28, 9), calendar: calendar)
        _ = try workflow.apply(.receiveSupplement, at: vietnamInstant(2022, 5, 4, 9), calendar: calendar)
        // Working days after 28 April through 4 May: 29 April and 4 May.
        #expect(workflow.dueDate == date(2022, 5, 6))
    }

    @Test("An overdue dossier's date also moves by the pause")
    func overdue() throws {
        var workflow = try processing(receivedAt: vietnamInstant(2022, 3, 1, 9), deadline: .workingDays(1))
        #expect(workflow.dueDate == date(2022, 3, 2))
        _ = try workflow.apply(.requestSupplement, at: vietnamInstant(2022, 3, 7, 9), calendar: calendar)
        _ = try workflow.apply(.receiveSupplement, at: vietnamInstant(2022, 3, 9, 9), calendar: calendar)
        #expect(workflow.dueDate == date(2022, 3, 4))
    }

    @Test("Deadlines in calendar days move by calendar days, then to a working day")
    func calendarDays() throws {
        // 15 calendar days from 20 January 2022 end on 4 February, in Tết: due Monday 7 February.
        var workflow = try processing(receivedAt: vietnamInstant(2022, 1, 20, 9), deadline: LegalDeadline(amount: 15, unit: .calendarDays))
        #expect(workflow.dueDate == date(2022, 2, 7))
        _ = try workflow.apply(.requestSupplement, at: vietnamInstant(2022, 1, 25, 9), calendar: calendar)
        _ = try workflow.apply(.receiveSupplement, at: vietnamInstant(2022, 1, 27, 9), calendar: calendar)
        #expect(workflow.dueDate == date(2022, 2, 9))
        // A pause that lands on a Saturday rolls to Monday.
        _ = try workflow.apply(.requestSupplement, at: vietnamInstant(2022, 1, 28, 9), calendar: calendar)
        _ = try workflow.apply(.receiveSupplement, at: vietnamInstant(2022, 1, 31, 9), calendar: calendar)
        #expect(workflow.dueDate == date(2022, 2, 14))
    }

    @Test("Deadlines in hours move by the exact time paused")
    func hours() throws {
        var workflow = try processing(receivedAt: vietnamInstant(2022, 3, 1, 9), deadline: LegalDeadline(amount: 8, unit: .hours))
        #expect(workflow.dueAt == vietnamInstant(2022, 3, 1, 17))
        _ = try workflow.apply(.requestSupplement, at: vietnamInstant(2022, 3, 1, 10), calendar: calendar)
        _ = try workflow.apply(.receiveSupplement, at: vietnamInstant(2022, 3, 1, 12, 30), calendar: calendar)
        #expect(workflow.dueAt == vietnamInstant(2022, 3, 1, 19, 30))
        #expect(workflow.dueDate == date(2022, 3, 1))
    }

    @Test("A pause into a year without calendar data is refused, not guessed")
    func uncoveredYear() throws {
        var workflow = try processing(receivedAt: vietnamInstant(2022, 12, 20, 9), deadline: .workingDays(3))
        _ = try workflow.apply(.requestSupplement, at: vietnamInstant(2022, 12, 21, 9), calendar: calendar)
        let before = workflow
        let error = try #require(throws: DomainError.self) {
            try workflow.apply(.receiveSupplement, at: vietnamInstant(2023, 1, 5, 9), calendar: calendar)
        }
        #expect(error.code == .failedPrecondition)
        #expect(workflow == before)
    }
}

@Suite("Apologies (Mẫu 04)")
struct ApologyTests {
    let calendar = TestCalendar.calendar
    let at = vietnamInstant(2022, 3, 7, 9)

    @Test("An apology promises a new date without moving the due date")
    func promise() throws {
        var workflow = DossierFixtures.workflow(in: .processing)
        let apology = Apology(newDate: date(2022, 3, 15), reason: "Chờ kết quả xác minh")
        let transition = try workflow.apply(.issueApology(apology), at: at, calendar: calendar)
        #expect(transition.effects == [.apologyIssued(apology)])
        #expect(transition.to == .processing)
        #expect(workflow.promisedDate == date(2022, 3, 15))
        #expect(workflow.dueDate == date(2022, 3, 8))
        #expect(workflow.apologies == 1)
        #expect(workflow.currentAppointment == date(2022, 3, 15))
    }

    @Test("Refused apologies", arguments: [
        (date(2022, 3, 8), "Lý do", "apology.new_date"),  // not later than the due date
        (date(2022, 3, 12), "Lý do", "apology.new_date"),  // a Saturday
        (date(2022, 4, 11), "Lý do", "apology.new_date"),  // compensatory day for Hùng Kings
        (date(2022, 3, 15), "  ", "apology.reason"),  // no reason
    ])
    func refused(newDate: CivilDate, reason: String, field: String) throws {
        var workflow = DossierFixtures.workflow(in: .processing)
        let before = workflow
        let error = try #require(throws: DomainError.self) {
            try workflow.apply(.issueApology(Apology(newDate: newDate, reason: reason)), at: at, calendar: calendar)
        }
        #expect(error.code == .invalidArgument)
        #expect(error.violations.map(\.field) == [field])
        #expect(workflow == before)
    }

    @Test("A second apology must promise a date after the first one's; none may promise the past")
    func second() throws {
        var workflow = DossierFixtures.workflow(in: .processing)
        _ = try workflow.apply(.issueApology(Apology(newDate: date(2022, 3, 15), reason: "Lần 1")), at: at, calendar: calendar)
        #expect(throws: DomainError.self) {
            try workflow.apply(.issueApology(Apology(newDate: date(2022, 3, 14), reason: "Lần 2")), at: at, calendar: calendar)
        }
        _ = try workflow.apply(.issueApology(Apology(newDate: date(2022, 3, 22), reason: "Lần 2")), at: at, calendar: calendar)
        #expect(workflow.apologies == 2)
        #expect(workflow.promisedDate == date(2022, 3, 22))
        // Issued on 25 March for a dossier due long before: the new date may not be before the 25th.
        let late = vietnamInstant(2022, 3, 25, 9)
        #expect(throws: DomainError.self) {
            try workflow.apply(.issueApology(Apology(newDate: date(2022, 3, 24), reason: "Lần 3")), at: late, calendar: calendar)
        }
        _ = try workflow.apply(.issueApology(Apology(newDate: date(2022, 3, 25), reason: "Lần 3")), at: late, calendar: calendar)
    }
}
