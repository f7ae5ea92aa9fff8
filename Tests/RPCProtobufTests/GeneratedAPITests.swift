internal import RPCCore
internal import RPCProtobuf
internal import Testing

@Suite("Generated API")
struct GeneratedAPITests {
    @Test("Service namespaces name every method with its path, kind and message types")
    func testService() {
        typealias Service = Grpc_Testing_TestService
        #expect(Service.name == "grpc.testing.TestService")
        #expect(Service.UnaryCall.descriptor.path == "/grpc.testing.TestService/UnaryCall")
        #expect(Service.UnaryCall.Input.self == Grpc_Testing_SimpleRequest.self)
        #expect(Service.UnaryCall.Output.self == Grpc_Testing_SimpleResponse.self)
        #expect(Service.EmptyCall.kind == .unary)
        #expect(Service.CacheableUnaryCall.kind == .unary)
        #expect(Service.StreamingOutputCall.kind == .serverStreaming)
        #expect(Service.StreamingInputCall.kind == .clientStreaming)
        #expect(Service.FullDuplexCall.kind == .bidirectionalStreaming)
        #expect(Service.HalfDuplexCall.kind == .bidirectionalStreaming)
        #expect(
            Service.UnimplementedCall.descriptor == MethodDescriptor(service: Service.name, method: "UnimplementedCall")
        )
        #expect(
            Service.methods.map(\.method) == [
                "EmptyCall", "UnaryCall", "CacheableUnaryCall", "StreamingOutputCall", "StreamingInputCall",
                "FullDuplexCall", "HalfDuplexCall", "UnimplementedCall",
            ]
        )

        #expect(
            Grpc_Testing_UnimplementedService.UnimplementedCall.descriptor.path
                == "/grpc.testing.UnimplementedService/UnimplementedCall"
        )
        #expect(Grpc_Health_V1_Health.Watch.kind == .serverStreaming)
        #expect(Grpc_Health_V1_Health.Check.Output.self == Grpc_Health_V1_HealthCheckResponse.self)
        #expect(Grpc_Reflection_V1_ServerReflection.ServerReflectionInfo.kind == .bidirectionalStreaming)
        #expect(Grpc_Reflection_V1alpha_ServerReflection.name == "grpc.reflection.v1alpha.ServerReflection")
        #expect(Helloworld_Greeter.SayHello.descriptor.path == "/helloworld.Greeter/SayHello")
    }

    @Test("Enum values are named without their prefix and keep their proto names")
    func enumNames() {
        typealias Status = Grpc_Health_V1_HealthCheckResponse.ServingStatus
        #expect(Status.knownValues == [.unknown, .serving, .notServing, .serviceUnknown])
        #expect(Status.serviceUnknown.rawValue == 3)
        #expect(Status.notServing.description == "NOT_SERVING")
        #expect(Status() == .unknown)
        #expect(Grpc_Testing_GrpclbRouteType.backend.rawValue == 2)
        #expect(Grpc_Testing_GrpclbRouteType.fallback.description == "GRPCLB_ROUTE_TYPE_FALLBACK")
        #expect(Grpc_Testing_PayloadType.compressable.rawValue == 0)
        #expect(Motcua_Testing_V1_AllTypes.Level.medium.rawValue == 1)
    }

    @Test("Messages know their protobuf names")
    func messageNames() {
        #expect(Grpc_Testing_SimpleRequest.protoMessageName == "grpc.testing.SimpleRequest")
        #expect(Motcua_Testing_V1_AllTypes.Inner.protoMessageName == "motcua.testing.v1.AllTypes.Inner")
        #expect(Google_Protobuf_Timestamp.protoMessageName == "google.protobuf.Timestamp")
        #expect(Google_Protobuf_StringValue.protoMessageName == "google.protobuf.StringValue")
        #expect(Google_Protobuf_Duration.protoMessageName == "google.protobuf.Duration")
    }

    @Test("Embedded descriptors cover every file, symbol and service")
    func embeddedDescriptors() throws {
        let test = try #require(ProtoFileDescriptors.file(named: "grpc/testing/test.proto"))
        #expect(test.package == "grpc.testing")
        #expect(test.dependencies == ["grpc/testing/empty.proto", "grpc/testing/messages.proto"])
        // A FileDescriptorProto starts with field 1, the file name.
        let name = Array("grpc/testing/test.proto".utf8)
        #expect(Array(test.serializedDescriptor.prefix(2 + name.count)) == [0x0A, UInt8(name.count)] + name)

        #expect(
            ProtoFileDescriptors.file(containingSymbol: "grpc.testing.TestService")?.name == "grpc/testing/test.proto"
        )
        #expect(
            ProtoFileDescriptors.file(containingSymbol: "grpc.testing.TestService.UnaryCall")?.name
                == "grpc/testing/test.proto"
        )
        #expect(
            ProtoFileDescriptors.file(containingSymbol: "grpc.testing.SimpleRequest")?.name
                == "grpc/testing/messages.proto"
        )
        #expect(
            ProtoFileDescriptors.file(containingSymbol: "grpc.health.v1.HealthCheckResponse.ServingStatus")?.name
                == "grpc/health/v1/health.proto"
        )
        #expect(
            ProtoFileDescriptors.file(containingSymbol: "motcua.testing.v1.AllTypes.Inner")?.name
                == "motcua/testing/v1/codec_test.proto"
        )
        #expect(
            ProtoFileDescriptors.file(containingSymbol: "google.protobuf.Timestamp")?.name
                == "google/protobuf/timestamp.proto"
        )
        #expect(ProtoFileDescriptors.file(containingSymbol: "grpc.testing.Missing") == nil)

        #expect(
            ProtoFileDescriptors.fileWithDependencies(named: "grpc/testing/test.proto").map(\.name) == [
                "grpc/testing/test.proto", "grpc/testing/empty.proto", "grpc/testing/messages.proto",
            ]
        )
        #expect(ProtoFileDescriptors.fileWithDependencies(named: "missing.proto").isEmpty)

        #expect(
            ProtoFileDescriptors.serviceNames == [
                "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
                "grpc.reflection.v1alpha.ServerReflection", "grpc.testing.TestService",
                "grpc.testing.UnimplementedService", "helloworld.Greeter", "motcua.catalog.v1.CatalogService",
                "motcua.statistics.v1.StatisticsService", "motcua.submission.v1.SubmissionService",
            ]
        )
        for symbolFile in Set(ProtoFileDescriptors.symbols.values) {
            #expect(ProtoFileDescriptors.file(named: symbolFile) != nil, "\(symbolFile)")
        }
        for file in ProtoFileDescriptors.files.values {
            for dependency in file.dependencies {
                #expect(ProtoFileDescriptors.file(named: dependency) != nil, "\(file.name) -> \(dependency)")
            }
        }
    }

    @Test("Embedded descriptors carry no source info")
    func descriptorsHaveNoSourceInfo() throws {
        // Field 9 of FileDescriptorProto is source_code_info.
        for file in ProtoFileDescriptors.files.values {
            #expect(!topLevelFieldNumbers(file.serializedDescriptor).contains(9), "\(file.name)")
        }
        let health = try #require(ProtoFileDescriptors.file(named: "grpc/health/v1/health.proto"))
        #expect(topLevelFieldNumbers(health.serializedDescriptor).isSuperset(of: [1, 2, 4, 6, 12]))
    }

    /// The field numbers at the top level of an encoded message (varint and length-delimited only).
    private func topLevelFieldNumbers(_ bytes: [UInt8]) -> Set<UInt64> {
        var numbers: Set<UInt64> = []
        var index = 0
        func readVarint() -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
        }
        while index < bytes.count {
            let tag = readVarint()
            numbers.insert(tag >> 3)
            switch tag & 7 {
            case 0: _ = readVarint()
            case 2: index += Int(readVarint())
            default: Issue.record("unexpected wire type \(tag & 7)"); return numbers
            }
        }
        return numbers
    }
}
