public import ArgumentParser
internal import RPCCore
internal import RPCProtobuf

/// `motcua health`: grpc.health.v1.Health/Check on each service.
public struct HealthCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Check that the services are up and SERVING (grpc.health.v1 Health/Check).",
        discussion: "Exit code 0 when every checked service is SERVING, 1 otherwise.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Check only this service (repeatable; default: all three).")
    var service: [ServiceKind] = []

    public init() {}

    public func run() async throws {
        let services = self.service.isEmpty ? ServiceKind.allCases : self.service
        try await CommandSession.run(self.global) { session in
            var rows: [(service: ServiceKind, address: ServiceAddress, status: String, serving: Bool)] = []
            for service in services {
                let request = Grpc_Health_V1_HealthCheckRequest.with { $0.service = service.grpcServiceName }
                let address = session.clients.address(of: service)
                do {
                    let response = try await session.clients.unary(
                        service, Grpc_Health_V1_Health.Check.descriptor, request,
                        responseType: Grpc_Health_V1_HealthCheckResponse.self)
                    let status = response.status.protoName ?? String(response.status.rawValue)
                    rows.append((service, address, status, response.status == .serving))
                } catch let error as ServiceCallError {
                    let status = error.isUnreachable ? "UNREACHABLE" : "\(error.error.code)"
                    rows.append((service, address, status, false))
                }
            }
            let json: JSONValue = .object(
                JSONObject(
                    rows.map { row in
                        JSONObject.Member(
                            key: row.service.rawValue,
                            value: ["address": .string(row.address.description), "status": .string(row.status)])
                    }))
            session.output(json: json) {
                var table = Table([.init("SERVICE"), .init("ADDRESS"), .init("STATUS")])
                for row in rows { table.add([row.service.rawValue, row.address.description, row.status]) }
                return table.render()
            }
            let failing = rows.filter { !$0.serving }
            if !failing.isEmpty {
                throw CLIError.failure(
                    failing.map { "\($0.service.rawValue) at \($0.address) is \($0.status)" }.joined(separator: "; "))
            }
        }
    }
}

extension ServiceKind: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }

    public static var allValueStrings: [String] { Self.allCases.map(\.rawValue) }
}
