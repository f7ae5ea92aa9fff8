import DomainModel
import Testing

@Suite("Procedures, online levels and filters")
struct ProcedureTests {
    static func procedure(
        _ code: String = "1.001193", name: String = "Đăng ký khai sinh", field: String = "Hộ tịch",
        level: ImplementingLevel = .commune, online: OnlineServiceLevel = .fullyOnline, scheme: OnlineScheme? = nil,
        deadline: LegalDeadline = .workingDays(1), fees: [Fee] = []
    ) -> Procedure {
        Procedure(
            code: ProcedureCode(code)!, name: name, field: field, implementingLevel: level, onlineLevel: online,
            onlineScheme: scheme ?? OnlineScheme.derived(from: online), legalDeadline: deadline, fees: fees)
    }

    @Test("Procedure codes", arguments: [
        ("1.001193", true), ("2.000986.000.00.00.H18", true), ("DEMO-2.001234", true), ("A_1", true),
        ("", false), (".1", false), ("1.00119a", false), ("1 001193", false), ("Đ.1", false),
        (String(repeating: "1", count: 40), true), (String(repeating: "1", count: 41), false),
    ])
    func codes(text: String, valid: Bool) {
        #expect((ProcedureCode(text) != nil) == valid)
    }

    @Test("Malformed codes are invalid arguments naming the field")
    func codeErrors() {
        let error = #expect(throws: DomainError.self) { try ProcedureCode.parse("bad code", field: "code") }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix("code: ") == true)
        #expect(ProcedureCode("DEMO-1.000001")?.isDemo == true)
        #expect(ProcedureCode("1.000001")?.isDemo == false)
    }

    @Test("Online levels: old scheme and the 2022 mapping")
    func onlineLevels() {
        #expect(OnlineScheme.derived(from: .fullyOnline) == .fullProcess)
        #expect(OnlineScheme.derived(from: .onlineSubmission) == .partial)
        #expect(OnlineScheme.derived(from: .downloadableForms) == .notOnline)
        #expect(OnlineScheme.derived(from: .informationOnly) == .notOnline)
        #expect(!OnlineScheme.fullProcess.isConsistent(with: .downloadableForms))
        #expect(!OnlineScheme.notOnline.isConsistent(with: .onlineSubmission))
        #expect(OnlineScheme.partial.isConsistent(with: .fullyOnline))
        #expect(OnlineScheme.partial.isConsistent(with: .informationOnly))
        #expect(OnlineServiceLevel.fullyOnline > .onlineSubmission)
        #expect(OnlineServiceLevel.allCases.map(\.rawValue) == [1, 2, 3, 4])
    }

    @Test("A valid procedure has no violations")
    func valid() {
        #expect(Self.procedure().violations().isEmpty)
        #expect(Self.procedure(fees: [Fee(name: "Lệ phí", amountVND: 8000)]).violations().isEmpty)
    }

    @Test("Violations name every offending field")
    func violations() {
        let bad = Self.procedure(
            name: "", field: String(repeating: "x", count: 201), online: .downloadableForms, scheme: .fullProcess,
            deadline: LegalDeadline(amount: 0, unit: .workingDays), fees: [Fee(name: "", amountVND: -1)])
        #expect(bad.violations().map(\.field) == [
            "name", "field", "online_scheme", "legal_deadline.amount", "fees[0].name", "fees[0].amount_vnd",
        ])
        let tooManyFees = Self.procedure(fees: Array(repeating: Fee(name: "Phí", amountVND: 1), count: 21))
        #expect(tooManyFees.violations().map(\.field) == ["fees"])
        #expect(Self.procedure(online: .fullyOnline, scheme: .notOnline).violations().map(\.field) == ["online_scheme"])
    }

    @Test("Same content ignores bookkeeping")
    func sameContent() {
        var a = Self.procedure()
        var b = a
        b.revision = 7
        b.updatedAt = UnixInstant(seconds: 1000)
        #expect(a.hasSameContent(as: b))
        a.name = "Đăng ký lại khai sinh"
        #expect(!a.hasSameContent(as: b))
    }

    @Test("Filters match with or without diacritics and combine with AND")
    func filters() {
        let birth = Self.procedure()
        let land = Self.procedure("1.000001", name: "Đăng ký đất đai lần đầu", field: "Đất đai", level: .district, online: .onlineSubmission)
        let query = ProcedureFilter(query: SearchQuery("dang ky khai sinh"))
        #expect(query.matches(birth))
        #expect(!query.matches(land))
        #expect(ProcedureFilter(query: SearchQuery("1.001193")).matches(birth))
        #expect(ProcedureFilter(fieldKey: ProcedureFilter.fieldKey("ho tich")).matches(birth))
        #expect(!ProcedureFilter(fieldKey: ProcedureFilter.fieldKey("Hộ")).matches(birth))
        #expect(ProcedureFilter(implementingLevel: .district, onlineLevel: .onlineSubmission).matches(land))
        #expect(!ProcedureFilter(implementingLevel: .district, onlineLevel: .fullyOnline).matches(land))
        #expect(ProcedureFilter(onlineScheme: .partial).matches(land))
        #expect(ProcedureFilter().matches(land))
    }

    @Test("Fingerprints differ between filters and are stable")
    func fingerprints() {
        let a = ProcedureFilter(query: SearchQuery("khai sinh"))
        let b = ProcedureFilter(query: SearchQuery("Khai  Sinh!"))
        let c = ProcedureFilter(query: SearchQuery("khai sinh"), implementingLevel: .commune)
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint != c.fingerprint)
        #expect(ProcedureFilter().fingerprint != a.fingerprint)
        #expect(ProcedureFilter().fingerprint == ProcedureFilter().fingerprint)
    }

    @Test("Listing order: rank, then code")
    func cursorOrder() {
        let filter = ProcedureFilter(query: SearchQuery("khai sinh"))
        let exact = Self.procedure("9.000001", name: "Khai sinh")
        let prefixed = Self.procedure("1.000001", name: "Khai sinh có yếu tố nước ngoài")
        #expect(filter.cursor(of: exact) < filter.cursor(of: prefixed))
        #expect(ProcedureFilter().cursor(of: prefixed) < ProcedureFilter().cursor(of: exact))
        #expect(ProcedureCode("1.000001")! < ProcedureCode("1.000002")!)
        #expect(ProcedureCode("A")! > ProcedureCode("9")!)
    }
}
