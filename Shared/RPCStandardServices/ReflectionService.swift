public import RPCCore
internal import RPCProtobuf

/// gRPC server reflection (`grpc.reflection.v1` and `grpc.reflection.v1alpha`), so that stock tools (grpcurl,
/// grpcio's reflection client, Postman) can list services and describe messages.
///
/// Descriptors come from the `FileDescriptorProto`s that `proto/generate.sh` embeds in ``ProtoFileDescriptors``.
/// Both versions share one implementation: their messages are identical on the wire.
public struct ReflectionService: RegistrableRPCService {
    typealias Request = Grpc_Reflection_V1_ServerReflectionRequest
    typealias Response = Grpc_Reflection_V1_ServerReflectionResponse

    /// The services listed by `list_services`.
    public let serviceNames: [String]

    /// - Parameter serviceNames: the services this server offers (the reflection services are added).
    public init(serviceNames: [String]) {
        let own = [Grpc_Reflection_V1_ServerReflection.name, Grpc_Reflection_V1alpha_ServerReflection.name]
        self.serviceNames = Array(Set(serviceNames + own)).sorted()
    }

    /// Reflection for every service already registered with `router`.
    public init(router: RPCRouter) {
        self.init(serviceNames: router.services)
    }

    public func registerMethods(with router: inout RPCRouter) {
        let names = self.serviceNames
        for descriptor in [
            Grpc_Reflection_V1_ServerReflection.ServerReflectionInfo.descriptor,
            Grpc_Reflection_V1alpha_ServerReflection.ServerReflectionInfo.descriptor,
        ] {
            router.registerBidirectionalStreaming(descriptor) { (request: StreamingServerRequest<Request>, _) in
                StreamingServerResponse { writer in
                    var sent = Set<String>()
                    for try await message in request.messages {
                        try await writer.write(Self.answer(message, serviceNames: names, alreadySent: &sent))
                    }
                    return [:]
                }
            }
        }
    }

    static func answer(_ request: Request, serviceNames: [String], alreadySent: inout Set<String>) -> Response {
        var response = Response()
        response.validHost = request.host
        response.originalRequest = request
        switch request.messageRequest {
        case .listServices:
            var list = Grpc_Reflection_V1_ListServiceResponse()
            list.service = serviceNames.map { name in
                var service = Grpc_Reflection_V1_ServiceResponse()
                service.name = name
                return service
            }
            response.messageResponse = .listServicesResponse(list)
        case .fileByFilename(let name):
            response.messageResponse = Self.files(startingWith: ProtoFileDescriptors.file(named: name)?.name, alreadySent: &alreadySent)
                ?? Self.notFound("file '\(name)' not found")
        case .fileContainingSymbol(let symbol):
            response.messageResponse = Self.files(startingWith: Self.fileName(containing: symbol), alreadySent: &alreadySent)
                ?? Self.notFound("symbol '\(symbol)' not found")
        case .fileContainingExtension(let request):
            response.messageResponse = Self.notFound("extension \(request.extensionNumber) of '\(request.containingType)' not found")
        case .allExtensionNumbersOfType(let type):
            if ProtoFileDescriptors.file(containingSymbol: type) != nil {
                var numbers = Grpc_Reflection_V1_ExtensionNumberResponse()
                numbers.baseTypeName = type
                response.messageResponse = .allExtensionNumbersResponse(numbers)
            } else {
                response.messageResponse = Self.notFound("type '\(type)' not found")
            }
        case .none:
            var error = Grpc_Reflection_V1_ErrorResponse()
            error.errorCode = Int32(Status.Code.invalidArgument.rawValue)
            error.errorMessage = "the request names no reflection query"
            response.messageResponse = .errorResponse(error)
        }
        return response
    }

    /// The file declaring a symbol; a field or enum value falls back to its enclosing type.
    private static func fileName(containing symbol: String) -> String? {
        var candidate = Substring(symbol)
        while !candidate.isEmpty {
            if let file = ProtoFileDescriptors.file(containingSymbol: String(candidate)) { return file.name }
            guard let dot = candidate.lastIndex(of: ".") else { return nil }
            candidate = candidate[..<dot]
        }
        return nil
    }

    /// The file and its transitive imports, leaving out files already sent on this stream (the requested file is
    /// always included).
    private static func files(startingWith name: String?, alreadySent: inout Set<String>) -> Response.OneOf_MessageResponse? {
        guard let name else { return nil }
        var files = Grpc_Reflection_V1_FileDescriptorResponse()
        for file in ProtoFileDescriptors.fileWithDependencies(named: name) where file.name == name || !alreadySent.contains(file.name) {
            files.fileDescriptorProto.append(file.serializedDescriptor)
            alreadySent.insert(file.name)
        }
        return .fileDescriptorResponse(files)
    }

    private static func notFound(_ message: String) -> Response.OneOf_MessageResponse {
        var error = Grpc_Reflection_V1_ErrorResponse()
        error.errorCode = Int32(Status.Code.notFound.rawValue)
        error.errorMessage = message
        return .errorResponse(error)
    }
}
