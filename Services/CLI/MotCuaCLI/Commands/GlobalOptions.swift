public import ArgumentParser

/// The options every command accepts: where the services are, JSON output, the call timeout.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(
        name: .customLong("catalog"),
        help: ArgumentHelp(
            "Catalog server address (default: $MOTCUA_CATALOG_ADDRESS or 127.0.0.1:50051).",
            valueName: "host:port"))
    public var catalog: ServiceAddress?

    @Option(
        name: .customLong("submission"),
        help: ArgumentHelp(
            "Submission server address (default: $MOTCUA_SUBMISSION_ADDRESS or 127.0.0.1:50052).",
            valueName: "host:port"))
    public var submission: ServiceAddress?

    @Option(
        name: .customLong("statistics"),
        help: ArgumentHelp(
            "Statistics server address (default: $MOTCUA_STATISTICS_ADDRESS or 127.0.0.1:50053).",
            valueName: "host:port"))
    public var statistics: ServiceAddress?

    @Flag(name: .customLong("json"), help: "Print the responses as proto3 JSON (streams: one object per line).")
    public var json = false

    @Option(
        name: .customLong("timeout"),
        help: ArgumentHelp(
            "Deadline of each call in seconds (default 30; imports and watches: none unless given).",
            valueName: "seconds"))
    public var timeout: Double?

    public init() {}

    public func validate() throws {
        if let timeout = self.timeout, !(timeout > 0 && timeout <= 86_400) {
            throw ValidationError("--timeout must be between 0 and 86400 seconds, got \(timeout)")
        }
    }

    /// Options that take a value.
    static let valueOptions: Set<String> = ["--catalog", "--submission", "--statistics", "--timeout"]
    /// Options without a value.
    static let flagOptions: Set<String> = ["--json"]

    /// Moves global options written before the subcommand (`motcua --json stats report …`) to the
    /// end of the arguments (before a `--` terminator), where the leaf command parses them.
    public static func hoisting(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if Self.flagOptions.contains(argument) || (Self.valueOptions.contains(name) && argument.contains("=")) {
                leading.append(argument)
                index += 1
            } else if Self.valueOptions.contains(argument), index + 1 < arguments.count {
                leading.append(contentsOf: arguments[index...index + 1])
                index += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        var rest = Array(arguments[index...])
        let terminator = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: leading, at: terminator)
        return rest
    }

    /// The default deadline of unary calls.
    public static let defaultTimeout: Duration = .seconds(30)

    /// The address of a service: the option, else its environment variable, else the default.
    public func address(of service: ServiceKind, environment: [String: String]) throws -> ServiceAddress {
        let option: ServiceAddress? =
            switch service {
            case .catalog: self.catalog
            case .submission: self.submission
            case .statistics: self.statistics
            }
        if let option { return option }
        if let text = environment[service.environmentVariable], !text.isEmpty {
            guard let address = ServiceAddress(parsing: text) else {
                throw CLIError.usage("\(service.environmentVariable): expected HOST:PORT, got '\(text)'")
            }
            return address
        }
        return service.defaultAddress
    }

    /// The clients for a command. Calls that are not meant to run indefinitely get `--timeout`
    /// (default 30 s); long-running calls (imports, watches) get it only when it was given.
    func clients(in context: CLIContext) throws -> ServiceClients {
        var addresses: [ServiceKind: ServiceAddress] = [:]
        for service in ServiceKind.allCases {
            addresses[service] = try self.address(of: service, environment: context.environment)
        }
        let explicit = self.timeout.map { Duration.milliseconds(Int64(($0 * 1000).rounded())) }
        return ServiceClients(
            addresses: addresses,
            timeout: explicit ?? Self.defaultTimeout,
            longTimeout: explicit,
            makeTransport: context.makeTransport
        )
    }
}
