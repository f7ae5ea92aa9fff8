internal import DomainModel
public import RPCCore
public import RPCProtobuf
internal import ServiceLifecycle

/// `motcua.submission.v1.SubmissionService` over a ``SubmissionEngine``: reads the wire messages, calls the engine,
/// writes the answers. Each method is also callable directly (tests, in-process use).
public struct SubmissionRPCService: RegistrableRPCService {
    private typealias Service = Motcua_Submission_V1_SubmissionService

    public static let defaultPageSize = 50
    public static let maximumPageSize = 500
    public static let maximumImportBatch = 1000

    public let engine: SubmissionEngine

    public init(engine: SubmissionEngine) {
        self.engine = engine
    }

    public func registerMethods(with router: inout RPCRouter) {
        router.registerUnary(Service.SubmitDossier.descriptor) { (request: ServerRequest<Motcua_Submission_V1_SubmitDossierRequest>, _) in
            ServerResponse(message: try await self.submitDossier(request.message))
        }
        router.registerUnary(Service.GetDossier.descriptor) { (request: ServerRequest<Motcua_Submission_V1_GetDossierRequest>, _) in
            ServerResponse(message: try await self.getDossier(request.message))
        }
        router.registerUnary(Service.LookupDossier.descriptor) { (request: ServerRequest<Motcua_Submission_V1_LookupDossierRequest>, _) in
            ServerResponse(message: try await self.lookupDossier(request.message))
        }
        router.registerUnary(Service.ListDossiers.descriptor) { (request: ServerRequest<Motcua_Submission_V1_ListDossiersRequest>, _) in
            ServerResponse(message: try await self.listDossiers(request.message))
        }
        router.registerUnary(Service.TransitionDossier.descriptor) {
            (request: ServerRequest<Motcua_Submission_V1_TransitionDossierRequest>, _) in
            ServerResponse(message: try await self.transitionDossier(request.message))
        }
        router.registerClientStreaming(Service.ImportDossiers.descriptor) {
            (request: StreamingServerRequest<Motcua_Submission_V1_ImportDossiersRequest>, _) in
            ServerResponse(message: try await self.importDossiers(request.messages))
        }
        router.registerServerStreaming(Service.StreamEvents.descriptor) {
            (request: ServerRequest<Motcua_Submission_V1_StreamEventsRequest>, _) in
            let message = request.message
            return StreamingServerResponse { writer in
                try await self.streamEvents(message) { try await writer.write($0) }
                return [:]
            }
        }
    }

    // MARK: - Methods

    public func submitDossier(_ request: Motcua_Submission_V1_SubmitDossierRequest) async throws(SubmissionError)
        -> Motcua_Submission_V1_SubmitDossierResponse
    {
        let command = try RequestParsing.submit(request)
        let (dossier, replayed) = try await self.engine.submit(command)
        var response = Motcua_Submission_V1_SubmitDossierResponse()
        response.dossier = Motcua_Submission_V1_Dossier(dossier)
        response.replayed = replayed
        return response
    }

    public func getDossier(_ request: Motcua_Submission_V1_GetDossierRequest) async throws(SubmissionError) -> Motcua_Submission_V1_Dossier {
        let code = try Self.code(request.code)
        return Motcua_Submission_V1_Dossier(try await self.engine.dossier(code: code))
    }

    public func lookupDossier(_ request: Motcua_Submission_V1_LookupDossierRequest) async throws(SubmissionError)
        -> Motcua_Submission_V1_DossierPublicView
    {
        let code = try Self.code(request.code)
        if Applicant.normalizedIDNumber(request.idNumber).isEmpty {
            throw SubmissionError.invalid(field: "id_number", "is required")
        }
        return Motcua_Submission_V1_DossierPublicView(try await self.engine.lookup(code: code, idNumber: request.idNumber))
    }

    public func listDossiers(_ request: Motcua_Submission_V1_ListDossiersRequest) async throws(SubmissionError)
        -> Motcua_Submission_V1_ListDossiersResponse
    {
        var query = try Self.query(request)
        if !request.pageToken.isEmpty { query.after = try DossierPageToken.decode(request.pageToken, filters: query) }
        let page = try await self.engine.list(query)
        var response = Motcua_Submission_V1_ListDossiersResponse()
        response.dossiers = page.dossiers.map(Motcua_Submission_V1_DossierSummary.init)
        response.nextPageToken = page.next.map { DossierPageToken.encode($0, filters: query) } ?? ""
        response.totalSize = Int32(clamping: page.total)
        return response
    }

    public func transitionDossier(_ request: Motcua_Submission_V1_TransitionDossierRequest) async throws(SubmissionError)
        -> Motcua_Submission_V1_TransitionDossierResponse
    {
        let command = try RequestParsing.transition(request)
        let (dossier, replayed) = try await self.engine.transition(command)
        var response = Motcua_Submission_V1_TransitionDossierResponse()
        response.dossier = Motcua_Submission_V1_Dossier(dossier)
        response.replayed = replayed
        return response
    }

    /// Imports the dossiers of a stream, one message at a time (each message's dossiers are committed together).
    public func importDossiers<Messages: AsyncSequence>(_ messages: Messages) async throws(SubmissionError)
        -> Motcua_Submission_V1_ImportDossiersResponse where Messages.Element == Motcua_Submission_V1_ImportDossiersRequest
    {
        var response = Motcua_Submission_V1_ImportDossiersResponse()
        var position = 0
        do {
            for try await message in messages {
                guard message.dossiers.count <= Self.maximumImportBatch else {
                    throw SubmissionError.invalid(
                        field: "dossiers", "at most \(Self.maximumImportBatch) per message (got \(message.dossiers.count)); split the batch")
                }
                var commands: [ImportCommand] = []
                for item in message.dossiers {
                    position += 1
                    switch RequestParsing.imported(item, position: position) {
                    case .command(let command):
                        commands.append(command)
                    case .rejected(let violations):
                        Self.reject(&response, position: position, system: item.sourceSystem, id: item.sourceID, violations)
                    }
                }
                for outcome in try await self.engine.importDossiers(commands) {
                    switch outcome {
                    case .imported(let at, let sourceID, let code), .alreadyImported(let at, let sourceID, let code):
                        var result = Motcua_Submission_V1_ImportedDossierResult()
                        result.position = Int32(clamping: at)
                        result.sourceID = sourceID
                        result.code = code.rawValue
                        if case .alreadyImported = outcome {
                            result.alreadyImported = true
                            response.alreadyImported += 1
                        } else {
                            response.imported += 1
                        }
                        response.results.append(result)
                    case .rejected(let at, let origin, let violations):
                        Self.reject(&response, position: at, system: origin.sourceSystem, id: origin.sourceID, violations)
                    }
                }
            }
        } catch {
            throw SubmissionError(mapping: error)
        }
        response.received = Int32(clamping: position)
        response.results.sort { $0.position < $1.position }
        response.rejected.sort { $0.position < $1.position }
        return response
    }

    /// Sends the feed (see ``SubmissionEngine/streamEvents(after:send:)``); ends every feed when the server shuts down.
    public func streamEvents(
        _ request: Motcua_Submission_V1_StreamEventsRequest,
        send: @escaping @Sendable (Motcua_Submission_V1_StreamEventsResponse) async throws -> Void
    ) async throws(SubmissionError) {
        let engine = self.engine
        let notifier = engine.store.feedNotifier
        do {
            try await withGracefulShutdownHandler {
                try await engine.streamEvents(after: request.afterSequence) { message in
                    var response = Motcua_Submission_V1_StreamEventsResponse()
                    switch message {
                    case .started(let current, let reset):
                        var started = Motcua_Submission_V1_StreamStarted()
                        started.currentSequence = current
                        started.resetRequired = reset
                        response.message = .started(started)
                    case .event(let event):
                        response.message = .event(Motcua_Submission_V1_DossierEvent(event))
                    }
                    try await send(response)
                }
            } onGracefulShutdown: {
                notifier.finishAll()
            }
        } catch {
            throw SubmissionError(mapping: error)
        }
    }

    // MARK: - Helpers

    private static func code(_ text: String) throws(SubmissionError) -> DossierCode {
        do {
            return try DossierCode.parse(text, field: "code")
        } catch {
            throw SubmissionError(error)
        }
    }

    private static func reject(
        _ response: inout Motcua_Submission_V1_ImportDossiersResponse, position: Int, system: String, id: String, _ violations: [FieldViolation]
    ) {
        for violation in violations.isEmpty ? [FieldViolation(field: "", reason: "rejected")] : violations {
            var rejected = Motcua_Submission_V1_RejectedDossier()
            rejected.position = Int32(clamping: position)
            rejected.sourceSystem = system
            rejected.sourceID = id
            rejected.field = violation.field
            rejected.reason = violation.reason
            response.rejected.append(rejected)
        }
    }

    static func query(_ request: Motcua_Submission_V1_ListDossiersRequest) throws(SubmissionError) -> DossierQuery {
        var query = DossierQuery()
        if !request.unitCode.isEmpty {
            guard let unit = UnitCode(request.unitCode) else {
                throw SubmissionError.invalid(field: "unit_code", "must be a GSO code of 2, 3 or 5 digits (got \"\(request.unitCode.prefix(40))\")")
            }
            query.unitCode = unit
        }
        if !request.procedureCode.isEmpty {
            guard let procedure = ProcedureCode(request.procedureCode) else {
                throw SubmissionError.invalid(field: "procedure_code", "is not a procedure code (got \"\(request.procedureCode.prefix(60))\")")
            }
            query.procedureCode = procedure
        }
        guard request.statuses.count <= 10 else { throw SubmissionError.invalid(field: "statuses", "at most 10 (got \(request.statuses.count))") }
        for (index, raw) in request.statuses.enumerated() {
            guard let status = DossierStatus(rawValue: Int(raw.rawValue)) else {
                throw SubmissionError.invalid(field: "statuses[\(index)]", "must be a status from 1 to 10 (got \(raw.rawValue))")
            }
            query.statuses.insert(status)
        }
        if request.channel.rawValue != 0 {
            guard let channel = DossierChannel(rawValue: Int(request.channel.rawValue)) else {
                throw SubmissionError.invalid(field: "channel", "unknown channel \(request.channel.rawValue)")
            }
            query.channel = channel
        }
        query.receivedFrom = try request.receivedFrom.parsedIfPresent(field: "received_from")
        query.receivedTo = try request.receivedTo.parsedIfPresent(field: "received_to")
        if let from = query.receivedFrom, let to = query.receivedTo, to <= from {
            throw SubmissionError.invalid(field: "received_to", "must be after received_from (\(from)), got \(to)")
        }
        guard request.pageSize >= 0 else { throw SubmissionError.invalid(field: "page_size", "must not be negative (got \(request.pageSize))") }
        query.pageSize = request.pageSize == 0 ? Self.defaultPageSize : min(Int(request.pageSize), Self.maximumPageSize)
        return query
    }
}
