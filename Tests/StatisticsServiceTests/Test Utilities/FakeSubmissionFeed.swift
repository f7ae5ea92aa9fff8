import DomainModel
import RPCCore
import RPCProtobuf
import RPCTransportHTTP2
import Synchronization

/// A stand-in for `SubmissionService.StreamEvents`: serves a list of events that tests append to, and can misbehave
/// (skip a sequence, end the stream after some events, claim a reset).
final class FakeSubmissionFeed: RegistrableRPCService, Sendable {
    struct State {
        var events: [Motcua_Submission_V1_DossierEvent] = []
        /// Sequences left out of the stream (a gap).
        var skipped: Set<Int64> = []
        /// End each stream after this many events (the submission service going down).
        var endAfterEvents: Int?
        var streams = 0
        var waiters: [Int: AsyncStream<Void>.Continuation] = [:]
        var nextWaiter = 0
    }

    let state = Mutex(State())

    var streamsOpened: Int { self.state.withLock { $0.streams } }

    func append(_ events: [FeedEvent]) {
        let waiters = self.state.withLock { state in
            state.events += events.map(Motcua_Submission_V1_DossierEvent.init)
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.yield() }
    }

    /// Keeps only the first `count` events (a restored older backup).
    func truncate(to count: Int) {
        self.state.withLock { $0.events.removeLast(max(0, $0.events.count - count)) }
    }

    func configure(_ change: (inout State) -> Void) {
        self.state.withLock { change(&$0) }
    }

    func registerMethods(with router: inout RPCRouter) {
        router.registerServerStreaming(Motcua_Submission_V1_SubmissionService.StreamEvents.descriptor) {
            (request: ServerRequest<Motcua_Submission_V1_StreamEventsRequest>, _) in
            let after = request.message.afterSequence
            let (wakeUps, id) = self.subscribe()
            return StreamingServerResponse { (writer: RPCWriter<Motcua_Submission_V1_StreamEventsResponse>) in
                defer { _ = self.state.withLock { $0.waiters.removeValue(forKey: id) } }
                let (current, limit) = self.state.withLock { state -> (Int64, Int?) in
                    state.streams += 1
                    return (Int64(state.events.count), state.endAfterEvents)
                }
                var started = Motcua_Submission_V1_StreamStarted()
                started.currentSequence = current
                started.resetRequired = after > current
                var first = Motcua_Submission_V1_StreamEventsResponse()
                first.message = .started(started)
                try await writer.write(first)
                var next = started.resetRequired ? 0 : after
                var sent = 0
                while true {
                    let (pending, skipped) = self.state.withLock { state in
                        (Array(state.events.dropFirst(Int(next))), state.skipped)
                    }
                    for event in pending {
                        next = event.sequence
                        if skipped.contains(event.sequence) { continue }
                        if let limit, sent >= limit { return [:] }
                        var message = Motcua_Submission_V1_StreamEventsResponse()
                        message.message = .event(event)
                        try await writer.write(message)
                        sent += 1
                    }
                    var iterator = wakeUps.makeAsyncIterator()
                    guard await iterator.next() != nil else { return [:] }
                }
            }
        }
    }

    private func subscribe() -> (AsyncStream<Void>, Int) {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = self.state.withLock { state in
            defer { state.nextWaiter += 1 }
            state.waiters[state.nextWaiter] = continuation
            return state.nextWaiter
        }
        return (stream, id)
    }
}

extension Motcua_Submission_V1_DossierEvent {
    /// The proto of a test event (the fields the statistics read).
    init(_ event: FeedEvent) {
        self.init()
        self.sequence = event.sequence
        self.dossierCode = event.dossierCode
        self.dossierVersion = event.dossierVersion
        self.action = Motcua_Submission_V1_DossierAction(rawValue: Int32(event.action?.rawValue ?? 0))
        self.status = Motcua_Submission_V1_DossierStatus(rawValue: Int32(event.status?.rawValue ?? 0))
        self.unitCode = event.cell.unitCode
        self.procedureCode = event.cell.procedureCode
        self.procedureField = event.cell.field
        self.onlineLevel = Int32(event.cell.onlineLevel)
        switch event.cell.onlineScheme {
        case .fullProcess?: self.onlineScheme = .fullProcess
        case .partial?: self.onlineScheme = .partial
        case .notOnline?: self.onlineScheme = .none
        case nil: self.onlineScheme = .unspecified
        }
        self.feeBearing = event.feeBearing
        self.channel = Motcua_Submission_V1_Channel(rawValue: Int32(event.channel.rawValue))
        self.assistedByStaff = event.assistedByStaff
        self.receivedOn = date(event.receivedOn)
        self.receivedAt = Self.noon(event.receivedOn)
        self.occurredAt = Self.noon(event.receivedOn)
        self.dueDate = event.dueDate.map(date)
        self.supplementRequests = Int32(event.supplementRequests)
        self.apologies = Int32(event.apologies)
        self.pausedSince = event.pausedOn.map(Self.noon)
        self.finishedAt = event.finishedOn.map(Self.noon)
        if let online = event.paymentOnline {
            var payment = Motcua_Submission_V1_Payment()
            payment.method = online ? .onlineNationalPortal : .atDesk
            payment.amountVnd = 50_000
            self.payment = payment
        }
    }

    /// 12:00 in Vietnam on the date.
    static func noon(_ date: CivilDate) -> Google_Protobuf_Timestamp {
        var timestamp = Google_Protobuf_Timestamp()
        timestamp.seconds = VietnamTime.startOfDay(date).seconds + 12 * 3600
        return timestamp
    }
}

/// Serves `feed` on a free 127.0.0.1 port for the duration of `body`, which gets a client of it.
func withFeedServer<R: Sendable>(_ feed: FakeSubmissionFeed, _ body: @Sendable (RPCClient) async throws -> R) async throws -> R {
    var config = HTTP2ServerTransport.Config(host: "127.0.0.1", port: 0)
    config.eventLoopThreads = 1
    config.shutdownGracePeriod = .milliseconds(200)
    var router = RPCRouter()
    router.register(feed)
    let transport = HTTP2ServerTransport(config: config)
    let server = RPCServer(transport: transport, router: router)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.serve() }
        let port = try await transport.listeningPort()
        var clientConfig = HTTP2ClientTransport.Config(host: "127.0.0.1", port: port)
        clientConfig.initialBackoff = .milliseconds(20)
        clientConfig.maxBackoff = .milliseconds(200)
        let clientTransport = HTTP2ClientTransport(config: clientConfig)
        defer {
            clientTransport.close()
            server.beginGracefulShutdown()
        }
        return try await body(RPCClient(transport: clientTransport))
    }
}
