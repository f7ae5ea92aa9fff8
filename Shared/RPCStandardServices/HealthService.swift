public import RPCCore
public import RPCProtobuf
internal import Synchronization

/// Serving status of each service, as reported by `grpc.health.v1.Health`.
public final class HealthStatusProvider: Sendable {
    public typealias ServingStatus = Grpc_Health_V1_HealthCheckResponse.ServingStatus

    private struct State {
        var statuses: [String: ServingStatus] = [:]
        var watchers: [Int: (service: String, continuation: AsyncStream<ServingStatus>.Continuation)] = [:]
        var nextWatcher = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Sets a service's status ("" is the whole server) and notifies watchers if it changed.
    public func setStatus(_ status: ServingStatus, forService service: String) {
        let continuations: [AsyncStream<ServingStatus>.Continuation] = self.state.withLock { state in
            guard state.statuses[service] != status else { return [] }
            state.statuses[service] = status
            return state.watchers.values.filter { $0.service == service }.map(\.continuation)
        }
        for continuation in continuations { continuation.yield(status) }
    }

    /// The status of a service, or nil if it was never registered.
    public func status(forService service: String) -> ServingStatus? {
        self.state.withLock { $0.statuses[service] }
    }

    /// Marks every service NOT_SERVING and ends every Watch stream (at shutdown, so that open watches do not hold
    /// the server for its whole grace period).
    public func shutDown() {
        let services = self.state.withLock { Array($0.statuses.keys) }
        for service in services { self.setStatus(.notServing, forService: service) }
        let continuations = self.state.withLock { state in
            let continuations = state.watchers.values.map(\.continuation)
            state.watchers.removeAll()
            return continuations
        }
        for continuation in continuations { continuation.finish() }
    }

    /// A stream of status changes for one service, starting with the current status (SERVICE_UNKNOWN if unknown).
    func watch(service: String) -> AsyncStream<ServingStatus> {
        let (stream, continuation) = AsyncStream<ServingStatus>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id: Int = self.state.withLock { state in
            let id = state.nextWatcher
            state.nextWatcher += 1
            state.watchers[id] = (service, continuation)
            continuation.yield(state.statuses[service] ?? .serviceUnknown)
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
        }
        return stream
    }
}

/// `grpc.health.v1.Health`: `Check` and `Watch`, as load balancers, Kubernetes probes and `grpc_health_probe` use them.
public struct HealthService: RegistrableRPCService {
    public let provider: HealthStatusProvider

    public init(provider: HealthStatusProvider = HealthStatusProvider()) {
        self.provider = provider
    }

    public func registerMethods(with router: inout RPCRouter) {
        let provider = self.provider
        router.registerUnary(Grpc_Health_V1_Health.Check.descriptor) {
            (request: ServerRequest<Grpc_Health_V1_HealthCheckRequest>, _) in
            guard let status = provider.status(forService: request.message.service) else {
                throw RPCError(code: .notFound, message: "unknown service '\(request.message.service)'")
            }
            var response = Grpc_Health_V1_HealthCheckResponse()
            response.status = status
            return ServerResponse(message: response)
        }
        router.registerServerStreaming(Grpc_Health_V1_Health.Watch.descriptor) {
            (request: ServerRequest<Grpc_Health_V1_HealthCheckRequest>, _) in
            let updates = provider.watch(service: request.message.service)
            return StreamingServerResponse { (writer: RPCWriter<Grpc_Health_V1_HealthCheckResponse>) in
                for await status in updates {
                    var response = Grpc_Health_V1_HealthCheckResponse()
                    response.status = status
                    try await writer.write(response)
                }
                return [:]
            }
        }
    }
}
