internal import ArgumentParser
internal import RPCCore
internal import RPCProtobuf
internal import RPCTransportHTTP2

/// `interop-client --server_port N --test_case NAME`: runs gRPC interop test cases with our client.
/// Exits 0 when every selected case passes.
@main
struct InteropClient: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interop-client",
        abstract: "Runs gRPC interop test cases against a grpc.testing.TestService server.")

    @Option(name: .customLong("server_host"), help: "Server address.")
    var serverHost: String = "127.0.0.1"

    @Option(name: .customLong("server_port"), help: "Server port.")
    var serverPort: Int

    @Option(name: .customLong("test_case"), help: "A case name, or 'all'.")
    var testCase: String = "all"

    func run() async throws {
        let transport = HTTP2ClientTransport(host: self.serverHost, port: self.serverPort)
        let cases = InteropCases(client: RPCClient(transport: transport))
        let selected = self.testCase == "all" ? InteropCases.names : [self.testCase]
        var failures = 0
        for name in selected {
            do {
                try await cases.run(name)
                print("PASS \(name)")
            } catch {
                failures += 1
                print("FAIL \(name): \(error)")
            }
        }
        transport.close()
        print("\(selected.count - failures) passed, \(failures) failed")
        if failures > 0 { throw ExitCode(1) }
    }
}
