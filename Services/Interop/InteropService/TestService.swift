public import RPCCore
internal import RPCProtobuf

/// The gRPC interop `grpc.testing.TestService`, as gRPC's interop test descriptions specify it.
public struct TestService: RegistrableRPCService {
    private typealias Service = Grpc_Testing_TestService
    static let echoInitialKey = "x-grpc-test-echo-initial"
    static let echoTrailingKey = "x-grpc-test-echo-trailing-bin"

    public init() {}

    public func registerMethods(with router: inout RPCRouter) {
        router.registerUnary(Service.EmptyCall.descriptor) { (request: ServerRequest<Grpc_Testing_Empty>, context) in
            ServerResponse(
                message: Grpc_Testing_Empty(),
                metadata: Self.echoInitial(context),
                trailingMetadata: Self.echoTrailing(context))
        }
        router.registerUnary(Service.UnaryCall.descriptor) { request, context in
            try Self.unary(request, context)
        }
        router.registerUnary(Service.CacheableUnaryCall.descriptor) { request, context in
            var response = try Self.unary(request, context)
            response.metadata.addString("max-age=60", forKey: "cache-control")
            return response
        }
        router.registerServerStreaming(Service.StreamingOutputCall.descriptor) {
            (request: ServerRequest<Grpc_Testing_StreamingOutputCallRequest>, context) in
            let message = request.message
            return StreamingServerResponse(metadata: Self.echoInitial(context)) { writer in
                try await Self.respond(to: message, writer: writer)
                if let status = message.responseStatus, status.code != 0 {
                    throw RPCError(code: Status.Code(rawValue: Int(status.code)), message: status.message, metadata: Self.echoTrailing(context))
                }
                return Self.echoTrailing(context)
            }
        }
        router.registerClientStreaming(Service.StreamingInputCall.descriptor) {
            (request: StreamingServerRequest<Grpc_Testing_StreamingInputCallRequest>, context) in
            var total = 0
            for try await received in request.receivedMessages {
                if received.message.expectCompressed?.value == true && !received.wasCompressed {
                    throw RPCError(code: .invalidArgument, message: "expected a compressed request message")
                }
                total += received.message.payload?.body.count ?? 0
            }
            var response = Grpc_Testing_StreamingInputCallResponse()
            response.aggregatedPayloadSize = Int32(total)
            return ServerResponse(message: response, metadata: Self.echoInitial(context), trailingMetadata: Self.echoTrailing(context))
        }
        router.registerBidirectionalStreaming(Service.FullDuplexCall.descriptor) {
            (request: StreamingServerRequest<Grpc_Testing_StreamingOutputCallRequest>, context) in
            StreamingServerResponse(metadata: Self.echoInitial(context)) { writer in
                for try await message in request.messages {
                    if let status = message.responseStatus, status.code != 0 {
                        throw RPCError(code: Status.Code(rawValue: Int(status.code)), message: status.message, metadata: Self.echoTrailing(context))
                    }
                    try await Self.respond(to: message, writer: writer)
                }
                return Self.echoTrailing(context)
            }
        }
        router.registerBidirectionalStreaming(Service.HalfDuplexCall.descriptor) {
            (request: StreamingServerRequest<Grpc_Testing_StreamingOutputCallRequest>, context) in
            var messages: [Grpc_Testing_StreamingOutputCallRequest] = []
            for try await message in request.messages { messages.append(message) }
            let received = messages
            return StreamingServerResponse(metadata: Self.echoInitial(context)) { writer in
                for message in received { try await Self.respond(to: message, writer: writer) }
                return Self.echoTrailing(context)
            }
        }
    }

    private static func unary(_ request: ServerRequest<Grpc_Testing_SimpleRequest>, _ context: ServerContext) throws -> ServerResponse<Grpc_Testing_SimpleResponse> {
        let message = request.message
        if message.expectCompressed?.value == true && !request.wasCompressed {
            throw RPCError(code: .invalidArgument, message: "expected a compressed request message")
        }
        if let status = message.responseStatus, status.code != 0 {
            throw RPCError(code: Status.Code(rawValue: Int(status.code)), message: status.message, metadata: Self.echoTrailing(context))
        }
        guard message.responseType == .compressable else {
            throw RPCError(code: .invalidArgument, message: "unsupported response_type \(message.responseType)")
        }
        guard message.responseSize >= 0 else {
            throw RPCError(code: .invalidArgument, message: "response_size must not be negative")
        }
        var response = Grpc_Testing_SimpleResponse()
        var payload = Grpc_Testing_Payload()
        payload.body = [UInt8](repeating: 0, count: Int(message.responseSize))
        response.payload = payload
        if message.fillServerID { response.serverID = "motcua-interop-server" }
        return ServerResponse(
            message: response,
            metadata: Self.echoInitial(context),
            trailingMetadata: Self.echoTrailing(context),
            compressed: message.responseCompressed?.value ?? false
        )
    }

    private static func respond(to message: Grpc_Testing_StreamingOutputCallRequest, writer: RPCWriter<Grpc_Testing_StreamingOutputCallResponse>) async throws {
        for parameters in message.responseParameters {
            if parameters.intervalUs > 0 {
                try await Task.sleep(for: .microseconds(Int64(parameters.intervalUs)))
            }
            var response = Grpc_Testing_StreamingOutputCallResponse()
            var payload = Grpc_Testing_Payload()
            payload.body = [UInt8](repeating: 0, count: max(0, Int(parameters.size)))
            response.payload = payload
            try await writer.write(response, compressed: parameters.compressed?.value ?? false)
        }
    }

    private static func echoInitial(_ context: ServerContext) -> Metadata {
        var metadata = Metadata()
        for value in context.requestMetadata[echoInitialKey] { metadata.add(value, forKey: echoInitialKey) }
        return metadata
    }

    private static func echoTrailing(_ context: ServerContext) -> Metadata {
        var metadata = Metadata()
        for value in context.requestMetadata[echoTrailingKey] { metadata.add(value, forKey: echoTrailingKey) }
        return metadata
    }
}
