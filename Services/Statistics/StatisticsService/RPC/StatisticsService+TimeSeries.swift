internal import DomainModel
public import RPCProtobuf

extension StatisticsService {
    /// GetTimeSeries: new dossiers by channel, resolutions and returns per day, ISO week or month, and what was in
    /// progress at the end of each bucket.
    public func getTimeSeries(_ request: Motcua_Statistics_V1_GetTimeSeriesRequest) async throws -> Motcua_Statistics_V1_GetTimeSeriesResponse {
        try await self.handling {
            let code = try parseUnitCode(request.unitCode, field: "unit_code")
            let period = try PeriodQuery(request.period)
            let granularity: TimeGranularity
            switch request.granularity {
            case .unspecified, .day: granularity = .day
            case .week: granularity = .week
            case .month: granularity = .month
            default: throw DomainError.invalid(field: "granularity", "unknown value \(request.granularity.rawValue)")
            }
            let (tree, unit) = try await self.tree(for: period, unit: code, field: "unit_code")
            let daily = self.index.daily(units: tree.subtree(of: unit.code), from: period.fromDay, to: period.toDay)
            var response = Motcua_Statistics_V1_GetTimeSeriesResponse()
            response.unit = Motcua_Statistics_V1_UnitRef(unit)
            response.period = period.proto
            response.granularity = granularity == .day ? .day : granularity == .week ? .week : .month
            response.asOfSequence = daily.cursor
            var running = daily.before
            for bucket in granularity.buckets(from: period.from, to: period.to) {
                var delta = CounterVector()
                for day in bucket.start.daysSinceEpoch..<bucket.end.daysSinceEpoch { delta += daily.days[day - period.fromDay] }
                running += delta
                let counts = PeriodSums(beforeFrom: running - delta, beforeTo: running).report
                var point = Motcua_Statistics_V1_TimeSeriesPoint()
                point.start = Motcua_Catalog_V1_Date(bucket.start)
                point.end = Motcua_Catalog_V1_Date(bucket.end)
                point.newOnline = counts.newOnline
                point.newDirect = counts.newDirect
                point.newPostal = counts.newPostal
                point.newAssisted = counts.newAssisted
                point.newTotal = counts.newTotal
                point.resolvedTotal = counts.resolvedTotal
                point.resolvedLate = counts.resolvedLate
                point.returned = counts.returned
                point.inProgressTotal = counts.inProgressTotal
                point.onlineRate = counts.onlineRate
                response.points.append(point)
            }
            return response
        }
    }
}
