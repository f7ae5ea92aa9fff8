public import ArgumentParser
internal import DomainModel
internal import RPCCore
internal import RPCProtobuf

private typealias Catalog = Motcua_Catalog_V1_CatalogService

/// `motcua calendar …`: the working-day calendar and due dates.
public struct CalendarCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "The working-day calendar: due dates, holidays and days off (catalog).",
        subcommands: [Due.self, Days.self, SetDays.self]
    )

    public init() {}

    /// `motcua calendar due`: ComputeDueDate.
    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Compute the appointment date (ngày hẹn trả) of a dossier received at an instant (ComputeDueDate).",
            discussion: """
                Give the deadline either as a procedure (--procedure 1.001193) or explicitly \
                (--deadline '3 working-days', '24 hours', '1 months', '15 calendar-days').
                """)

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp(
                "When the dossier was received: now, 2022-01-28 09:30 (Vietnam) or RFC 3339 (default now).",
                valueName: "time"))
        var receivedAt: InstantArgument?

        @Option(help: ArgumentHelp("Apply this procedure's legal deadline.", valueName: "code"))
        var procedure: String?

        @Option(help: ArgumentHelp("An explicit deadline: AMOUNT UNIT, e.g. '3 working-days'.", valueName: "deadline"))
        var deadline: String?

        func validate() throws {
            if (self.procedure == nil) == (self.deadline == nil) {
                throw ValidationError("give exactly one of --procedure and --deadline")
            }
            if let deadline = self.deadline, Self.parseDeadline(deadline) == nil {
                throw ValidationError(
                    "--deadline: expected AMOUNT UNIT with UNIT \(Motcua_Catalog_V1_DeadlineUnit.choiceList), got '\(deadline)'"
                )
            }
        }

        /// `3 working-days` (also `3 working_days`, `3 WORKING_DAYS`).
        static func parseDeadline(_ text: String) -> Motcua_Catalog_V1_LegalDeadline? {
            let parts = text.split(whereSeparator: { $0 == " " })
            guard parts.count == 2, let amount = Int32(parts[0]), amount > 0,
                let unit = Motcua_Catalog_V1_DeadlineUnit(choice: String(parts[1]))
            else { return nil }
            return Motcua_Catalog_V1_LegalDeadline.with {
                $0.amount = amount
                $0.unit = unit
            }
        }

        func run() async throws {
            let now = CLIContext.current.now
            let request = Motcua_Catalog_V1_ComputeDueDateRequest.with {
                $0.receivedAt = (self.receivedAt?.resolve(now: now) ?? now()).proto
                if let procedure = self.procedure {
                    $0.deadlineSource = .procedureCode(procedure)
                } else if let deadline = self.deadline.flatMap(Self.parseDeadline) {
                    $0.deadlineSource = .deadline(deadline)
                }
            }
            try await CommandSession.run(self.global) { session in
                let response = try await session.clients.unary(
                    .catalog, Catalog.ComputeDueDate.descriptor, request,
                    responseType: Catalog.ComputeDueDate.Output.self)
                session.output(response) { CatalogRendering.dueDate(response) }
            }
        }
    }

    /// `motcua calendar days`: ListCalendarDays.
    struct Days: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List holidays, days off and make-up working days (ListCalendarDays).")

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("First date (default: the earliest entry).", valueName: "date"))
        var from: DateArgument?
        @Option(help: ArgumentHelp("Last date, inclusive (default: the latest entry).", valueName: "date"))
        var to: DateArgument?
        @Option(help: ArgumentHelp("Shorthand for --from YEAR-01-01 --to YEAR-12-31.", valueName: "year"))
        var year: Int?

        func validate() throws {
            if self.year != nil && (self.from != nil || self.to != nil) {
                throw ValidationError("--year cannot be combined with --from or --to")
            }
            if let year = self.year, !(1...9999).contains(year) {
                throw ValidationError("--year must be 1 to 9999, got \(year)")
            }
        }

        func run() async throws {
            let request = Motcua_Catalog_V1_ListCalendarDaysRequest.with {
                if let year = self.year {
                    $0.startDate = CivilDate(year: year, month: 1, day: 1)?.proto
                    $0.endDate = CivilDate(year: year, month: 12, day: 31)?.proto
                } else {
                    $0.startDate = self.from?.date.proto
                    $0.endDate = self.to?.date.proto
                }
            }
            try await CommandSession.run(self.global) { session in
                let response = try await session.clients.unary(
                    .catalog, Catalog.ListCalendarDays.descriptor, request,
                    responseType: Catalog.ListCalendarDays.Output.self)
                session.output(response) { CatalogRendering.calendarDays(response) }
            }
        }
    }

    /// `motcua calendar set`: SetCalendarDays.
    struct SetDays: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Add, replace or remove calendar entries, all or nothing (SetCalendarDays).",
            discussion: """
                Example: motcua calendar set --add '2023-01-02,compensatory-day-off,Nghỉ bù Tết Dương lịch' \
                --remove 2023-01-03. Kinds: public-holiday, compensatory-day-off, swapped-day-off, \
                make-up-working-day.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp("An entry to add or replace: DATE,KIND,NAME (CSV quoting allowed).", valueName: "entry"))
        var add: [String] = []

        @Option(help: ArgumentHelp("A date whose entry is removed.", valueName: "date"))
        var remove: [DateArgument] = []

        func validate() throws {
            if self.add.isEmpty && self.remove.isEmpty {
                throw ValidationError("nothing to do: give --add or --remove")
            }
            for entry in self.add { _ = try Self.parseEntry(entry) }
        }

        /// `2023-01-02,compensatory-day-off,Nghỉ bù Tết Dương lịch`.
        static func parseEntry(_ text: String) throws -> Motcua_Catalog_V1_CalendarDay {
            let fields: [String]
            do {
                fields = try CSVReader.records(Array(text.utf8)).first?.fields ?? []
            } catch {
                throw ValidationError("--add '\(text)': \(error.message)")
            }
            guard fields.count >= 3 else {
                throw ValidationError("--add '\(text)': expected DATE,KIND,NAME")
            }
            guard let date = TimeInput.date(fields[0]) else {
                throw ValidationError("--add '\(text)': '\(fields[0])' is not a date (YYYY-MM-DD)")
            }
            guard let kind = Motcua_Catalog_V1_CalendarDayKind(choice: fields[1]) else {
                throw ValidationError(
                    "--add '\(text)': kind must be \(Motcua_Catalog_V1_CalendarDayKind.choiceList), got '\(fields[1])'")
            }
            return Motcua_Catalog_V1_CalendarDay.with {
                $0.date = date.proto
                $0.kind = kind
                $0.name = fields[2...].joined(separator: ",").trimmingWhitespace()
            }
        }

        func run() async throws {
            let request = Motcua_Catalog_V1_SetCalendarDaysRequest.with {
                $0.days = self.add.compactMap { try? Self.parseEntry($0) }
                $0.remove = self.remove.map(\.date.proto)
            }
            try await CommandSession.run(self.global) { session in
                let response = try await session.clients.unary(
                    .catalog, Catalog.SetCalendarDays.descriptor, request,
                    responseType: Catalog.SetCalendarDays.Output.self)
                session.output(response) { CatalogRendering.setCalendarDays(response) }
            }
        }
    }
}

/// `motcua catalog …`: the catalog's change feed.
public struct CatalogCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "The catalog's change feed.",
        subcommands: [Watch.self]
    )

    public init() {}

    /// `motcua catalog watch`: WatchCatalog (server streaming, until Ctrl-C).
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow changes to procedures, units and calendar days as they are committed (WatchCatalog).",
            discussion: "Runs until Ctrl-C (or --count changes). With --json, one object per line.")

        @OptionGroup var global: GlobalOptions

        @Option(
            help: ArgumentHelp(
                "Replay the changes after this sequence first (0: only new ones).", valueName: "sequence"))
        var after: Int64 = 0

        @Option(help: ArgumentHelp("Stop after this many changes.", valueName: "n"))
        var count: Int?

        func validate() throws {
            if self.after < 0 { throw ValidationError("--after must not be negative") }
            if let count = self.count, count < 1 { throw ValidationError("--count must be at least 1") }
        }

        func run() async throws {
            let request = Motcua_Catalog_V1_WatchCatalogRequest.with { $0.afterSequence = self.after }
            let limit = self.count
            try await CommandSession.run(self.global) { session in
                try await session.following(self.global) {
                    try await session.clients.serverStreaming(
                        .catalog, Catalog.WatchCatalog.descriptor, request, limited: false,
                        responseType: Catalog.WatchCatalog.Output.self
                    ) { messages in
                        var changes = 0
                        for try await message in messages {
                            session.outputStreamed(message) { CatalogRendering.catalogEvent(message) }
                            if case .change? = message.event {
                                changes += 1
                                if let limit, changes >= limit { return }
                            }
                        }
                    }
                }
            }
        }
    }
}
