public import DomainModel
internal import GRDB

extension GRDBStatisticsStore {
    /// Per-batch accumulation of counter deltas, keyed by (cell or unit, day).
    struct DayKey<Owner: Hashable>: Hashable {
        var owner: Owner
        var day: Int
    }

    typealias CellDayKey = DayKey<Int64>
    typealias UnitDayKey = DayKey<String>

    private struct BatchResult: Sendable {
        var cursor: Int64
        var newDossiers: Int
        var newCells: [StatCell: Int64]
        var facts: [String: FactsCache.Entry]
        var unitChanges: [(unit: String, day: Int, delta: CounterVector)]
        var cellChanges: [(cellID: Int64, day: Int, delta: CounterVector)]
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
        let cached = self.recentFacts.lookup(events.map(\.dossierCode))
        let result = try await self.access("applying events \(first.sequence)…\(events[events.count - 1].sequence)") {
            try await self.writer.write { db -> BatchResult in
                let cursor = try Self.cursor(db)
                guard first.sequence == cursor + 1 else {
                    throw StatisticsError(
                        code: .sequenceGap, message: "expected event \(cursor + 1) after the cursor \(cursor), got \(first.sequence)")
                }
                var facts: [String: FactsCache.Entry] = [:]
                facts.reserveCapacity(events.count)
                var newDossiers = 0
                var newCells: [StatCell: Int64] = [:]
                var cellDeltas: [CellDayKey: [Int64]] = [:]
                var cellUnits: [Int64: String] = [:]
                let select = RawStatement(try db.cachedStatement(sql: """
                    SELECT cell_id, version, last_sequence, status, channel, assisted, fee_bearing, received_day, due_day,
                           finished_day, paused_day, apologies, supplement_requests, paid_online
                    FROM dossier_facts WHERE code = ?
                    """))
                let insertCell = RawStatement(try db.cachedStatement(sql: """
                    INSERT INTO stat_cell (unit_code, procedure_code, field, online_level, online_scheme) VALUES (?, ?, ?, ?, ?)
                    """))

                func cellID(_ cell: StatCell) throws -> Int64 {
                    if let id = cells.id(of: cell) ?? newCells[cell] { return id }
                    try Self.insert(cell, insertCell)
                    let id = db.lastInsertedRowID
                    newCells[cell] = id
                    return id
                }

                func load(_ code: String) throws -> FactsCache.Entry? {
                    select.bind(1, code)
                    guard try select.step() else {
                        select.reset()
                        return nil
                    }
                    defer { select.reset() }
                    let cellID = select.int64(0)
                    guard let cell = cells.cell(id: cellID) ?? newCells.first(where: { $0.value == cellID })?.key else {
                        throw StatisticsError(code: .storage, message: "dossier \(code) refers to an unknown cell \(cellID)")
                    }
                    let facts = DossierFacts(
                        code: code, cell: cell, version: select.int64(1), lastSequence: select.int64(2),
                        status: DossierStatus(rawValue: select.int(3)), channel: DossierChannel(rawValue: select.int(4)) ?? .direct,
                        assistedByStaff: select.bool(5), feeBearing: select.bool(6), receivedDay: select.int(7),
                        dueDay: select.optionalInt(8), finishedDay: select.optionalInt(9), pausedDay: select.optionalInt(10),
                        apologies: select.int(11), supplementRequests: select.int(12), paidOnline: select.bool(13))
                    return FactsCache.Entry(facts: facts, cellID: cellID)
                }

                for event in events {
                    let old: DossierFacts?
                    var oldCellID: Int64?
                    if let known = try facts[event.dossierCode] ?? cached[event.dossierCode] ?? load(event.dossierCode) {
                        old = known.facts
                        oldCellID = known.cellID
                    } else {
                        old = nil
                        newDossiers += 1
                    }
                    let new = DossierFacts.applying(event, to: old)
                    let cellMoved = old.map { $0.cell != new.cell } ?? true
                    let newID: Int64
                    if !cellMoved, let oldCellID {
                        newID = oldCellID
                    } else {
                        newID = try cellID(new.cell)
                    }
                    if cellUnits[newID] == nil { cellUnits[newID] = new.cell.unitCode }
                    facts[event.dossierCode] = FactsCache.Entry(facts: new, cellID: newID)
                    for change in CounterChange.changes(from: old, to: new) {
                        var id = newID
                        if cellMoved, change.cell != new.cell {
                            id = try cellID(change.cell)
                            if cellUnits[id] == nil { cellUnits[id] = change.cell.unitCode }
                        }
                        cellDeltas[DayKey(owner: id, day: change.day), default: Self.zeroCounters][change.counter.rawValue] += change.delta
                    }
                }

                let upsertFacts = RawStatement(try db.cachedStatement(sql: """
                    INSERT INTO dossier_facts (code, cell_id, version, last_sequence, status, channel, assisted,
                        fee_bearing, received_day, due_day, finished_day, paused_day, apologies, supplement_requests, paid_online)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET cell_id = excluded.cell_id, version = excluded.version,
                        last_sequence = excluded.last_sequence, status = excluded.status, channel = excluded.channel,
                        assisted = excluded.assisted, fee_bearing = excluded.fee_bearing, received_day = excluded.received_day,
                        due_day = excluded.due_day, finished_day = excluded.finished_day, paused_day = excluded.paused_day,
                        apologies = excluded.apologies, supplement_requests = excluded.supplement_requests,
                        paid_online = excluded.paid_online
                    """))
                for (code, entry) in facts.sorted(by: { $0.key < $1.key }) {
                    try Self.write(entry.facts, code: code, cellID: entry.cellID, upsertFacts)
                }
                var unitDeltas: [UnitDayKey: [Int64]] = [:]
                for (key, deltas) in cellDeltas {
                    guard let unit = cellUnits[key.owner] else { continue }
                    let unitKey = UnitDayKey(owner: unit, day: key.day)
                    if var sum = unitDeltas.removeValue(forKey: unitKey) {
                        for index in 0..<deltas.count { sum[index] += deltas[index] }
                        unitDeltas[unitKey] = sum
                    } else {
                        unitDeltas[unitKey] = deltas
                    }
                }
                let (cellChanges, unitChanges) = try Self.upsert(cellDeltas: cellDeltas, unitDeltas: unitDeltas, db)
                let last = events[events.count - 1].sequence
                try db.execute(sql: "UPDATE feed_cursor SET last_sequence = ? WHERE id = 1", arguments: [last])
                try beforeCommit?()
                return BatchResult(cursor: last, newDossiers: newDossiers, newCells: newCells, facts: facts, unitChanges: unitChanges, cellChanges: cellChanges)
            }
        }
        cells.register(result.newCells)
        self.recentFacts.remember(result.facts)
        return AppliedBatch(
            cursor: result.cursor, events: events.count, newDossiers: result.newDossiers, unitChanges: result.unitChanges,
            cellChanges: result.cellChanges, newCells: result.newCells.map { (id: $0.value, cell: $0.key) })
    }

    static let zeroCounters = [Int64](repeating: 0, count: StatCounter.count)

    /// Adds the deltas to `cell_day` and `unit_day`; returns the non-zero changes.
    @discardableResult
    static func upsert(
        cellDeltas: [CellDayKey: [Int64]], unitDeltas: [UnitDayKey: [Int64]], _ db: Database
    ) throws -> (cells: [(cellID: Int64, day: Int, delta: CounterVector)], units: [(unit: String, day: Int, delta: CounterVector)]) {
        var cellChanges: [(cellID: Int64, day: Int, delta: CounterVector)] = []
        cellChanges.reserveCapacity(cellDeltas.count)
        let upsertCellDay = RawStatement(try db.cachedStatement(sql: Self.upsertSQL(table: "cell_day", owner: "cell_id")))
        // In key order (day first, as the primary keys): consecutive upserts touch neighbouring B-tree pages.
        for (key, deltas) in cellDeltas.sorted(by: { ($0.key.day, $0.key.owner) < ($1.key.day, $1.key.owner) })
        where deltas.contains(where: { $0 != 0 }) {
            upsertCellDay.bind(1, key.owner)
            try Self.bindCounters(key.day, deltas, upsertCellDay)
            try upsertCellDay.run()
            cellChanges.append((key.owner, key.day, CounterVector(values: deltas)))
        }
        let upsertUnitDay = RawStatement(try db.cachedStatement(sql: Self.upsertSQL(table: "unit_day", owner: "unit_code")))
        var unitChanges: [(unit: String, day: Int, delta: CounterVector)] = []
        unitChanges.reserveCapacity(unitDeltas.count)
        for (key, deltas) in unitDeltas.sorted(by: { ($0.key.day, $0.key.owner) < ($1.key.day, $1.key.owner) })
        where deltas.contains(where: { $0 != 0 }) {
            upsertUnitDay.bind(1, key.owner)
            try Self.bindCounters(key.day, deltas, upsertUnitDay)
            try upsertUnitDay.run()
            unitChanges.append((key.owner, key.day, CounterVector(values: deltas)))
        }
        return (cellChanges, unitChanges)
    }

    private static func bindCounters(_ day: Int, _ deltas: [Int64], _ statement: RawStatement) throws {
        statement.bind(2, day)
        for (index, delta) in deltas.enumerated() { statement.bind(Int32(3 + index), delta) }
    }

    static func insert(_ cell: StatCell, _ statement: RawStatement) throws {
        statement.bind(1, cell.unitCode)
        statement.bind(2, cell.procedureCode)
        statement.bind(3, cell.field)
        statement.bind(4, cell.onlineLevel)
        statement.bind(5, cell.onlineScheme.storedName)
        try statement.run()
    }

    static func write(_ fact: DossierFacts, code: String, cellID: Int64, _ statement: RawStatement) throws {
        statement.bind(1, code)
        statement.bind(2, cellID)
        statement.bind(3, fact.version)
        statement.bind(4, fact.lastSequence)
        statement.bind(5, fact.status?.rawValue ?? 0)
        statement.bind(6, fact.channel.rawValue)
        statement.bind(7, fact.assistedByStaff)
        statement.bind(8, fact.feeBearing)
        statement.bind(9, fact.receivedDay)
        statement.bind(10, fact.dueDay)
        statement.bind(11, fact.finishedDay)
        statement.bind(12, fact.pausedDay)
        statement.bind(13, fact.apologies)
        statement.bind(14, fact.supplementRequests)
        statement.bind(15, fact.paidOnline)
        try statement.run()
    }

    private static func upsertSQL(table: String, owner: String) -> String {
        let names = StatCounter.allCases.map(\.name)
        let placeholders = Array(repeating: "?", count: names.count + 2).joined(separator: ", ")
        let updates = names.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO \(table) (\(owner), day, \(names.joined(separator: ", "))) VALUES (\(placeholders)) "
            + "ON CONFLICT (day, \(owner)) DO UPDATE SET \(updates)"
    }
}
