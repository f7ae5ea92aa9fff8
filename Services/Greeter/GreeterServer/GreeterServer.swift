internal import ArgumentParser
internal import Logging
internal import RPCCore
internal import RPCProtobuf
internal import RPCTransportHTTP2
internal import ServiceLifecycle
internal import ServiceRuntime
internal import UnixSignals

/// `greeter-server --port N`: `helloworld.Greeter/SayHello` on the runtime, for benchmarks.
@main
struct GreeterServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "greeter-server",
        abstract: "Serves helloworld.Greeter/SayHello (\"Hello \" + name) for benchmarks.")

    @Option(help: "Port to listen on.")
    var port: Int = 50090

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Event loop threads (0: one per core).")
    var threads: Int = 1

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "warning"

    func run() async throws {
        LoggingSetup.bootstrap(level: Logger.Level(name: self.logLevel) ?? .warning)
        let logger = Logger(label: "motcua.greeter-server")
        var router = RPCRouter()
        router.register(Greeter())
        var config = HTTP2ServerTransport.Config(host: self.host, port: self.port)
        config.eventLoopThreads = self.threads
        let server = RPCServer(transport: HTTP2ServerTransport(config: config, logger: logger), router: router)
        let group = ServiceGroup(
            services: [RPCServerService(server: server)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        try await group.run()
    }
}

/// `helloworld.Greeter`.
struct Greeter: RegistrableRPCService {
    func registerMethods(with router: inout RPCRouter) {
        router.registerUnary(Helloworld_Greeter.SayHello.descriptor) { (request: ServerRequest<Helloworld_HelloRequest>, _) in
            var reply = Helloworld_HelloReply()
            reply.message = "Hello " + request.message.name
            return ServerResponse(message: reply)
        }
    }
}
