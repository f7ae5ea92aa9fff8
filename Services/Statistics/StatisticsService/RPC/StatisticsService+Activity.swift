internal import DomainModel
public import RPCProtobuf

extension StatisticsService {
    /// ListUnitActivity: every unit below a parent (direct children, or all units of a level) with its columns,
    /// flagged when it received nothing, or nothing online, sorted and filtered as asked.
    public func listUnitActivity(_ request: Motcua_Statistics_V1_ListUnitActivityRequest) async throws
        -> Motcua_Statistics_V1_ListUnitActivityResponse
    {
        try await self.handling {
            let code = try parseUnitCode(request.parentCode, field: "parent_code")
            let period = try PeriodQuery(request.period)
            guard Motcua_Statistics_V1_UnitActivitySort.knownValues.contains(request.sort) else {
                throw DomainError.invalid(field: "sort", "unknown value \(request.sort.rawValue)")
            }
            let (tree, parent) = try await self.tree(for: period, unit: code, field: "parent_code")
            let units: [UnitInfo]
            if request.level == .unspecified {
                units = tree.children(of: parent.code)
            } else {
                guard let level = request.level.unitLevel else {
                    throw DomainError.invalid(field: "level", "unknown value \(request.level.rawValue)")
                }
                guard level > parent.level else {
                    throw DomainError.invalid(
                        field: "level", "must be below the parent's level (\(parent.code) is a \(parent.level.rawValue), got \(level.rawValue))")
                }
                units = tree.descendants(of: parent.code, level: level)
            }
            let subtree = tree.subtree(of: parent.code)
            let snapshot = self.index.sums(units: subtree, from: period.fromDay, to: period.toDay)
            func sum(_ codes: [String]) -> PeriodSums { codes.reduce(PeriodSums()) { $0 + (snapshot.units[$1] ?? PeriodSums()) } }

            var entries: [(unit: UnitInfo, counts: ReportCounts)] = units.map { ($0, sum(tree.subtree(of: $0.code)).report) }
            var response = Motcua_Statistics_V1_ListUnitActivityResponse()
            response.parent = Motcua_Statistics_V1_UnitRef(parent)
            response.period = period.proto
            response.parentCounts = Motcua_Statistics_V1_Counts(sum(subtree).report)
            response.asOfSequence = snapshot.cursor
            response.unitCount = Int32(entries.count)
            response.withoutDossierCount = Int32(entries.count { $0.counts.newTotal == 0 })
            response.withoutOnlineDossierCount = Int32(entries.count { $0.counts.newOnline == 0 })
            response.idleCount = Int32(entries.count { $0.counts.toHandle == 0 })
            if request.onlyWithoutDossier { entries.removeAll { $0.counts.newTotal != 0 } }
            if request.onlyWithoutOnlineDossier { entries.removeAll { $0.counts.newOnline != 0 } }
            entries.sort(by: Self.activityOrder(request.sort, descending: request.descending))
            response.units = entries.map { entry in
                var activity = Motcua_Statistics_V1_UnitActivity()
                activity.unit = Motcua_Statistics_V1_UnitRef(entry.unit)
                activity.counts = Motcua_Statistics_V1_Counts(entry.counts)
                activity.noDossier = entry.counts.newTotal == 0
                activity.noOnlineDossier = entry.counts.newOnline == 0
                activity.idle = entry.counts.toHandle == 0
                return activity
            }
            return response
        }
    }

    /// The order of a sort key, ties by code (always ascending).
    static func activityOrder(_ sort: Motcua_Statistics_V1_UnitActivitySort, descending: Bool)
        -> ((unit: UnitInfo, counts: ReportCounts), (unit: UnitInfo, counts: ReportCounts)) -> Bool
    {
        func compare<Key: Comparable>(_ key: @escaping ((unit: UnitInfo, counts: ReportCounts)) -> Key)
            -> ((unit: UnitInfo, counts: ReportCounts), (unit: UnitInfo, counts: ReportCounts)) -> Bool
        {
            { lhs, rhs in
                let (left, right) = (key(lhs), key(rhs))
                if left != right { return descending ? left > right : left < right }
                return lhs.unit.code < rhs.unit.code
            }
        }
        switch sort {
        case .name: return compare { VietnameseFolding.fold($0.unit.name) }
        case .newTotal: return compare { $0.counts.newTotal }
        case .newOnline: return compare { $0.counts.newOnline }
        case .onlineRate: return compare { $0.counts.onlineRate }
        case .toHandle: return compare { $0.counts.toHandle }
        case .onTimeRate: return compare { $0.counts.onTimeRate }
        case .overdue: return compare { $0.counts.inProgressOverdue }
        default: return compare { $0.unit.code }
        }
    }
}
