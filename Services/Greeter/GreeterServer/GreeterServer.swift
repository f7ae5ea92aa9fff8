#if canImport(Glibc)
internal import Glibc
#endif
internal import Logging
internal import RPCCore
internal import RPCProtobuf
internal import RPCTransportHTTP2
internal import ServiceLifecycle
internal import ServiceRuntime
internal import UnixSignals

/// `greeter-server --port N`: `helloworld.Greeter/SayHello` on the runtime, for benchmarks.
///
/// A benchmark binary: it parses its few flags by hand so that it links no Foundation (a smaller, leaner process
/// to measure). The services use swift-argument-parser.
@main
struct GreeterServer {
    static let usage = """
        usage: greeter-server [--port N] [--host ADDRESS] [--threads N] [--log-level LEVEL]
          Serves helloworld.Greeter/SayHello ("Hello " + name) for benchmarks. Defaults: 127.0.0.1:50090, 1 thread.
        """

    static func main() async throws {
        var port = 50090
        var host = "127.0.0.1"
        var threads = 1
        var logLevel = "warning"
        var arguments = CommandLine.arguments.dropFirst()
        while let flag = arguments.popFirst() {
            if flag == "--help" || flag == "-h" {
                print(Self.usage)
                return
            }
            guard let value = arguments.popFirst() else { Self.fail("\(flag) needs a value") }
            switch flag {
            case "--port":
                guard let number = Int(value) else { Self.fail("--port: not a number: \(value)") }
                port = number
            case "--host": host = value
            case "--threads":
                guard let number = Int(value) else { Self.fail("--threads: not a number: \(value)") }
                threads = number
            case "--log-level": logLevel = value
            default: Self.fail("unknown flag \(flag)")
            }
        }
        LoggingSetup.bootstrap(level: Logger.Level(name: logLevel) ?? .warning)
        let logger = Logger(label: "motcua.greeter-server")
        var router = RPCRouter()
        router.register(Greeter())
        var config = HTTP2ServerTransport.Config(host: host, port: port)
        config.eventLoopThreads = threads
        let server = RPCServer(transport: HTTP2ServerTransport(config: config, logger: logger), router: router)
        let group = ServiceGroup(
            services: [RPCServerService(server: server)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        try await group.run()
    }

    static func fail(_ message: String) -> Never {
        print("greeter-server: \(message)\n\(Self.usage)")
        exit(2)
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
