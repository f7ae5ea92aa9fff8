public import DomainModel
internal import GRDB

extension GRDBStatisticsStore {
    /// Loads the facts of dossiers the store does not know yet, with their counters, in one transaction, without
    /// the feed and without moving the cursor: for generated data sets (benchmarks) and tools. A dossier code that is
    /// already stored fails the whole call (nothing is written).
    ///
    /// - Returns: how many dossiers were loaded.
    @discardableResult
    public func bulkLoad(_ facts: [DossierFacts]) async throws -> Int {
        guard !facts.isEmpty else { return 0 }
        let cells = self.cells
        let newCells = try await self.access("bulk loading \(facts.count) dossiers") {
            try await self.writer.write { db -> [StatCell: Int64] in
                var newCells: [StatCell: Int64] = [:]
                var cellDeltas: [CellDayKey: [Int64]] = [:]
                var unitDeltas: [UnitDayKey: [Int64]] = [:]
                let insertCell = RawStatement(try db.cachedStatement(sql: """
                    INSERT INTO stat_cell (unit_code, procedure_code, field, online_level, online_scheme) VALUES (?, ?, ?, ?, ?)
                    """))
                let insertFacts = RawStatement(try db.cachedStatement(sql: """
                    INSERT INTO dossier_facts (code, cell_id, version, last_sequence, status, channel, assisted, fee_bearing,
                        received_day, due_day, finished_day, paused_day, apologies, supplement_requests, paid_online)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """))
                for fact in facts {
                    let cellID: Int64
                    if let known = cells.id(of: fact.cell) ?? newCells[fact.cell] {
                        cellID = known
                    } else {
                        try Self.insert(fact.cell, insertCell)
                        cellID = db.lastInsertedRowID
                        newCells[fact.cell] = cellID
                    }
                    try Self.write(fact, code: fact.code, cellID: cellID, insertFacts)
                    for contribution in fact.contributions() {
                        cellDeltas[CellDayKey(owner: cellID, day: contribution.day), default: Self.zeroCounters][contribution.counter.rawValue] += 1
                        unitDeltas[UnitDayKey(owner: fact.cell.unitCode, day: contribution.day), default: Self.zeroCounters][
                            contribution.counter.rawValue] += 1
                    }
                }
                try Self.upsert(cellDeltas: cellDeltas, unitDeltas: unitDeltas, db)
                return newCells
            }
        }
        cells.register(newCells)
        return facts.count
    }
}
