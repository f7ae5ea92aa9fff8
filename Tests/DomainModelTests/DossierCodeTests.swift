import DomainModel
import Testing

@Suite("Dossier codes UNITCODE-YYMMDD-NNNN")
struct DossierCodeTests {
    let unit = UnitCode("03162")!

    @Test("Formats the unit, the receipt date and a 4-digit number")
    func format() throws {
        let code = try #require(DossierCode(unitCode: unit, receiptDate: date(2022, 1, 28), number: 1))
        #expect(code.rawValue == "03162-220128-0001")
        #expect(DossierCode(unitCode: unit, receiptDate: date(2022, 1, 28), number: 9999)?.rawValue == "03162-220128-9999")
        #expect(DossierCode(unitCode: UnitCode("096")!, receiptDate: date(2021, 12, 31), number: 42)?.rawValue == "096-211231-0042")
    }

    @Test("Beyond 9,999 dossiers a day the number widens instead of failing")
    func wide() throws {
        let code = try #require(DossierCode(unitCode: unit, receiptDate: date(2022, 1, 28), number: 10_000))
        #expect(code.rawValue == "03162-220128-10000")
        #expect(DossierCode("03162-220128-10000") == code)
    }

    @Test("Parses what it formats", arguments: ["03162-220128-0001", "11-991231-0007", "096-000101-9999", "03384-220216-123456"])
    func roundTrip(text: String) throws {
        let code = try #require(DossierCode(text))
        #expect(code.rawValue == text)
    }

    @Test("Rejects other shapes", arguments: [
        "", "03162-220128-001", "03162-220128-00001", "0316-220128-0001", "03162-221328-0001", "03162-220230-0001",
        "03162-220128-0000", "03162_220128_0001", "03162-220128-0001-1", "03162-22012-0001", "abcde-220128-0001", "03162-220128-00a1",
    ])
    func rejects(text: String) throws {
        #expect(DossierCode(text) == nil)
        let error = try #require(throws: DomainError.self) { try DossierCode.parse(text, field: "code") }
        #expect(error.violations.first?.field == "code")
    }

    @Test("The receipt date is the date in Vietnam: 17:30 UTC is 00:30 the next day")
    func vietnamDate() throws {
        let instant = try #require(UnixInstant(seconds: Int64(date(2022, 1, 27).daysSinceEpoch) * 86_400 + 17 * 3600 + 1800))
        let code = try #require(DossierCode(unitCode: unit, receiptDate: VietnamTime.date(of: instant), number: 3))
        #expect(code.rawValue == "03162-220128-0003")
    }

    @Test("Codes sort by unit, date and number")
    func order() throws {
        let a = try #require(DossierCode("03162-220128-0002"))
        let b = try #require(DossierCode("03162-220128-0010"))
        let c = try #require(DossierCode("03162-220129-0001"))
        #expect(a < b && b < c)
    }
}

@Suite("Dossiers, history and events")
struct DossierTests {
    @Test("A received dossier has version 1 and one history entry")
    func received() {
        let dossier = DossierFixtures.dossier()
        #expect(dossier.version == 1)
        #expect(dossier.status == .new)
        #expect(dossier.history.map(\.action) == [.submit])
        #expect(dossier.history[0].fromStatus == nil)
        #expect(dossier.receivedOn == date(2022, 3, 1))
        #expect(dossier.workflow.dueDate == date(2022, 3, 8))
    }

    @Test("Each step appends an entry with the state after it and bumps the version; its event carries the state")
    func steps() throws {
        var dossier = DossierFixtures.dossier()
        let calendar = TestCalendar.calendar
        let t = DossierFixtures.receivedAt
        try dossier.apply(.accept, at: t.adding(seconds: 3600), actor: "can-bo-1", note: "", recordedAt: t.adding(seconds: 3600), calendar: calendar)
        try dossier.apply(.startProcessing, at: t.adding(seconds: 7200), actor: "can-bo-1", note: "", recordedAt: t.adding(seconds: 7200), calendar: calendar)
        try dossier.apply(
            .requestSupplement, at: vietnamInstant(2022, 3, 2, 9), actor: "can-bo-2", note: "Bổ sung giấy chứng sinh",
            recordedAt: vietnamInstant(2022, 3, 2, 9), calendar: calendar)
        try dossier.apply(
            .receiveSupplement, at: vietnamInstant(2022, 3, 4, 9), actor: "can-bo-2", note: "", recordedAt: vietnamInstant(2022, 3, 4, 9),
            calendar: calendar)
        #expect(dossier.version == 5)
        #expect(dossier.history.map(\.status) == [.new, .accepted, .processing, .supplementRequested, .processing])
        #expect(dossier.history.map(\.step) == [1, 2, 3, 4, 5])
        #expect(dossier.workflow.dueDate == date(2022, 3, 10))
        let pausedEntry = dossier.history[3]
        let pausedEvent = dossier.event(sequence: 41, entry: pausedEntry)
        #expect(pausedEvent.sequence == 41)
        #expect(pausedEvent.dossierVersion == 4)
        #expect(pausedEvent.status == .supplementRequested)
        #expect(pausedEvent.after.pausedSince == vietnamInstant(2022, 3, 2, 9))
        #expect(pausedEvent.after.dueDate == date(2022, 3, 8))
        let last = dossier.event(sequence: 42)
        #expect(last.action == .receiveSupplement)
        #expect(last.fromStatus == .supplementRequested)
        #expect(last.after.dueDate == date(2022, 3, 10))
        #expect(last.channel == .online && last.assistedByStaff)
        #expect(last.procedure.onlineLevel == .fullyOnline)
        #expect(!last.imported)
    }

    @Test("Applicants are normalised and checked")
    func applicants() {
        let raw = Applicant(fullName: "  Lò Thị Mai ", idNumber: " c1234567 ", phone: "+84 912-345-678", email: "mai@example.vn")
        let applicant = raw.normalized
        #expect(applicant.fullName == "Lò Thị Mai")
        #expect(applicant.idNumber == "C1234567")
        #expect(applicant.violations().isEmpty)
        let bad = Applicant(fullName: "", idNumber: "12", phone: "call me", email: "no-at-sign").normalized
        #expect(bad.violations().map(\.field) == ["full_name", "id_number", "phone", "email"])
    }

    @Test("Attachments are checked")
    func attachments() {
        #expect(Attachment(name: "to-khai.pdf", mediaType: "application/pdf", sizeBytes: 1024).violations().isEmpty)
        let bad = Attachment(name: "", sizeBytes: -1, sha256: "ABC")
        #expect(bad.violations().map(\.field) == ["name", "size_bytes", "sha256"])
    }
}
