internal import DomainModel
public import RPCProtobuf

extension StatisticsService {
    /// GetAdoptionGaps: per commune below a unit, the dossiers of online-capable procedures filed in person, largest
    /// first, with the procedures concerned.
    public func getAdoptionGaps(_ request: Motcua_Statistics_V1_GetAdoptionGapsRequest) async throws -> Motcua_Statistics_V1_GetAdoptionGapsResponse {
        try await self.handling {
            let code = try parseUnitCode(request.unitCode, field: "unit_code")
            let period = try PeriodQuery(request.period)
            guard (0...100).contains(request.procedureLimit) else {
                throw DomainError.invalid(field: "procedure_limit", "must be 0 (5) to 100 (got \(request.procedureLimit))")
            }
            let limit = request.procedureLimit == 0 ? 5 : Int(request.procedureLimit)
            let (tree, unit) = try await self.tree(for: period, unit: code, field: "unit_code")
            let communes = unit.level == .commune ? [unit] : tree.descendants(of: unit.code, level: .commune)
            let query = try await CellQuery(index: self.index, store: self.store)
                .sums(units: communes.map(\.code), from: period.fromDay, to: period.toDay)
            let cursor = query.cursor
            let cells = query.cells.map { (cell: $0.cell, sums: $0.sums.beforeTo - $0.sums.beforeFrom) }
            let names = Dictionary((try? await self.catalog.procedures())?.map { ($0.code, $0.name) } ?? [], uniquingKeysWith: { first, _ in first })

            struct ProcedureTally {
                var gap = Motcua_Statistics_V1_ProcedureGap()
                var largestCell: Int64 = -1
            }
            struct CommuneTally {
                var inPerson: Int64 = 0
                var online: Int64 = 0
                var received: Int64 = 0
                var procedures: [String: ProcedureTally] = [:]
            }
            var tallies: [String: CommuneTally] = [:]
            for (cell, sums) in cells {
                var tally = tallies[cell.unitCode] ?? CommuneTally()
                let inPerson = sums[.onlineCapableInPerson]
                let online = sums[.onlineCapableOnline]
                tally.inPerson += inPerson
                tally.online += online
                tally.received += sums[.receivedOnline] + sums[.receivedDirect] + sums[.receivedPostal]
                if inPerson + online > 0 {
                    var procedure = tally.procedures[cell.procedureCode] ?? ProcedureTally()
                    procedure.gap.procedureCode = cell.procedureCode
                    procedure.gap.procedureName = names[cell.procedureCode] ?? ""
                    procedure.gap.inPerson += inPerson
                    procedure.gap.online += online
                    if inPerson + online > procedure.largestCell {
                        procedure.largestCell = inPerson + online
                        procedure.gap.field = cell.field
                        procedure.gap.onlineLevel = Int32(cell.onlineLevel)
                        procedure.gap.onlineScheme = Motcua_Catalog_V1_OnlineScheme(cell.onlineScheme)
                    }
                    tally.procedures[cell.procedureCode] = procedure
                }
                tallies[cell.unitCode] = tally
            }

            var response = Motcua_Statistics_V1_GetAdoptionGapsResponse()
            response.unit = Motcua_Statistics_V1_UnitRef(unit)
            response.period = period.proto
            response.asOfSequence = cursor
            var entries: [Motcua_Statistics_V1_CommuneGap] = []
            for commune in communes {
                let tally = tallies[commune.code] ?? CommuneTally()
                response.totalInPersonOnlineCapable += tally.inPerson
                guard tally.inPerson > 0 || request.includeWithoutGap else { continue }
                var entry = Motcua_Statistics_V1_CommuneGap()
                entry.unit = Motcua_Statistics_V1_UnitRef(commune)
                entry.inPersonOnlineCapable = tally.inPerson
                entry.online = tally.online
                entry.newTotal = tally.received
                entry.onlineShare = ReportCounts.ratio(tally.online, tally.online + tally.inPerson)
                entry.procedures = tally.procedures.values.map(\.gap)
                    .filter { $0.inPerson > 0 }
                    .sorted { ($0.inPerson, $1.procedureCode) > ($1.inPerson, $0.procedureCode) }
                    .prefix(limit).map { $0 }
                entries.append(entry)
            }
            entries.sort { ($0.inPersonOnlineCapable, $1.unit?.code ?? "") > ($1.inPersonOnlineCapable, $0.unit?.code ?? "") }
            for index in entries.indices { entries[index].rank = Int32(index + 1) }
            response.communes = entries
            return response
        }
    }
}
