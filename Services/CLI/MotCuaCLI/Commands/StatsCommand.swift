public import ArgumentParser
internal import DomainModel
internal import RPCCore
internal import RPCProtobuf

private typealias Statistics = Motcua_Statistics_V1_StatisticsService

/// `motcua stats …`: reports and indicators.
public struct StatsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Reports, unit activity, time series, the 766 index, adoption gaps (statistics).",
        subcommands: [Report.self, Activity.self, Series.self, Index.self, Gaps.self, Watch.self, Feed.self]
    )

    public init() {}

    /// `stats report UNIT`: GetReport.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The report of a unit for a period, optionally broken down (GetReport).",
            discussion: "Example: motcua stats report 11 --from 2022-01-01 --to 2022-02-16 --by child-unit")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "GSO code of the unit (province, district or commune).") var unit: String
        @OptionGroup var period: PeriodOptions
        @Option(name: .customLong("by"), help: "One row per child unit, field, online level or online scheme.")
        var breakdown: Motcua_Statistics_V1_Breakdown?

        func request() throws -> Motcua_Statistics_V1_GetReportRequest {
            let period = try self.period.period()
            return Motcua_Statistics_V1_GetReportRequest.with {
                $0.unitCode = self.unit
                $0.period = period
                $0.breakdown = self.breakdown ?? .unspecified
            }
        }

        func run() async throws {
            let request = try self.request()
            try await CommandSession.run(self.global) { session in
                let report = try await session.clients.unary(
                    .statistics, Statistics.GetReport.descriptor, request,
                    responseType: Statistics.GetReport.Output.self)
                session.output(report) { StatisticsRendering.report(report) }
            }
        }
    }

    /// `stats activity PARENT`: ListUnitActivity.
    struct Activity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Every unit below a parent with its counts, flagging those that received no dossier (ListUnitActivity).",
            discussion:
                "Example: motcua stats activity 11 --level commune --from 2022-01-01 --to 2022-02-16 --without-dossier")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "GSO code of the parent unit.") var parent: String
        @OptionGroup var period: PeriodOptions
        @Option(help: "Every unit of this level below the parent (default: its direct children).")
        var level: Motcua_Catalog_V1_UnitLevel?
        @Option(help: "Sort order (default: code).") var sort: Motcua_Statistics_V1_UnitActivitySort?
        @Flag(name: .customLong("desc"), help: "Largest first.") var descending = false
        @Flag(help: "Only the units that received no dossier in the period.") var withoutDossier = false
        @Flag(help: "Only the units that received no online dossier.") var withoutOnline = false

        func run() async throws {
            let period = try self.period.period()
            let request = Motcua_Statistics_V1_ListUnitActivityRequest.with {
                $0.parentCode = self.parent
                $0.period = period
                $0.level = self.level ?? .unspecified
                $0.sort = self.sort ?? .unspecified
                $0.descending = self.descending
                $0.onlyWithoutDossier = self.withoutDossier
                $0.onlyWithoutOnlineDossier = self.withoutOnline
            }
            try await CommandSession.run(self.global) { session in
                let response = try await session.clients.unary(
                    .statistics, Statistics.ListUnitActivity.descriptor, request,
                    responseType: Statistics.ListUnitActivity.Output.self)
                session.output(response) { StatisticsRendering.activity(response) }
            }
        }
    }

    /// `stats series UNIT`: GetTimeSeries.
    struct Series: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "New dossiers by channel and resolutions per day, week or month (GetTimeSeries).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "GSO code of the unit.") var unit: String
        @OptionGroup var period: PeriodOptions
        @Option(name: .customLong("per"), help: "Bucket length (default: day).") var granularity:
            Motcua_Statistics_V1_Granularity?

        func run() async throws {
            let period = try self.period.period()
            let request = Motcua_Statistics_V1_GetTimeSeriesRequest.with {
                $0.unitCode = self.unit
                $0.period = period
                $0.granularity = self.granularity ?? .unspecified
            }
            try await CommandSession.run(self.global) { session in
                let response = try await session.clients.unary(
                    .statistics, Statistics.GetTimeSeries.descriptor, request,
                    responseType: Statistics.GetTimeSeries.Output.self)
                session.output(response) { StatisticsRendering.series(response) }
            }
        }
    }

    /// `stats index UNIT`: GetServiceIndex.
    struct Index: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The Decision 766/QĐ-TTg indicators with their points (GetServiceIndex).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "GSO code of the unit.") var unit: String
        @OptionGroup var period: PeriodOptions

        func run() async throws {
            let period = try self.period.period()
            let request = Motcua_Statistics_V1_GetServiceIndexRequest.with {
                $0.unitCode = self.unit
                $0.period = period
            }
            try await CommandSession.run(self.global) { session in
                let index = try await session.clients.unary(
                    .statistics, Statistics.GetServiceIndex.descriptor, request,
                    responseType: Statistics.GetServiceIndex.Output.self)
                session.output(index) { StatisticsRendering.serviceIndex(index) }
            }
        }
    }

    /// `stats gaps UNIT`: GetAdoptionGaps.
    struct Gaps: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Communes where online-capable procedures are still filed in person, largest gap first (GetAdoptionGaps)."
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "GSO code of the unit whose communes are ranked.") var unit: String
        @OptionGroup var period: PeriodOptions
        @Option(help: ArgumentHelp("Procedures listed per commune (default 5, at most 100).", valueName: "n"))
        var procedures: Int32?
        @Flag(name: .customLong("all"), help: "Also list communes without a gap.") var includeWithoutGap = false

        func validate() throws {
            if let procedures = self.procedures, !(1...100).contains(procedures) {
                throw ValidationError("--procedures must be 1 to 100, got \(procedures)")
            }
        }

        func run() async throws {
            let period = try self.period.period()
            let request = Motcua_Statistics_V1_GetAdoptionGapsRequest.with {
                $0.unitCode = self.unit
                $0.period = period
                $0.procedureLimit = self.procedures ?? 0
                $0.includeWithoutGap = self.includeWithoutGap
            }
            try await CommandSession.run(self.global) { session in
                let response = try await session.clients.unary(
                    .statistics, Statistics.GetAdoptionGaps.descriptor, request,
                    responseType: Statistics.GetAdoptionGaps.Output.self)
                session.output(response) { StatisticsRendering.adoptionGaps(response) }
            }
        }
    }

    /// `stats watch UNIT`: WatchReport (server streaming, until Ctrl-C).
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The report of GetReport, printed again whenever its numbers change (WatchReport).",
            discussion:
                "Runs until Ctrl-C (or --count updates). In a terminal the screen is redrawn; with --json, one object per line."
        )

        @OptionGroup var global: GlobalOptions
        @Argument(help: "GSO code of the unit.") var unit: String
        @OptionGroup var period: PeriodOptions
        @Option(name: .customLong("by"), help: "One row per child unit, field, online level or online scheme.")
        var breakdown: Motcua_Statistics_V1_Breakdown?
        @Option(
            help: ArgumentHelp(
                "Least time between two updates, in milliseconds (100 to 60000; default 250).", valueName: "ms"))
        var interval: Int32?
        @Option(help: ArgumentHelp("Stop after this many reports.", valueName: "n")) var count: Int?

        func validate() throws {
            if let interval = self.interval, !(100...60_000).contains(interval) {
                throw ValidationError("--interval must be 100 to 60000 milliseconds, got \(interval)")
            }
            if let count = self.count, count < 1 { throw ValidationError("--count must be at least 1") }
        }

        func run() async throws {
            let period = try self.period.period()
            let request = Motcua_Statistics_V1_WatchReportRequest.with {
                $0.report = Motcua_Statistics_V1_GetReportRequest.with {
                    $0.unitCode = self.unit
                    $0.period = period
                    $0.breakdown = self.breakdown ?? .unspecified
                }
                $0.minIntervalMs = self.interval ?? 0
            }
            let limit = self.count
            try await CommandSession.run(self.global) { session in
                let redraw = session.console.outputIsTerminal && !session.json
                let now = session.context.now
                try await session.following(self.global) {
                    try await session.clients.serverStreaming(
                        .statistics, Statistics.WatchReport.descriptor, request, limited: false,
                        responseType: Statistics.WatchReport.Output.self
                    ) { messages in
                        var received = 0
                        for try await message in messages {
                            session.outputStreamed(message) {
                                let head = "Revision \(message.revision) at \(Format.time(now())) (Ctrl-C to stop)\n"
                                let body = message.report.map(StatisticsRendering.report) ?? ""
                                return redraw
                                    ? "\u{1B}[H\u{1B}[2J" + head + body : (received == 0 ? "" : "\n") + head + body
                            }
                            received += 1
                            if let limit, received >= limit { return }
                        }
                    }
                }
            }
        }
    }

    /// `stats feed`: GetFeedStatus.
    struct Feed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Where the statistics feed consumer stands (GetFeedStatus).",
            discussion: """
                With --wait, first waits until the statistics service has applied the submission feed up to its head \
                (the head when the wait begins, from StreamEvents), polling GetFeedStatus with a progress line.
                """)

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Wait until every event of the submission feed is applied.") var wait = false
        @Option(help: ArgumentHelp("Longest wait, in seconds.", valueName: "seconds")) var waitLimit: Double = 600

        func validate() throws {
            guard self.waitLimit > 0 else { throw ValidationError("--wait-limit must be positive") }
        }

        func run() async throws {
            try await CommandSession.run(self.global) { session in
                if self.wait { _ = try await FeedWait.wait(session: session, limitSeconds: self.waitLimit, label: "statistics") }
                let status = try await session.clients.unary(
                    .statistics, Statistics.GetFeedStatus.descriptor, Motcua_Statistics_V1_GetFeedStatusRequest(),
                    responseType: Statistics.GetFeedStatus.Output.self)
                session.output(status) { StatisticsRendering.feedStatus(status) }
            }
        }
    }
}

/// `--from`, `--to` (inclusive), `--month`, `--year`: the period of a statistics command.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day of the period.", valueName: "date")) var from: DateArgument?
    @Option(help: ArgumentHelp("Last day of the period, inclusive (default: --from's day).", valueName: "date"))
    var to: DateArgument?
    @Option(help: ArgumentHelp("A whole month: YYYY-MM.", valueName: "month")) var month: String?
    @Option(help: ArgumentHelp("A whole year.", valueName: "year")) var year: Int?

    func validate() throws {
        _ = try self.period()
    }

    /// The proto period: `[from, to + 1 day)`.
    func period() throws -> Motcua_Statistics_V1_Period {
        let given = [self.from != nil || self.to != nil, self.month != nil, self.year != nil].filter { $0 }.count
        guard given == 1 else {
            throw ValidationError(
                given == 0
                    ? "give the period: --from DATE [--to DATE], --month YYYY-MM or --year YYYY"
                    : "give only one of --from/--to, --month and --year")
        }
        let first: CivilDate
        let last: CivilDate
        if let month = self.month {
            let parts = month.split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]),
                let start = CivilDate(year: year, month: number, day: 1)
            else { throw ValidationError("--month must be YYYY-MM, got '\(month)'") }
            first = start
            last = start.adding(months: 1).adding(days: -1)
        } else if let year = self.year {
            guard let start = CivilDate(year: year, month: 1, day: 1),
                let end = CivilDate(year: year, month: 12, day: 31)
            else { throw ValidationError("--year must be 1 to 9999, got \(year)") }
            first = start
            last = end
        } else {
            guard let from = self.from?.date else { throw ValidationError("--to needs --from") }
            first = from
            last = self.to?.date ?? from
            guard first <= last else { throw ValidationError("--to \(last) is before --from \(first)") }
        }
        return Motcua_Statistics_V1_Period.with {
            $0.fromDate = first.proto
            $0.toDate = last.adding(days: 1).proto
        }
    }
}
