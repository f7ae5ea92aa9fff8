public import DomainModel
internal import GRDB

extension GRDBStatisticsStore {
    /// Per-batch accumulation of counter deltas, keyed by (cell or unit, day).
    private struct DayKey<Owner: Hashable>: Hashable {
        var owner: Owner
        var day: Int
    }

    private struct BatchResult: Sendable {
        var cursor: Int64
        var newDossiers: Int
        var newCells: [StatCell: Int64]
        var unitChanges: [(unit: String, day: Int, delta: CounterVector)]
    }

    public func apply(_ events: [FeedEvent], beforeCommit: (@Sendable () throws -> Void)?) async throws -> AppliedBatch {
        guard let first = events.first else {
            return AppliedBatch(cursor: try await self.cursor(), events: 0, newDossiers: 0, unitChanges: [])
        }
        for (previous, next) in zip(events, events.dropFirst()) where next.sequence != previous.sequence + 1 {
            throw StatisticsError(
                code: .sequenceGap, message: "events not consecutive: \(previous.sequence) is followed by \(next.sequence)")
        }
        if let invalid = events.first(where: { $0.dossierCode.isEmpty }) {
            throw StatisticsError(code: .invalidEvent, message: "event \(invalid.sequence) has no dossier code")
        }
        let cells = self.cells
        let result = try await self.access("applying events \(first.sequence)…\(events[events.count - 1].sequence)") {
            try await self.writer.write { db -> BatchResult in
                let cursor = try Self.cursor(db)
                guard first.sequence == cursor + 1 else {
                    throw StatisticsError(
                        code: .sequenceGap, message: "expected event \(cursor + 1) after the cursor \(cursor), got \(first.sequence)")
                }
                var facts: [String: DossierFacts] = [:]
                facts.reserveCapacity(events.count)
                var newDossiers = 0
                var newCells: [StatCell: Int64] = [:]
                var cellDeltas: [DayKey<Int64>: [Int64]] = [:]
                var unitDeltas: [DayKey<String>: [Int64]] = [:]
                let select = try db.cachedStatement(sql: """
                    SELECT cell_id, version, last_sequence, status, channel, assisted, fee_bearing, received_day, due_day,
                           finished_day, paused_day, apologies, supplement_requests, paid_online
                    FROM dossier_facts WHERE code = ?
                    """)
                let insertCell = try db.cachedStatement(sql: """
                    INSERT INTO stat_cell (unit_code, procedure_code, field, online_level, online_scheme) VALUES (?, ?, ?, ?, ?)
                    """)

                func cellID(_ cell: StatCell) throws -> Int64 {
                    if let id = cells.id(of: cell) ?? newCells[cell] { return id }
                    try insertCell.execute(arguments: [
                        cell.unitCode, cell.procedureCode, cell.field, cell.onlineLevel, cell.onlineScheme.storedName,
                    ])
                    let id = db.lastInsertedRowID
                    newCells[cell] = id
                    return id
                }

                func load(_ code: String) throws -> DossierFacts? {
                    guard let row = try Row.fetchOne(select, arguments: [code]) else { return nil }
                    let cellID: Int64 = row[0]
                    guard let cell = cells.cell(id: cellID) ?? newCells.first(where: { $0.value == cellID })?.key else {
                        throw StatisticsError(code: .storage, message: "dossier \(code) refers to an unknown cell \(cellID)")
                    }
                    return DossierFacts(
                        code: code, cell: cell, version: row[1], lastSequence: row[2], status: DossierStatus(rawValue: row[3]),
                        channel: DossierChannel(rawValue: row[4]) ?? .direct, assistedByStaff: row[5], feeBearing: row[6],
                        receivedDay: row[7], dueDay: row[8], finishedDay: row[9], pausedDay: row[10], apologies: row[11],
                        supplementRequests: row[12], paidOnline: row[13])
                }

                for event in events {
                    let old: DossierFacts?
                    if let known = facts[event.dossierCode] {
                        old = known
                    } else {
                        old = try load(event.dossierCode)
                        if old == nil { newDossiers += 1 }
                    }
                    let new = DossierFacts.applying(event, to: old)
                    facts[event.dossierCode] = new
                    for change in CounterChange.changes(from: old, to: new) {
                        let id = try cellID(change.cell)
                        cellDeltas[DayKey(owner: id, day: change.day), default: Self.zeroes][change.counter.rawValue] += change.delta
                        unitDeltas[DayKey(owner: change.cell.unitCode, day: change.day), default: Self.zeroes][change.counter.rawValue] +=
                            change.delta
                    }
                }

                let upsertFacts = try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO dossier_facts (code, cell_id, version, last_sequence, status, channel, assisted,
                        fee_bearing, received_day, due_day, finished_day, paused_day, apologies, supplement_requests, paid_online)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for (code, fact) in facts {
                    let id = try cellID(fact.cell)
                    try upsertFacts.execute(arguments: [
                        code, id, fact.version, fact.lastSequence, fact.status?.rawValue ?? 0, fact.channel.rawValue,
                        fact.assistedByStaff, fact.feeBearing, fact.receivedDay, fact.dueDay, fact.finishedDay, fact.pausedDay,
                        fact.apologies, fact.supplementRequests, fact.paidOnline,
                    ])
                }
                let upsertCellDay = try db.cachedStatement(sql: Self.upsertSQL(table: "cell_day", owner: "cell_id"))
                for (key, deltas) in cellDeltas where deltas.contains(where: { $0 != 0 }) {
                    try upsertCellDay.execute(arguments: StatementArguments([key.owner, key.day] as [any DatabaseValueConvertible] + deltas))
                }
                let upsertUnitDay = try db.cachedStatement(sql: Self.upsertSQL(table: "unit_day", owner: "unit_code"))
                var unitChanges: [(unit: String, day: Int, delta: CounterVector)] = []
                unitChanges.reserveCapacity(unitDeltas.count)
                for (key, deltas) in unitDeltas where deltas.contains(where: { $0 != 0 }) {
                    try upsertUnitDay.execute(arguments: StatementArguments([key.owner, key.day] as [any DatabaseValueConvertible] + deltas))
                    unitChanges.append((key.owner, key.day, CounterVector(values: deltas)))
                }
                let last = events[events.count - 1].sequence
                try db.execute(sql: "UPDATE feed_cursor SET last_sequence = ? WHERE id = 1", arguments: [last])
                try beforeCommit?()
                return BatchResult(cursor: last, newDossiers: newDossiers, newCells: newCells, unitChanges: unitChanges)
            }
        }
        cells.register(result.newCells)
        return AppliedBatch(cursor: result.cursor, events: events.count, newDossiers: result.newDossiers, unitChanges: result.unitChanges)
    }

    private static let zeroes = [Int64](repeating: 0, count: StatCounter.count)

    private static func upsertSQL(table: String, owner: String) -> String {
        let names = StatCounter.allCases.map(\.name)
        let placeholders = Array(repeating: "?", count: names.count + 2).joined(separator: ", ")
        let updates = names.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(table) (\(owner), day, \(names.joined(separator: ", "))) VALUES (\(placeholders)) "
            + "ON CONFLICT (\(owner), day) DO UPDATE SET \(updates)"
    }
}
