public import ArgumentParser
internal import RPCCore

/// `motcua`: the root command.
public struct MotCuaCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "motcua",
        abstract: "Command-line client of the MotCua catalog, submission and statistics services.",
        discussion: """
            Servers default to the addresses `make run` uses: catalog 127.0.0.1:50051, submission \
            127.0.0.1:50052, statistics 127.0.0.1:50053 (override with --catalog/--submission/--statistics \
            or MOTCUA_CATALOG_ADDRESS, MOTCUA_SUBMISSION_ADDRESS, MOTCUA_STATISTICS_ADDRESS). Tables are for \
            people; --json prints the proto3 JSON of the responses for scripts. Exit codes: 0 success, \
            1 an RPC or other failure, 2 a usage error. See docs/cli.md.
            """,
        version: "0.1.0",
        subcommands: [
            UnitsCommand.self, ProceduresCommand.self, CalendarCommand.self, CatalogCommand.self,
            DossiersCommand.self, StatsCommand.self, DemoCommand.self, HealthCommand.self,
        ]
    )

    public init() {}
}

/// The entry point shared by the `motcua` executable and the tests.
public enum MotCuaCLI {
    /// Parses `arguments` (without the program name), runs the command in `context` and returns the
    /// exit code: 0 success, 1 failure (RPC error, unreadable file, rejected rows), 2 usage error.
    /// Errors are written as one line on standard error, `motcua: …`.
    public static func run(_ arguments: [String], context: CLIContext) async -> Int32 {
        await CLIContext.$current.withValue(context) {
            do {
                var command = try MotCuaCommand.parseAsRoot(GlobalOptions.hoisting(arguments))
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
                return 0
            } catch {
                return self.report(error, console: context.console)
            }
        }
    }

    /// Writes the message of `error` and returns its exit code.
    static func report(_ error: any Error, console: Console) -> Int32 {
        switch error {
        case let error as ServiceCallError:
            console.errorLine("motcua: \(error)")
            return 1
        case let error as CLIError:
            console.errorLine("motcua: \(error.message)")
            return error.exitCode
        case let error as RPCError:
            console.errorLine("motcua: \(error.code): \(ServiceCallError.oneLine(error.message))")
            return 1
        case let error as ExitCode:
            return error.rawValue
        case is CancellationError:
            console.errorLine("motcua: cancelled")
            return 1
        default:
            let code = MotCuaCommand.exitCode(for: error)
            if code == .success {
                // --help, --version: the text goes to standard output.
                console.line(MotCuaCommand.fullMessage(for: error))
                return 0
            }
            let message = MotCuaCommand.message(for: error)
            let firstLine = message.split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
            let command = self.commandPath(fromUsageIn: MotCuaCommand.fullMessage(for: error, columns: 1_000))
            console.errorLine("motcua: \(firstLine) (see '\(command) --help')")
            return code == .validationFailure ? 2 : code.rawValue
        }
    }

    /// `motcua units show` from the `Usage: motcua units show <code> [--as-of <date>]` line of a
    /// parser message; `motcua` when there is none.
    static func commandPath(fromUsageIn message: String) -> String {
        guard let usage = message.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("Usage:") }) else {
            return "motcua"
        }
        let words = usage.dropFirst("Usage:".count).split(separator: " ")
        let path = words.prefix { word in !["<", "[", "-"].contains(where: { word.hasPrefix($0) }) }
        return path.isEmpty ? "motcua" : path.joined(separator: " ")
    }
}
