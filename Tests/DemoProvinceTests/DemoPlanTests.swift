import DemoProvince
import DomainModel
import Testing

@Suite("DemoProvince: valid, deterministic, realistic histories")
struct DemoPlanTests {
    let plan = Fixture.plan

    @Test("the composition, by year, channel and outcome (pinned: a change of the generator shows here)")
    func composition() {
        let c = self.plan.composition
        #expect(c.total == self.plan.dossiers.count)
        #expect(c.total == 37_582 && c.steps == 118_517)  // 156,099 events in the feed, with the receipts
        let years = c.years.map { [$0.year, $0.total, $0.direct, $0.online, $0.assisted, $0.postal] }
        #expect(years == [[2021, 17_182, 16_854, 72, 33, 256], [2022, 20_400, 19_692, 429, 217, 279]])
        #expect([c.atCommunes, c.atDistricts, c.atProvince] == [29_332, 5_281, 2_969])
        #expect([c.resolvedEarly, c.resolvedOnTime, c.resolvedLateWithApology, c.resolvedLateWithoutApology] == [23_944, 7_663, 1_628, 2_111])
        #expect([c.rejected, c.withdrawn, c.stopped, c.openWithin, c.openOverdue] == [41, 429, 242, 1_152, 372])
        #expect([c.resultReturned, c.withSupplement, c.withTwoSupplements, c.withApology, c.withPayment] == [31_537, 3_352, 374, 1_676, 1_710])
        // Desk filings dominate; online filings exist, many typed in by desk staff.
        let direct = c.years.reduce(0) { $0 + $1.direct }
        #expect(Double(direct) / Double(c.total) > 0.95)
    }

    @Test("every history replays through the workflow to the recorded outcome, within the demo's dates")
    func historiesReplay() throws {
        let calendar = Fixture.catalog.calendar
        let start = VietnamTime.startOfDay(DemoProvince.historyStart)
        let end = VietnamTime.endOfDay(DemoProvince.demoToday)
        let procedures = Dictionary(uniqueKeysWithValues: Fixture.catalog.procedures.map { ($0.code, $0) })
        let units = Dictionary(uniqueKeysWithValues: Fixture.catalog.units.map { ($0.code, $0) })
        for dossier in self.plan.dossiers {
            let procedure = try #require(procedures[dossier.procedureCode])
            let unit = try #require(units[dossier.unitCode])
            #expect(dossier.receivedAt >= start && dossier.receivedAt <= end)
            #expect(procedure.implementingLevel.rawValue == unit.level.rawValue)
            if dossier.channel == .online { #expect(procedure.acceptsOnline) } else { #expect(!dossier.assistedByStaff) }
            let due = try calendar.dueDate(receivedAt: dossier.receivedAt, deadline: procedure.deadline)
            var workflow = DossierWorkflow(channel: dossier.channel, receivedAt: dossier.receivedAt, due: due)
            for step in dossier.steps {
                #expect(step.at <= end)
                _ = try workflow.apply(step.action, at: step.at, calendar: calendar)
            }
            #expect(workflow.status == dossier.status)
            #expect(workflow.dueDate == dossier.dueDate)
            #expect(workflow.finishedAt.map(VietnamTime.date(of:)) == dossier.finishedOn)
        }
    }

    @Test("codes and source ids are unique and well formed")
    func codes() {
        var codes: Set<String> = []
        var ids: Set<String> = []
        for dossier in self.plan.dossiers {
            let code = DossierCode(dossier.code)
            #expect(code?.unitCode.rawValue == dossier.unitCode && code?.receiptDate == dossier.receivedOn)
            #expect(codes.insert(dossier.code).inserted)
            #expect(ids.insert(dossier.sourceID).inserted)
            #expect(dossier.applicant.idNumber.count == 12 && dossier.applicant.idNumber.hasPrefix("011"))
        }
        #expect(zip(self.plan.dossiers, self.plan.dossiers.dropFirst()).allSatisfy { $0.receivedAt <= $1.receivedAt })
    }

    @Test("the same catalog, in any order, gives the same plan")
    func deterministic() throws {
        var shuffled = Fixture.catalog
        shuffled.units.reverse()
        shuffled.procedures.reverse()
        let again = try DemoProvince.plan(shuffled)
        #expect(again.dossiers == self.plan.dossiers)
        #expect(again.live == self.plan.live)
    }

    @Test("a few live submissions with fixed request ids")
    func live() {
        #expect(self.plan.live.map(\.requestID) == (1...6).map { "demo-live-0\($0)" })
        #expect(self.plan.live.map(\.unitCode) == ["03162", "03384", "03127", "11", "03302", "096"])
        // Each files the most filed procedure of its kind: civil status online at the communes, certification at the desk.
        #expect(self.plan.live.map(\.procedureCode) == ["DEMO-CT-X001", "DEMO-HT-X001", "DEMO-HT-X001", "DEMO-TP-T001", "DEMO-CT-X001", "DEMO-DD-H001"])
    }
}
