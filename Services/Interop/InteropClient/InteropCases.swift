internal import RPCCore
internal import RPCProtobuf

/// A failed expectation in an interop case.
struct InteropFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw InteropFailure(message()) }
}

/// The interop test cases of gRPC's `doc/interop-test-descriptions.md`, written against our client.
struct InteropCases: Sendable {
    typealias Service = Grpc_Testing_TestService
    let client: RPCClient

    static let names = [
        "empty_unary", "large_unary", "client_streaming", "server_streaming", "ping_pong", "empty_stream",
        "timeout_on_sleeping_server", "cancel_after_begin", "cancel_after_first_response", "status_code_and_message",
        "special_status_message", "custom_metadata", "unimplemented_method", "unimplemented_service",
        "client_compressed_unary", "server_compressed_unary", "client_compressed_streaming", "server_compressed_streaming",
    ]

    static let timeout = CallOptions(timeout: .seconds(30))

    func run(_ name: String) async throws {
        switch name {
        case "empty_unary": try await self.emptyUnary()
        case "large_unary": try await self.largeUnary()
        case "client_streaming": try await self.clientStreaming()
        case "server_streaming": try await self.serverStreaming()
        case "ping_pong": try await self.pingPong()
        case "empty_stream": try await self.emptyStream()
        case "timeout_on_sleeping_server": try await self.timeoutOnSleepingServer()
        case "cancel_after_begin": try await self.cancelAfterBegin()
        case "cancel_after_first_response": try await self.cancelAfterFirstResponse()
        case "status_code_and_message": try await self.statusCodeAndMessage()
        case "special_status_message": try await self.specialStatusMessage()
        case "custom_metadata": try await self.customMetadata()
        case "unimplemented_method": try await self.unimplementedMethod()
        case "unimplemented_service": try await self.unimplementedService()
        case "client_compressed_unary": try await self.clientCompressedUnary()
        case "server_compressed_unary": try await self.serverCompressedUnary()
        case "client_compressed_streaming": try await self.clientCompressedStreaming()
        case "server_compressed_streaming": try await self.serverCompressedStreaming()
        default: throw InteropFailure("unknown test case '\(name)'")
        }
    }

    // MARK: - Helpers

    static func payload(_ size: Int) -> Grpc_Testing_Payload {
        var payload = Grpc_Testing_Payload()
        payload.body = [UInt8](repeating: 0, count: size)
        return payload
    }

    static func boolValue(_ value: Bool) -> Grpc_Testing_BoolValue {
        var wrapped = Grpc_Testing_BoolValue()
        wrapped.value = value
        return wrapped
    }

    static func simpleRequest(responseSize: Int32 = 314_159, payloadSize: Int = 271_828) -> Grpc_Testing_SimpleRequest {
        var request = Grpc_Testing_SimpleRequest()
        request.responseSize = responseSize
        request.payload = Self.payload(payloadSize)
        return request
    }

    static func outputRequest(sizes: [Int32], payloadSize: Int? = nil) -> Grpc_Testing_StreamingOutputCallRequest {
        var request = Grpc_Testing_StreamingOutputCallRequest()
        request.responseParameters = sizes.map { size in
            var parameters = Grpc_Testing_ResponseParameters()
            parameters.size = size
            return parameters
        }
        if let payloadSize { request.payload = Self.payload(payloadSize) }
        return request
    }

    /// Runs `body` and expects it to fail with `code`; returns the error.
    @discardableResult
    func expectError(_ code: Status.Code, _ body: () async throws -> Void) async throws -> RPCError {
        do {
            try await body()
        } catch let error as RPCError {
            try expect(error.code == code, "expected \(code), got \(error)")
            return error
        }
        throw InteropFailure("expected \(code), but the call succeeded")
    }

    // MARK: - Cases

    func emptyUnary() async throws {
        let response = try await self.client.unary(
            Service.EmptyCall.descriptor, request: ClientRequest(message: Grpc_Testing_Empty()), options: Self.timeout,
            responseType: Grpc_Testing_Empty.self)
        try expect(response.message == Grpc_Testing_Empty(), "response is not empty")
    }

    func largeUnary() async throws {
        let response = try await self.client.unary(
            Service.UnaryCall.descriptor, request: ClientRequest(message: Self.simpleRequest()), options: Self.timeout,
            responseType: Grpc_Testing_SimpleResponse.self)
        try expect(response.message.payload?.body == [UInt8](repeating: 0, count: 314_159), "wrong payload")
    }

    func clientStreaming() async throws {
        let response = try await self.client.clientStreaming(
            Service.StreamingInputCall.descriptor,
            request: StreamingClientRequest { writer in
                for size in [27182, 8, 1828, 45904] {
                    var request = Grpc_Testing_StreamingInputCallRequest()
                    request.payload = Self.payload(size)
                    try await writer.write(request)
                }
            },
            options: Self.timeout,
            responseType: Grpc_Testing_StreamingInputCallResponse.self)
        try expect(response.message.aggregatedPayloadSize == 74922, "aggregated size \(response.message.aggregatedPayloadSize)")
    }

    func serverStreaming() async throws {
        let sizes: [Int] = try await self.client.serverStreaming(
            Service.StreamingOutputCall.descriptor,
            request: ClientRequest(message: Self.outputRequest(sizes: [31415, 9, 2653, 58979])),
            options: Self.timeout
        ) { (response: StreamingClientResponse<Grpc_Testing_StreamingOutputCallResponse>) in
            var sizes: [Int] = []
            for try await message in response.messages { sizes.append(message.payload?.body.count ?? -1) }
            return sizes
        }
        try expect(sizes == [31415, 9, 2653, 58979], "sizes \(sizes)")
    }

    func pingPong() async throws {
        let pairs: [(Int32, Int)] = [(31415, 27182), (9, 8), (2653, 1828), (58979, 45904)]
        let (turns, turn) = AsyncStream<Void>.makeStream()
        let sizes: [Int] = try await self.client.bidirectionalStreaming(
            Service.FullDuplexCall.descriptor,
            request: StreamingClientRequest { writer in
                var iterator = turns.makeAsyncIterator()
                for (responseSize, payloadSize) in pairs {
                    try await writer.write(Self.outputRequest(sizes: [responseSize], payloadSize: payloadSize))
                    guard await iterator.next() != nil else { return }
                }
            },
            options: Self.timeout
        ) { (response: StreamingClientResponse<Grpc_Testing_StreamingOutputCallResponse>) in
            var sizes: [Int] = []
            for try await message in response.messages {
                sizes.append(message.payload?.body.count ?? -1)
                turn.yield()
            }
            turn.finish()
            return sizes
        }
        try expect(sizes == pairs.map { Int($0.0) }, "sizes \(sizes)")
    }

    func emptyStream() async throws {
        let count: Int = try await self.client.bidirectionalStreaming(
            Service.FullDuplexCall.descriptor,
            request: StreamingClientRequest { (_: RPCWriter<Grpc_Testing_StreamingOutputCallRequest>) in },
            options: Self.timeout
        ) { (response: StreamingClientResponse<Grpc_Testing_StreamingOutputCallResponse>) in
            var count = 0
            for try await _ in response.messages { count += 1 }
            return count
        }
        try expect(count == 0, "received \(count) responses")
    }

    func timeoutOnSleepingServer() async throws {
        try await self.expectError(.deadlineExceeded) {
            _ = try await self.client.bidirectionalStreaming(
                Service.FullDuplexCall.descriptor,
                request: StreamingClientRequest { writer in
                    try? await writer.write(Self.outputRequest(sizes: [], payloadSize: 27182))
                    try? await Task.sleep(for: .seconds(5))
                },
                options: CallOptions(timeout: .milliseconds(1))
            ) { (response: StreamingClientResponse<Grpc_Testing_StreamingOutputCallResponse>) in
                for try await _ in response.messages {}
            }
        }
    }

    func cancelAfterBegin() async throws {
        let client = self.client
        let task = Task {
            _ = try await client.clientStreaming(
                Service.StreamingInputCall.descriptor,
                request: StreamingClientRequest { (_: RPCWriter<Grpc_Testing_StreamingInputCallRequest>) in
                    try await Task.sleep(for: .seconds(30))
                },
                options: Self.timeout,
                responseType: Grpc_Testing_StreamingInputCallResponse.self)
        }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        try await self.expectError(.cancelled) { try await task.value }
    }

    func cancelAfterFirstResponse() async throws {
        let client = self.client
        let (firstResponse, signal) = AsyncStream<Void>.makeStream()
        let task = Task {
            try await client.bidirectionalStreaming(
                Service.FullDuplexCall.descriptor,
                request: StreamingClientRequest { writer in
                    try await writer.write(Self.outputRequest(sizes: [31415], payloadSize: 27182))
                    try await Task.sleep(for: .seconds(30))
                },
                options: Self.timeout
            ) { (response: StreamingClientResponse<Grpc_Testing_StreamingOutputCallResponse>) in
                for try await _ in response.messages { signal.yield() }
            }
        }
        var iterator = firstResponse.makeAsyncIterator()
        _ = await iterator.next()
        task.cancel()
        try await self.expectError(.cancelled) { try await task.value }
    }

    func statusCodeAndMessage() async throws {
        var status = Grpc_Testing_EchoStatus()
        status.code = 2
        status.message = "test status message"
        try await self.checkEchoStatus(status)
    }

    func specialStatusMessage() async throws {
        var status = Grpc_Testing_EchoStatus()
        status.code = 2
        status.message = "\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n"
        try await self.checkEchoStatus(status, bidi: false)
    }

    private func checkEchoStatus(_ status: Grpc_Testing_EchoStatus, bidi: Bool = true) async throws {
        var request = Grpc_Testing_SimpleRequest()
        request.responseStatus = status
        let unaryError = try await self.expectError(.unknown) {
            _ = try await self.client.unary(
                Service.UnaryCall.descriptor, request: ClientRequest(message: request), options: Self.timeout,
                responseType: Grpc_Testing_SimpleResponse.self)
        }
        try expect(unaryError.message == status.message, "unary message \(unaryError.message.debugDescription)")
        guard bidi else { return }
        var streamRequestValue = Grpc_Testing_StreamingOutputCallRequest()
        streamRequestValue.responseStatus = status
        let streamRequest = streamRequestValue
        let bidiError = try await self.expectError(.unknown) {
            _ = try await self.client.bidirectionalStreaming(
                Service.FullDuplexCall.descriptor,
                request: StreamingClientRequest { writer in try await writer.write(streamRequest) },
                options: Self.timeout
            ) { (response: StreamingClientResponse<Grpc_Testing_StreamingOutputCallResponse>) in
                for try await _ in response.messages {}
            }
        }
        try expect(bidiError.message == status.message, "bidi message \(bidiError.message.debugDescription)")
    }

    func customMetadata() async throws {
        var metadata = Metadata()
        metadata.addString("test_initial_metadata_value", forKey: "x-grpc-test-echo-initial")
        metadata.addBinary([0xab, 0xab, 0xab], forKey: "x-grpc-test-echo-trailing-bin")
        let response = try await self.client.unary(
            Service.UnaryCall.descriptor, request: ClientRequest(message: Self.simpleRequest(), metadata: metadata),
            options: Self.timeout, responseType: Grpc_Testing_SimpleResponse.self)
        try expect(response.metadata.firstString(forKey: "x-grpc-test-echo-initial") == "test_initial_metadata_value", "initial \(response.metadata)")
        try expect(response.trailingMetadata.firstBinary(forKey: "x-grpc-test-echo-trailing-bin") == [0xab, 0xab, 0xab], "trailing \(response.trailingMetadata)")

        let (headers, trailers): (Metadata, Metadata?) = try await self.client.bidirectionalStreaming(
            Service.FullDuplexCall.descriptor,
            request: StreamingClientRequest(metadata: metadata) { writer in
                try await writer.write(Self.outputRequest(sizes: [314_159], payloadSize: 271_828))
            },
            options: Self.timeout
        ) { (response: StreamingClientResponse<Grpc_Testing_StreamingOutputCallResponse>) in
            for try await _ in response.messages {}
            return (response.metadata, response.trailingMetadata)
        }
        try expect(headers.firstString(forKey: "x-grpc-test-echo-initial") == "test_initial_metadata_value", "bidi initial \(headers)")
        try expect(trailers?.firstBinary(forKey: "x-grpc-test-echo-trailing-bin") == [0xab, 0xab, 0xab], "bidi trailing \(String(describing: trailers))")
    }

    func unimplementedMethod() async throws {
        try await self.expectError(.unimplemented) {
            _ = try await self.client.unary(
                Service.UnimplementedCall.descriptor, request: ClientRequest(message: Grpc_Testing_Empty()),
                options: Self.timeout, responseType: Grpc_Testing_Empty.self)
        }
    }

    func unimplementedService() async throws {
        try await self.expectError(.unimplemented) {
            _ = try await self.client.unary(
                Grpc_Testing_UnimplementedService.UnimplementedCall.descriptor,
                request: ClientRequest(message: Grpc_Testing_Empty()),
                options: Self.timeout, responseType: Grpc_Testing_Empty.self)
        }
    }

    func clientCompressedUnary() async throws {
        var probe = Self.simpleRequest()
        probe.expectCompressed = Self.boolValue(true)
        try await self.expectError(.invalidArgument) {
            _ = try await self.client.unary(
                Service.UnaryCall.descriptor, request: ClientRequest(message: probe), options: Self.timeout,
                responseType: Grpc_Testing_SimpleResponse.self)
        }
        let compressed = try await self.client.unary(
            Service.UnaryCall.descriptor, request: ClientRequest(message: probe),
            options: CallOptions(timeout: .seconds(30), compression: "gzip"), responseType: Grpc_Testing_SimpleResponse.self)
        try expect(compressed.message.payload?.body.count == 314_159, "compressed request: wrong payload")
        var plain = Self.simpleRequest()
        plain.expectCompressed = Self.boolValue(false)
        let uncompressed = try await self.client.unary(
            Service.UnaryCall.descriptor, request: ClientRequest(message: plain), options: Self.timeout,
            responseType: Grpc_Testing_SimpleResponse.self)
        try expect(uncompressed.message.payload?.body.count == 314_159, "uncompressed request: wrong payload")
    }

    func serverCompressedUnary() async throws {
        for compressed in [true, false] {
            var request = Self.simpleRequest()
            request.responseCompressed = Self.boolValue(compressed)
            let response = try await self.client.unary(
                Service.UnaryCall.descriptor, request: ClientRequest(message: request), options: Self.timeout,
                responseType: Grpc_Testing_SimpleResponse.self)
            try expect(response.message.payload?.body.count == 314_159, "wrong payload")
            try expect(response.wasCompressed == compressed, "response compressed=\(response.wasCompressed), wanted \(compressed)")
        }
    }

    func clientCompressedStreaming() async throws {
        try await self.expectError(.invalidArgument) {
            _ = try await self.client.clientStreaming(
                Service.StreamingInputCall.descriptor,
                request: StreamingClientRequest { writer in
                    var request = Grpc_Testing_StreamingInputCallRequest()
                    request.expectCompressed = Self.boolValue(true)
                    request.payload = Self.payload(27182)
                    try await writer.write(request, compressed: false)
                },
                options: Self.timeout, responseType: Grpc_Testing_StreamingInputCallResponse.self)
        }
        let response = try await self.client.clientStreaming(
            Service.StreamingInputCall.descriptor,
            request: StreamingClientRequest { writer in
                var first = Grpc_Testing_StreamingInputCallRequest()
                first.expectCompressed = Self.boolValue(true)
                first.payload = Self.payload(27182)
                try await writer.write(first, compressed: true)
                var second = Grpc_Testing_StreamingInputCallRequest()
                second.expectCompressed = Self.boolValue(false)
                second.payload = Self.payload(45904)
                try await writer.write(second, compressed: false)
            },
            options: CallOptions(timeout: .seconds(30), compression: "gzip"),
            responseType: Grpc_Testing_StreamingInputCallResponse.self)
        try expect(response.message.aggregatedPayloadSize == 73086, "aggregated size \(response.message.aggregatedPayloadSize)")
    }

    func serverCompressedStreaming() async throws {
        var request = Grpc_Testing_StreamingOutputCallRequest()
        request.responseParameters = [(31415, true), (92653, false)].map { size, compressed in
            var parameters = Grpc_Testing_ResponseParameters()
            parameters.size = Int32(size)
            parameters.compressed = Self.boolValue(compressed)
            return parameters
        }
        let received: [(Int, Bool)] = try await self.client.serverStreaming(
            Service.StreamingOutputCall.descriptor, request: ClientRequest(message: request), options: Self.timeout
        ) { (response: StreamingClientResponse<Grpc_Testing_StreamingOutputCallResponse>) in
            var received: [(Int, Bool)] = []
            for try await item in response.receivedMessages {
                received.append((item.message.payload?.body.count ?? -1, item.wasCompressed))
            }
            return received
        }
        try expect(received.map(\.0) == [31415, 92653], "sizes \(received.map(\.0))")
        try expect(received.map(\.1) == [true, false], "compressed flags \(received.map(\.1))")
    }
}
