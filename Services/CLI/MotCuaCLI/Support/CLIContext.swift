public import DomainModel
public import RPCCore

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// What a command needs from the outside world: the console, environment variables, the clock and
/// a way to reach the services. Commands read ``current``; tests bind their own context (a capturing
/// console, fake transports, a fixed clock) with `CLIContext.$current.withValue(...)`.
public struct CLIContext: Sendable {
    /// Opens a client transport to a service address.
    public typealias TransportFactory =
        @Sendable (ServiceKind, ServiceAddress, _ connectTimeout: Duration?) -> any ClientTransport

    public var console: Console
    public var environment: [String: String]
    public var now: @Sendable () -> UnixInstant
    public var makeTransport: TransportFactory

    public init(
        console: Console,
        environment: [String: String],
        now: @escaping @Sendable () -> UnixInstant,
        makeTransport: @escaping TransportFactory
    ) {
        self.console = console
        self.environment = environment
        self.now = now
        self.makeTransport = makeTransport
    }

    /// The context of the running command.
    @TaskLocal public static var current: CLIContext = .standard()

    /// The real process: standard streams, the process environment, the system clock, HTTP/2.
    public static func standard() -> CLIContext {
        CLIContext(
            console: .standard(),
            environment: Self.processEnvironment(names: ServiceKind.allCases.map(\.environmentVariable)),
            now: Self.systemNow,
            makeTransport: ServiceClients.http2Transport
        )
    }

    private static func processEnvironment(names: [String]) -> [String: String] {
        var environment: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    @Sendable private static func systemNow() -> UnixInstant {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UnixInstant(seconds: Int64(spec.tv_sec), nanoseconds: Int32(spec.tv_nsec))
            ?? UnixInstant(seconds: 0)!
    }
}
