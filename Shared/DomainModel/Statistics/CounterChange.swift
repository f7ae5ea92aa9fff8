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
        let removed = old?.contributions() ?? []
        let added = new?.contributions() ?? []
        var result: [CounterChange] = []
        result.reserveCapacity(removed.count + added.count)
        let sameCell = old?.cell == new?.cell
        if let old {
            for contribution in removed where !(sameCell && added.contains(contribution)) {
                result.append(CounterChange(cell: old.cell, counter: contribution.counter, day: contribution.day, delta: -1))
            }
        }
        if let new {
            for contribution in added where !(sameCell && removed.contains(contribution)) {
                result.append(CounterChange(cell: new.cell, counter: contribution.counter, day: contribution.day, delta: 1))
            }
        }
        return result
    }
}
