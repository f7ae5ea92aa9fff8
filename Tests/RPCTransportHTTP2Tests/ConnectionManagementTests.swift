import InteropService
import RPCCore
import RPCProtobuf
import RPCTransportHTTP2
import Synchronization
import Testing

@Suite("Connection management: keepalive, idle timeout, ping abuse, backpressure", .serialized)
struct ConnectionManagementTests {
    @Test("an idle connection is closed with GOAWAY after maxIdleTime")
    func idleTimeout() async throws {
        try await withTestServer(configure: { $0.maxIdleTime = .milliseconds(500) }) { _, port in
            let peer = try await RawHTTP2Peer.connect(port: port)
            defer { peer.close() }
            #expect(await peer.waitForClose(timeout: .seconds(10)))
            let goAway = try await peer.goAway()
            #expect(goAway?.errorCode == 0)
        }
    }

    @Test("a peer that does not answer keepalive pings is disconnected")
    func keepaliveTimeout() async throws {
        try await withTestServer(configure: {
            $0.keepaliveTime = .milliseconds(100)
            $0.keepaliveTimeout = .milliseconds(200)
        }) { _, port in
            let peer = try await RawHTTP2Peer.connect(port: port)
            defer { peer.close() }
            #expect(await peer.waitForClose(timeout: .seconds(10)))
            #expect(try await peer.frames().contains { $0.type == 0x6 && $0.flags & 0x1 == 0 })  // the server pinged
        }
    }

    @Test("a client that answers pings (ours) keeps its connection through keepalive")
    func keepaliveAnswered() async throws {
        try await withTestServer(configure: {
            $0.keepaliveTime = .milliseconds(50)
            $0.keepaliveTimeout = .milliseconds(500)
        }) { client, _ in
            for _ in 0..<3 {
                _ = try await client.unary(
                    TestServiceAPI.EmptyCall.descriptor, request: ClientRequest(message: Grpc_Testing_Empty()),
                    options: CallOptions(timeout: .seconds(10)), responseType: Grpc_Testing_Empty.self)
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    @Test("too many pings without calls get GOAWAY(ENHANCE_YOUR_CALM, too_many_pings)")
    func pingFlood() async throws {
        try await withTestServer(configure: { $0.minPingIntervalWithoutCalls = .seconds(60) }) { _, port in
            let peer = try await RawHTTP2Peer.connect(port: port)
            defer { peer.close() }
            for _ in 0..<5 {
                try? await peer.sendPing()  // the server may already have closed the connection
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(await peer.waitForClose(timeout: .seconds(10)))
            let goAway = try await peer.goAway()
            #expect(goAway?.errorCode == 0xb)
            #expect(goAway?.debug == "too_many_pings")
        }
    }

    @Test("a slow reader bounds what the server buffers (flow control reaches the handler)")
    func backpressure() async throws {
        let written = Atomic<Int>(0)
        let descriptor = MethodDescriptor(service: "motcua.test.Firehose", method: "Stream")
        let total = 20_000
        // Uncompressed, so that flow-control windows (wire bytes) map one to one to messages.
        try await withTestServer(configure: { $0.responseCompression = nil }, register: { router in
            router.registerServerStreaming(descriptor) { (_: ServerRequest<Grpc_Testing_Empty>, _) in
                StreamingServerResponse { writer in
                    var response = Grpc_Testing_StreamingOutputCallResponse()
                    var payload = Grpc_Testing_Payload()
                    payload.body = [UInt8](repeating: 1, count: 1024)
                    response.payload = payload
                    for _ in 0..<total {
                        try await writer.write(response)
                        written.add(1, ordering: .relaxed)
                    }
                    return [:]
                }
            }
        }) { client, _ in
            let received: Int = try await client.serverStreaming(
                descriptor, request: ClientRequest(message: Grpc_Testing_Empty()), options: CallOptions(timeout: .seconds(120))
            ) { (response: StreamingClientResponse<Grpc_Testing_StreamingOutputCallResponse>) in
                // Read nothing for a while: the server must stop well short of the 20 MB it wants to send.
                try await Task.sleep(for: .milliseconds(800))
                let before = written.load(ordering: .relaxed)
                #expect(before < 8_000, "the server wrote \(before) of \(total) messages to a client that read none")
                var count = 0
                for try await _ in response.messages { count += 1 }
                return count
            }
            #expect(received == total)
        }
    }
}
