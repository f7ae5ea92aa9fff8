internal import RPCCore
internal import RPCProtobuf
internal import Testing

@testable internal import MotCuaCLI

@Suite("Error formatting")
struct ErrorFormattingTests {
    static let address = ServiceAddress(host: "127.0.0.1", port: 50052)

    func describe(_ code: Status.Code, _ message: String, service: ServiceKind = .submission) -> String {
        ServiceCallError(service: service, address: Self.address, error: RPCError(code: code, message: message))
            .description
    }

    @Test("RPC errors: the code's name and the server's message on one line")
    func rpcErrors() {
        #expect(describe(.notFound, "unknown procedure code 'X'") == "NOT_FOUND: unknown procedure code 'X'")
        #expect(
            describe(.invalidArgument, "page_size: must not be negative\n  (got -1)")
                == "INVALID_ARGUMENT: page_size: must not be negative (got -1)")
        #expect(describe(.aborted, "") == "ABORTED")
        #expect(describe(.unavailable, "the catalog is still loading") == "UNAVAILABLE: the catalog is still loading")
    }

    @Test("A server that cannot be reached is named with its address")
    func unreachable() {
        #expect(
            describe(.unavailable, "cannot connect to 127.0.0.1:50052: connection refused")
                == "cannot reach submission at 127.0.0.1:50052 (UNAVAILABLE)")
    }

    @Test("Hints for a wrong address and for deadlines")
    func hints() {
        #expect(
            describe(.unimplemented, "unknown service motcua.submission.v1.SubmissionService")
                == "UNIMPLEMENTED: unknown service motcua.submission.v1.SubmissionService "
                + "(is 127.0.0.1:50052 the submission server? see --submission)")
        #expect(
            describe(.deadlineExceeded, "the deadline expired")
                == "DEADLINE_EXCEEDED: the deadline expired (submission at 127.0.0.1:50052; see --timeout)")
    }

    @Test("An RPC error from a command: one line on standard error, exit code 1, nothing on standard output")
    func commandRPCError() async {
        let server = FakeServer { _ in throw RPCError(code: .notFound, message: "unknown procedure code 'X'") }
        let result = await runCLI(["procedures", "show", "X"], server: server)
        #expect(result.code == 1)
        #expect(result.output.isEmpty)
        #expect(result.error == "motcua: NOT_FOUND: unknown procedure code 'X'\n")
    }

    @Test("An unreachable server: one line naming the service and address, exit code 1")
    func commandUnreachable() async {
        let result = await runCLI(
            ["dossiers", "show", "03162-220128-0001"], server: FakeServer(unreachable: [.submission]),
            environment: ["MOTCUA_SUBMISSION_ADDRESS": "10.1.2.3:6000"])
        #expect(result.code == 1)
        #expect(result.error == "motcua: cannot reach submission at 10.1.2.3:6000 (UNAVAILABLE)\n")
    }

    @Test("Failures the CLI finds itself: exit 1; usage errors: exit 2")
    func cliErrors() async {
        #expect(CLIError.usage("x").exitCode == 2)
        #expect(CLIError.failure("x").exitCode == 1)
        let missing = await runCLI(["procedures", "import", "/nonexistent/procedures.csv"])
        #expect(missing.code == 1)
        #expect(missing.error == "motcua: cannot read /nonexistent/procedures.csv: No such file or directory\n")
        let badEnvironment = await runCLI(["stats", "feed"], environment: ["MOTCUA_STATISTICS_ADDRESS": "stats"])
        #expect(badEnvironment.code == 2)
        #expect(badEnvironment.error == "motcua: MOTCUA_STATISTICS_ADDRESS: expected HOST:PORT, got 'stats'\n")
    }

    @Test("Health: a table of every service, exit 1 naming those not serving")
    func health() async {
        let server = FakeServer(unreachable: [.statistics]) { call in
            let request = try call.request(Grpc_Health_V1_HealthCheckRequest.self)
            if request.service == ServiceKind.submission.grpcServiceName {
                return [Grpc_Health_V1_HealthCheckResponse.with { $0.status = .notServing }]
            }
            return [Grpc_Health_V1_HealthCheckResponse.with { $0.status = .serving }]
        }
        let result = await runCLI(["health"], server: server)
        #expect(result.code == 1)
        #expect(
            result.output == """
                SERVICE     ADDRESS          STATUS
                ----------  ---------------  -----------
                catalog     127.0.0.1:50051  SERVING
                submission  127.0.0.1:50052  NOT_SERVING
                statistics  127.0.0.1:50053  UNREACHABLE

                """)
        #expect(
            result.error
                == "motcua: submission at 127.0.0.1:50052 is NOT_SERVING; statistics at 127.0.0.1:50053 is UNREACHABLE\n"
        )
        let serving = await runCLI(["health", "--service", "catalog", "--json"], server: server)
        #expect(serving.code == 0)
        #expect(
            serving.output
                == "{\n  \"catalog\": {\n    \"address\": \"127.0.0.1:50051\",\n    \"status\": \"SERVING\"\n  }\n}\n")
    }
}
