internal import DomainModel
internal import GRDB
internal import Synchronization

/// The feed sequence and the per-unit daily numbers, kept in memory by the single writer so that allocating them costs
/// no query. Only the writer (inside a write transaction) touches them; a work's changes are undone when the work is
/// rolled back, and everything is reloaded from the database after a failed commit.
final class WriteCounters: Sendable {
    struct DailyKey: Hashable {
        var unit: UnitCode
        var day: CivilDate
    }

    struct State {
        /// The last sequence written (committed, or tentatively in the batch being written).
        var lastSequence: Int64 = 0
        /// The highest number used per unit and day, for the days asked about since the last reload.
        var daily: [DailyKey: Int] = [:]
        /// Set after a failed commit: reload before the next batch.
        var stale = true
    }

    private let state = Mutex(State())

    var lastSequence: Int64 { self.state.withLock { $0.lastSequence } }

    func snapshot() -> State { self.state.withLock { $0 } }

    func restore(_ snapshot: State) { self.state.withLock { $0 = snapshot } }

    func markStale() { self.state.withLock { $0.stale = true } }

    /// Reloads the sequence from the database if a commit failed (or on first use).
    func reloadIfStale(_ db: Database) throws {
        guard self.state.withLock({ $0.stale }) else { return }
        let last = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM events") ?? 0
        self.state.withLock { state in
            state.lastSequence = last
            state.daily.removeAll()
            state.stale = false
        }
    }

    func nextSequence() -> Int64 {
        self.state.withLock { state in
            state.lastSequence += 1
            return state.lastSequence
        }
    }

    func highestNumber(_ key: DailyKey, _ db: Database) throws -> Int {
        if let known = self.state.withLock({ $0.daily[key] }) { return known }
        // The codes of a unit's day share the prefix `UNITCODE-YYMMDD-`: a range of the code index.
        guard let first = DossierCode(unitCode: key.unit, receiptDate: key.day, number: 1) else { return 0 }
        let prefix = String(first.rawValue.dropLast(DossierCode.minimumNumberDigits))
        let highest = try Int.fetchOne(
            db, sql: "SELECT MAX(daily_number) FROM dossiers WHERE code >= ? AND code < ?", arguments: [prefix, prefix + "~"]) ?? 0
        self.state.withLock { state in
            if state.daily[key] == nil { state.daily[key] = highest }
        }
        return highest
    }

    func claim(_ key: DailyKey, number: Int) {
        self.state.withLock { state in state.daily[key] = max(state.daily[key] ?? 0, number) }
    }
}
