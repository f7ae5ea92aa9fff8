import DomainModel
import Testing

@Suite("Aggregation model: hand-computed report columns")
struct AggregationModelTests {
    @Test("every column of commune 03162 over [01-10, 01-20) matches the hand count")
    func communeScenario() {
        var model = ModelAggregator()
        model.apply(CommuneScenario.script().events)
        let counts = model.sums(unit: "03162", from: CommuneScenario.from, to: CommuneScenario.to).report
        #expect(counts == CommuneScenario.expected)
        #expect(counts.newTotal == 10)
        #expect(counts.toHandle == 11)
        #expect(counts.resolvedTotal == 6)
        #expect(counts.resolvedLate == 2)
        #expect(counts.inProgressTotal == 3)
        #expect(counts.onlineRate == 0.3)
        #expect(counts.onTimeRate == 4.0 / 6.0)
        #expect(counts.balances)
    }

    @Test("Decision 766 on-time counts: supplement time excluded, two supplement requests late, pending one ends processing")
    func decision766() {
        var model = ModelAggregator()
        model.apply(CommuneScenario.script().events)
        let counts = model.sums(unit: "03162", from: CommuneScenario.from, to: CommuneScenario.to).decision766
        #expect(counts.handled == 11)
        #expect(counts.late == 4)  // D02, D04, D07, D09
        #expect(counts.onTime == 7)
        #expect(counts.received == 10)
        #expect(counts.receivedOnline == 3)
        #expect(counts.onlineCapableOnline == 3)  // D02, D05, D12
        #expect(counts.onlineCapableInPerson == 0)
    }

    @Test("766 late counts follow the period: an open dossier is late only once the period's last day passes its appointment")
    func decision766OpenDossierAtPeriodEnd() {
        let feed = FeedScript()
        feed.receive("03162-220110-0001", on: jan(10), due: jan(18))
        var model = ModelAggregator()
        model.apply(feed.events)
        // Last day 01-18: on time. Last day 01-19: late.
        #expect(model.sums(unit: "03162", from: jan(10), to: jan(19)).decision766.late == 0)
        #expect(model.sums(unit: "03162", from: jan(10), to: jan(20)).decision766.late == 1)
        // Report: at `to` = 01-19 the appointment 01-18 has passed.
        #expect(model.sums(unit: "03162", from: jan(10), to: jan(18)).report.inProgressOverdue == 0)
        #expect(model.sums(unit: "03162", from: jan(10), to: jan(19)).report.inProgressOverdue == 1)
    }

    @Test("a late dossier finished before the period leaves the 766 count of later periods")
    func decision766FinishedBefore() {
        let feed = FeedScript()
        feed.receive("03162-220103-0001", on: jan(3), due: jan(5)).startProcessing().resolve(on: jan(7))
        feed.receive("03162-220103-0002", on: jan(3), due: jan(5)).startProcessing()
            .requestSupplement(on: jan(4)).receiveSupplement(newDue: jan(6)).requestSupplement(on: jan(6))
            .receiveSupplement(newDue: jan(7)).resolve(on: jan(7))
        var model = ModelAggregator()
        model.apply(feed.events)
        let early = model.sums(unit: "03162", from: jan(3), to: jan(10)).decision766
        #expect(early.handled == 2)
        #expect(early.late == 2)
        let later = model.sums(unit: "03162", from: jan(8), to: jan(10)).decision766
        #expect(later.handled == 0)
        #expect(later.late == 0)
    }

    @Test("identity carried over + new = resolved + returned + in progress for every period of the scenario")
    func identityEverywhere() {
        var model = ModelAggregator()
        let feed = CommuneScenario.script()
        CommuneScenario.neighbours(after: feed)
        model.apply(feed.events)
        for unit in ["03162", "03157", "096"] {
            for start in 1...30 {
                for length in [1, 3, 7, 20] {
                    let from = day(12, 15, year: 2021).adding(days: start)
                    let counts = model.sums(unit: unit, from: from, to: from.adding(days: length)).report
                    #expect(counts.balances, "\(unit) from \(from) for \(length) days: \(counts)")
                    #expect(counts.inProgressWithin >= 0 && counts.inProgressOverdue >= 0 && counts.carriedOver >= 0)
                }
            }
        }
    }

    @Test("applying events one by one as deltas gives the counters of the final facts")
    func deltasMatchFinalFacts() {
        var model = ModelAggregator()
        let feed = CommuneScenario.script()
        CommuneScenario.neighbours(after: feed)
        model.apply(feed.events)
        let recomputed = model.recomputedUnits()
        for unit in ["03162", "03157", "096"] {
            for offset in 0..<60 {
                let date = day(12, 1, year: 2021).adding(days: offset).daysSinceEpoch
                #expect(model.units[unit]?.sums(before: date) == recomputed[unit]?.sums(before: date))
            }
        }
    }

    @Test("sums of units add up: the report of several units is the sum of their reports")
    func additivity() {
        var model = ModelAggregator()
        let feed = CommuneScenario.script()
        CommuneScenario.neighbours(after: feed)
        model.apply(feed.events)
        let parts = ["03162", "03157", "096"].map { model.sums(unit: $0, from: CommuneScenario.from, to: CommuneScenario.to) }
        let whole = parts.reduce(PeriodSums(), +)
        #expect(whole.report == parts.map(\.report).reduce(ReportCounts(), +))
        #expect(whole.report.balances)
    }

    @Test("neighbour commune 03157: carried over and open, online resolved early, stopped")
    func neighbourCommune() {
        var model = ModelAggregator()
        let feed = FeedScript()
        CommuneScenario.neighbours(after: feed)
        model.apply(feed.events)
        let counts = model.sums(unit: "03157", from: CommuneScenario.from, to: CommuneScenario.to).report
        var expected = ReportCounts()
        expected.carriedOver = 1
        expected.newOnline = 1
        expected.newDirect = 1
        expected.resolvedEarly = 1
        expected.returned = 1
        expected.inProgressOverdue = 1  // due 01-04
        #expect(counts == expected)
    }

    @Test("an older event than the last applied changes nothing")
    func staleEventIgnored() {
        let feed = FeedScript()
        feed.receive("03162-220110-0001", on: jan(10), due: jan(18)).startProcessing().resolve(on: jan(12))
        var facts = DossierFacts(first: feed.events[0])
        facts = facts.applying(feed.events[2])
        let again = facts.applying(feed.events[1])
        #expect(again == facts)
        #expect(facts.outcome == .resolvedEarly)
    }

    @Test("online payment and fee-bearing counters")
    func payments() {
        let feed = FeedScript()
        feed.receive("03162-220110-0001", level: 4, scheme: .fullProcess, channel: .online, feeBearing: true, on: jan(10), due: jan(18))
            .accept().startProcessing().recordPayment(online: true).resolve(on: jan(11))
        feed.receive("03162-220110-0002", feeBearing: true, on: jan(10), due: jan(18)).startProcessing().recordPayment(online: false)
        feed.receive("03162-220110-0003", on: jan(10), due: jan(18))
        var model = ModelAggregator()
        model.apply(feed.events)
        let counts = model.sums(unit: "03162", from: jan(1), to: jan(31)).decision766
        #expect(counts.feeBearing == 2)
        #expect(counts.paidOnline == 1)
    }

    @Test("scoring: full points at the threshold, proportional below")
    func scoring() {
        #expect(Decision766Index.points(rate: 0.8, threshold: 0.8, maxPoints: 4) == 4)
        #expect(Decision766Index.points(rate: 0.9, threshold: 0.8, maxPoints: 4) == 4)
        #expect(Decision766Index.points(rate: 0.4, threshold: 0.8, maxPoints: 4) == 2)
        #expect(Decision766Index.points(rate: 0.25, threshold: 0.5, maxPoints: 10) == 5)
        #expect(Decision766Index.points(rate: 7.0 / 11.0, threshold: 1, maxPoints: 20) == 20 * 7.0 / 11.0)
    }

    @Test("time buckets: days, ISO weeks and months cut to the period")
    func buckets() {
        let weeks = TimeGranularity.week.buckets(from: jan(1), to: day(2, 17))
        #expect(weeks.first! == (jan(1), jan(3)))  // 2022-01-01 was a Saturday
        #expect(weeks[1] == (jan(3), jan(10)))
        #expect(weeks.last! == (day(2, 14), day(2, 17)))
        #expect(weeks.count == TimeGranularity.week.bucketCount(from: jan(1), to: day(2, 17)))
        let months = TimeGranularity.month.buckets(from: jan(15), to: day(3, 2))
        #expect(months.map(\.start) == [jan(15), day(2, 1), day(3, 1)])
        #expect(months.map(\.end) == [day(2, 1), day(3, 1), day(3, 2)])
        #expect(TimeGranularity.month.bucketCount(from: jan(15), to: day(3, 2)) == 3)
        #expect(TimeGranularity.day.buckets(from: jan(1), to: jan(4)).count == 3)
    }
}
