public import DomainModel
internal import GRDB

extension GRDBStatisticsStore {
    public func prefixSums(unitCodes: [String], from: Int, to: Int, groupBy: CellGrouping) async throws -> GroupedSums {
        guard !unitCodes.isEmpty else { return GroupedSums(sums: [:], cursor: try await self.cursor()) }
        let group: String
        switch groupBy {
        case .field: group = "c.field"
        case .onlineLevel: group = "CAST(c.online_level AS TEXT)"
        case .onlineScheme: group = "c.online_scheme"
        case .unit: group = "c.unit_code"
        }
        let names = StatCounter.allCases.map(\.name)
        let before = names.map { "SUM(CASE WHEN d.day < ? THEN d.\($0) ELSE 0 END)" }.joined(separator: ", ")
        let through = names.map { "SUM(d.\($0))" }.joined(separator: ", ")
        let units = Array(repeating: "?", count: unitCodes.count).joined(separator: ", ")
        let sql = """
            SELECT \(group), \(before), \(through)
            FROM cell_day d JOIN stat_cell c ON c.id = d.cell_id
            WHERE c.unit_code IN (\(units)) AND d.day < ?
            GROUP BY 1
            """
        var arguments: [(any DatabaseValueConvertible)?] = Array(repeating: from, count: names.count)
        arguments += unitCodes.map { $0 as (any DatabaseValueConvertible)? }
        arguments.append(to)
        let bound = StatementArguments(arguments)
        return try await self.access("summing counters by \(groupBy.rawValue)") {
            try await self.writer.read { db in
                var result: [String: PeriodSums] = [:]
                let rows = try Row.fetchCursor(db, sql: sql, arguments: bound)
                while let row = try rows.next() {
                    let key: String = row[0]
                    let beforeFrom = CounterVector(values: (0..<names.count).map { row[1 + $0] as Int64 })
                    let beforeTo = CounterVector(values: (0..<names.count).map { row[1 + names.count + $0] as Int64 })
                    result[key] = PeriodSums(beforeFrom: beforeFrom, beforeTo: beforeTo)
                }
                return GroupedSums(sums: result, cursor: try Self.cursor(db))
            }
        }
    }

    public func cellSums(unitCodes: [String], from: Int, to: Int) async throws -> [(cell: StatCell, sums: CounterVector)] {
        guard !unitCodes.isEmpty, from < to else { return [] }
        let names = StatCounter.allCases.map(\.name)
        let sums = names.map { "SUM(d.\($0))" }.joined(separator: ", ")
        let units = Array(repeating: "?", count: unitCodes.count).joined(separator: ", ")
        let sql = """
            SELECT c.unit_code, c.procedure_code, c.field, c.online_level, c.online_scheme, \(sums)
            FROM cell_day d JOIN stat_cell c ON c.id = d.cell_id
            WHERE c.unit_code IN (\(units)) AND d.day >= ? AND d.day < ?
            GROUP BY d.cell_id
            """
        var arguments: [(any DatabaseValueConvertible)?] = unitCodes.map { $0 as (any DatabaseValueConvertible)? }
        arguments += [from, to] as [(any DatabaseValueConvertible)?]
        let bound = StatementArguments(arguments)
        return try await self.access("summing cells") {
            try await self.writer.read { db in
                var result: [(cell: StatCell, sums: CounterVector)] = []
                let rows = try Row.fetchCursor(db, sql: sql, arguments: bound)
                while let row = try rows.next() {
                    let cell = StatCell(
                        unitCode: row[0], procedureCode: row[1], field: row[2], onlineLevel: row[3],
                        onlineScheme: OnlineScheme?(storedName: row[4]))
                    result.append((cell, CounterVector(values: (0..<names.count).map { row[5 + $0] as Int64 })))
                }
                return result
            }
        }
    }

    public func loadCellCounters() async throws -> StoredCellCounters {
        try await self.access("loading the cell counters") {
            try await self.writer.read { db in
                let cursor = try Self.cursor(db)
                var cells: [(id: Int64, cell: StatCell)] = []
                let cellRows = try Row.fetchCursor(
                    db, sql: "SELECT id, unit_code, procedure_code, field, online_level, online_scheme FROM stat_cell")
                while let row = try cellRows.next() {
                    cells.append((row[0], StatCell(
                        unitCode: row[1], procedureCode: row[2], field: row[3], onlineLevel: row[4],
                        onlineScheme: OnlineScheme?(storedName: row[5]))))
                }
                let names = StatCounter.allCases.map { "SUM(\($0.name))" }.joined(separator: ", ")
                let statement = RawStatement(try db.makeStatement(sql: """
                    SELECT cell_id, day >> \(BlockCounterSeries.blockShift) AS block, \(names)
                    FROM cell_day GROUP BY cell_id, block
                    """))
                var blocks: [(cellID: Int64, block: Int, counters: CounterVector)] = []
                while try statement.step() {
                    blocks.append((statement.int64(0), statement.int(1), Self.counters(statement, from: 2)))
                }
                statement.reset()
                return StoredCellCounters(cursor: cursor, cells: cells, blocks: blocks)
            }
        }
    }

    public func cellDays(in ranges: [Range<Int>]) async throws -> (rows: [(cellID: Int64, day: Int, counters: CounterVector)], cursor: Int64) {
        try await self.access("reading cell days") {
            try await self.writer.read { db in
                let cursor = try Self.cursor(db)
                let names = StatCounter.allCases.map(\.name).joined(separator: ", ")
                let statement = RawStatement(try db.cachedStatement(sql: "SELECT cell_id, day, \(names) FROM cell_day WHERE day >= ? AND day < ?"))
                var rows: [(cellID: Int64, day: Int, counters: CounterVector)] = []
                for range in ranges where !range.isEmpty {
                    statement.bind(1, range.lowerBound)
                    statement.bind(2, range.upperBound)
                    while try statement.step() {
                        rows.append((statement.int64(0), statement.int(1), Self.counters(statement, from: 2)))
                    }
                    statement.reset()
                }
                return (rows, cursor)
            }
        }
    }

    static func counters(_ statement: RawStatement, from column: Int32) -> CounterVector {
        CounterVector(values: (0..<Int32(StatCounter.count)).map { statement.int64(column + $0) })
    }
}
