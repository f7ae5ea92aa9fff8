internal import DomainModel
public import RPCProtobuf

extension StatisticsService {
    /// GetServiceIndex: the Decision 766 indicators the data supports for a unit and period.
    public func getServiceIndex(_ request: Motcua_Statistics_V1_GetServiceIndexRequest) async throws -> Motcua_Statistics_V1_ServiceIndex {
        try await self.handling {
            let code = try parseUnitCode(request.unitCode, field: "unit_code")
            let period = try PeriodQuery(request.period)
            let (tree, unit) = try await self.tree(for: period, unit: code, field: "unit_code")
            let subtree = tree.subtree(of: unit.code)
            let snapshot = self.index.sums(units: subtree, from: period.fromDay, to: period.toDay)
            let counts = snapshot.units.values.reduce(PeriodSums(), +).decision766

            let procedures = try await self.catalog.procedures().filter { Self.inScope($0, of: unit.level) }
            let offered = procedures.filter(\.isOfferedOnline)
            let cells = try await CellQuery(index: self.index, store: self.store).sums(units: subtree, from: period.fromDay, to: period.toDay)
            let withOnlineDossier = Set(cells.cells.filter { $0.sums.inPeriod(.receivedOnline) > 0 }.map(\.cell.procedureCode))
            let coverage = Decision766Index.ProcedureCoverage(
                procedures: Int64(procedures.count), offeredOnline: Int64(offered.count),
                offeredOnlineWithOnlineDossier: Int64(offered.count { withOnlineDossier.contains($0.code) }))

            var index = Motcua_Statistics_V1_ServiceIndex()
            index.unit = Motcua_Statistics_V1_UnitRef(unit)
            index.period = period.proto
            index.asOfSequence = snapshot.cursor
            for indicator in Decision766Index.indicators(counts: counts, coverage: coverage) {
                var message = Motcua_Statistics_V1_Indicator()
                message.code = indicator.code
                message.name = indicator.name
                message.group = indicator.group
                message.numerator = indicator.numerator
                message.denominator = indicator.denominator
                message.rate = indicator.rate
                message.threshold = indicator.threshold
                message.maxPoints = indicator.maxPoints
                message.points = indicator.points
                message.method = indicator.method
                index.indicators.append(message)
                index.points += indicator.points
                index.maxPoints += indicator.maxPoints
            }
            index.notSupported = Decision766Index.notSupported
            return index
        }
    }

    /// The procedures a unit's indicators count: a commune's are the commune-level ones, a district's the district-
    /// and commune-level ones, the province's all of them.
    static func inScope(_ procedure: CatalogProcedure, of level: UnitLevel) -> Bool {
        switch level {
        case .province: true
        case .district: procedure.implementingLevel == .district || procedure.implementingLevel == .commune
        case .commune: procedure.implementingLevel == .commune
        }
    }
}
