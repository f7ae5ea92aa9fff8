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

    /// Replaces everything with the stored counters.
    public func load(_ stored: StoredUnitCounters) {
        var units: [String: DailyCounterSeries] = [:]
        for entry in stored.days {
            units[entry.unit, default: DailyCounterSeries()].add(entry.counters, day: entry.day)
        }
        self.state.withLock { state in
            state.units = units
            state.cursor = stored.cursor
            state.dossiers = stored.dossiers
        }
    }

    /// Applies a committed batch.
    public func apply(_ batch: AppliedBatch) {
        self.state.withLock { state in
            for change in batch.unitChanges {
                state.units[change.unit, default: DailyCounterSeries()].add(change.delta, day: change.day)
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
