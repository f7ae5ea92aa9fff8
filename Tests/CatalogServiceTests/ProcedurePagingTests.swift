import CatalogService
import RPCCore
import RPCProtobuf
import Testing

@Suite("ListProcedures paging: opaque tokens, bounded page size, totals")
struct ProcedurePagingTests {
    @Test("Paging through the whole catalog visits every procedure once, in code order, with a stable total")
    func wholeCatalog() async throws {
        let fixture = try await CatalogFixture.readOnly()
        var request = Motcua_Catalog_V1_ListProceduresRequest()
        var codes: [String] = []
        var pages = 0
        repeat {
            let response = try await fixture.service.listProcedures(request)
            #expect(response.totalSize == 1_764)
            #expect(response.procedures.count == (response.nextPageToken.isEmpty ? 1_764 % 50 : 50))
            codes += response.procedures.map(\.code)
            request.pageToken = response.nextPageToken
            pages += 1
        } while !request.pageToken.isEmpty
        #expect(pages == 36)
        #expect(codes.count == 1_764 && Set(codes).count == 1_764)
        #expect(codes == codes.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test("Pages of a text search keep the relevance order across tokens")
    func searchPages() async throws {
        let fixture = try await CatalogFixture.readOnly()
        var request = Motcua_Catalog_V1_ListProceduresRequest()
        request.query = "dang ky"
        request.pageSize = 500
        let all = try await fixture.service.listProcedures(request)
        request.pageSize = 7
        var paged: [String] = []
        repeat {
            let response = try await fixture.service.listProcedures(request)
            #expect(response.totalSize == all.totalSize)
            paged += response.procedures.map(\.code)
            request.pageToken = response.nextPageToken
        } while !request.pageToken.isEmpty
        #expect(paged == all.procedures.map(\.code))
    }

    @Test("Page size: 0 means 50, larger than 500 is reduced to 500, negative is INVALID_ARGUMENT")
    func pageSizeBounds() async throws {
        let fixture = try await CatalogFixture.readOnly()
        var request = Motcua_Catalog_V1_ListProceduresRequest()
        let defaultPage = try await fixture.service.listProcedures(request)
        #expect(defaultPage.procedures.count == 50)
        request.pageSize = 100_000
        let largest = try await fixture.service.listProcedures(request)
        #expect(largest.procedures.count == 500)
        request.pageSize = 3
        let small = try await fixture.service.listProcedures(request)
        #expect(small.procedures.count == 3)
        request.pageSize = -1
        await expectFailure(.invalidArgument, field: "page_size") { _ = try await fixture.service.listProcedures(request) }
    }

    @Test("A token works only with the filters it was issued for; garbage is INVALID_ARGUMENT naming page_token")
    func tokenValidation() async throws {
        let fixture = try await CatalogFixture.readOnly()
        var request = Motcua_Catalog_V1_ListProceduresRequest()
        request.field = "Y tế"
        request.pageSize = 10
        let first = try await fixture.service.listProcedures(request)
        #expect(!first.nextPageToken.isEmpty)
        request.pageToken = first.nextPageToken
        request.field = "y te"  // the same filter, typed differently
        let second = try await fixture.service.listProcedures(request)
        #expect(second.procedures.first?.code != first.procedures.first?.code)
        request.field = "Giáo dục"
        await expectFailure(.invalidArgument, field: "page_token") { _ = try await fixture.service.listProcedures(request) }
        request.field = "Y tế"
        for garbage in ["x", "not a token!", "AAAAAAAAAAAAAAAA", String(repeating: "A", count: 300), first.nextPageToken + "%"] {
            request.pageToken = garbage
            await expectFailure(.invalidArgument, field: "page_token") { _ = try await fixture.service.listProcedures(request) }
        }
    }

    @Test("The last page has no token; an exact multiple of the page size does not end with an empty page")
    func lastPage() async throws {
        let fixture = try await CatalogFixture.readOnly()
        var request = Motcua_Catalog_V1_ListProceduresRequest()
        request.field = "Hộ tịch"
        request.implementingLevel = .commune
        request.pageSize = 10  // 20 procedures: exactly two pages
        let first = try await fixture.service.listProcedures(request)
        request.pageToken = first.nextPageToken
        let second = try await fixture.service.listProcedures(request)
        #expect(second.procedures.count == 10)
        #expect(second.nextPageToken.isEmpty)
    }
}
