internal import DomainModel
public import RPCProtobuf

extension StatisticsService {
    /// GetFeedStatus: where the feed consumer stands. Answers while loading too.
    public func getFeedStatus(_ request: Motcua_Statistics_V1_GetFeedStatusRequest) async throws -> Motcua_Statistics_V1_FeedStatus {
        let snapshot = self.feedStatus.snapshot
        var status = Motcua_Statistics_V1_FeedStatus()
        switch snapshot.state {
        case .connecting: status.state = .connecting
        case .following: status.state = .following
        case .backingOff: status.state = .backingOff
        case .gapDetected: status.state = .gapDetected
        case .rebuilding: status.state = .rebuilding
        case .stopped: status.state = .stopped
        }
        status.appliedSequence = max(snapshot.appliedSequence, self.index.cursor)
        status.headSequence = max(snapshot.headSequence, status.appliedSequence)
        status.submissionAddress = snapshot.submissionAddress
        status.eventsApplied = snapshot.eventsApplied
        status.connections = snapshot.connections
        status.lastError = snapshot.lastError
        status.lastAppliedAt = snapshot.lastAppliedAt.map(Google_Protobuf_Timestamp.init)
        status.dossiers = self.index.dossiers
        return status
    }
}
