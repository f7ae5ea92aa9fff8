import DomainModel

/// The pure model on its own: facts per dossier and a ``DailyCounterSeries`` per unit and per cell, fed with
/// ``CounterChange/changes(from:to:)`` — what the store does, without storage.
struct ModelAggregator {
    var facts: [String: DossierFacts] = [:]
    var units: [String: DailyCounterSeries] = [:]
    var cells: [StatCell: DailyCounterSeries] = [:]

    mutating func apply(_ events: [FeedEvent]) {
        for event in events {
            let old = self.facts[event.dossierCode]
            let new = DossierFacts.applying(event, to: old)
            self.facts[event.dossierCode] = new
            for change in CounterChange.changes(from: old, to: new) {
                self.units[change.cell.unitCode, default: DailyCounterSeries()].add(change.counter, day: change.day, change.delta)
                self.cells[change.cell, default: DailyCounterSeries()].add(change.counter, day: change.day, change.delta)
            }
        }
    }

    func sums(unit: String, from: CivilDate, to: CivilDate) -> PeriodSums {
        guard let series = self.units[unit] else { return PeriodSums() }
        return PeriodSums(beforeFrom: series.sums(before: from.daysSinceEpoch), beforeTo: series.sums(before: to.daysSinceEpoch))
    }

    /// The counters every dossier's final facts contribute, from scratch (no deltas).
    func recomputedUnits() -> [String: DailyCounterSeries] {
        var units: [String: DailyCounterSeries] = [:]
        for facts in self.facts.values {
            for contribution in facts.contributions() {
                units[facts.cell.unitCode, default: DailyCounterSeries()].add(contribution.counter, day: contribution.day, 1)
            }
        }
        return units
    }
}
