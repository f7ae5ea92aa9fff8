public import DomainModel
internal import Synchronization

/// The daily counters of every receiving unit, in memory (a ``DailyCounterSeries`` per unit), with the feed cursor
/// they include: reports for any unit and period are summed from here without touching the database.
///
/// Built from the store at startup (``load(_:)``), then changed only by committed batches (``apply(_:)``), so it
/// always matches the database at its ``cursor``.
public final class StatisticsIndex: Sendable {
    private struct State {
        var units: [String: DailyCounterSeries] = [:]
        var cursor: Int64 = 0
        var dossiers: Int64 = 0
        var cells: [Int64: StatCell] = [:]
        var unitCells: [String: [Int64]] = [:]
        var cellBlocks: [Int64: BlockCounterSeries] = [:]

        mutating func register(_ id: Int64, _ cell: StatCell) {
            guard self.cells[id] == nil else { return }
            self.cells[id] = cell
            self.unitCells[cell.unitCode, default: []].append(id)
        }
    }

    /// The per-block sums of the cells of some units, and the cursor they include.
    public struct CellSnapshot: Sendable {
        /// Per cell: the counters summed over the blocks before `from`'s block and before `to`'s block.
        public var cells: [(id: Int64, cell: StatCell, sums: PeriodSums)]
        public var cursor: Int64
    }

    /// The sums of some units for a period, and the cursor they include.
    public struct Snapshot: Sendable {
        /// Per unit code; units without any counter are absent.
        public var units: [String: PeriodSums]
        public var cursor: Int64
    }

    private let state = Mutex(State())

    public init() {}

    /// The sequence of the last event the counters include.
    public var cursor: Int64 { self.state.withLock { $0.cursor } }

    /// How many dossiers the counters include.
    public var dossiers: Int64 { self.state.withLock { $0.dossiers } }

    /// The codes of the units with any counter.
    public var unitCodes: [String] { self.state.withLock { Array($0.units.keys) } }

    /// Replaces everything with the stored counters (read at the same cursor).
    public func load(_ stored: StoredUnitCounters, cells storedCells: StoredCellCounters) {
        var units: [String: DailyCounterSeries] = [:]
        for entry in stored.days {
            units[entry.unit, default: DailyCounterSeries()].add(entry.counters, day: entry.day)
        }
        var cellState = State()
        for (id, cell) in storedCells.cells { cellState.register(id, cell) }
        for entry in storedCells.blocks {
            cellState.cellBlocks[entry.cellID, default: BlockCounterSeries()].add(entry.counters, block: entry.block)
        }
        self.state.withLock { state in
            state.units = units
            state.cursor = stored.cursor
            state.dossiers = stored.dossiers
            state.cells = cellState.cells
            state.unitCells = cellState.unitCells
            state.cellBlocks = cellState.cellBlocks
        }
    }

    /// Applies a committed batch.
    public func apply(_ batch: AppliedBatch) {
        self.state.withLock { state in
            for change in batch.unitChanges {
                state.units[change.unit, default: DailyCounterSeries()].add(change.delta, day: change.day)
            }
            for (id, cell) in batch.newCells { state.register(id, cell) }
            for change in batch.cellChanges {
                state.cellBlocks[change.cellID, default: BlockCounterSeries()].add(
                    change.delta, block: BlockCounterSeries.block(of: change.day))
            }
            state.cursor = batch.cursor
            state.dossiers += Int64(batch.newDossiers)
        }
    }

    /// Forgets everything (before a rebuild).
    public func reset() {
        self.state.withLock { $0 = State() }
    }

    /// Each unit's sums for [from, to) (day numbers).
    public func sums(units: some Sequence<String>, from: Int, to: Int) -> Snapshot {
        self.state.withLock { state in
            var result: [String: PeriodSums] = [:]
            for unit in units {
                guard let series = state.units[unit] else { continue }
                var sums = PeriodSums()
                series.addSums(before: from, into: &sums.beforeFrom)
                series.addSums(before: to, into: &sums.beforeTo)
                result[unit] = sums
            }
            return Snapshot(units: result, cursor: state.cursor)
        }
    }

    /// The cells of some units with their counters summed over the whole blocks before `from`'s block and before
    /// `to`'s block (the days of those two blocks before `from` and `to` are to be added from storage).
    public func cellBlockSums(units: some Sequence<String>, from: Int, to: Int) -> CellSnapshot {
        let fromBlock = BlockCounterSeries.block(of: from)
        let toBlock = BlockCounterSeries.block(of: to)
        return self.state.withLock { state in
            var cells: [(id: Int64, cell: StatCell, sums: PeriodSums)] = []
            for unit in units {
                for id in state.unitCells[unit] ?? [] {
                    guard let cell = state.cells[id] else { continue }
                    var sums = PeriodSums()
                    if let series = state.cellBlocks[id] {
                        series.addSums(beforeBlock: fromBlock, into: &sums.beforeFrom)
                        series.addSums(beforeBlock: toBlock, into: &sums.beforeTo)
                    }
                    cells.append((id, cell, sums))
                }
            }
            return CellSnapshot(cells: cells, cursor: state.cursor)
        }
    }

    /// The units' counters summed over the days before `from`, and their deltas on each day of [from, to).
    public func daily(units: some Sequence<String>, from: Int, to: Int) -> (before: CounterVector, days: [CounterVector], cursor: Int64) {
        self.state.withLock { state in
            var before = CounterVector()
            var days = Array(repeating: CounterVector(), count: max(0, to - from))
            for unit in units {
                guard let series = state.units[unit] else { continue }
                series.addSums(before: from, into: &before)
                series.addDailyDeltas(from: from, to: to, into: &days)
            }
            return (before, days, state.cursor)
        }
    }
}
