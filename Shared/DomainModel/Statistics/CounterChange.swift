/// A change of one counter of one cell on one day, as an event produces it.
public struct CounterChange: Hashable, Sendable {
    public var cell: StatCell
    public var counter: StatCounter
    public var day: Int
    public var delta: Int64

    public init(cell: StatCell, counter: StatCounter, day: Int, delta: Int64) {
        self.cell = cell
        self.counter = counter
        self.day = day
        self.delta = delta
    }

    /// What replacing a dossier's facts `old` (nil: not known before) by `new` (nil: forgotten) does to the counters:
    /// −1 for each contribution of the old facts, +1 for each of the new, the ones in both cancelled out.
    public static func changes(from old: DossierFacts?, to new: DossierFacts?) -> [CounterChange] {
        let removed = old.map { facts in facts.contributions().map { ($0, facts.cell) } } ?? []
        let added = new.map { facts in facts.contributions().map { ($0, facts.cell) } } ?? []
        if old?.cell == new?.cell {
            let removedSet = Set(removed.map(\.0))
            let addedSet = Set(added.map(\.0))
            var result: [CounterChange] = []
            for (contribution, cell) in removed where !addedSet.contains(contribution) {
                result.append(CounterChange(cell: cell, counter: contribution.counter, day: contribution.day, delta: -1))
            }
            for (contribution, cell) in added where !removedSet.contains(contribution) {
                result.append(CounterChange(cell: cell, counter: contribution.counter, day: contribution.day, delta: 1))
            }
            return result
        }
        return removed.map { CounterChange(cell: $0.1, counter: $0.0.counter, day: $0.0.day, delta: -1) }
            + added.map { CounterChange(cell: $0.1, counter: $0.0.counter, day: $0.0.day, delta: 1) }
    }
}
