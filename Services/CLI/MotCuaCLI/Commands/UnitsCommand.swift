public import ArgumentParser
internal import RPCProtobuf

private typealias Catalog = Motcua_Catalog_V1_CatalogService

/// `motcua units …`: administrative units.
public struct UnitsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Administrative units: province, districts, communes (catalog).",
        subcommands: [List.self, Search.self, Show.self, Import.self]
    )

    public init() {}

    /// Filters shared by `list` and `search`.
    struct Filters: ParsableArguments {
        @Option(help: ArgumentHelp("The date the units are in force (default: today in Vietnam).", valueName: "date"))
        var asOf: DateArgument?

        @Option(help: "Only units of this level.")
        var level: Motcua_Catalog_V1_UnitLevel?

        @Option(help: ArgumentHelp("Only the direct children of this unit.", valueName: "code"))
        var parent: String?

        func request(query: String) -> Motcua_Catalog_V1_ListUnitsRequest {
            Motcua_Catalog_V1_ListUnitsRequest.with {
                $0.asOf = self.asOf?.date.proto
                $0.level = self.level ?? .unspecified
                $0.parentCode = self.parent ?? ""
                $0.query = query
            }
        }
    }

    /// `motcua units list`: ListUnits.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the units in force on a date (ListUnits).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: Filters

        @Option(
            help: ArgumentHelp("Only units whose name contains these words (diacritics optional).", valueName: "text"))
        var query: String?

        func run() async throws {
            try await listUnits(self.filters.request(query: self.query ?? ""), global: self.global)
        }
    }

    /// `motcua units search TEXT`: ListUnits with a query.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find units by name, with or without diacritics: 'nam ke' finds Xã Nậm Kè (ListUnits).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Words of the name.") var text: String
        @OptionGroup var filters: Filters

        func run() async throws {
            try await listUnits(self.filters.request(query: self.text), global: self.global)
        }
    }

    /// `motcua units show CODE`: GetUnit.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one unit (GetUnit).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "GSO code: 2 (province), 3 (district) or 5 digits (commune).") var code: String

        @Option(
            help: ArgumentHelp(
                "The version in force on this date (default: today's, else the latest).", valueName: "date"))
        var asOf: DateArgument?

        func run() async throws {
            let request = Motcua_Catalog_V1_GetUnitRequest.with {
                $0.code = self.code
                $0.asOf = self.asOf?.date.proto
            }
            try await CommandSession.run(self.global) { session in
                let unit = try await session.clients.unary(
                    .catalog, Catalog.GetUnit.descriptor, request, responseType: Catalog.GetUnit.Output.self)
                session.output(unit) { CatalogRendering.unit(unit) }
            }
        }
    }

    /// `motcua units import FILE.csv`: UpsertUnits.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or replace unit versions from a CSV file, all or nothing (UpsertUnits).",
            discussion:
                "Columns: code, name, type, valid_from, and optionally level, parent_code, valid_to. See docs/cli.md.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The CSV file (UTF-8); - for standard input.", valueName: "file.csv")) var file:
            String

        func run() async throws {
            let parsed = try parseCSV(self.file) { bytes throws(CSVProblems) in try UnitCSV.parse(bytes) }
            let request = Motcua_Catalog_V1_UpsertUnitsRequest.with { $0.units = parsed.units }
            try await CommandSession.run(self.global) { session in
                let response = try await session.clients.unary(
                    .catalog, Catalog.UpsertUnits.descriptor, request, responseType: Catalog.UpsertUnits.Output.self)
                session.output(response) { CatalogRendering.upsertUnits(response) }
            }
        }
    }
}

private func listUnits(_ request: Motcua_Catalog_V1_ListUnitsRequest, global: GlobalOptions) async throws {
    try await CommandSession.run(global) { session in
        let response = try await session.clients.unary(
            .catalog, Catalog.ListUnits.descriptor, request, responseType: Catalog.ListUnits.Output.self)
        session.output(response) { CatalogRendering.units(response.units, asOf: response.asOf) }
    }
}

/// Reads and parses a CSV file, turning every problem into a failure that lists them (one per line).
func parseCSV<Parsed>(_ path: String, _ parse: ([UInt8]) throws(CSVProblems) -> Parsed) throws -> Parsed {
    let bytes = try FileInput.read(path)
    do {
        return try parse(bytes)
    } catch {
        let console = CLIContext.current.console
        for problem in error.problems {
            console.errorLine("motcua: \(path): \(problem)")
        }
        let count = error.problems.count
        throw CLIError.failure("\(path): \(count) problem\(count == 1 ? "" : "s") found; nothing was sent")
    }
}
