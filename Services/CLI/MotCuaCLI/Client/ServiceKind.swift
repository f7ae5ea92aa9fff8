/// The three MotCua services the CLI talks to.
public enum ServiceKind: String, CaseIterable, Sendable {
    case catalog
    case submission
    case statistics

    /// The address `make run` starts the service on.
    public var defaultAddress: ServiceAddress {
        switch self {
        case .catalog: ServiceAddress(host: "127.0.0.1", port: 50051)
        case .submission: ServiceAddress(host: "127.0.0.1", port: 50052)
        case .statistics: ServiceAddress(host: "127.0.0.1", port: 50053)
        }
    }

    /// The environment variable that overrides the default address, e.g. `MOTCUA_CATALOG_ADDRESS`.
    public var environmentVariable: String {
        "MOTCUA_\(self.rawValue.uppercased())_ADDRESS"
    }

    /// The fully-qualified gRPC service name.
    public var grpcServiceName: String {
        switch self {
        case .catalog: "motcua.catalog.v1.CatalogService"
        case .submission: "motcua.submission.v1.SubmissionService"
        case .statistics: "motcua.statistics.v1.StatisticsService"
        }
    }
}
