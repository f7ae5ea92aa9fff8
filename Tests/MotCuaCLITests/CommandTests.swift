internal import DomainModel
internal import RPCCore
internal import RPCProtobuf
internal import Testing

@testable internal import MotCuaCLI

/// Commands end to end against a fake server: the requests they send and what they print.
@Suite("Commands")
struct CommandTests {
    // MARK: - Catalog

    @Test("units list: the filters become the request; a table with a count line")
    func unitsList() async throws {
        let server = FakeServer { _ in
            [
                Motcua_Catalog_V1_ListUnitsResponse.with {
                    $0.units = [Fixtures.muongNhe, Fixtures.namKe]
                    $0.asOf = Fixtures.date(2022, 2, 16)
                }
            ]
        }
        let result = await runCLI(
            ["units", "list", "--level", "commune", "--parent", "096", "--as-of", "16/02/2022", "--query", "nam ke"],
            server: server)
        #expect(result.code == 0)
        let request = try server.calls[0].request(Motcua_Catalog_V1_ListUnitsRequest.self)
        #expect(server.calls[0].service == .catalog)
        #expect(server.calls[0].method == "ListUnits")
        #expect(request.level == .commune)
        #expect(request.parentCode == "096")
        #expect(request.asOf == Fixtures.date(2022, 2, 16))
        #expect(request.query == "nam ke")
        #expect(
            result.output == """
                CODE   NAME             LEVEL     TYPE   PARENT  VALID FROM  VALID TO
                -----  ---------------  --------  -----  ------  ----------  --------
                096    Huyện Mường Nhé  district  Huyện  11      01/01/2021
                03162  Xã Nậm Kè        commune   Xã     096     01/01/2021
                2 units in force on 16/02/2022: 1 district, 1 commune

                """)
    }

    @Test("procedures search --all follows every page token")
    func proceduresAllPages() async throws {
        let all = (1...1_200).map(Fixtures.procedure)
        let server = FakeServer { call in
            let request = try call.request(Motcua_Catalog_V1_ListProceduresRequest.self)
            let start = Int(request.pageToken) ?? 0
            let end = min(start + Int(request.pageSize), all.count)
            return [
                Motcua_Catalog_V1_ListProceduresResponse.with {
                    $0.procedures = Array(all[start..<end])
                    $0.nextPageToken = end < all.count ? String(end) : ""
                    $0.totalSize = Int32(all.count)
                }
            ]
        }
        let result = await runCLI(["procedures", "search", "thu tuc", "--all", "--level", "commune"], server: server)
        #expect(result.code == 0)
        let requests = try server.calls.map { try $0.request(Motcua_Catalog_V1_ListProceduresRequest.self) }
        #expect(requests.map(\.pageToken) == ["", "500", "1000"])
        #expect(requests.allSatisfy { $0.query == "thu tuc" && $0.implementingLevel == .commune && $0.pageSize == 500 })
        #expect(result.output.hasSuffix("1200 procedures.\n"))
        let limited = await runCLI(["procedures", "list", "--limit", "3"], server: server)
        #expect(limited.output.hasSuffix("Showing 3 of 1200 procedures (--limit N or --all for more).\n"))
        #expect(limited.output.contains("DEMO-3 "))
        #expect(!limited.output.contains("DEMO-4 "))
    }

    @Test("procedures show: every field, readable")
    func procedureShow() async {
        var procedure = Fixtures.birthRegistration
        procedure.fees = [
            .with {
                $0.name = "Lệ phí"
                $0.amountVnd = 8_000
            }
        ]
        let response = procedure
        let server = FakeServer { _ in [response] }
        let result = await runCLI(["procedures", "show", "1.001193"], server: server)
        #expect(
            result.output == """
                Code                  1.001193
                Name                  Đăng ký khai sinh
                Field                 Hộ tịch
                Implementing level    commune
                Online level          4
                Online scheme (2022)  full-process
                Legal deadline        1 working day
                Fees                  Lệ phí: 8.000 đ
                Paper result          yes
                Demo                  no
                Updated               28/01/2022 09:30
                Revision              3

                """)
    }

    @Test("procedures import: rows streamed in batches, progress on a terminal, rejected rows with their lines")
    func proceduresImport() async throws {
        var csv = "code,name,field,implementing_level,online_level,deadline_amount,deadline_unit\n"
        for index in 1...5 { csv += "P.\(index),Thủ tục \(index),Hộ tịch,commune,2,1,working-days\n" }
        let file = try TemporaryFile(csv)
        let server = FakeServer { call in
            let requests = try call.decode(Motcua_Catalog_V1_ImportProceduresRequest.self)
            return [
                Motcua_Catalog_V1_ImportProceduresResponse.with {
                    $0.received = Int32(requests.flatMap(\.procedures).count)
                    $0.rejected = [
                        .with {
                            $0.position = 4
                            $0.code = "P.4"
                            $0.field = "legal_deadline.amount"
                            $0.reason = "too long"
                        }
                    ]
                }
            ]
        }
        let result = await runCLI(
            ["procedures", "import", file.path, "--batch-size", "2", "--validate-only"], server: server, terminal: true)
        let requests = try server.calls[0].decode(Motcua_Catalog_V1_ImportProceduresRequest.self)
        #expect(server.calls[0].method == "ImportProcedures")
        #expect(requests.map { $0.procedures.map(\.code) } == [["P.1", "P.2"], ["P.3", "P.4"], ["P.5"]])
        #expect(requests.allSatisfy { $0.validateOnly })
        #expect(result.code == 1)
        #expect(
            result.output == """
                LINE  ROW  CODE  FIELD                  REASON
                ----  ---  ----  ---------------------  --------
                   5    4  P.4   legal_deadline.amount  too long
                Nothing imported (the import is all-or-nothing): 5 rows: 0 new, 0 changed, 0 unchanged, 1 rejected.

                """)
        #expect(result.error.contains("\rImporting procedures ["))
        #expect(result.error.contains("5/5 100%\n"))
        #expect(result.error.hasSuffix("motcua: \(file.path): 1 row problem; nothing was imported\n"))
    }

    @Test("procedures import: CSV problems are listed and nothing is sent")
    func proceduresImportBadCSV() async throws {
        let file = try TemporaryFile(
            "code,name,field,implementing_level,online_level,deadline_amount,deadline_unit\nX,A,F,village,1,1,hours\n")
        let server = FakeServer()
        let result = await runCLI(["procedures", "import", file.path], server: server)
        #expect(result.code == 1)
        #expect(server.calls.isEmpty)
        #expect(
            result.error == """
                motcua: \(file.path): line 2: implementing_level: expected province, district or commune, got 'village'
                motcua: \(file.path): 1 problem found; nothing was sent

                """)
    }

    @Test("calendar due: now by default, an explicit deadline or a procedure")
    func dueDate() async throws {
        let server = FakeServer { _ in
            [
                Motcua_Catalog_V1_ComputeDueDateResponse.with {
                    $0.dueDate = Fixtures.date(2022, 2, 9)
                    $0.receivedOn = Fixtures.date(2022, 1, 28)
                    $0.dueAt = .with { $0.seconds = 1_644_425_999 }
                    $0.deadline = .with {
                        $0.amount = 3
                        $0.unit = .workingDays
                    }
                    $0.daysOff = [
                        .with {
                            $0.date = Fixtures.date(2022, 2, 1)
                            $0.kind = .publicHoliday
                            $0.name = "Tết Nguyên đán"
                        }
                    ]
                    $0.explanation = "3 working days"
                }
            ]
        }
        let explicit = await runCLI(["calendar", "due", "--deadline", "3 working-days"], server: server)
        #expect(explicit.code == 0)
        let first = try server.calls[0].request(Motcua_Catalog_V1_ComputeDueDateRequest.self)
        #expect(first.receivedAt?.seconds == fixedNow.seconds)
        #expect(
            first.deadlineSource
                == .deadline(
                    .with {
                        $0.amount = 3
                        $0.unit = .workingDays
                    }))
        #expect(
            explicit.output == """
                Received on       28/01/2022
                Deadline          3 working days
                Due date          09/02/2022 (Wednesday)
                Due by            09/02/2022 23:59:59 (Vietnam time)
                Days off skipped  01/02/2022  Tết Nguyên đán
                Explanation       3 working days

                """)
        _ = await runCLI(
            ["calendar", "due", "--procedure", "1.001193", "--received-at", "2022-01-28T00:00:00Z"], server: server)
        let second = try server.calls[1].request(Motcua_Catalog_V1_ComputeDueDateRequest.self)
        #expect(second.deadlineSource == .procedureCode("1.001193"))
        #expect(second.receivedAt?.seconds == 1_643_328_000)
    }

    @Test("calendar set: entries to add (CSV-quoted) and dates to remove")
    func calendarSet() async throws {
        let server = FakeServer { _ in [Motcua_Catalog_V1_SetCalendarDaysResponse.with { $0.upserted = 1 }] }
        let result = await runCLI(
            [
                "calendar", "set", "--add", "2023-01-02,compensatory-day-off,\"Nghỉ bù, Tết Dương lịch\"", "--remove",
                "2023-01-03",
            ],
            server: server)
        #expect(result.code == 0)
        let request = try server.calls[0].request(Motcua_Catalog_V1_SetCalendarDaysRequest.self)
        #expect(
            request.days == [
                .with {
                    $0.date = Fixtures.date(2023, 1, 2)
                    $0.kind = .compensatoryDayOff
                    $0.name = "Nghỉ bù, Tết Dương lịch"
                }
            ])
        #expect(request.remove == [Fixtures.date(2023, 1, 3)])
        let bad = await runCLI(["calendar", "set", "--add", "2023-01-02,holiday,X"], server: server)
        #expect(bad.code == 2)
    }

    // MARK: - Submission

    @Test("dossiers submit: the applicant, attachments and a random retry key")
    func submit() async throws {
        let server = FakeServer { _ in
            [Motcua_Submission_V1_SubmitDossierResponse.with { $0.dossier = Fixtures.dossier }]
        }
        let result = await runCLI(
            [
                "dossiers", "submit", "--procedure", "1.001193", "--unit", "03162", "--channel", "online", "--assisted",
                "--name", "Lò Văn Páo", "--id-number", "011234567890", "--phone", "0912 345 678",
                "--attachment", "to-khai.pdf,\"Tờ khai, bản chính\",application/pdf,1024",
            ], server: server)
        #expect(result.code == 0)
        let request = try server.calls[0].request(Motcua_Submission_V1_SubmitDossierRequest.self)
        #expect(server.calls[0].service == .submission)
        #expect(request.caller == "motcua-cli")
        #expect(request.requestID.count == 32)
        #expect(request.channel == .online)
        #expect(request.assistedByStaff)
        #expect(request.applicant?.phone == "0912 345 678")
        #expect(
            request.attachments == [
                .with {
                    $0.name = "to-khai.pdf"
                    $0.component = "Tờ khai, bản chính"
                    $0.mediaType = "application/pdf"
                    $0.sizeBytes = 1024
                }
            ])
        #expect(result.output.hasPrefix("Registered dossier 03162-220128-0001, due 09/02/2022.\n"))
        #expect(result.output.contains("\nStatus     accepted (2 Được tiếp nhận)\n"))
    }

    @Test("dossiers transition: reads the current version unless --version is given")
    func transition() async throws {
        let server = FakeServer { call in
            switch call.method {
            case "GetDossier":
                var dossier = Fixtures.dossier
                dossier.version = 4
                return [dossier]
            default:
                var dossier = Fixtures.dossier
                dossier.status = .resolved
                dossier.version = 5
                return [Motcua_Submission_V1_TransitionDossierResponse.with { $0.dossier = dossier }]
            }
        }
        let result = await runCLI(
            [
                "dossiers", "transition", "03162-220128-0001", "issue-apology", "--actor", "cb", "--apology-date",
                "2022-02-20",
                "--apology-reason", "Chờ xác minh",
            ], server: server)
        #expect(result.code == 0)
        #expect(server.calls.map(\.method) == ["GetDossier", "TransitionDossier"])
        let request = try server.calls[1].request(Motcua_Submission_V1_TransitionDossierRequest.self)
        #expect(request.expectedVersion == 4)
        #expect(request.action == .issueApology)
        #expect(request.apology?.newDate == Fixtures.date(2022, 2, 20))
        #expect(result.output.hasPrefix("03162-220128-0001 is now resolved (9 Đã xử lý xong), version 5.\n"))

        _ = await runCLI(
            [
                "dossiers", "transition", "03162-220128-0001", "record-payment", "--actor", "desk", "--version", "2",
                "--payment-method", "online-national-portal", "--payment-amount", "8000",
            ], server: server)
        #expect(server.calls.count == 3)
        let payment = try server.calls[2].request(Motcua_Submission_V1_TransitionDossierRequest.self)
        #expect(payment.expectedVersion == 2)
        #expect(
            payment.payment
                == .with {
                    $0.method = .onlineNationalPortal
                    $0.amountVnd = 8_000
                })
    }

    @Test("dossiers list: --to is inclusive (the request's received_to is the next day)")
    func dossiersList() async throws {
        let server = FakeServer { _ in [Motcua_Submission_V1_ListDossiersResponse()] }
        let result = await runCLI(
            [
                "dossiers", "list", "--unit", "03162", "--status", "processing", "--status", "supplement-requested",
                "--from", "2022-01-01", "--to", "2022-01-31", "--channel", "postal",
            ], server: server)
        #expect(result.output == "No dossier matches.\n")
        let request = try server.calls[0].request(Motcua_Submission_V1_ListDossiersRequest.self)
        #expect(request.statuses == [.processing, .supplementRequested])
        #expect(request.receivedFrom == Fixtures.date(2022, 1, 1))
        #expect(request.receivedTo == Fixtures.date(2022, 2, 1))
        #expect(request.channel == .postal)
        #expect(request.pageSize == 50)
    }

    @Test("dossiers import: dossiers streamed in batches; rejected ones listed by CSV line; exit 1")
    func dossiersImport() async throws {
        var csv =
            "source_system,source_id,procedure_code,unit_code,channel,applicant_name,applicant_id_number,received_at,step_action,step_at\n"
        for index in 1...3 {
            csv +=
                "igate,HS-\(index),1.001193,03162,direct,Người \(index),01123456789\(index),2022-01-0\(index) 08:00,start-processing,2022-01-0\(index) 09:00\n"
            csv += "igate,HS-\(index),,,,,,,resolve,2022-01-0\(index) 10:00\n"
        }
        let file = try TemporaryFile(csv)
        let server = FakeServer { call in
            let requests = try call.decode(Motcua_Submission_V1_ImportDossiersRequest.self)
            return [
                Motcua_Submission_V1_ImportDossiersResponse.with {
                    $0.received = Int32(requests.flatMap(\.dossiers).count)
                    $0.imported = 2
                    $0.rejected = [
                        .with {
                            $0.position = 3
                            $0.sourceSystem = "igate"
                            $0.sourceID = "HS-3"
                            $0.field = "unit_code"
                            $0.reason = "no unit 03162 in force"
                        }
                    ]
                }
            ]
        }
        let result = await runCLI(["dossiers", "import", file.path, "--batch-size", "2"], server: server)
        let requests = try server.calls[0].decode(Motcua_Submission_V1_ImportDossiersRequest.self)
        #expect(requests.map { $0.dossiers.map(\.sourceID) } == [["HS-1", "HS-2"], ["HS-3"]])
        #expect(requests[0].dossiers[0].history.map(\.action) == [.startProcessing, .resolve])
        #expect(result.code == 1)
        #expect(
            result.output == """
                LINE  DOSSIER  SOURCE ID  FIELD      REASON
                ----  -------  ---------  ---------  ----------------------
                   6        3  HS-3       unit_code  no unit 03162 in force
                3 dossiers: 2 imported, 0 already imported, 1 rejected.

                """)
        #expect(result.error == "motcua: \(file.path): 1 dossier rejected\n")
    }

    @Test("dossiers events: stops at the feed's head unless --follow")
    func events() async throws {
        @Sendable func event(_ sequence: Int64) -> Motcua_Submission_V1_StreamEventsResponse {
            .with {
                $0.message = .event(
                    .with {
                        $0.sequence = sequence
                        $0.dossierCode = "03162-220128-000\(sequence)"
                        $0.action = .submit
                        $0.status = .accepted
                        $0.occurredAt = .with { $0.seconds = 1_643_337_000 }
                        $0.unitCode = "03162"
                        $0.procedureCode = "1.001193"
                    })
            }
        }
        let server = FakeServer { _ in
            [
                Motcua_Submission_V1_StreamEventsResponse.with {
                    $0.message = .started(.with { $0.currentSequence = 2 })
                },
                event(1), event(2), event(3),
            ]
        }
        let result = await runCLI(["dossiers", "events"], server: server)
        #expect(result.code == 0)
        #expect(
            result.output == """
                feed at sequence 2
                1  28/01/2022 09:30  03162-220128-0001  submit  accepted  03162  1.001193
                2  28/01/2022 09:30  03162-220128-0002  submit  accepted  03162  1.001193

                """)
        let counted = await runCLI(["dossiers", "events", "--follow", "--count", "3", "--json"], server: server)
        #expect(counted.output.split(separator: "\n").count == 4)
    }

    // MARK: - Statistics

    static let communes: [Motcua_Statistics_V1_UnitActivity] = [
        .with {
            $0.unit = .with {
                $0.code = "03127"
                $0.name = "Phường Him Lam"
                $0.level = .commune
            }
            $0.counts = Fixtures.counts(new: 1, online: 0)
            $0.noOnlineDossier = true
        },
        .with {
            $0.unit = .with {
                $0.code = "03162"
                $0.name = "Xã Nậm Kè"
                $0.level = .commune
            }
            $0.counts = Fixtures.counts(new: 0, online: 0)
            $0.noDossier = true
            $0.noOnlineDossier = true
            $0.idle = true
        },
    ]

    @Test("stats activity: the units, their flags, and the communes that received nothing")
    func activity() async throws {
        let server = FakeServer { _ in
            [
                Motcua_Statistics_V1_ListUnitActivityResponse.with {
                    $0.parent = .with {
                        $0.code = "11"
                        $0.name = "Tỉnh Điện Biên"
                        $0.level = .province
                    }
                    $0.period = Fixtures.period
                    $0.units = Self.communes
                    $0.unitCount = 129
                    $0.withoutDossierCount = 17
                    $0.withoutOnlineDossierCount = 120
                    $0.idleCount = 3
                    $0.parentCounts = Fixtures.counts(new: 8_479, online: 12)
                }
            ]
        }
        let result = await runCLI(
            [
                "stats", "activity", "11", "--level", "commune", "--from", "2022-01-01", "--to", "2022-02-16", "--sort",
                "name",
            ],
            server: server)
        #expect(result.code == 0)
        let request = try server.calls[0].request(Motcua_Statistics_V1_ListUnitActivityRequest.self)
        #expect(request.level == .commune)
        #expect(request.sort == .name)
        #expect(request.period == Fixtures.period)
        #expect(
            result.output == """
                Tỉnh Điện Biên (11), 01/01/2022 – 16/02/2022

                CODE   NAME             NEW  ONLINE  DIRECT  POSTAL  TO HANDLE  RESOLVED  OVERDUE  ONLINE %  ON TIME %  FLAGS
                -----  --------------  ----  ------  ------  ------  ---------  --------  -------  --------  ---------  ----------------
                03127  Phường Him Lam     1       0       1       0          1         0        0      0.0%       0.0%  no online
                03162  Xã Nậm Kè          0       0       0       0          0         0        0      0.0%       0.0%  no dossier, idle
                -----  --------------  ----  ------  ------  ------  ---------  --------  -------  --------  ---------  ----------------
                       Total           8479      12    8467       0       8479         0        0      0.1%       0.0%

                17 of 129 communes received no dossier; 120 received no online dossier; 3 had nothing to handle.
                No dossier: Xã Nậm Kè (03162).

                """)
    }

    @Test("stats report --by: one row per child with a total row")
    func reportRows() async {
        let report = Motcua_Statistics_V1_Report.with {
            $0.unit = .with {
                $0.code = "096"
                $0.name = "Huyện Mường Nhé"
            }
            $0.period = Fixtures.period
            $0.breakdown = .childUnit
            $0.rows = [
                .with {
                    $0.kind = .unitItself
                    $0.key = "096"
                    $0.label = "Huyện Mường Nhé"
                    $0.counts = Fixtures.counts(new: 2, online: 1)
                },
                .with {
                    $0.kind = .childUnit
                    $0.key = "03162"
                    $0.label = "Xã Nậm Kè"
                    $0.counts = Fixtures.counts(new: 0, online: 0)
                },
            ]
            $0.total = Fixtures.counts(new: 2, online: 1)
            $0.asOfSequence = 9
        }
        let server = FakeServer { _ in [report] }
        let result = await runCLI(
            ["stats", "report", "096", "--month", "2022-01", "--by", "child-unit"], server: server)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Huyện Mường Nhé (096), 01/01/2022 – 16/02/2022, by child-unit (feed sequence 9)")
        #expect(lines[2].hasPrefix("UNIT                      CARRIED  ONLINE"))
        #expect(lines[4].hasPrefix("Huyện Mường Nhé (itself)        0       1       1       0    2"))
        #expect(lines[5].hasPrefix("Xã Nậm Kè                       0       0       0       0    0"))
        #expect(lines[7].hasPrefix("Total                           0       1       1       0    2"))
        #expect(lines[7].hasSuffix("50.0%       0.0%"))
    }

    @Test("stats watch: a report per message, --count stops")
    func watch() async throws {
        let server = FakeServer { _ in
            (1...3).map { revision in
                Motcua_Statistics_V1_WatchReportResponse.with {
                    $0.revision = Int64(revision)
                    $0.report = .with {
                        $0.unit = .with { $0.code = "11" }
                        $0.period = Fixtures.period
                        $0.total = Fixtures.counts(new: Int64(revision), online: 0)
                    }
                }
            }
        }
        let result = await runCLI(
            ["stats", "watch", "11", "--year", "2022", "--count", "2", "--interval", "100"], server: server)
        #expect(result.code == 0)
        let request = try server.calls[0].request(Motcua_Statistics_V1_WatchReportRequest.self)
        #expect(request.minIntervalMs == 100)
        #expect(request.report?.unitCode == "11")
        #expect(result.output.split(separator: "\n").filter { $0.hasPrefix("Revision ") }.count == 2)
        #expect(result.output.contains("Revision 2 at 09:30:00 (Ctrl-C to stop)"))
        #expect(!result.output.contains("Revision 3"))
    }

    @Test("stats series, index, gaps and feed render their responses")
    func otherStatistics() async {
        let server = FakeServer { call in
            switch call.method {
            case "GetTimeSeries":
                return [
                    Motcua_Statistics_V1_GetTimeSeriesResponse.with {
                        $0.granularity = .week
                        $0.points = [
                            .with {
                                $0.start = Fixtures.date(2022, 1, 3)
                                $0.end = Fixtures.date(2022, 1, 10)
                                $0.newTotal = 10
                                $0.newDirect = 10
                            },
                            .with {
                                $0.start = Fixtures.date(2022, 1, 10)
                                $0.end = Fixtures.date(2022, 1, 17)
                                $0.newTotal = 5
                                $0.newOnline = 5
                                $0.onlineRate = 1
                            },
                        ]
                    }
                ]
            case "GetServiceIndex":
                return [
                    Motcua_Statistics_V1_ServiceIndex.with {
                        $0.indicators = [
                            .with {
                                $0.code = "2.1"
                                $0.name = "Tỷ lệ hồ sơ xử lý đúng hạn"
                                $0.numerator = 9
                                $0.denominator = 10
                                $0.rate = 0.9
                                $0.threshold = 1
                                $0.maxPoints = 20
                                $0.points = 18
                            }
                        ]
                        $0.points = 18
                        $0.maxPoints = 20
                        $0.notSupported = ["1.1: not in the catalog"]
                    }
                ]
            case "GetAdoptionGaps":
                return [
                    Motcua_Statistics_V1_GetAdoptionGapsResponse.with {
                        $0.communes = [
                            .with {
                                $0.rank = 1
                                $0.unit = .with {
                                    $0.code = "03127"
                                    $0.name = "Phường Him Lam"
                                }
                                $0.inPersonOnlineCapable = 7
                                $0.procedures = [
                                    .with {
                                        $0.procedureCode = "1.001193"
                                        $0.procedureName = "Đăng ký khai sinh"
                                        $0.inPerson = 7
                                    }
                                ]
                            }
                        ]
                        $0.totalInPersonOnlineCapable = 7
                    }
                ]
            default:
                return [
                    Motcua_Statistics_V1_FeedStatus.with {
                        $0.state = .following
                        $0.appliedSequence = 40
                        $0.headSequence = 42
                        $0.dossiers = 8_479
                    }
                ]
            }
        }
        let series = await runCLI(["stats", "series", "11", "--month", "2022-01", "--per", "week"], server: server)
        #expect(series.output.contains("03/01/2022  09/01/2022       0      10"))
        #expect(series.output.contains("████████████████████\n"))
        #expect(series.output.contains("Total                        5      10       0         0   15"))
        let index = await runCLI(["stats", "index", "11", "--year", "2022"], server: server)
        #expect(
            index.output.contains(
                "2.1   Tỷ lệ hồ sơ xử lý đúng hạn          9           10  90.0%     100.0%      18   20"))
        #expect(index.output.hasSuffix("Not computed:\n  1.1: not in the catalog\n"))
        let gaps = await runCLI(["stats", "gaps", "11", "--year", "2022"], server: server)
        #expect(gaps.output.contains("   1  Phường Him Lam (03127)                  7       0          0.0%    0"))
        #expect(gaps.output.contains("        ↳ 1.001193 Đăng ký khai sinh          7       0"))
        let feed = await runCLI(["stats", "feed"], server: server)
        #expect(feed.output.contains("State             following\n"))
        #expect(feed.output.contains("Applied sequence  40 (2 behind)\n"))
        for result in [series, index, gaps, feed] { #expect(result.code == 0) }
    }
}
