internal import DomainModel
internal import MotCuaCLI
internal import RPCCore

/// One call the fake server received: the service, the method and the encoded request messages.
struct ReceivedCall: Sendable {
    var service: ServiceKind
    var address: ServiceAddress
    var method: String
    var requests: [[UInt8]]

    /// The request messages decoded as `type`.
    func decode<Message: RPCMessage>(_ type: Message.Type) throws -> [Message] {
        try self.requests.map { try Message(serializedBytes: $0) }
    }

    /// The single request message decoded as `type`.
    func request<Message: RPCMessage>(_ type: Message.Type) throws -> Message {
        let messages = try self.decode(type)
        guard messages.count == 1 else { throw RPCError(code: .internalError, message: "\(messages.count) requests") }
        return messages[0]
    }
}

/// An in-memory stand-in for the three servers: a handler answers each call with response messages
/// (or throws ``RPCError`` to end it with that status). No sockets are involved.
final class FakeServer: Sendable {
    typealias Handler = @Sendable (ReceivedCall) async throws -> [any RPCMessage]

    private let handler: Handler
    private let unreachable: Set<ServiceKind>
    private let received = LockedBox<[ReceivedCall]>([])

    /// - Parameter unreachable: services whose transport fails to connect, as a stopped server would.
    init(unreachable: Set<ServiceKind> = [], handler: @escaping Handler = { _ in [] }) {
        self.handler = handler
        self.unreachable = unreachable
    }

    /// Every call received, in order.
    var calls: [ReceivedCall] { self.received.withLock { $0 } }

    var transportFactory: CLIContext.TransportFactory {
        { service, address, _ in FakeTransport(service: service, address: address, server: self) }
    }

    fileprivate func isUnreachable(_ service: ServiceKind) -> Bool { self.unreachable.contains(service) }

    fileprivate func handle(_ call: ReceivedCall) async -> ([[UInt8]], Status) {
        self.received.withLock { $0.append(call) }
        do {
            let responses = try await self.handler(call)
            return (responses.map { $0.serializedBytes() }, .ok)
        } catch let error as RPCError {
            return ([], error.status)
        } catch {
            return ([], Status(code: .internalError, message: "\(error)"))
        }
    }
}

private final class FakeTransport: ClientTransport {
    let service: ServiceKind
    let address: ServiceAddress
    let server: FakeServer

    init(service: ServiceKind, address: ServiceAddress, server: FakeServer) {
        self.service = service
        self.address = address
        self.server = server
    }

    func openStream(descriptor: MethodDescriptor, metadata: Metadata, options: CallOptions) async throws(RPCError)
        -> ClientRPCStream
    {
        if self.server.isUnreachable(self.service) {
            throw RPCError(code: .unavailable, message: "cannot connect to \(self.address): connection refused")
        }
        let call = FakeCall(
            service: self.service, address: self.address, method: descriptor.method, server: self.server)
        return ClientRPCStream(outbound: call, inbound: call)
    }

    func close() {}
}

/// Collects the request messages; when the client half-closes, asks the server and queues the answer.
private final class FakeCall: ClientOutbound, ClientInbound {
    let service: ServiceKind
    let address: ServiceAddress
    let method: String
    let server: FakeServer
    let requests = LockedBox<[[UInt8]]>([])
    let queue = PartQueue()

    init(service: ServiceKind, address: ServiceAddress, method: String, server: FakeServer) {
        self.service = service
        self.address = address
        self.method = method
        self.server = server
    }

    func writeMessage(_ bytes: [UInt8], compress: Bool) async throws(RPCError) {
        self.requests.withLock { $0.append(bytes) }
    }

    func finish() {
        let call = ReceivedCall(
            service: self.service, address: self.address, method: self.method, requests: self.requests.withLock { $0 })
        let server = self.server
        let queue = self.queue
        Task {
            let (messages, status) = await server.handle(call)
            await queue.push(.metadata([:]))
            for message in messages {
                await queue.push(.message(ReceivedBytes(bytes: message, wasCompressed: false)))
            }
            await queue.push(.status(status, [:]))
        }
    }

    func next() async -> ClientResponsePart? {
        await self.queue.next()
    }

    func cancel() {
        let queue = self.queue
        Task { await queue.push(.status(Status(code: .cancelled, message: "cancelled"), [:])) }
    }
}

/// Response parts in order; `next()` waits for the next one and returns nil after the status.
private actor PartQueue {
    private var parts: [ClientResponsePart] = []
    private var waiter: CheckedContinuation<ClientResponsePart?, Never>?
    private var ended = false

    func push(_ part: ClientResponsePart) {
        guard !self.ended else { return }
        if case .status = part { self.ended = true }
        if let waiter = self.waiter {
            self.waiter = nil
            waiter.resume(returning: part)
        } else {
            self.parts.append(part)
        }
    }

    func next() async -> ClientResponsePart? {
        if !self.parts.isEmpty { return self.parts.removeFirst() }
        if self.ended { return nil }
        return await withCheckedContinuation { self.waiter = $0 }
    }
}

/// What a command run printed and returned.
struct CLIRun: Sendable {
    var code: Int32
    var output: String
    var error: String
}

/// 2022-01-28T02:30:00Z: 09:30 on Friday 28 January 2022 in Vietnam.
let fixedNow = UnixInstant(seconds: 1_643_337_000)!

/// Runs `motcua` with `arguments` against `server`, with a capturing console and a fixed clock.
func runCLI(
    _ arguments: [String],
    server: FakeServer = FakeServer(),
    environment: [String: String] = [:],
    terminal: Bool = false
) async -> CLIRun {
    let console = Console.capturing(terminal: terminal)
    let context = CLIContext(
        console: console, environment: environment, now: { fixedNow }, makeTransport: server.transportFactory)
    let code = await MotCuaCLI.run(arguments, context: context)
    return CLIRun(code: code, output: console.capturedOutput, error: console.capturedError)
}
