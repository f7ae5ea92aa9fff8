public import ArgumentParser
internal import RPCCore
internal import RPCProtobuf

private typealias Catalog = Motcua_Catalog_V1_CatalogService

/// `motcua procedures …`: administrative procedures (TTHC).
public struct ProceduresCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "procedures",
        abstract: "Administrative procedures (thủ tục hành chính) of the catalog.",
        subcommands: [List.self, Search.self, Show.self, Fields.self, Import.self]
    )

    public init() {}

    /// Filters and paging shared by `list` and `search`.
    struct Filters: ParsableArguments {
        @Option(help: ArgumentHelp("Only procedures of this field (lĩnh vực), diacritics optional.", valueName: "name"))
        var field: String?

        @Option(help: "Only procedures carried out at this level.")
        var level: Motcua_Catalog_V1_ImplementingLevel?

        @Option(help: ArgumentHelp("Only procedures at this old online level (1 to 4).", valueName: "n"))
        var onlineLevel: Int32?

        @Option(help: "Only procedures of this 2022 online scheme.")
        var scheme: Motcua_Catalog_V1_OnlineScheme?

        @OptionGroup var paging: Paging

        func validate() throws {
            if let level = self.onlineLevel, !(1...4).contains(level) {
                throw ValidationError("--online-level must be 1 to 4, got \(level)")
            }
        }

        func request(query: String) -> Motcua_Catalog_V1_ListProceduresRequest {
            Motcua_Catalog_V1_ListProceduresRequest.with {
                $0.query = query
                $0.field = self.field ?? ""
                $0.implementingLevel = self.level ?? .unspecified
                $0.onlineLevel = self.onlineLevel ?? 0
                $0.onlineScheme = self.scheme ?? .unspecified
                $0.pageToken = self.paging.pageToken ?? ""
            }
        }
    }

    /// `motcua procedures list`: ListProcedures.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List procedures, filtered (ListProcedures).")

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only procedures whose code or name contains these words.", valueName: "text"))
        var query: String?
        @OptionGroup var filters: Filters

        func run() async throws {
            try await listProcedures(
                self.filters.request(query: self.query ?? ""), paging: self.filters.paging, global: self.global)
        }
    }

    /// `motcua procedures search TEXT`: ListProcedures with a query (relevance order).
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find procedures by code or name, diacritics optional: 'dang ky khai sinh' (ListProcedures).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Words of the code or name.") var text: String
        @OptionGroup var filters: Filters

        func run() async throws {
            try await listProcedures(
                self.filters.request(query: self.text), paging: self.filters.paging, global: self.global)
        }
    }

    /// `motcua procedures show CODE`: GetProcedure.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one procedure (GetProcedure).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The procedure code, e.g. 1.001193.") var code: String

        func run() async throws {
            let request = Motcua_Catalog_V1_GetProcedureRequest.with { $0.code = self.code }
            try await CommandSession.run(self.global) { session in
                let procedure = try await session.clients.unary(
                    .catalog, Catalog.GetProcedure.descriptor, request, responseType: Catalog.GetProcedure.Output.self)
                session.output(procedure) { CatalogRendering.procedure(procedure) }
            }
        }
    }

    /// `motcua procedures fields`: ListFields.
    struct Fields: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the fields (lĩnh vực) with their procedure counts (ListFields).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "Only count procedures carried out at this level.")
        var level: Motcua_Catalog_V1_ImplementingLevel?

        func run() async throws {
            let request = Motcua_Catalog_V1_ListFieldsRequest.with { $0.implementingLevel = self.level ?? .unspecified }
            try await CommandSession.run(self.global) { session in
                let response = try await session.clients.unary(
                    .catalog, Catalog.ListFields.descriptor, request, responseType: Catalog.ListFields.Output.self)
                session.output(response) { CatalogRendering.fields(response.fields) }
            }
        }
    }

    /// `motcua procedures import FILE.csv`: ImportProcedures (client streaming).
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load or update procedures from a CSV file, all or nothing (ImportProcedures).",
            discussion: """
                Rows are streamed in batches with a progress bar on standard error (when it is a terminal). \
                Every rejected row is listed with its line; then nothing is written and the exit code is 1. \
                Columns: code, name, field, implementing_level, online_level, deadline_amount, deadline_unit, \
                and optionally online_scheme, fees, issues_paper_result. See docs/cli.md.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The CSV file (UTF-8); - for standard input.", valueName: "file.csv")) var file:
            String

        @Flag(help: "Check and count the rows but write nothing.")
        var validateOnly = false

        @Option(help: ArgumentHelp("Rows per stream message.", valueName: "n"))
        var batchSize = 200

        func validate() throws {
            guard (1...20_000).contains(self.batchSize) else {
                throw ValidationError("--batch-size must be 1 to 20000, got \(self.batchSize)")
            }
        }

        func run() async throws {
            let parsed = try parseCSV(self.file) { bytes throws(CSVProblems) in try ProcedureCSV.parse(bytes) }
            let procedures = parsed.procedures
            let batchSize = self.batchSize
            let validateOnly = self.validateOnly
            try await CommandSession.run(self.global) { session in
                let progress = ProgressBar(
                    console: session.console, label: "Importing procedures", total: procedures.count,
                    enabled: session.console.errorIsTerminal)
                let response = try await session.clients.clientStreaming(
                    .catalog, Catalog.ImportProcedures.descriptor, limited: false,
                    responseType: Catalog.ImportProcedures.Output.self
                ) { (writer: RPCWriter<Motcua_Catalog_V1_ImportProceduresRequest>) in
                    var start = 0
                    repeat {
                        let end = min(start + batchSize, procedures.count)
                        try await writer.write(
                            Motcua_Catalog_V1_ImportProceduresRequest.with {
                                $0.procedures = Array(procedures[start..<end])
                                $0.validateOnly = validateOnly
                            })
                        progress.advance(by: end - start)
                        start = end
                    } while start < procedures.count
                }
                progress.finish()
                session.output(response) { CatalogRendering.importProcedures(response, lines: parsed.lines) }
                if !response.rejected.isEmpty {
                    throw CLIError.failure(
                        "\(self.file): \(response.rejected.count) row problem\(response.rejected.count == 1 ? "" : "s"); nothing was imported"
                    )
                }
            }
        }
    }
}

/// `--limit`, `--all`, `--page-token` of list commands.
struct Paging: ParsableArguments {
    @Option(help: ArgumentHelp("Show at most this many (default 50).", valueName: "n"))
    var limit: Int?

    @Flag(help: "Show every match (all pages).")
    var all = false

    @Option(
        help: ArgumentHelp("Start at this page (the next_page_token of a previous --json output).", valueName: "token"))
    var pageToken: String?

    func validate() throws {
        if let limit = self.limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
        if self.all && self.limit != nil { throw ValidationError("--all and --limit cannot be used together") }
    }

    /// How many to fetch; nil: all.
    var wanted: Int? { self.all ? nil : (self.limit ?? 50) }

    /// The page size to ask for (the services cap it at 500).
    var pageSize: Int32 { Int32(min(self.wanted ?? 500, 500)) }

    /// Fetches pages until `wanted` items are collected or there are no more pages.
    func collect<Item>(
        firstToken: String,
        fetch: (_ token: String, _ pageSize: Int32) async throws -> (items: [Item], next: String, total: Int32)
    ) async throws -> (items: [Item], next: String, total: Int32) {
        var items: [Item] = []
        var token = firstToken
        var total: Int32 = 0
        repeat {
            let remaining = self.wanted.map { $0 - items.count }
            let page = try await fetch(token, remaining.map { Int32(min($0, 500)) } ?? self.pageSize)
            items += page.items
            total = page.total
            token = page.next
        } while !token.isEmpty && (self.wanted.map { items.count < $0 } ?? true)
        if let wanted = self.wanted, items.count > wanted { items = Array(items.prefix(wanted)) }
        return (items, token, total)
    }
}

private func listProcedures(
    _ request: Motcua_Catalog_V1_ListProceduresRequest,
    paging: Paging,
    global: GlobalOptions
) async throws {
    try await CommandSession.run(global) { session in
        let result = try await paging.collect(firstToken: request.pageToken) { token, pageSize in
            var page = request
            page.pageToken = token
            page.pageSize = pageSize
            let response = try await session.clients.unary(
                .catalog, Catalog.ListProcedures.descriptor, page, responseType: Catalog.ListProcedures.Output.self)
            return (response.procedures, response.nextPageToken, response.totalSize)
        }
        let merged = Motcua_Catalog_V1_ListProceduresResponse.with {
            $0.procedures = result.items
            $0.nextPageToken = result.next
            $0.totalSize = result.total
        }
        session.output(merged) {
            guard !result.items.isEmpty else { return "No procedure matches.\n" }
            return CatalogRendering.procedures(result.items)
                + CatalogRendering.pageFooter(
                    shown: result.items.count, total: Int(result.total), noun: "procedure",
                    hasMore: !result.next.isEmpty)
        }
    }
}
