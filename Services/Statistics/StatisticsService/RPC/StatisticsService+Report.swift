internal import DomainModel
public import RPCProtobuf

extension StatisticsService {
    /// GetReport: the unit's columns for the period, and the rows of the breakdown.
    public func getReport(_ request: Motcua_Statistics_V1_GetReportRequest) async throws -> Motcua_Statistics_V1_Report {
        try await self.handling {
            let code = try parseUnitCode(request.unitCode, field: "unit_code")
            let period = try PeriodQuery(request.period)
            guard Motcua_Statistics_V1_Breakdown.knownValues.contains(request.breakdown) else {
                throw DomainError.invalid(field: "breakdown", "unknown value \(request.breakdown.rawValue)")
            }
            let (tree, unit) = try await self.tree(for: period, unit: code, field: "unit_code")
            var report = Motcua_Statistics_V1_Report()
            report.unit = Motcua_Statistics_V1_UnitRef(unit)
            report.period = period.proto
            report.breakdown = request.breakdown
            let subtree = tree.subtree(of: unit.code)
            switch request.breakdown {
            case .field, .onlineLevel, .onlineScheme:
                let grouping: CellGrouping = request.breakdown == .field ? .field : request.breakdown == .onlineLevel ? .onlineLevel : .onlineScheme
                let groups = try await CellQuery(index: self.index, store: self.store)
                    .grouped(units: subtree, from: period.fromDay, to: period.toDay, by: grouping)
                report.rows = Self.groupRows(groups.sums, grouping: grouping)
                report.total = Motcua_Statistics_V1_Counts(groups.sums.values.reduce(PeriodSums(), +).report)
                report.asOfSequence = groups.cursor
            default:
                let snapshot = self.index.sums(units: subtree, from: period.fromDay, to: period.toDay)
                func sum(_ codes: [String]) -> PeriodSums { codes.reduce(PeriodSums()) { $0 + (snapshot.units[$1] ?? PeriodSums()) } }
                report.total = Motcua_Statistics_V1_Counts(sum(subtree).report)
                report.asOfSequence = snapshot.cursor
                if request.breakdown == .childUnit {
                    if let own = snapshot.units[unit.code], !own.beforeTo.isZero {
                        report.rows.append(Self.row(.unitItself, unit, own))
                    }
                    for child in tree.children(of: unit.code) {
                        report.rows.append(Self.row(.childUnit, child, sum(tree.subtree(of: child.code))))
                    }
                } else if request.breakdown == .commune {
                    let communes = unit.level == .commune ? [unit] : tree.descendants(of: unit.code, level: .commune)
                    let between = [unit] + tree.descendants(of: unit.code).filter { $0.level != .commune }
                    for own in between.sorted(by: { $0.code < $1.code }) {
                        guard own.level != .commune, let sums = snapshot.units[own.code], !sums.beforeTo.isZero else { continue }
                        report.rows.append(Self.row(.unitItself, own, sums))
                    }
                    for commune in communes {
                        report.rows.append(Self.row(.commune, commune, sum(tree.subtree(of: commune.code))))
                    }
                }
            }
            report.generatedAt = Google_Protobuf_Timestamp(self.clock())
            return report
        }
    }

    static func row(_ kind: Motcua_Statistics_V1_RowKind, _ unit: UnitInfo, _ sums: PeriodSums) -> Motcua_Statistics_V1_ReportRow {
        var row = Motcua_Statistics_V1_ReportRow()
        row.kind = kind
        row.key = unit.code
        row.label = unit.name
        row.unit = Motcua_Statistics_V1_UnitRef(unit)
        row.counts = Motcua_Statistics_V1_Counts(sums.report)
        return row
    }

    static func groupRows(_ groups: [String: PeriodSums], grouping: CellGrouping) -> [Motcua_Statistics_V1_ReportRow] {
        var rows: [(order: String, row: Motcua_Statistics_V1_ReportRow)] = []
        for (key, sums) in groups {
            var row = Motcua_Statistics_V1_ReportRow()
            row.key = key
            row.counts = Motcua_Statistics_V1_Counts(sums.report)
            let order: String
            switch grouping {
            case .field:
                row.kind = .field
                row.label = key
                order = VietnameseFolding.fold(key) + "\u{0}" + key
            case .onlineLevel:
                row.kind = .onlineLevel
                row.label = key == "0" ? "Không xác định" : "Mức độ \(key)"
                order = key
            case .onlineScheme, .unit:
                row.kind = .onlineScheme
                let scheme = OnlineScheme?(storedName: key)
                row.label = scheme.label
                order = "\(scheme.rank)"
            }
            rows.append((order, row))
        }
        return rows.sorted { $0.order < $1.order }.map(\.row)
    }

    static func watchInterval(_ request: Motcua_Statistics_V1_WatchReportRequest) throws(DomainError) -> Duration {
        let milliseconds = request.minIntervalMs
        if milliseconds == 0 { return Self.defaultWatchInterval }
        guard (100...60_000).contains(milliseconds) else {
            throw DomainError.invalid(field: "min_interval_ms", "must be 0 (250 ms) or 100 to 60,000 (got \(milliseconds))")
        }
        return .milliseconds(Int64(milliseconds))
    }

    /// WatchReport: sends `first`, then the report again whenever it changes, at most once per `interval`, until the
    /// caller cancels or the notifier finishes (shutdown).
    public func watchReport(
        _ request: Motcua_Statistics_V1_WatchReportRequest, first: Motcua_Statistics_V1_Report, interval: Duration,
        send: @escaping @Sendable (Motcua_Statistics_V1_WatchReportResponse) async throws -> Void
    ) async throws {
        let wakeUps = self.notifier.subscribe()
        let reportRequest = request.report ?? Motcua_Statistics_V1_GetReportRequest()
        var revision: Int64 = 1
        var last = first
        var message = Motcua_Statistics_V1_WatchReportResponse()
        message.report = first
        message.revision = revision
        try await send(message)
        var lastSent = ContinuousClock.now
        for await _ in wakeUps {
            let wait = lastSent + interval - ContinuousClock.now
            if wait > .zero { try await Task.sleep(for: wait) }
            let report = try await self.getReport(reportRequest)
            guard Self.differ(report, last) else { continue }
            revision += 1
            message.report = report
            message.revision = revision
            try await send(message)
            last = report
            lastSent = ContinuousClock.now
        }
    }

    /// Whether two reports differ in anything but when they were computed and the cursor.
    static func differ(_ lhs: Motcua_Statistics_V1_Report, _ rhs: Motcua_Statistics_V1_Report) -> Bool {
        var left = lhs
        var right = rhs
        left.generatedAt = nil
        right.generatedAt = nil
        left.asOfSequence = 0
        right.asOfSequence = 0
        return left != right
    }
}
