import CatalogService
import DomainModel
import RPCCore
import RPCProtobuf
import Testing

@Suite("ImportProcedures: all-or-nothing, every rejected row reported with position and reason")
struct ImportProceduresTests {
    @Test("Good rows are created, then reported unchanged or updated; imported procedures are never demo")
    func goodRows() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            let service = fixture.service
            let first = try await service.importProcedures(importStream([[importRow("1.000001"), importRow("1.000002")], [importRow("1.000003")]]))
            #expect(first.applied && first.received == 3 && first.created == 3 && first.rejected.isEmpty)
            #expect(first.sequence == 3)

            var changed = importRow("1.000002", name: "Cấp lại giấy phép thử nghiệm")
            changed.demo = true  // ignored
            let second = try await service.importProcedures(importStream([[importRow("1.000001"), changed]]))
            #expect(second.applied && second.created == 0 && second.updated == 1 && second.unchanged == 1)
            #expect(second.sequence == 4)

            var get = Motcua_Catalog_V1_GetProcedureRequest()
            get.code = "1.000002"
            let stored = try await service.getProcedure(get)
            #expect(stored.name == "Cấp lại giấy phép thử nghiệm" && !stored.demo && stored.revision == 4)
            #expect(stored.onlineScheme == .partial)  // derived from online level 3
        }
    }

    @Test("Bad rows: nothing is written and every problem is reported by position, field and reason")
    func badRows() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            var noDeadline = importRow("1.000004")
            noDeadline.legalDeadline = nil
            var badFee = importRow("1.000006")
            var fee = Motcua_Catalog_V1_Fee()
            fee.name = ""
            fee.amountVnd = -5
            badFee.fees = [fee]
            let rows = [
                importRow("1.000001"),
                importRow("bad code"),
                importRow("1.000003", name: "", onlineLevel: 7),
                noDeadline,
                importRow("1.000005", amount: 400),
                badFee,
                importRow("1.000007", level: .unspecified),
                importRow("DEMO-HT-X001"),
            ]
            var withScheme = importRow("1.000008", onlineLevel: 2)
            withScheme.onlineScheme = .fullProcess
            let response = try await fixture.service.importProcedures(importStream([rows, [withScheme]]))
            #expect(!response.applied)
            #expect(response.received == 9)
            #expect(response.created == 1)  // the one good row would have been created
            let problems = response.rejected.map { "\($0.position) \($0.field)" }
            #expect(problems == [
                "2 code", "3 online_level", "4 legal_deadline", "5 legal_deadline.amount", "6 fees[0].name", "6 fees[0].amount_vnd",
                "7 implementing_level", "8 code", "9 online_scheme",
            ])
            #expect(response.rejected.allSatisfy { !$0.reason.isEmpty })
            #expect(response.rejected[0].code == "bad code")
            #expect(response.rejected.first { $0.position == 5 }?.reason.contains("between 1 and 365") == true)
            #expect(try await fixture.store.procedure(code: code("1.000001")) == nil)
            #expect(try await fixture.store.latestSequence() == 0)
        }
    }

    @Test("A duplicate code is rejected at every position after the first, and the import is not applied")
    func duplicateRows() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            let response = try await fixture.service.importProcedures(
                importStream([[importRow("2.000001"), importRow("2.000002")], [importRow("2.000001"), importRow("2.000001")]]))
            #expect(!response.applied)
            #expect(response.rejected.map(\.position) == [3, 4])
            #expect(response.rejected.allSatisfy { $0.field == "code" && $0.code == "2.000001" && $0.reason.contains("position 1") })
            #expect(try await fixture.store.procedure(code: code("2.000002")) == nil)
        }
    }

    @Test("All or nothing: one bad row among many good ones writes nothing, then the corrected import writes all")
    func allOrNothing() async throws {
        try await CatalogFixture.with { fixture in
            let before = try await fixture.store.latestSequence()
            var rows = (1...300).map { importRow("3.\(String(100_000 + $0))") }
            rows[150].field = "   "
            let rejected = try await fixture.service.importProcedures(importStream([Array(rows[..<100]), Array(rows[100...])]))
            #expect(!rejected.applied && rejected.rejected.count == 1 && rejected.rejected[0].position == 151)
            #expect(rejected.rejected[0].field == "field")
            #expect(rejected.sequence == before)
            var all = Motcua_Catalog_V1_ListProceduresRequest()
            all.pageSize = 1
            #expect(try await fixture.service.listProcedures(all).totalSize == 1_764)

            rows[150].field = "Thử nghiệm"
            let applied = try await fixture.service.importProcedures(importStream([rows]))
            #expect(applied.applied && applied.created == 300 && applied.sequence == before + 300)
            #expect(try await fixture.service.listProcedures(all).totalSize == 2_064)
        }
    }

    @Test("validate_only checks and counts without writing")
    func validateOnly() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            let response = try await fixture.service.importProcedures(importStream([[importRow("4.000001")]], validateOnly: true))
            #expect(!response.applied && response.created == 1 && response.rejected.isEmpty)
            #expect(try await fixture.store.procedure(code: code("4.000001")) == nil)
        }
    }

    @Test("More than 20,000 rows is INVALID_ARGUMENT naming procedures; an empty import applies nothing")
    func limits() async throws {
        try await CatalogFixture.with(demo: false) { fixture in
            let row = importRow("5.000001")
            let batch = Array(repeating: row, count: 5_001)
            await expectFailure(.invalidArgument, field: "procedures") {
                _ = try await fixture.service.importProcedures(importStream([batch, batch, batch, batch]))
            }
            let empty = try await fixture.service.importProcedures(importStream([]))
            #expect(empty.applied && empty.received == 0 && empty.sequence == 0)
        }
    }
}
