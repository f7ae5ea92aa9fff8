import Testing

@testable import RPCCore

@Suite("Status and RPCError")
struct StatusTests {
    @Test("codes have their canonical names and values")
    func names() {
        #expect(Status.Code.ok.rawValue == 0)
        #expect(Status.Code.unauthenticated.rawValue == 16)
        #expect(Status.Code.notFound.description == "NOT_FOUND")
        #expect(Status.Code(rawValue: 99) == .unknown)
    }

    @Test("grpc-status parsing")
    func parsing() {
        #expect(Status(grpcStatusValue: "5", message: "x").code == .notFound)
        #expect(Status(grpcStatusValue: "abc", message: "x").code == .unknown)
        #expect(Status(grpcStatusValue: "-1", message: "x").code == .unknown)
    }

    struct DomainError: RPCErrorConvertible {
        var rpcErrorCode: Status.Code { .failedPrecondition }
        var rpcErrorMessage: String { "bad state" }
    }

    struct Opaque: Error {}

    @Test("handler errors map to statuses")
    func mapping() {
        #expect(RPCError(mapping: RPCError(code: .notFound, message: "m")).code == .notFound)
        #expect(RPCError(mapping: DomainError()).code == .failedPrecondition)
        #expect(RPCError(mapping: DomainError()).message == "bad state")
        #expect(RPCError(mapping: CancellationError()).code == .cancelled)
        let unknown = RPCError(mapping: Opaque())
        #expect(unknown.code == .unknown)
        #expect(unknown.message.contains("Opaque"))
    }
}

@Suite("MethodDescriptor")
struct MethodDescriptorTests {
    @Test("parses /service/method paths")
    func parse() {
        let descriptor = MethodDescriptor(path: "/grpc.testing.TestService/UnaryCall")
        #expect(descriptor?.service == "grpc.testing.TestService")
        #expect(descriptor?.method == "UnaryCall")
        #expect(MethodDescriptor(path: "/only-service") == nil)
        #expect(MethodDescriptor(path: "no-slash/x") == nil)
        #expect(MethodDescriptor(path: "/a/b/c") == nil)
        #expect(MethodDescriptor(service: "a.B", method: "C").path == "/a.B/C")
    }
}
