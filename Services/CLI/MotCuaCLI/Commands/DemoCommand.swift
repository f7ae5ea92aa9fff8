public import ArgumentParser
internal import DemoProvince
internal import DomainModel
internal import RPCCore
internal import RPCProtobuf

private typealias Catalog = Motcua_Catalog_V1_CatalogService
private typealias Submission = Motcua_Submission_V1_SubmissionService
private typealias Statistics = Motcua_Statistics_V1_StatisticsService

/// `motcua demo …`: the DEMO province (the article's Điện Biên, January–February 2022).
public struct DemoCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The DEMO province: load its dossiers through the public RPCs, show the article's picture.",
        discussion: """
            The demo history (Services/Demo/DemoProvince) is generated from the catalog's units, procedures and \
            holiday calendar, deterministically, and reproduces the figures of the February 2022 article on Điện Biên: \
            8,479 dossiers from 1 January to 16 February 2022 (carried over from 2021 plus new), a handful online, 17 \
            of 129 communes without any dossier.
            """,
        subcommands: [Load.self, Picture.self]
    )

    public init() {}

    /// `motcua demo load`: ImportDossiers for the history, SubmitDossier and TransitionDossier for the live ones.
    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the demo province: its history with ImportDossiers, a few live dossiers with SubmitDossier.",
            discussion: """
                Reads the units, procedures and holiday calendar from the catalog, generates the demo history \
                (\(DemoProvince.historyStart.iso8601) to \(DemoProvince.demoToday.iso8601), source system \
                \(DemoProvince.sourceSystem)), imports it, submits the live dossiers (caller \(DemoProvince.liveCaller)), \
                then waits until the statistics service has applied the whole feed (unless --no-wait). Idempotent: \
                ImportDossiers matches dossiers by source id and SubmitDossier/TransitionDossier by request id, so a \
                second run adds nothing. Progress on standard error; the summary (with the figures the statistics \
                service must show) on standard output, or as JSON with --json.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Dossiers per ImportDossiers message (at most 1000).", valueName: "n")) var batchSize = 1000
        @Flag(help: "Do not wait for the statistics service to apply the feed.") var noWait = false
        @Option(help: ArgumentHelp("Longest wait for the statistics service, in seconds.", valueName: "seconds"))
        var waitLimit: Double = 600

        func validate() throws {
            guard (1...1_000).contains(self.batchSize) else {
                throw ValidationError("--batch-size must be 1 to 1000, got \(self.batchSize)")
            }
            guard self.waitLimit > 0 else { throw ValidationError("--wait-limit must be positive") }
        }

        func run() async throws {
            try await CommandSession.run(self.global) { session in
                let started = session.context.now()
                let catalog = try await DemoLoader.catalog(session)
                let plan: DemoProvince.Plan
                do {
                    plan = try DemoProvince.plan(catalog)
                } catch let error as DemoProvince.PlanError {
                    throw CLIError.failure("demo: \(error.message)")
                }
                let steps = plan.dossiers.reduce(0) { $0 + $1.steps.count }
                session.note(
                    "demo: \(Format.grouped(Int64(plan.dossiers.count))) dossiers (\(DemoProvince.historyStart.iso8601) to "
                        + "\(DemoProvince.demoToday.iso8601), \(Format.grouped(Int64(plan.dossiers.count + steps))) events) to import, "
                        + "\(plan.live.count) live ones to submit")
                let imported = try await DemoLoader.importHistory(plan, batchSize: self.batchSize, session: session)
                let live = try await DemoLoader.submitLive(plan, session: session)
                var applied: Int64?
                if !self.noWait {
                    applied = try await FeedWait.wait(session: session, limitSeconds: self.waitLimit, label: "demo: statistics")
                }
                let seconds = Double(session.context.now().seconds - started.seconds)
                let summary = DemoLoader.summary(plan, imported: imported, live: live, applied: applied)
                session.output(json: summary) { DemoLoader.text(plan, imported: imported, live: live, applied: applied, seconds: seconds) }
            }
        }
    }

    /// `motcua demo picture`: the article's figures as the statistics service reports them.
    struct Picture: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The article's picture: the province's report for 1 Jan–16 Feb 2022 and the communes without dossiers.",
            discussion: """
                Calls GetReport (province 11, [2022-01-01, 2022-02-17)), ListUnitActivity (its 129 communes) and \
                ListUnits (district names). Works on any data, not only the demo's.
                """)

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            try await CommandSession.run(self.global) { session in
                let picture = try await DemoPicture.fetch(session)
                session.output(json: picture.json) { picture.text }
            }
        }
    }
}

// MARK: - Loading

/// What `demo load` does, step by step.
enum DemoLoader {
    /// The units in force on the article's first day, every procedure (all pages) and the holiday calendar of the
    /// demo's years, from the catalog.
    static func catalog(_ session: CommandSession) async throws -> DemoProvince.Catalog {
        let unitList = try await session.clients.unary(
            .catalog, Catalog.ListUnits.descriptor,
            Motcua_Catalog_V1_ListUnitsRequest.with { $0.asOf = DemoProvince.Article.from.proto },
            responseType: Catalog.ListUnits.Output.self)
        var units: [DemoProvince.Unit] = []
        for unit in unitList.units {
            guard let level = UnitLevel(proto: unit.level), let type = UnitType(proto: unit.type) else { continue }
            units.append(DemoProvince.Unit(code: unit.code, name: unit.name, level: level, type: type, parentCode: unit.parentCode))
        }
        var procedures: [DemoProvince.Procedure] = []
        var token = ""
        repeat {
            let page = try await session.clients.unary(
                .catalog, Catalog.ListProcedures.descriptor,
                Motcua_Catalog_V1_ListProceduresRequest.with {
                    $0.pageSize = 500
                    $0.pageToken = token
                },
                responseType: Catalog.ListProcedures.Output.self)
            for procedure in page.procedures {
                guard let level = ImplementingLevel(proto: procedure.implementingLevel),
                    let deadline = procedure.legalDeadline.flatMap(LegalDeadline.init(proto:))
                else { continue }
                procedures.append(DemoProvince.Procedure(
                    code: procedure.code, field: procedure.field, implementingLevel: level,
                    onlineLevel: Int(procedure.onlineLevel), deadline: deadline,
                    feeVND: procedure.fees.reduce(0) { $0 + $1.amountVnd }))
            }
            token = page.nextPageToken
        } while !token.isEmpty
        let days = try await session.clients.unary(
            .catalog, Catalog.ListCalendarDays.descriptor,
            Motcua_Catalog_V1_ListCalendarDaysRequest.with {
                $0.startDate = CivilDate(year: DemoProvince.historyStart.year, month: 1, day: 1)!.proto
                $0.endDate = CivilDate(year: DemoProvince.demoToday.year + 1, month: 12, day: 31)!.proto
            },
            responseType: Catalog.ListCalendarDays.Output.self)
        let calendar = WorkingCalendar(days: days.days.compactMap(CalendarDay.init(proto:)))
        return DemoProvince.Catalog(units: units, procedures: procedures, calendar: calendar)
    }

    struct Imported: Sendable {
        var received = 0
        var imported = 0
        var alreadyImported = 0
    }

    /// ImportDossiers, `batchSize` dossiers per message, with a progress line; every rejection is a failure.
    static func importHistory(_ plan: DemoProvince.Plan, batchSize: Int, session: CommandSession) async throws -> Imported {
        let messages = stride(from: 0, to: plan.dossiers.count, by: batchSize).map { start in
            Motcua_Submission_V1_ImportDossiersRequest.with {
                $0.dossiers = plan.dossiers[start..<min(start + batchSize, plan.dossiers.count)].map(Self.imported)
            }
        }
        let progress = ProgressLine(console: session.console, label: "demo: importing dossiers", total: plan.dossiers.count)
        let response = try await session.clients.clientStreaming(
            .submission, Submission.ImportDossiers.descriptor, limited: false,
            responseType: Submission.ImportDossiers.Output.self
        ) { (writer: RPCWriter<Motcua_Submission_V1_ImportDossiersRequest>) in
            for message in messages {
                try await writer.write(message)
                progress.advance(by: message.dossiers.count)
            }
        }
        progress.finish()
        if let first = response.rejected.first {
            let count = Set(response.rejected.map(\.position)).count
            throw CLIError.failure(
                "demo: \(count) dossier\(count == 1 ? "" : "s") rejected, the first \(first.sourceID): \(first.field): \(first.reason)")
        }
        return Imported(
            received: Int(response.received), imported: Int(response.imported), alreadyImported: Int(response.alreadyImported))
    }

    /// One demo dossier as ImportDossiers takes it.
    static func imported(_ dossier: DemoProvince.Dossier) -> Motcua_Submission_V1_ImportedDossier {
        Motcua_Submission_V1_ImportedDossier.with {
            $0.sourceSystem = DemoProvince.sourceSystem
            $0.sourceID = dossier.sourceID
            $0.code = dossier.code
            $0.procedureCode = dossier.procedureCode
            $0.unitCode = dossier.unitCode
            $0.channel = Motcua_Submission_V1_Channel(rawValue: Int32(dossier.channel.rawValue))
            $0.assistedByStaff = dossier.assistedByStaff
            $0.applicant = Self.applicant(dossier.applicant)
            $0.receivedAt = dossier.receivedAt.proto
            $0.receivedBy = dossier.receivedBy
            $0.history = dossier.steps.map { step in
                Motcua_Submission_V1_ImportedStep.with {
                    $0.action = Motcua_Submission_V1_DossierAction(rawValue: Int32(step.action.kind.rawValue))
                    $0.occurredAt = step.at.proto
                    $0.actor = step.actor
                    $0.note = step.note
                    if let apology = step.action.apology {
                        $0.apology = Motcua_Submission_V1_Apology.with {
                            $0.newDate = apology.newDate.proto
                            $0.reason = apology.reason
                        }
                    }
                    if let payment = step.action.payment {
                        $0.payment = Motcua_Submission_V1_Payment.with {
                            $0.method = Motcua_Submission_V1_PaymentMethod(rawValue: Int32(payment.method.rawValue))
                            $0.amountVnd = payment.amountVND
                        }
                    }
                }
            }
        }
    }

    static func applicant(_ applicant: DemoProvince.Applicant) -> Motcua_Submission_V1_Applicant {
        Motcua_Submission_V1_Applicant.with {
            $0.fullName = applicant.fullName
            $0.idNumber = applicant.idNumber
            $0.phone = applicant.phone
            $0.address = applicant.address
        }
    }

    struct Live: Sendable {
        var code: String
        var unitCode: String
        var channel: DossierChannel
        var status: Motcua_Submission_V1_DossierStatus
        var replayed: Bool
    }

    /// SubmitDossier, then each step with TransitionDossier, all with retry keys: a second run replays them.
    static func submitLive(_ plan: DemoProvince.Plan, session: CommandSession) async throws -> [Live] {
        var result: [Live] = []
        for live in plan.live {
            let submitted = try await session.clients.unary(
                .submission, Submission.SubmitDossier.descriptor,
                Motcua_Submission_V1_SubmitDossierRequest.with {
                    $0.caller = DemoProvince.liveCaller
                    $0.requestID = live.requestID
                    $0.procedureCode = live.procedureCode
                    $0.unitCode = live.unitCode
                    $0.channel = Motcua_Submission_V1_Channel(rawValue: Int32(live.channel.rawValue))
                    $0.assistedByStaff = live.assistedByStaff
                    $0.applicant = Self.applicant(live.applicant)
                    $0.receivedBy = live.receivedBy
                    $0.note = live.note
                },
                responseType: Submission.SubmitDossier.Output.self)
            var dossier = submitted.dossier ?? Motcua_Submission_V1_Dossier()
            for (index, step) in live.steps.enumerated() {
                let moved = try await session.clients.unary(
                    .submission, Submission.TransitionDossier.descriptor,
                    Motcua_Submission_V1_TransitionDossierRequest.with {
                        $0.code = dossier.code
                        $0.action = Motcua_Submission_V1_DossierAction(rawValue: Int32(step.rawValue))
                        $0.expectedVersion = Int64(index + 1)
                        $0.actor = step == .accept ? "DEMO:mc-\(live.unitCode)" : "DEMO:cb-\(live.unitCode)"
                        $0.caller = DemoProvince.liveCaller
                        $0.requestID = "\(live.requestID)-step-\(index + 1)"
                    },
                    responseType: Submission.TransitionDossier.Output.self)
                dossier = moved.dossier ?? dossier
            }
            result.append(Live(
                code: dossier.code, unitCode: live.unitCode, channel: live.channel, status: dossier.status, replayed: submitted.replayed))
        }
        return result
    }

    // MARK: - Output

    static func counts(_ counts: DemoProvince.Counts) -> JSONValue {
        .object(JSONObject(counts.columns.map { JSONObject.Member(key: Self.camel($0.name), value: .string(String($0.value))) }))
    }

    static func camel(_ snake: String) -> String {
        var result = ""
        var upper = false
        for character in snake {
            if character == "_" {
                upper = true
            } else {
                result += upper ? character.uppercased() : String(character)
                upper = false
            }
        }
        return result
    }

    static func summary(_ plan: DemoProvince.Plan, imported: Imported, live: [Live], applied: Int64?) -> JSONValue {
        let article = DemoProvince.Article.self
        let composition = plan.composition
        let few = article.few.sorted { $0.key < $1.key }
        var object = JSONObject()
        object.append("sourceSystem", .string(DemoProvince.sourceSystem))
        object.append("historyFrom", .string(DemoProvince.historyStart.iso8601))
        object.append("historyThrough", .string(DemoProvince.demoToday.iso8601))
        object.append("dossiers", .integer(Int64(plan.dossiers.count)))
        object.append("events", .integer(Int64(plan.dossiers.count + composition.steps)))
        object.append("imported", .integer(Int64(imported.imported)))
        object.append("alreadyImported", .integer(Int64(imported.alreadyImported)))
        object.append(
            "live",
            .array(live.map { live -> JSONValue in
                [
                    "code": .string(live.code), "unitCode": .string(live.unitCode), "channel": .string(live.channel.description),
                    "status": .string(live.status.description), "replayed": .bool(live.replayed),
                ]
            }))
        if let applied { object.append("statisticsAppliedSequence", .string(String(applied))) }
        object.append(
            "article",
            [
                "fromDate": .string(article.from.iso8601), "toDate": .string(article.to.iso8601),
                "expected": Self.counts(plan.articleCounts),
                "communesWithoutDossier": .array(article.withoutDossier.map { .string($0) }),
                "communesWithFew": .object(JSONObject(few.map { JSONObject.Member(key: $0.key, value: .integer(Int64($0.value))) })),
            ])
        object.append(
            "composition",
            [
                "years": .array(composition.years.map { year -> JSONValue in
                    [
                        "year": .integer(Int64(year.year)), "total": .integer(Int64(year.total)),
                        "direct": .integer(Int64(year.direct)), "online": .integer(Int64(year.online)),
                        "assisted": .integer(Int64(year.assisted)), "postal": .integer(Int64(year.postal)),
                    ]
                }),
                "atCommunes": .integer(Int64(composition.atCommunes)), "atDistricts": .integer(Int64(composition.atDistricts)),
                "atProvince": .integer(Int64(composition.atProvince)),
                "resolvedEarly": .integer(Int64(composition.resolvedEarly)), "resolvedOnTime": .integer(Int64(composition.resolvedOnTime)),
                "resolvedLateWithApology": .integer(Int64(composition.resolvedLateWithApology)),
                "resolvedLateWithoutApology": .integer(Int64(composition.resolvedLateWithoutApology)),
                "rejected": .integer(Int64(composition.rejected)), "withdrawn": .integer(Int64(composition.withdrawn)),
                "stopped": .integer(Int64(composition.stopped)), "openWithin": .integer(Int64(composition.openWithin)),
                "openOverdue": .integer(Int64(composition.openOverdue)),
                "withSupplement": .integer(Int64(composition.withSupplement)),
                "withApology": .integer(Int64(composition.withApology)), "withPayment": .integer(Int64(composition.withPayment)),
            ])
        return .object(object)
    }

    static func text(_ plan: DemoProvince.Plan, imported: Imported, live: [Live], applied: Int64?, seconds: Double) -> String {
        let n = { (value: Int) in Format.grouped(Int64(value)) }
        let expected = plan.articleCounts
        var lines: [String] = []
        let what = imported.imported == 0 && imported.alreadyImported > 0 ? "already loaded" : "loaded"
        lines.append(
            "Demo province \(what) in \(Format.decimal(seconds, decimals: 0)) s: \(n(imported.imported)) dossiers imported, "
                + "\(n(imported.alreadyImported)) already there (\(DemoProvince.sourceSystem), "
                + "\(Format.date(DemoProvince.historyStart)) – \(Format.date(DemoProvince.demoToday))); "
                + "\(live.count) live dossiers (\(live.filter(\.replayed).count) already submitted): "
                + live.map(\.code).joined(separator: ", "))
        if let applied { lines.append("Statistics has applied the feed up to event \(n(Int(applied))).") }
        lines.append(
            "Expected for 01/01/2022 – 16/02/2022: \(n(expected.toHandle)) dossiers = \(n(expected.carriedOver)) carried over + "
                + "\(n(expected.newTotal)) new (\(n(expected.newOnline)) online); 17 of 129 communes without any dossier.")
        return lines.joined(separator: "\n") + "\n"
    }
}

// MARK: - Waiting for the statistics service

/// Waits until the statistics service has applied the submission feed up to the head it had when the wait began.
enum FeedWait {
    /// The feed's head: the `started` message of StreamEvents.
    static func head(_ session: CommandSession) async throws -> Int64 {
        let request = Motcua_Submission_V1_StreamEventsRequest.with { $0.afterSequence = 0 }
        return try await session.clients.serverStreaming(
            .submission, Submission.StreamEvents.descriptor, request, limited: true,
            responseType: Submission.StreamEvents.Output.self
        ) { messages in
            for try await message in messages {
                if case .started(let started)? = message.message { return started.currentSequence }
            }
            return 0
        }
    }

    /// Polls GetFeedStatus until `applied_sequence` reaches the head, with a progress line; returns the sequence applied.
    static func wait(session: CommandSession, limitSeconds: Double, label: String) async throws -> Int64 {
        let head = try await self.head(session)
        let start = ContinuousClock.now
        let limit = Duration.milliseconds(Int64(limitSeconds * 1000))
        var progress: ProgressLine?
        var lastError = ""
        while true {
            do {
                let status = try await session.clients.unary(
                    .statistics, Statistics.GetFeedStatus.descriptor, Motcua_Statistics_V1_GetFeedStatusRequest(),
                    responseType: Statistics.GetFeedStatus.Output.self)
                if status.appliedSequence >= head {
                    progress?.finish()
                    return status.appliedSequence
                }
                if progress == nil {
                    progress = ProgressLine(console: session.console, label: "\(label) applying events", total: Int(head))
                }
                progress?.set(Int(status.appliedSequence))
                lastError = status.lastError
            } catch let error as ServiceCallError where error.error.code == .unavailable {
                lastError = error.description  // loading: try again
            }
            if ContinuousClock.now - start > limit {
                progress?.finish()
                throw CLIError.failure(
                    "the statistics service did not apply the feed up to event \(head) within \(Format.decimal(limitSeconds, decimals: 1)) s"
                        + (lastError.isEmpty ? "" : " (\(lastError))"))
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}

// MARK: - The article's picture

/// The province's report for the article's period and its communes without dossiers, from the statistics service.
struct DemoPicture {
    var report: Motcua_Statistics_V1_Report
    var activity: Motcua_Statistics_V1_ListUnitActivityResponse
    var districts: [String: String]

    static func fetch(_ session: CommandSession) async throws -> DemoPicture {
        let article = DemoProvince.Article.self
        let period = Motcua_Statistics_V1_Period.with {
            $0.fromDate = article.from.proto
            $0.toDate = article.to.proto
        }
        let report = try await session.clients.unary(
            .statistics, Statistics.GetReport.descriptor,
            Motcua_Statistics_V1_GetReportRequest.with {
                $0.unitCode = DemoProvince.provinceCode
                $0.period = period
            },
            responseType: Statistics.GetReport.Output.self)
        let activity = try await session.clients.unary(
            .statistics, Statistics.ListUnitActivity.descriptor,
            Motcua_Statistics_V1_ListUnitActivityRequest.with {
                $0.parentCode = DemoProvince.provinceCode
                $0.period = period
                $0.level = .commune
                $0.sort = .code
            },
            responseType: Statistics.ListUnitActivity.Output.self)
        let units = try await session.clients.unary(
            .catalog, Catalog.ListUnits.descriptor,
            Motcua_Catalog_V1_ListUnitsRequest.with {
                $0.asOf = article.to.adding(days: -1).proto
                $0.level = .district
            },
            responseType: Catalog.ListUnits.Output.self)
        var districts: [String: String] = [:]
        for unit in units.units { districts[unit.code] = unit.name }
        return DemoPicture(report: report, activity: activity, districts: districts)
    }

    var withoutDossier: [Motcua_Statistics_V1_UnitActivity] { self.activity.units.filter(\.noDossier) }

    /// Communes with 1 to 4 new dossiers.
    var few: [Motcua_Statistics_V1_UnitActivity] {
        self.activity.units.filter { !$0.noDossier && ($0.counts?.newTotal ?? 0) <= 4 }
    }

    var json: JSONValue {
        let total = self.report.total ?? Motcua_Statistics_V1_Counts()
        let unit = { (activity: Motcua_Statistics_V1_UnitActivity) -> JSONValue in
            let ref = activity.unit ?? Motcua_Statistics_V1_UnitRef()
            return [
                "code": .string(ref.code), "name": .string(ref.name), "districtCode": .string(ref.parentCode),
                "districtName": .string(self.districts[ref.parentCode] ?? ""),
                "newTotal": .string(String(activity.counts?.newTotal ?? 0)),
                "newOnline": .string(String(activity.counts?.newOnline ?? 0)),
            ]
        }
        return [
            "period": self.report.period?.jsonValue(includingDefaults: true) ?? .null,
            "total": total.jsonValue(includingDefaults: true),
            "asOfSequence": .string(String(self.report.asOfSequence)),
            "unitCount": .integer(Int64(self.activity.unitCount)),
            "withoutDossierCount": .integer(Int64(self.activity.withoutDossierCount)),
            "withoutOnlineDossierCount": .integer(Int64(self.activity.withoutOnlineDossierCount)),
            "withoutDossier": .array(self.withoutDossier.map(unit)),
            "few": .array(self.few.map(unit)),
        ]
    }

    var text: String {
        let total = self.report.total ?? Motcua_Statistics_V1_Counts()
        let n = { (value: Int64) in Format.grouped(value) }
        var lines: [String] = []
        lines.append("Điện Biên, 01/01/2022 – 16/02/2022 (statistics period [2022-01-01, 2022-02-17)), province report:")
        lines.append("")
        lines.append(
            "  \(n(total.toHandle)) dossiers = \(n(total.carriedOver)) carried over from 2021 + \(n(total.newTotal)) received "
                + "(\(n(total.newDirect)) at the desk, \(n(total.newPostal)) by post, \(n(total.newOnline)) online, "
                + "\(n(total.newAssisted)) of them typed in by desk staff)")
        lines.append(
            "  online share \(Self.percent(total.onlineRate)): level 3/4 online services had almost no dossiers")
        lines.append(
            "  \(n(total.resolvedTotal)) resolved (\(n(total.resolvedEarly)) early, \(n(total.resolvedOnTime)) on time, "
                + "\(n(total.resolvedLate)) late), \(n(total.returned)) returned, \(n(total.inProgressTotal)) in progress on 17/02 "
                + "(\(n(total.inProgressOverdue)) overdue)")
        lines.append("")
        let without = self.withoutDossier
        lines.append("  \(self.activity.withoutDossierCount) of \(self.activity.unitCount) communes received no dossier:")
        let byDistrict = Dictionary(grouping: without) { $0.unit?.parentCode ?? "" }
        for district in byDistrict.keys.sorted() {
            let names = (byDistrict[district] ?? []).compactMap { $0.unit?.name }
            lines.append("    \(self.districts[district] ?? district): \(names.joined(separator: ", "))")
        }
        let few = self.few.map { "\($0.unit?.name ?? "") \($0.counts?.newTotal ?? 0)" }
        if !few.isEmpty { lines.append("  very few: \(few.joined(separator: ", "))") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `0.09%` (two decimals).
    static func percent(_ rate: Double) -> String {
        Format.decimal(rate * 100, decimals: 2) + "%"
    }
}

// MARK: - Conversions and progress

extension UnitLevel {
    init?(proto: Motcua_Catalog_V1_UnitLevel) {
        switch proto {
        case .province: self = .province
        case .district: self = .district
        case .commune: self = .commune
        default: return nil
        }
    }
}

extension UnitType {
    init?(proto: Motcua_Catalog_V1_UnitType) {
        switch proto {
        case .province: self = .province
        case .city: self = .city
        case .town: self = .town
        case .district: self = .district
        case .commune: self = .commune
        case .ward: self = .ward
        case .township: self = .township
        default: return nil
        }
    }
}

extension ImplementingLevel {
    init?(proto: Motcua_Catalog_V1_ImplementingLevel) {
        switch proto {
        case .province: self = .province
        case .district: self = .district
        case .commune: self = .commune
        default: return nil
        }
    }
}

extension LegalDeadline {
    init?(proto: Motcua_Catalog_V1_LegalDeadline) {
        let unit: DeadlineUnit
        switch proto.unit {
        case .workingDays: unit = .workingDays
        case .calendarDays: unit = .calendarDays
        case .hours: unit = .hours
        case .months: unit = .months
        default: return nil
        }
        self.init(amount: Int(proto.amount), unit: unit)
    }
}

extension CalendarDay {
    init?(proto: Motcua_Catalog_V1_CalendarDay) {
        guard let date = proto.date?.civilDate else { return nil }
        let kind: CalendarDayKind
        switch proto.kind {
        case .publicHoliday: kind = .publicHoliday
        case .compensatoryDayOff: kind = .compensatoryDayOff
        case .swappedDayOff: kind = .swappedDayOff
        case .makeUpWorkingDay: kind = .makeUpWorkingDay
        default: return nil
        }
        self.init(date: date, kind: kind, name: proto.name)
    }
}

/// A progress bar on a terminal; elsewhere (logs, pipes) a plain line at every fifth of the way.
final class ProgressLine: Sendable {
    private let bar: ProgressBar
    private let console: Console
    private let label: String
    private let total: Int
    private let terminal: Bool
    private let state = LockedBox<(done: Int, reported: Int)>((0, 0))

    init(console: Console, label: String, total: Int) {
        self.console = console
        self.label = label
        self.total = total
        self.terminal = console.errorIsTerminal
        self.bar = ProgressBar(console: console, label: label, total: total, enabled: self.terminal)
    }

    func advance(by count: Int) {
        let done = self.state.withLock { state -> Int in
            state.done += count
            return state.done
        }
        self.update(done, delta: count)
    }

    func set(_ done: Int) {
        let delta = self.state.withLock { state -> Int in
            let delta = max(0, done - state.done)
            state.done = max(state.done, done)
            return delta
        }
        self.update(done, delta: delta)
    }

    private func update(_ done: Int, delta: Int) {
        if self.terminal {
            if delta > 0 { self.bar.advance(by: delta) }
            return
        }
        let fifth = self.total == 0 ? 5 : min(5, done * 5 / self.total)
        let report = self.state.withLock { state -> Bool in
            guard fifth > state.reported else { return false }
            state.reported = fifth
            return true
        }
        if report { self.console.errorLine("\(self.label): \(done)/\(self.total) (\(fifth * 20)%)") }
    }

    func finish() {
        if self.terminal { self.bar.finish() }
    }
}
