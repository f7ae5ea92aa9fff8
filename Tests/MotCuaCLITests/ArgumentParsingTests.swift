internal import ArgumentParser
internal import DomainModel
internal import RPCCore
internal import RPCProtobuf
internal import Testing

@testable internal import MotCuaCLI

@Suite("Argument parsing")
struct ArgumentParsingTests {
    @Test("Every command of the tree parses, with its options")
    func commandTree() throws {
        let commands: [[String]] = [
            ["units", "list", "--level", "commune", "--parent", "096", "--as-of", "2022-02-16"],
            ["units", "search", "nam ke"],
            ["units", "show", "03162", "--as-of", "16/02/2022"],
            ["units", "import", "units.csv"],
            ["procedures", "list", "--field", "Hộ tịch", "--level", "commune", "--online-level", "4", "--all"],
            ["procedures", "search", "dang ky khai sinh", "--limit", "3", "--scheme", "full-process"],
            ["procedures", "show", "1.001193"],
            ["procedures", "fields", "--level", "district"],
            ["procedures", "import", "procedures.csv", "--validate-only", "--batch-size", "10"],
            ["calendar", "due", "--received-at", "2022-01-28 09:30", "--procedure", "1.001193"],
            ["calendar", "days", "--year", "2022"],
            ["calendar", "set", "--add", "2023-01-02,compensatory-day-off,Nghỉ bù", "--remove", "2023-01-03"],
            ["catalog", "watch", "--after", "10", "--count", "2"],
            [
                "dossiers", "submit", "--procedure", "1.001193", "--unit", "03162", "--channel", "direct", "--name",
                "A",
                "--id-number", "011234567890",
            ],
            ["dossiers", "show", "03162-220128-0001"],
            ["dossiers", "lookup", "03162-220128-0001", "--id-number", "011234567890"],
            [
                "dossiers", "list", "--status", "processing", "--status", "new", "--from", "2022-01-01", "--to",
                "2022-01-31",
            ],
            ["dossiers", "transition", "03162-220128-0001", "accept", "--actor", "desk"],
            ["dossiers", "import", "dossiers.csv"],
            ["dossiers", "events", "--after", "5", "--follow"],
            ["stats", "report", "11", "--from", "2022-01-01", "--to", "2022-02-16", "--by", "child-unit"],
            ["stats", "activity", "11", "--level", "commune", "--year", "2022", "--sort", "new-total", "--desc"],
            ["stats", "series", "11", "--month", "2022-01", "--per", "week"],
            ["stats", "index", "11", "--year", "2022"],
            ["stats", "gaps", "11", "--year", "2022", "--procedures", "3", "--all"],
            ["stats", "watch", "11", "--year", "2022", "--interval", "500"],
            ["stats", "feed"],
            ["health", "--service", "catalog"],
        ]
        for arguments in commands {
            #expect(throws: Never.self, "\(arguments)") { _ = try MotCuaCommand.parseAsRoot(arguments + ["--json"]) }
        }
    }

    @Test("Every RPC of the three services is reachable from some command")
    func everyRPCIsReachable() {
        let reached: Set<String> = [
            "ListUnits", "GetUnit", "UpsertUnits", "ListProcedures", "GetProcedure", "ListFields", "ImportProcedures",
            "ComputeDueDate", "ListCalendarDays", "SetCalendarDays", "WatchCatalog",
            "SubmitDossier", "GetDossier", "LookupDossier", "ListDossiers", "TransitionDossier", "ImportDossiers",
            "StreamEvents",
            "GetReport", "ListUnitActivity", "GetTimeSeries", "GetServiceIndex", "GetAdoptionGaps", "WatchReport",
            "GetFeedStatus",
        ]
        let all =
            Motcua_Catalog_V1_CatalogService.methods + Motcua_Submission_V1_SubmissionService.methods
            + Motcua_Statistics_V1_StatisticsService.methods
        #expect(Set(all.map(\.method)) == reached)
    }

    @Test("Service addresses: HOST:PORT, [IPv6]:PORT, :PORT; malformed ones are rejected")
    func addresses() {
        #expect(ServiceAddress(parsing: "127.0.0.1:50051") == ServiceAddress(host: "127.0.0.1", port: 50051))
        #expect(ServiceAddress(parsing: "catalog.internal:443") == ServiceAddress(host: "catalog.internal", port: 443))
        #expect(ServiceAddress(parsing: "[::1]:50052") == ServiceAddress(host: "::1", port: 50052))
        #expect(ServiceAddress(parsing: "[::1]:50052")?.description == "[::1]:50052")
        #expect(ServiceAddress(parsing: ":50053") == ServiceAddress(host: "127.0.0.1", port: 50053))
        for bad in ["localhost", "host:", "host:0", "host:70000", "::1:50051", "a b:1", "host:12x"] {
            #expect(ServiceAddress(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test("Addresses: option, else environment variable, else the make run default")
    func addressPrecedence() throws {
        let defaults = try MotCuaCommand.parseAsRoot(["stats", "feed"]) as! StatsCommand.Feed
        #expect(
            try defaults.global.address(of: .catalog, environment: [:])
                == ServiceAddress(host: "127.0.0.1", port: 50051))
        #expect(try defaults.global.address(of: .submission, environment: [:]).port == 50052)
        #expect(try defaults.global.address(of: .statistics, environment: [:]).port == 50053)
        let environment = ["MOTCUA_STATISTICS_ADDRESS": "10.0.0.5:6000"]
        #expect(
            try defaults.global.address(of: .statistics, environment: environment)
                == ServiceAddress(host: "10.0.0.5", port: 6000))
        let explicit =
            try MotCuaCommand.parseAsRoot(["stats", "feed", "--statistics", "stats:7000"]) as! StatsCommand.Feed
        #expect(
            try explicit.global.address(of: .statistics, environment: environment)
                == ServiceAddress(host: "stats", port: 7000))
        #expect(throws: CLIError.self) {
            try defaults.global.address(of: .catalog, environment: ["MOTCUA_CATALOG_ADDRESS": "nonsense"])
        }
    }

    @Test("Global options may come before the subcommand")
    func hoisting() {
        #expect(
            GlobalOptions.hoisting(["--json", "--catalog", "h:1", "units", "show", "03162"])
                == ["units", "show", "03162", "--json", "--catalog", "h:1"])
        #expect(GlobalOptions.hoisting(["--timeout=5", "stats", "feed"]) == ["stats", "feed", "--timeout=5"])
        #expect(
            GlobalOptions.hoisting(["--json", "units", "search", "--", "-x"]) == [
                "units", "search", "--json", "--", "-x",
            ])
        #expect(GlobalOptions.hoisting(["units", "list", "--json"]) == ["units", "list", "--json"])
        #expect(GlobalOptions.hoisting(["--json"]) == ["--json"])
    }

    @Test("Choices: dashed words, proto names or numbers; UNSPECIFIED is never a choice")
    func choices() {
        #expect(Motcua_Catalog_V1_DeadlineUnit(choice: "working-days") == .workingDays)
        #expect(Motcua_Catalog_V1_DeadlineUnit(choice: "WORKING_DAYS") == .workingDays)
        #expect(Motcua_Catalog_V1_DeadlineUnit(choice: "DEADLINE_UNIT_HOURS") == .hours)
        #expect(Motcua_Catalog_V1_DeadlineUnit(choice: "4") == .months)
        #expect(Motcua_Catalog_V1_DeadlineUnit(choice: "unspecified") == nil)
        #expect(Motcua_Catalog_V1_DeadlineUnit(choice: "0") == nil)
        #expect(Motcua_Catalog_V1_DeadlineUnit(choice: "weeks") == nil)
        #expect(Motcua_Submission_V1_DossierStatus.supplementRequested.token == "supplement-requested")
        #expect(Motcua_Submission_V1_DossierAction.allValueStrings.first == "submit")
        #expect(Motcua_Catalog_V1_ImplementingLevel.choiceList == "province, district or commune")
        #expect(Motcua_Statistics_V1_Breakdown(choice: "child-unit") == .childUnit)
    }

    @Test("Periods: --from/--to inclusive, --month, --year; the proto's to_date is the day after")
    func periods() throws {
        func period(_ arguments: [String]) throws -> Motcua_Statistics_V1_Period {
            try (MotCuaCommand.parseAsRoot(["stats", "index", "11"] + arguments) as! StatsCommand.Index).period.period()
        }
        let january = try period(["--from", "2022-01-01", "--to", "2022-02-16"])
        #expect(january.fromDate?.civilDate == CivilDate(year: 2022, month: 1, day: 1))
        #expect(january.toDate?.civilDate == CivilDate(year: 2022, month: 2, day: 17))
        #expect(try period(["--from", "2022-03-05"]).toDate?.civilDate == CivilDate(year: 2022, month: 3, day: 6))
        #expect(try period(["--month", "2024-02"]).toDate?.civilDate == CivilDate(year: 2024, month: 3, day: 1))
        #expect(try period(["--year", "2021"]).toDate?.civilDate == CivilDate(year: 2022, month: 1, day: 1))
        for bad in [
            [], ["--month", "2022-13"], ["--from", "2022-02-01", "--to", "2022-01-01"],
            ["--year", "2022", "--month", "2022-01"],
        ] {
            #expect(throws: (any Error).self, "\(bad)") {
                _ = try MotCuaCommand.parseAsRoot(["stats", "index", "11"] + bad)
            }
        }
    }

    @Test("Dates and instants as users type them")
    func timeInput() {
        #expect(TimeInput.date("2022-01-28") == CivilDate(year: 2022, month: 1, day: 28))
        #expect(TimeInput.date("28/01/2022") == CivilDate(year: 2022, month: 1, day: 28))
        #expect(TimeInput.date("1/2/2022") == CivilDate(year: 2022, month: 2, day: 1))
        #expect(TimeInput.date("2022-02-30") == nil)
        #expect(TimeInput.date("28.01.2022") == nil)
        // 09:30 in Vietnam is 02:30 UTC.
        #expect(TimeInput.instant("2022-01-28 09:30") == fixedNow)
        #expect(TimeInput.instant("2022-01-28T09:30:00") == fixedNow)
        #expect(TimeInput.instant("28/01/2022 09:30") == fixedNow)
        #expect(TimeInput.instant("2022-01-28T02:30:00Z") == fixedNow)
        #expect(TimeInput.instant("2022-01-28T10:30:00+08:00") == fixedNow)
        #expect(TimeInput.instant("2022-01-28T01:30:00-0100") == fixedNow)
        #expect(
            TimeInput.instant("2022-01-28T02:30:00.25Z")
                == UnixInstant(seconds: 1_643_337_000, nanoseconds: 250_000_000))
        #expect(TimeInput.instant("2022-01-28") == UnixInstant(seconds: 1_643_302_800))
        for bad in ["", "2022-01-28 25:00", "2022-01-28 9:30", "yesterday", "2022-01-28T09:30+7"] {
            #expect(TimeInput.instant(bad) == nil, "\(bad)")
        }
    }

    @Test("Usage errors exit with 2 and one line naming the command's help")
    func usageErrors() async {
        let missing = await runCLI(["units", "show"])
        #expect(missing.code == 2)
        #expect(missing.error == "motcua: Missing expected argument '<code>' (see 'motcua units show --help')\n")
        let badValue = await runCLI(["procedures", "list", "--level", "village"])
        #expect(badValue.code == 2)
        #expect(badValue.error.hasPrefix("motcua: The value 'village' is invalid for '--level <level>'"))
        let validation = await runCLI(["calendar", "due", "--deadline", "3 weeks"])
        #expect(validation.code == 2)
        #expect(
            validation.error.contains(
                "--deadline: expected AMOUNT UNIT with UNIT working-days, calendar-days, hours or months"))
        let unknown = await runCLI(["dossiers", "frobnicate"])
        #expect(unknown.code == 2)
        #expect(unknown.error.split(separator: "\n").count == 1)
        let timeout = await runCLI(["stats", "feed", "--timeout", "-1"])
        #expect(timeout.code == 2)
        for result in [missing, badValue, validation, unknown, timeout] {
            #expect(result.output.isEmpty)
            #expect(result.error.split(separator: "\n").count == 1, "\(result.error)")
        }
    }

    @Test("--help and --version print to standard output and exit with 0")
    func help() async {
        let help = await runCLI(["stats", "report", "--help"])
        #expect(help.code == 0)
        #expect(help.output.contains("USAGE: motcua stats report "))
        #expect(
            help.output.contains("<unit> [--from <date>] [--to <date>] [--month <month>] [--year <year>] [--by <by>]"))
        #expect(help.error.isEmpty)
        let version = await runCLI(["--version"])
        #expect(version.code == 0)
        #expect(version.output == "0.1.0\n")
    }

    @Test("Transition options are checked against the action")
    func transitionValidation() async {
        let apology = await runCLI(["dossiers", "transition", "C", "issue-apology", "--actor", "a"])
        #expect(apology.code == 2)
        #expect(apology.error.contains("issue-apology needs --apology-date and --apology-reason"))
        let payment = await runCLI(["dossiers", "transition", "C", "accept", "--actor", "a", "--payment-amount", "5"])
        #expect(payment.code == 2)
        let submit = await runCLI(["dossiers", "transition", "C", "submit", "--actor", "a"])
        #expect(submit.error.contains("use 'motcua dossiers submit'"))
    }
}
