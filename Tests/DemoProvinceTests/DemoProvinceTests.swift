import CatalogService
import DemoProvince
import DomainModel
import Testing

/// The demo plan for the built-in catalog (the one a fresh catalog-server serves), made once.
enum Fixture {
    static let catalog: DemoProvince.Catalog = {
        let units = try! BuiltInData.units().map { unit in
            DemoProvince.Unit(
                code: unit.code.rawValue, name: unit.name, level: unit.level, type: unit.type,
                parentCode: unit.parentCode?.rawValue ?? "")
        }
        let procedures = DemoCatalog.procedures().map { procedure in
            DemoProvince.Procedure(
                code: procedure.code.rawValue, field: procedure.field, implementingLevel: procedure.implementingLevel,
                onlineLevel: procedure.onlineLevel.rawValue, deadline: procedure.legalDeadline,
                feeVND: procedure.fees.reduce(0) { $0 + $1.amountVND })
        }
        return DemoProvince.Catalog(units: units, procedures: procedures, calendar: WorkingCalendar(days: try! BuiltInData.calendarDays()))
    }()
    static let plan: DemoProvince.Plan = try! DemoProvince.plan(catalog)
}

@Suite("DemoProvince: the article's figures, exactly")
struct DemoArticleTests {
    let plan = Fixture.plan
    let article = DemoProvince.Article.self

    @Test("1 Jan–16 Feb 2022: 8,479 dossiers to handle = carried over from 2021 + new; a handful online")
    func provinceReport() {
        let counts = self.plan.articleCounts
        #expect(counts.toHandle == 8_479)
        #expect(counts.carriedOver + counts.newTotal == 8_479)
        #expect(counts.carriedOver > 500 && counts.carriedOver < 2_500)
        #expect(counts.newOnline == 6 && counts.newOnline == self.article.onlineCount)
        #expect(counts.newAssisted == 2)
        #expect(counts.toHandle == counts.resolvedTotal + counts.returned + counts.inProgressTotal)
        // Every column, pinned (the end-to-end test checks the statistics service shows exactly these).
        let columns = Dictionary(uniqueKeysWithValues: counts.columns.map { ($0.name, $0.value) })
        #expect(columns == [
            "carried_over": 1_446, "new_online": 6, "new_direct": 6_922, "new_postal": 105, "new_assisted": 2, "new_total": 7_033,
            "to_handle": 8_479, "resolved_early": 4_670, "resolved_on_time": 1_510, "resolved_late": 835,
            "resolved_late_with_apology": 389, "resolved_late_without_apology": 446, "resolved_total": 7_015, "returned": 139,
            "in_progress_within": 1_071, "in_progress_overdue": 254, "in_progress_total": 1_325,
        ])
    }

    @Test("17 of the 129 communes received nothing; the seven the article names are among them")
    func communesWithoutDossier() {
        let received = self.plan.newByUnit(from: self.article.from, to: self.article.to)
        let communes = Fixture.catalog.units.filter { $0.level == .commune }
        #expect(communes.count == 129)
        let without = communes.filter { received[$0.code, default: 0] == 0 }.map(\.code).sorted()
        #expect(without == self.article.withoutDossier)
        #expect(without.count == 17)
        for named in ["03162", "03157", "03154", "03208", "03367", "03334", "03316"] { #expect(without.contains(named)) }
    }

    @Test("Tìa Dình and Phường Him Lam received exactly 1, Xuân Lao 3, Nậm Khăn 2; every other commune more")
    func fewDossiers() {
        let received = self.plan.newByUnit(from: self.article.from, to: self.article.to)
        #expect(received["03384"] == 1 && received["03127"] == 1)
        #expect(received["03302"] == 3 && received["03174"] == 2)
        let others = Fixture.catalog.units.filter {
            $0.level == .commune && !self.article.withoutDossier.contains($0.code) && self.article.few[$0.code] == nil
        }
        #expect(others.allSatisfy { received[$0.code, default: 0] >= 5 })
        // Tìa Dình's one dossier was typed in online by desk staff; Him Lam's came online from home.
        let tiaDinh = self.plan.dossiers.filter { $0.unitCode == "03384" && $0.receivedOn >= self.article.from && $0.receivedOn < self.article.to }
        #expect(tiaDinh.map(\.channel) == [.online] && tiaDinh.allSatisfy(\.assistedByStaff))
    }
}
