internal import RPCProtobuf
internal import Testing

@testable internal import MotCuaCLI

@Suite("CSV parsing")
struct CSVParsingTests {
    func records(_ text: String) throws -> [CSVRecord] {
        try CSVReader.records(Array(text.utf8))
    }

    @Test("Quoted fields keep commas, doubled quotes and line breaks; records know their line")
    func quoting() throws {
        let parsed = try records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n")
        #expect(parsed.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(parsed.map(\.line) == [1, 2, 4])
    }

    @Test("CRLF and CR line ends, a byte order mark, blank lines and a missing final newline")
    func lineEnds() throws {
        let bom = "\u{FEFF}"
        let parsed = try records(bom + "h1,h2\r\n1,2\r\n\r\n3,4\r5,6")
        #expect(parsed.map(\.fields) == [["h1", "h2"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(parsed.map(\.line) == [1, 2, 4, 5])
    }

    @Test("UTF-8 Vietnamese text is kept as it is, precomposed or decomposed")
    func utf8() throws {
        let parsed = try records("name\nXã Nậm Kè\nXa\u{0303} Na\u{0323}\u{0302}m Ke\u{0300}\n")
        #expect(parsed[1].fields == ["Xã Nậm Kè"])
        #expect(parsed[2].fields == ["Xa\u{0303} Na\u{0323}\u{0302}m Ke\u{0300}"])
        #expect(parsed[1].fields[0] == parsed[2].fields[0])  // canonically equivalent
    }

    @Test("Semicolon-separated files (spreadsheet locales) are recognized from the header")
    func semicolons() throws {
        let parsed = try records("code;name\n1.001193;\"Đăng ký; khai sinh\"\n")
        #expect(parsed.map(\.fields) == [["code", "name"], ["1.001193", "Đăng ký; khai sinh"]])
    }

    @Test("Spaces around quoted fields are ignored")
    func spacesAroundQuotes() throws {
        #expect(try records("a, \"b\" ,c\n")[0].fields == ["a", "b", "c"])
    }

    @Test("Malformed CSV is reported with its line number")
    func malformed() {
        #expect(
            throws: CSVError(
                line: 3, "a quote inside an unquoted field (quote the whole field and double inner quotes)")
        ) {
            try records("a\nb\nab\"c\n")
        }
        #expect(throws: CSVError(line: 2, "text after a closing quote (a field must be quoted as a whole)")) {
            try records("a\n\"b\"c\n")
        }
        #expect(throws: CSVError(line: 2, "a quoted field is not closed before the end of the file")) {
            try records("a\n\"b\nc\n")
        }
        #expect(throws: CSVError(line: 2, "the text is not valid UTF-8 (save the file as UTF-8)")) {
            try CSVReader.records(Array("a\n".utf8) + [0xC3, 0x28, 0x0A])
        }
    }

    @Test("Headers: names normalized, unknown, duplicate and missing columns named")
    func headers() throws {
        let table = try CSVTable(Array(" Code ,Full Name,deadline-unit\n1,2,3\n".utf8), required: ["code"])
        #expect(table.columns == ["code", "full_name", "deadline_unit"])
        #expect(table.value("full_name", in: table.records[0]) == "2")
        #expect(table.value("absent", in: table.records[0]) == "")
        #expect(throws: CSVError(line: 1, "missing columns 'name', 'field'")) {
            try CSVTable(Array("code\n".utf8), required: ["code", "name", "field"])
        }
        #expect(throws: CSVError(line: 1, "column 'code' appears twice in the header")) {
            try CSVTable(Array("code,Code\n".utf8), required: [])
        }
        #expect(throws: CSVError(line: 1, "the file is empty (expected a header line)")) {
            try CSVTable([], required: [])
        }
    }

    // MARK: - Procedures

    static let procedureHeader =
        "code,name,field,implementing_level,online_level,online_scheme,deadline_amount,deadline_unit,fees,issues_paper_result\n"

    @Test("Procedure rows become procedures, with fees and line numbers")
    func procedures() throws {
        let text =
            Self.procedureHeader
            + "1.001193,Đăng ký khai sinh,Hộ tịch,commune,4,full-process,1,working-days,,true\n"
            + "2.000986,\"Cấp giấy phép xây dựng, sửa chữa\",Xây dựng,DISTRICT,3,,15,WORKING_DAYS,\"Lệ phí=75.000; Phí thẩm định = 1,500,000\",no\n"
        let (procedures, lines) = try ProcedureCSV.parse(Array(text.utf8))
        #expect(lines == [2, 3])
        #expect(
            procedures[0]
                == Motcua_Catalog_V1_Procedure.with {
                    $0.code = "1.001193"
                    $0.name = "Đăng ký khai sinh"
                    $0.field = "Hộ tịch"
                    $0.implementingLevel = .commune
                    $0.onlineLevel = 4
                    $0.onlineScheme = .fullProcess
                    $0.legalDeadline = .with {
                        $0.amount = 1
                        $0.unit = .workingDays
                    }
                    $0.issuesPaperResult = true
                })
        #expect(procedures[1].name == "Cấp giấy phép xây dựng, sửa chữa")
        #expect(procedures[1].implementingLevel == .district)
        #expect(procedures[1].onlineScheme == .unspecified)
        #expect(procedures[1].fees.map(\.name) == ["Lệ phí", "Phí thẩm định"])
        #expect(procedures[1].fees.map(\.amountVnd) == [75_000, 1_500_000])
        #expect(!procedures[1].issuesPaperResult)
    }

    @Test("Every bad cell of every row is reported with its line, and nothing is returned")
    func badProcedureRows() {
        let text =
            Self.procedureHeader
            + "1.001193,Đăng ký khai sinh,Hộ tịch,commune,4,full-process,1,working-days,,true\n"
            + "X.1,A,F,village,9,,x,weeks,fee,maybe\n"
            + ",,F,commune,1,,1,hours,,,extra\n"
        do {
            _ = try ProcedureCSV.parse(Array(text.utf8))
            Issue.record("expected problems")
        } catch {
            #expect(
                error.problems.map(\.description) == [
                    "line 3: implementing_level: expected province, district or commune, got 'village'",
                    "line 3: online_level: expected a whole number from 1 to 4, got '9'",
                    "line 3: deadline_amount: expected a whole number from 1 to 8760, got 'x'",
                    "line 3: deadline_unit: expected working-days, calendar-days, hours or months, got 'weeks'",
                    "line 3: fees: expected 'name=amount' entries separated by ';', got 'fee'",
                    "line 3: issues_paper_result: expected true or false, got 'maybe'",
                    "line 4: 11 fields, but the header has 10 columns (quote fields that contain a comma)",
                    "line 4: code: is empty",
                    "line 4: name: is empty",
                ])
        }
    }

    @Test("A procedure file with a misspelt column is rejected at the header")
    func unknownProcedureColumn() {
        #expect(throws: CSVProblems.self) { try ProcedureCSV.parse(Array("code,name,feild\n".utf8)) }
    }

    // MARK: - Units

    @Test("Unit rows: the level follows from the code when not given")
    func units() throws {
        let text =
            "code,name,type,parent_code,valid_from,valid_to\n"
            + "03162,Xã Nậm Kè,commune,096,2021-01-01,\n"
            + "096,Huyện Mường Nhé,district,11,01/01/2021,31/12/2024\n"
        let (units, lines) = try UnitCSV.parse(Array(text.utf8))
        #expect(lines == [2, 3])
        #expect(units.map(\.level) == [.commune, .district])
        #expect(units[0].validTo == nil)
        #expect(units[1].validTo == Fixtures.date(2024, 12, 31))
        #expect(throws: CSVProblems.self) {
            try UnitCSV.parse(Array("code,name,type,valid_from\n1234,X,commune,2021-01-01\n".utf8))
        }
    }

    // MARK: - Dossiers

    static let dossierHeader =
        "source_system,source_id,procedure_code,unit_code,channel,applicant_name,applicant_id_number,received_at,"
        + "step_action,step_at,step_actor,step_note,apology_date,apology_reason,payment_method,payment_amount\n"

    @Test("Dossier rows: a dossier per first row, one step per following row with the same source id")
    func dossiers() throws {
        let text =
            Self.dossierHeader
            + "igate,HS-1,1.001193,03162,direct,Lò Văn Páo,011234567890,2021-12-20 08:15,start-processing,2021-12-20 09:00,cb,,,,,\n"
            + "igate,HS-1,,,,,,,request-payment,2021-12-20 10:00,cb,\"Lệ phí, 8.000 đ\",,,,\n"
            + "igate,HS-1,,,,,,,record-payment,2021-12-20 11:00,,,,,at-desk,8.000\n"
            + "igate,HS-1,,,,,,,issue-apology,2021-12-21 08:00,,,2021-12-24,Chờ xác minh,,\n"
            + "igate,HS-2,1.001193,03127,online,Quàng Thị Mai,011234567891,2022-01-05T10:00:00+07:00,,,,,,,,\n"
        let (dossiers, lines) = try DossierCSV.parse(Array(text.utf8))
        #expect(lines == [2, 6])
        #expect(dossiers.count == 2)
        let first = dossiers[0]
        #expect(first.sourceSystem == "igate")
        #expect(first.sourceID == "HS-1")
        #expect(first.channel == .direct)
        #expect(first.applicant?.fullName == "Lò Văn Páo")
        // 08:15 in Vietnam is 01:15 UTC.
        #expect(first.receivedAt?.seconds == 1_639_962_900)
        #expect(first.history.map(\.action) == [.startProcessing, .requestPayment, .recordPayment, .issueApology])
        #expect(first.history[1].note == "Lệ phí, 8.000 đ")
        #expect(
            first.history[2].payment
                == Motcua_Submission_V1_Payment.with {
                    $0.method = .atDesk
                    $0.amountVnd = 8_000
                })
        #expect(first.history[3].apology?.newDate == Fixtures.date(2021, 12, 24))
        #expect(first.history[3].apology?.reason == "Chờ xác minh")
        #expect(dossiers[1].history.isEmpty)
        #expect(dossiers[1].receivedAt?.seconds == 1_641_351_600)
    }

    @Test("Dossier problems: conflicting step rows, split dossiers, steps without action, bad values")
    func badDossierRows() {
        let text =
            Self.dossierHeader
            + "igate,HS-1,1.001193,03162,direct,A,011234567890,2021-12-20 08:15,,,,,,,,\n"
            + "igate,HS-1,9.9,,,,,,resolve,2021-12-20 09:00,,,,,,\n"
            + "igate,HS-1,,,,,,,,,,note only,,,,\n"
            + "igate,HS-2,1.001193,03162,fax,B,011234567891,yesterday,,,,,,,,\n"
            + "igate,HS-1,1.001193,03162,direct,A,011234567890,2021-12-20 08:15,,,,,,,,\n"
        do {
            _ = try DossierCSV.parse(Array(text.utf8))
            Issue.record("expected problems")
        } catch {
            #expect(
                error.problems.map(\.description) == [
                    "line 3: procedure_code: differs from the dossier's first row (line 2); leave it empty on step rows",
                    "line 4: step_action: is empty on a step row (a row repeating source_id HS-1 adds a step)",
                    "line 5: channel: expected direct, online or postal, got 'fax'",
                    "line 5: received_at: expected a time such as 2022-01-28 09:30 (Vietnam) or 2022-01-28T02:30:00Z, got 'yesterday'",
                    "line 6: source_id: 'HS-1' already started a dossier on line 2; the rows of a dossier must be consecutive",
                ])
        }
    }
}
