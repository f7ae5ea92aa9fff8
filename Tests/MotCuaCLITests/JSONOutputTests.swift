internal import RPCCore
internal import RPCProtobuf
internal import Testing

@testable internal import MotCuaCLI

@Suite("JSON output")
struct JSONOutputTests {
    @Test("--json prints the response's proto3 JSON with every field, pretty, and nothing else")
    func unaryResponse() async {
        let server = FakeServer { _ in [Fixtures.namKe] }
        let result = await runCLI(["units", "show", "03162", "--json"], server: server)
        #expect(result.code == 0)
        #expect(result.error.isEmpty)
        #expect(result.output == Fixtures.namKe.jsonValue(includingDefaults: true).serialized(pretty: true) + "\n")
        #expect(
            result.output == """
                {
                  "code": "03162",
                  "name": "Xã Nậm Kè",
                  "level": "UNIT_LEVEL_COMMUNE",
                  "type": "UNIT_TYPE_COMMUNE",
                  "typeName": "Xã",
                  "parentCode": "096",
                  "validFrom": {
                    "year": 2021,
                    "month": 1,
                    "day": 1
                  }
                }

                """)
    }

    @Test("Global options before the subcommand work too")
    func leadingJSON() async {
        let server = FakeServer { _ in [Fixtures.namKe] }
        let result = await runCLI(["--json", "units", "show", "03162"], server: server)
        #expect(result.code == 0)
        #expect(result.output.hasPrefix("{\n  \"code\": \"03162\""))
    }

    @Test("Statistics numbers: int64 counts as strings, rates as numbers, enums by name")
    func reportShape() async throws {
        let report = Motcua_Statistics_V1_Report.with {
            $0.unit = .with {
                $0.code = "11"
                $0.name = "Tỉnh Điện Biên"
                $0.level = .province
            }
            $0.period = Fixtures.period
            $0.total = Fixtures.counts(new: 8_479, online: 12)
            $0.asOfSequence = 42
        }
        let server = FakeServer { _ in [report] }
        let result = await runCLI(
            ["stats", "report", "11", "--from", "2022-01-01", "--to", "2022-02-16", "--json"], server: server)
        #expect(result.code == 0)
        let expected = report.jsonValue(includingDefaults: true)
        #expect(result.output == expected.serialized(pretty: true) + "\n")
        let total = try #require(expected["total"])
        #expect(total["newTotal"] == "8479")
        #expect(total["carriedOver"] == "0")
        #expect(total["onlineRate"] == .double(12.0 / 8_479.0))
        #expect(expected["breakdown"] == "BREAKDOWN_UNSPECIFIED")
        #expect(expected["asOfSequence"] == "42")
        #expect(expected["generatedAt"] == nil)
        #expect(result.output.contains("\"newTotal\": \"8479\""))
    }

    @Test("Listings merge their pages into one response object")
    func mergedPages() async throws {
        let all = (1...7).map(Fixtures.procedure)
        let server = FakeServer { call in
            let request = try call.request(Motcua_Catalog_V1_ListProceduresRequest.self)
            let start = Int(request.pageToken) ?? 0
            let end = min(start + Int(request.pageSize), all.count)
            return [
                Motcua_Catalog_V1_ListProceduresResponse.with {
                    $0.procedures = Array(all[start..<end])
                    $0.nextPageToken = end < all.count ? String(end) : ""
                    $0.totalSize = Int32(all.count)
                }
            ]
        }
        let result = await runCLI(["procedures", "list", "--limit", "5", "--json"], server: server)
        let expected = Motcua_Catalog_V1_ListProceduresResponse.with {
            $0.procedures = Array(all[0..<5])
            $0.nextPageToken = "5"
            $0.totalSize = 7
        }
        #expect(result.output == expected.jsonValue(includingDefaults: true).serialized(pretty: true) + "\n")
    }

    @Test("Streams print one compact JSON object per line")
    func streamLines() async {
        let messages: [any RPCMessage] = [
            Motcua_Catalog_V1_WatchCatalogResponse.with { $0.event = .started(.with { $0.currentSequence = 7 }) },
            Motcua_Catalog_V1_WatchCatalogResponse.with {
                $0.event = .change(
                    .with {
                        $0.sequence = 8
                        $0.action = .updated
                        $0.changedAt = .with { $0.seconds = 1_643_337_000 }
                        $0.subject = .procedureCode("1.001193")
                    })
            },
        ]
        let server = FakeServer { _ in messages }
        let result = await runCLI(["catalog", "watch", "--json"], server: server)
        #expect(result.code == 0)
        #expect(
            result.output == """
                {"started":{"currentSequence":"7","resetRequired":false}}
                {"change":{"sequence":"8","action":"CHANGE_ACTION_UPDATED","changedAt":"2022-01-28T02:30:00Z","procedureCode":"1.001193"}}

                """)
    }

    @Test("Import results are JSON too, and rejected rows still exit with 1")
    func importJSON() async {
        let response = Motcua_Catalog_V1_ImportProceduresResponse.with {
            $0.received = 1
            $0.rejected = [
                .with {
                    $0.position = 1
                    $0.code = "X"
                    $0.field = "code"
                    $0.reason = "bad"
                }
            ]
        }
        let server = FakeServer { _ in [response] }
        let file = try! TemporaryFile(
            "code,name,field,implementing_level,online_level,deadline_amount,deadline_unit\nX,A,F,commune,1,1,hours\n")
        let result = await runCLI(["procedures", "import", file.path, "--json"], server: server)
        #expect(result.code == 1)
        #expect(result.output == response.jsonValue(includingDefaults: true).serialized(pretty: true) + "\n")
        #expect(result.error == "motcua: \(file.path): 1 row problem; nothing was imported\n")
    }
}
