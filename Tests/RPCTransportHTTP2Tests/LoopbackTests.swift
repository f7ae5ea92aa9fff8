import InteropService
import RPCCore
import RPCProtobuf
import RPCStandardServices
import RPCTransportHTTP2
import Synchronization
import Testing

/// Starts a server on a free 127.0.0.1 port for the duration of `body`.
func withTestServer<R: Sendable>(
    configure: (inout HTTP2ServerTransport.Config) -> Void = { _ in },
    register: (inout RPCRouter) -> Void = { _ in },
    _ body: @Sendable (RPCClient, Int) async throws -> R
) async throws -> R {
    var config = HTTP2ServerTransport.Config(host: "127.0.0.1", port: 0)
    config.responseCompression = "gzip"
    config.eventLoopThreads = 1
    configure(&config)
    var router = RPCRouter()
    router.register(TestService())
    register(&router)
    let transport = HTTP2ServerTransport(config: config)
    let server = RPCServer(transport: transport, router: router)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.serve() }
        let port = try await transport.listeningPort()
        let clientTransport = HTTP2ClientTransport(host: "127.0.0.1", port: port)
        defer {
            clientTransport.close()
            server.beginGracefulShutdown()
        }
        let result = try await body(RPCClient(transport: clientTransport), port)
        return result
    }
}

typealias TestServiceAPI = Grpc_Testing_TestService

@Suite("HTTP/2 transport over loopback", .serialized)
struct LoopbackTests {
    static let options = CallOptions(timeout: .seconds(30))

    @Test("unary call round trip")
    func unary() async throws {
        try await withTestServer { client, _ in
            var request = Grpc_Testing_SimpleRequest()
            request.responseSize = 1000
            let response = try await client.unary(
                TestServiceAPI.UnaryCall.descriptor, request: ClientRequest(message: request), options: Self.options,
                responseType: Grpc_Testing_SimpleResponse.self)
            #expect(response.message.payload?.body.count == 1000)
        }
    }

    @Test("many concurrent calls share one connection")
    func concurrentCalls() async throws {
        try await withTestServer { client, _ in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        var request = Grpc_Testing_SimpleRequest()
                        request.responseSize = Int32(index)
                        let response = try await client.unary(
                            TestServiceAPI.UnaryCall.descriptor, request: ClientRequest(message: request),
                            options: Self.options, responseType: Grpc_Testing_SimpleResponse.self)
                        return response.message.payload?.body.count ?? -1
                    }
                }
                var sizes = Set<Int>()
                for try await size in group { sizes.insert(size) }
                #expect(sizes == Set(0..<200))
            }
        }
    }

    @Test("a stream of 100,000 messages")
    func longStream() async throws {
        try await withTestServer { client, _ in
            let response = try await client.clientStreaming(
                TestServiceAPI.StreamingInputCall.descriptor,
                request: StreamingClientRequest { writer in
                    var request = Grpc_Testing_StreamingInputCallRequest()
                    var payload = Grpc_Testing_Payload()
                    payload.body = [1, 2, 3]
                    request.payload = payload
                    for _ in 0..<100_000 { try await writer.write(request) }
                },
                options: CallOptions(timeout: .seconds(120)),
                responseType: Grpc_Testing_StreamingInputCallResponse.self)
            #expect(response.message.aggregatedPayloadSize == 300_000)
        }
    }

    @Test("a 16 MiB message works with raised limits, and is RESOURCE_EXHAUSTED with the default")
    func largeMessage() async throws {
        try await withTestServer(configure: { $0.maxReceiveMessageSize = 32 << 20 }) { _, port in
            var clientConfig = HTTP2ClientTransport.Config(host: "127.0.0.1", port: port)
            clientConfig.maxReceiveMessageSize = 32 << 20
            let transport = HTTP2ClientTransport(config: clientConfig)
            defer { transport.close() }
            let client = RPCClient(transport: transport)
            var request = Grpc_Testing_SimpleRequest()
            request.responseSize = 16 << 20
            var payload = Grpc_Testing_Payload()
            payload.body = [UInt8](repeating: 7, count: 16 << 20)
            request.payload = payload
            let response = try await client.unary(
                TestServiceAPI.UnaryCall.descriptor, request: ClientRequest(message: request),
                options: CallOptions(timeout: .seconds(120)), responseType: Grpc_Testing_SimpleResponse.self)
            #expect(response.message.payload?.body.count == 16 << 20)
        }
        try await withTestServer { client, _ in
            var request = Grpc_Testing_SimpleRequest()
            var payload = Grpc_Testing_Payload()
            payload.body = [UInt8](repeating: 7, count: 5 << 20)
            request.payload = payload
            do {
                _ = try await client.unary(
                    TestServiceAPI.UnaryCall.descriptor, request: ClientRequest(message: request),
                    options: Self.options, responseType: Grpc_Testing_SimpleResponse.self)
                Issue.record("expected RESOURCE_EXHAUSTED")
            } catch let error as RPCError {
                #expect(error.code == .resourceExhausted)
            }
        }
    }

    @Test("unknown methods and services are UNIMPLEMENTED")
    func unimplemented() async throws {
        try await withTestServer { client, _ in
            for descriptor in [TestServiceAPI.UnimplementedCall.descriptor, MethodDescriptor(service: "no.Such", method: "Call")] {
                do {
                    _ = try await client.unary(
                        descriptor, request: ClientRequest(message: Grpc_Testing_Empty()), options: Self.options,
                        responseType: Grpc_Testing_Empty.self)
                    Issue.record("expected UNIMPLEMENTED")
                } catch let error as RPCError {
                    #expect(error.code == .unimplemented)
                }
            }
        }
    }

    @Test("a deadline cancels the server handler and the caller gets DEADLINE_EXCEEDED")
    func deadline() async throws {
        let cancelled = Mutex(false)
        let descriptor = MethodDescriptor(service: "motcua.test.Slow", method: "Sleep")
        try await withTestServer(register: { router in
            router.registerUnary(descriptor) { (_: ServerRequest<Grpc_Testing_Empty>, _) in
                do {
                    try await Task.sleep(for: .seconds(30))
                } catch {
                    cancelled.withLock { $0 = true }
                    throw error
                }
                return ServerResponse(message: Grpc_Testing_Empty())
            }
        }) { client, _ in
            do {
                _ = try await client.unary(
                    descriptor, request: ClientRequest(message: Grpc_Testing_Empty()),
                    options: CallOptions(timeout: .milliseconds(200)), responseType: Grpc_Testing_Empty.self)
                Issue.record("expected DEADLINE_EXCEEDED")
            } catch let error as RPCError {
                #expect(error.code == .deadlineExceeded)
            }
            for _ in 0..<500 where !cancelled.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(20)) }
            #expect(cancelled.withLock { $0 })
        }
    }

    @Test("a handler that throws a non-RPC error ends the call with UNKNOWN")
    func unknownError() async throws {
        struct Boom: Error {}
        let descriptor = MethodDescriptor(service: "motcua.test.Boom", method: "Fail")
        try await withTestServer(register: { router in
            router.registerUnary(descriptor) { (_: ServerRequest<Grpc_Testing_Empty>, _) -> ServerResponse<Grpc_Testing_Empty> in
                throw Boom()
            }
        }) { client, _ in
            do {
                _ = try await client.unary(
                    descriptor, request: ClientRequest(message: Grpc_Testing_Empty()), options: Self.options,
                    responseType: Grpc_Testing_Empty.self)
                Issue.record("expected UNKNOWN")
            } catch let error as RPCError {
                #expect(error.code == .unknown)
            }
        }
    }

    @Test("server interceptors see every call and can reject it")
    func interceptors() async throws {
        struct RequireToken: ServerInterceptor {
            func intercept<Input: Sendable, Output: Sendable>(
                request: StreamingServerRequest<Input>,
                context: ServerContext,
                next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
            ) async throws -> StreamingServerResponse<Output> {
                guard request.metadata.firstString(forKey: "authorization") == "Bearer ok" else {
                    throw RPCError(code: .unauthenticated, message: "missing token")
                }
                return try await next(request, context)
            }
        }
        let descriptor = MethodDescriptor(service: "motcua.test.Guarded", method: "Call")
        try await withTestServer(register: { router in
            router.interceptors = [RequireToken()]
            router.registerUnary(descriptor) { (_: ServerRequest<Grpc_Testing_Empty>, _) in
                ServerResponse(message: Grpc_Testing_Empty())
            }
        }) { client, _ in
            do {
                _ = try await client.unary(
                    descriptor, request: ClientRequest(message: Grpc_Testing_Empty()), options: Self.options,
                    responseType: Grpc_Testing_Empty.self)
                Issue.record("expected UNAUTHENTICATED")
            } catch let error as RPCError {
                #expect(error.code == .unauthenticated)
            }
            _ = try await client.unary(
                descriptor, request: ClientRequest(message: Grpc_Testing_Empty(), metadata: ["authorization": .string("Bearer ok")]),
                options: Self.options, responseType: Grpc_Testing_Empty.self)
        }
    }

    @Test("the client reconnects after the server restarts on the same port")
    func reconnect() async throws {
        let port: Int = try await withTestServer { _, port in port }
        var config = HTTP2ClientTransport.Config(host: "127.0.0.1", port: port)
        config.initialBackoff = .milliseconds(50)
        let transport = HTTP2ClientTransport(config: config)
        defer { transport.close() }
        let client = RPCClient(transport: transport)
        for _ in 0..<2 {
            var serverConfig = HTTP2ServerTransport.Config(host: "127.0.0.1", port: port)
            serverConfig.eventLoopThreads = 1
            var router = RPCRouter()
            router.register(TestService())
            let serverTransport = HTTP2ServerTransport(config: serverConfig)
            let server = RPCServer(transport: serverTransport, router: router)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.serve() }
                _ = try await serverTransport.listeningPort()
                _ = try await client.unary(
                    TestServiceAPI.EmptyCall.descriptor, request: ClientRequest(message: Grpc_Testing_Empty()),
                    options: CallOptions(timeout: .seconds(10), waitForReady: true), responseType: Grpc_Testing_Empty.self)
                server.beginGracefulShutdown()
                try await group.waitForAll()
            }
        }
    }
}
