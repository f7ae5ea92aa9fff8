internal import DomainModel

/// Per-cell sums for a period: the whole blocks from the in-memory index, the days of the two partial blocks from the
/// store, read until both are at the same cursor (so rows and totals always agree).
struct CellQuery {
    let index: StatisticsIndex
    let store: any StatisticsStore

    /// Every cell of the units with its sums before `from` and before `to`, and the cursor they include.
    func sums(units: [String], from: Int, to: Int) async throws -> (cells: [(cell: StatCell, sums: PeriodSums)], cursor: Int64) {
        let fromStart = BlockCounterSeries.firstDay(of: BlockCounterSeries.block(of: from))
        let toStart = BlockCounterSeries.firstDay(of: BlockCounterSeries.block(of: to))
        var attempt = 0
        while true {
            let days = try await self.store.cellDays(in: fromStart == toStart ? [fromStart..<max(from, to)] : [fromStart..<from, toStart..<to])
            let blocks = self.index.cellBlockSums(units: units, from: from, to: to)
            attempt += 1
            guard days.cursor == blocks.cursor else {
                // A batch committed in between: read again (the index follows the store right after each commit).
                if attempt >= 50 { throw StatisticsError(code: .unavailable, message: "the counters are changing too fast to read; retry") }
                try await Task.sleep(for: .milliseconds(5 * attempt))
                continue
            }
            var byID: [Int64: Int] = [:]
            var cells = blocks.cells
            for (position, entry) in cells.enumerated() { byID[entry.id] = position }
            for row in days.rows {
                guard let position = byID[row.cellID] else { continue }
                if row.day >= fromStart && row.day < from { cells[position].sums.beforeFrom += row.counters }
                if row.day >= toStart && row.day < to { cells[position].sums.beforeTo += row.counters }
            }
            return (cells.map { ($0.cell, $0.sums) }, blocks.cursor)
        }
    }

    /// The sums grouped by field, online level or scheme.
    func grouped(units: [String], from: Int, to: Int, by grouping: CellGrouping) async throws -> GroupedSums {
        let result = try await self.sums(units: units, from: from, to: to)
        var groups: [String: PeriodSums] = [:]
        for (cell, sums) in result.cells {
            let key: String
            switch grouping {
            case .field: key = cell.field
            case .onlineLevel: key = String(cell.onlineLevel)
            case .onlineScheme: key = cell.onlineScheme?.rawValue ?? "unspecified"
            case .unit: key = cell.unitCode
            }
            groups[key, default: PeriodSums()] += sums
        }
        groups = groups.filter { !$0.value.beforeTo.isZero }
        return GroupedSums(sums: groups, cursor: result.cursor)
    }
}
