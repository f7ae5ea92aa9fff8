import DomainModel
import RPCCore
import RPCProtobuf
import SubmissionService
import Synchronization
import Testing

@Suite("SubmissionService over HTTP/2: every RPC", .serialized)
struct WireTests {
    typealias API = Motcua_Submission_V1_SubmissionService
    static let options = CallOptions(timeout: .seconds(30))

    static func submitRequest(_ id: String, idNumber: String = "011095001234") -> Motcua_Submission_V1_SubmitDossierRequest {
        var request = Motcua_Submission_V1_SubmitDossierRequest()
        request.caller = "portal"
        request.requestID = id
        request.procedureCode = "1.001193"
        request.unitCode = "03162"
        request.channel = Motcua_Submission_V1_Channel(rawValue: 2)
        request.assistedByStaff = true
        var applicant = Motcua_Submission_V1_Applicant()
        applicant.fullName = "Giàng A Páo"
        applicant.idNumber = idNumber
        request.applicant = applicant
        return request
    }

    @Test("Submit, get, look up, list, transition, import and follow the feed")
    func everyRPC() async throws {
        try await withHarness { harness in
            try await withLoopbackServer([harness.service]) { client, _ in
                // SubmitDossier, twice with the same id.
                let first = try await client.unary(
                    API.SubmitDossier.descriptor, request: ClientRequest(message: Self.submitRequest("r1")), options: Self.options,
                    responseType: Motcua_Submission_V1_SubmitDossierResponse.self
                ).message
                #expect(first.dossier?.code == "03162-220128-0001")
                #expect(first.dossier?.status.rawValue == 1)
                #expect(first.dossier?.dueDate?.day == 9)
                let again = try await client.unary(
                    API.SubmitDossier.descriptor, request: ClientRequest(message: Self.submitRequest("r1")), options: Self.options,
                    responseType: Motcua_Submission_V1_SubmitDossierResponse.self
                ).message
                #expect(again.replayed && again.dossier?.code == first.dossier?.code)
                for index in 2...5 {
                    _ = try await client.unary(
                        API.SubmitDossier.descriptor, request: ClientRequest(message: Self.submitRequest("r\(index)")), options: Self.options,
                        responseType: Motcua_Submission_V1_SubmitDossierResponse.self)
                }
                // Errors carry their status.
                var bad = Self.submitRequest("r9")
                bad.unitCode = "x"
                let error = try await #require(throws: RPCError.self) {
                    try await client.unary(
                        API.SubmitDossier.descriptor, request: ClientRequest(message: bad), options: Self.options,
                        responseType: Motcua_Submission_V1_SubmitDossierResponse.self)
                }
                #expect(error.code == .invalidArgument && error.message.hasPrefix("unit_code:"))

                // GetDossier.
                var get = Motcua_Submission_V1_GetDossierRequest()
                get.code = "03162-220128-0001"
                let full = try await client.unary(
                    API.GetDossier.descriptor, request: ClientRequest(message: get), options: Self.options,
                    responseType: Motcua_Submission_V1_Dossier.self
                ).message
                #expect(full.applicant?.fullName == "Giàng A Páo")
                #expect(full.history.count == 1)

                // LookupDossier: no personal data.
                var lookup = Motcua_Submission_V1_LookupDossierRequest()
                lookup.code = "03162-220128-0001"
                lookup.idNumber = "011095001234"
                let view = try await client.unary(
                    API.LookupDossier.descriptor, request: ClientRequest(message: lookup), options: Self.options,
                    responseType: Motcua_Submission_V1_DossierPublicView.self
                ).message
                #expect(view.statusName == "Mới đăng ký")
                #expect(view.history.count == 1)
                lookup.idNumber = "011095009999"
                let hidden = try await #require(throws: RPCError.self) {
                    try await client.unary(
                        API.LookupDossier.descriptor, request: ClientRequest(message: lookup), options: Self.options,
                        responseType: Motcua_Submission_V1_DossierPublicView.self)
                }
                #expect(hidden.code == .notFound)

                // ListDossiers, two per page.
                var list = Motcua_Submission_V1_ListDossiersRequest()
                list.unitCode = "03162"
                list.pageSize = 2
                var codes: [String] = []
                repeat {
                    let page = try await client.unary(
                        API.ListDossiers.descriptor, request: ClientRequest(message: list), options: Self.options,
                        responseType: Motcua_Submission_V1_ListDossiersResponse.self
                    ).message
                    #expect(page.totalSize == 5)
                    codes += page.dossiers.map(\.code)
                    list.pageToken = page.nextPageToken
                } while !list.pageToken.isEmpty
                #expect(codes == (1...5).reversed().map { "03162-220128-000\($0)" })

                // TransitionDossier.
                var step = Motcua_Submission_V1_TransitionDossierRequest()
                step.code = "03162-220128-0001"
                step.action = Motcua_Submission_V1_DossierAction(rawValue: 2)
                step.expectedVersion = 1
                step.actor = "can-bo-1"
                let moved = try await client.unary(
                    API.TransitionDossier.descriptor, request: ClientRequest(message: step), options: Self.options,
                    responseType: Motcua_Submission_V1_TransitionDossierResponse.self
                ).message
                #expect(moved.dossier?.status.rawValue == 2 && moved.dossier?.version == 2)
                let stale = try await #require(throws: RPCError.self) {
                    try await client.unary(
                        API.TransitionDossier.descriptor, request: ClientRequest(message: step), options: Self.options,
                        responseType: Motcua_Submission_V1_TransitionDossierResponse.self)
                }
                #expect(stale.code == .aborted)

                // ImportDossiers, streamed in two messages.
                let imported = try await client.clientStreaming(
                    API.ImportDossiers.descriptor,
                    request: StreamingClientRequest<Motcua_Submission_V1_ImportDossiersRequest> { writer in
                        for batch in 0..<2 {
                            var message = Motcua_Submission_V1_ImportDossiersRequest()
                            for index in 0..<3 {
                                var item = Motcua_Submission_V1_ImportedDossier()
                                item.sourceSystem = "igate"
                                item.sourceID = "\(batch)-\(index)"
                                item.procedureCode = "1.001193"
                                item.unitCode = batch == 1 && index == 2 ? "03999" : "03157"
                                item.channel = Motcua_Submission_V1_Channel(rawValue: 1)
                                var applicant = Motcua_Submission_V1_Applicant()
                                applicant.fullName = "Lò Văn \(index)"
                                applicant.idNumber = "01109500000\(index)"
                                item.applicant = applicant
                                var receivedAt = Google_Protobuf_Timestamp()
                                receivedAt.seconds = vietnamInstant(2022, 1, 10).seconds
                                item.receivedAt = receivedAt
                                message.dossiers.append(item)
                            }
                            try await writer.write(message)
                        }
                    }, options: Self.options, responseType: Motcua_Submission_V1_ImportDossiersResponse.self
                ).message
                #expect(imported.received == 6 && imported.imported == 5)
                #expect(imported.rejected.map(\.position) == [6])
                #expect(imported.rejected.map(\.field) == ["unit_code"])
                #expect(imported.results.map(\.code).last == "03157-220110-0005")

                // StreamEvents: catch up on all 11 events, then one live.
                var feed = Motcua_Submission_V1_StreamEventsRequest()
                feed.afterSequence = 0
                let received = try await client.serverStreaming(
                    API.StreamEvents.descriptor, request: ClientRequest(message: feed), options: CallOptions(timeout: .seconds(30))
                ) { (response: StreamingClientResponse<Motcua_Submission_V1_StreamEventsResponse>) in
                    var events: [Motcua_Submission_V1_DossierEvent] = []
                    var started: Motcua_Submission_V1_StreamStarted?
                    for try await message in response.messages {
                        switch message.message {
                        case .started(let value):
                            started = value
                        case .event(let event):
                            events.append(event)
                            if events.count == 11 {
                                _ = try await client.unary(
                                    API.SubmitDossier.descriptor, request: ClientRequest(message: Self.submitRequest("live")),
                                    options: Self.options, responseType: Motcua_Submission_V1_SubmitDossierResponse.self)
                            }
                            if events.count == 12 { return (started, events) }
                        case nil:
                            break
                        }
                    }
                    return (started, events)
                }
                #expect(received.0?.currentSequence == 11)
                #expect(received.1.map(\.sequence) == Array(1...12))
                #expect(received.1[0].unitCode == "03162" && received.1[0].onlineLevel == 4 && received.1[0].assistedByStaff)
                #expect(received.1[5].action.rawValue == 2)
                #expect(received.1.last?.dossierCode == "03162-220128-0006")
            }
        }
    }
}
