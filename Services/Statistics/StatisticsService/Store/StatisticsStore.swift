public import DomainModel

/// Where the statistics service keeps its aggregates: per-dossier facts, daily counters per cell (unit and procedure)
/// and per unit, the feed cursor, and a fallback copy of catalog data. One implementation per database engine
/// (``GRDBStatisticsStore`` for SQLite); a PostgreSQL one would implement the same protocol.
///
/// Exactly-once: ``apply(_:beforeCommit:)`` writes the facts, the counters and the cursor in one transaction, and
/// refuses a batch that does not continue the cursor, so each event counts once across crashes and restarts.
public protocol StatisticsStore: Sendable {
    /// The sequence of the last event applied (0: none).
    func cursor() async throws -> Int64

    /// Every unit's daily counters and the cursor they include: what the in-memory index is built from.
    func loadUnitCounters() async throws -> StoredUnitCounters

    /// Every cell, and its counters summed per block of days (``BlockCounterSeries``), with the cursor they include.
    func loadCellCounters() async throws -> StoredCellCounters

    /// The daily counters of every cell on the days of the given ranges, with the cursor they include (read in one
    /// transaction).
    func cellDays(in ranges: [Range<Int>]) async throws -> (rows: [(cellID: Int64, day: Int, counters: CounterVector)], cursor: Int64)

    /// Applies a batch of consecutive events after the cursor, in one transaction with the new cursor.
    ///
    /// - Parameter beforeCommit: runs inside the transaction after everything is written; throwing rolls the whole
    ///   batch back (tests use it to simulate a crash before the commit).
    /// - Returns: the counter changes per unit and day, to apply to the in-memory index once committed.
    /// - Throws: ``StatisticsError`` `sequenceGap` when the first event is not cursor + 1 or the events are not
    ///   consecutive (nothing is written); `invalidEvent`; `storage`.
    func apply(_ events: [FeedEvent], beforeCommit: (@Sendable () throws -> Void)?) async throws -> AppliedBatch

    /// Forgets every dossier and counter and sets the cursor to 0, in one transaction (before a rebuild).
    func reset() async throws

    /// How many dossiers the store knows.
    func dossierCount() async throws -> Int64

    /// The counters of the cells of some units, grouped, summed over the days before `from` and before `to`, with
    /// the cursor they include (read in the same transaction).
    func prefixSums(unitCodes: [String], from: Int, to: Int, groupBy: CellGrouping) async throws -> GroupedSums

    /// The counters of the cells of some units summed over the days of [from, to), one entry per cell with any.
    func cellSums(unitCodes: [String], from: Int, to: Int) async throws -> [(cell: StatCell, sums: CounterVector)]

    /// Saves a blob of catalog data (serialized), to answer when the catalog is unreachable.
    func saveCatalogCopy(key: String, bytes: [UInt8]) async throws

    /// The blob saved under a key, if any.
    func catalogCopy(key: String) async throws -> [UInt8]?
}

extension StatisticsStore {
    public func apply(_ events: [FeedEvent]) async throws -> AppliedBatch {
        try await self.apply(events, beforeCommit: nil)
    }
}

/// How ``StatisticsStore/prefixSums(unitCodes:from:to:groupBy:)`` groups cells.
public enum CellGrouping: String, Hashable, Sendable {
    /// By procedure field (the key is the field's name).
    case field
    /// By old online level (the key is "0" to "4").
    case onlineLevel
    /// By 2022 scheme (the key is "full_process", "partial", "none" or "unspecified").
    case onlineScheme
    /// By receiving unit (the key is the unit code).
    case unit
}

/// Sums per group, and the cursor they include.
public struct GroupedSums: Hashable, Sendable {
    public var sums: [String: PeriodSums]
    public var cursor: Int64

    public init(sums: [String: PeriodSums], cursor: Int64) {
        self.sums = sums
        self.cursor = cursor
    }
}

/// The unit counters as stored.
public struct StoredUnitCounters: Sendable {
    /// The cursor the counters include.
    public var cursor: Int64
    /// How many dossiers the store knows.
    public var dossiers: Int64
    /// (unit, day, counters) for every unit and day with a counter.
    public var days: [(unit: String, day: Int, counters: CounterVector)]

    public init(cursor: Int64, dossiers: Int64, days: [(unit: String, day: Int, counters: CounterVector)]) {
        self.cursor = cursor
        self.dossiers = dossiers
        self.days = days
    }
}

/// The cells and their per-block counters as stored.
public struct StoredCellCounters: Sendable {
    /// The cursor the counters include.
    public var cursor: Int64
    public var cells: [(id: Int64, cell: StatCell)]
    /// (cell, block, counters) for every cell and block with a counter.
    public var blocks: [(cellID: Int64, block: Int, counters: CounterVector)]

    public init(cursor: Int64, cells: [(id: Int64, cell: StatCell)], blocks: [(cellID: Int64, block: Int, counters: CounterVector)]) {
        self.cursor = cursor
        self.cells = cells
        self.blocks = blocks
    }
}

/// What a committed batch changed.
public struct AppliedBatch: Sendable {
    /// The cursor after the batch (the last event's sequence).
    public var cursor: Int64
    /// How many events were applied.
    public var events: Int
    /// How many dossiers were seen for the first time.
    public var newDossiers: Int
    /// The counter changes, per unit and day (zero vectors left out).
    public var unitChanges: [(unit: String, day: Int, delta: CounterVector)]
    /// The counter changes, per cell and day (zero vectors left out).
    public var cellChanges: [(cellID: Int64, day: Int, delta: CounterVector)]
    /// The cells stored for the first time.
    public var newCells: [(id: Int64, cell: StatCell)]

    public init(
        cursor: Int64, events: Int, newDossiers: Int, unitChanges: [(unit: String, day: Int, delta: CounterVector)],
        cellChanges: [(cellID: Int64, day: Int, delta: CounterVector)] = [], newCells: [(id: Int64, cell: StatCell)] = []
    ) {
        self.cursor = cursor
        self.events = events
        self.newDossiers = newDossiers
        self.unitChanges = unitChanges
        self.cellChanges = cellChanges
        self.newCells = newCells
    }
}
