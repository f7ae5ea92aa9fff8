internal import DomainModel
internal import RPCCore
internal import RPCProtobuf
internal import StatisticsService
internal import Synchronization

/// Feed events of new dossiers for the catch-up measurement: each dossier is received, started, sometimes paused for
/// a supplement, then resolved or withdrawn; dossiers are interleaved in groups of 2,000, as a busy feed would have
/// them.
enum ReplayFeed {
    static func events(world: BenchWorld, dossiers: Int, firstSequence: Int64, tag: String, seed: UInt64) -> [Motcua_Submission_V1_DossierEvent] {
        var random = SplitMix64(seed: seed)
        var events: [Motcua_Submission_V1_DossierEvent] = []
        events.reserveCapacity(dossiers * 4)
        var sequence = firstSequence
        let received = CivilDate(year: 2024, month: 1, day: 2)!
        for groupStart in stride(from: 0, to: dossiers, by: 2000) {
            var lifecycles: [[Motcua_Submission_V1_DossierEvent]] = []
            for number in groupStart..<min(groupStart + 2000, dossiers) {
                let communeIndex = random.below(world.communes.count)
                let commune = world.communes[communeIndex]
                let procedure = world.procedures[world.communeProcedures[communeIndex][random.below(40)]]
                let online = procedure.level >= 3 && random.chance(0.4)
                let day = received.adding(days: random.below(20))
                var event = Motcua_Submission_V1_DossierEvent()
                event.dossierCode = "\(commune.code)-\(tag)-\(format8(number))"
                event.unitCode = commune.code
                event.procedureCode = procedure.code
                event.procedureField = procedure.field
                event.onlineLevel = Int32(procedure.level)
                event.onlineScheme = procedure.scheme == .fullProcess ? .fullProcess : procedure.scheme == .partial ? .partial : .none
                event.feeBearing = procedure.feeBearing
                event.channel = online ? .online : .direct
                event.receivedAt = timestamp(day, hour: 8)
                event.receivedOn = protoDate(day)
                event.occurredAt = event.receivedAt
                event.dueDate = protoDate(day.adding(days: procedure.deadlineDays + 2))
                event.dossierVersion = 1
                event.action = .submit
                event.status = online ? .new : .accepted
                var steps = [event]
                func next(_ action: Motcua_Submission_V1_DossierAction, _ status: Motcua_Submission_V1_DossierStatus, days: Int,
                          change: (inout Motcua_Submission_V1_DossierEvent) -> Void = { _ in }) {
                    var step = steps[steps.count - 1]
                    step.dossierVersion += 1
                    step.fromStatus = step.status
                    step.action = action
                    step.status = status
                    step.occurredAt = timestamp(day.adding(days: days), hour: 10)
                    change(&step)
                    steps.append(step)
                }
                if online { next(.accept, .accepted, days: 0) }
                next(.startProcessing, .processing, days: 1)
                if random.chance(0.1) {
                    next(.requestSupplement, .supplementRequested, days: 2) { $0.supplementRequests += 1; $0.pausedSince = $0.occurredAt }
                    next(.receiveSupplement, .processing, days: 4) { step in
                        step.pausedSince = nil
                        step.dueDate = protoDate(day.adding(days: procedure.deadlineDays + 4))
                    }
                }
                if random.chance(0.95) {
                    next(.resolve, .resolved, days: 2 + random.below(procedure.deadlineDays + 3)) { $0.finishedAt = $0.occurredAt }
                } else {
                    next(.withdraw, .withdrawn, days: 2) { $0.finishedAt = $0.occurredAt }
                }
                lifecycles.append(steps)
            }
            let longest = lifecycles.map(\.count).max() ?? 0
            for index in 0..<longest {
                for lifecycle in lifecycles where index < lifecycle.count {
                    var event = lifecycle[index]
                    event.sequence = sequence
                    event.recordedAt = event.occurredAt
                    sequence += 1
                    events.append(event)
                }
            }
        }
        return events
    }

    static func timestamp(_ date: CivilDate, hour: Int64) -> Google_Protobuf_Timestamp {
        var timestamp = Google_Protobuf_Timestamp()
        timestamp.seconds = VietnamTime.startOfDay(date).seconds + hour * 3600
        return timestamp
    }

    static func protoDate(_ date: CivilDate) -> Motcua_Catalog_V1_Date {
        var value = Motcua_Catalog_V1_Date()
        value.year = Int32(date.year)
        value.month = Int32(date.month)
        value.day = Int32(date.day)
        return value
    }
}

/// `SubmissionService.StreamEvents` over a fixed list of events, for the consumer's catch-up over HTTP/2.
struct ReplayFeedService: RegistrableRPCService {
    let events: [Motcua_Submission_V1_StreamEventsResponse]
    let first: Int64

    init(events: [Motcua_Submission_V1_DossierEvent]) {
        self.first = events.first?.sequence ?? 1
        self.events = events.map { event in
            var message = Motcua_Submission_V1_StreamEventsResponse()
            message.message = .event(event)
            return message
        }
    }

    func registerMethods(with router: inout RPCRouter) {
        let events = self.events
        let first = self.first
        router.registerServerStreaming(Motcua_Submission_V1_SubmissionService.StreamEvents.descriptor) {
            (request: ServerRequest<Motcua_Submission_V1_StreamEventsRequest>, _) in
            StreamingServerResponse { (writer: RPCWriter<Motcua_Submission_V1_StreamEventsResponse>) in
                var started = Motcua_Submission_V1_StreamStarted()
                started.currentSequence = first + Int64(events.count) - 1
                var message = Motcua_Submission_V1_StreamEventsResponse()
                message.message = .started(started)
                try await writer.write(message)
                let skip = max(0, Int(request.message.afterSequence - first + 1))
                for event in events.dropFirst(skip) { try await writer.write(event) }
                // Then idle like a live feed until the consumer goes away.
                while !Task.isCancelled { try await Task.sleep(for: .seconds(1)) }
                return [:]
            }
        }
    }
}
