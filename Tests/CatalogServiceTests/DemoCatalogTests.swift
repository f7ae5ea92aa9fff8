import CatalogService
import DomainModel
import Testing

@Suite("The DEMO procedure catalog")
struct DemoCatalogTests {
    let procedures = DemoCatalog.procedures()

    @Test("1,764 procedures, 587 at old online level 4")
    func counts() {
        #expect(procedures.count == 1_764)
        #expect(procedures.count { $0.onlineLevel == .fullyOnline } == 587)
        #expect(Set(procedures.map(\.code)).count == procedures.count)
    }

    @Test("Clearly labelled demo: DEMO- codes and the demo flag")
    func labelled() {
        #expect(procedures.allSatisfy { $0.isDemo && $0.code.isDemo && $0.code.rawValue.hasPrefix("DEMO-") })
    }

    @Test("Deterministic: two generations are identical")
    func deterministic() {
        #expect(DemoCatalog.procedures() == procedures)
    }

    @Test("Every procedure passes the catalog's own rules, with the 2022 scheme consistent with the old level")
    func valid() {
        for procedure in procedures {
            #expect(procedure.violations().isEmpty, "\(procedure.code): \(procedure.violations())")
            #expect(procedure.onlineScheme == OnlineScheme.derived(from: procedure.onlineLevel))
        }
    }

    @Test("Spread over fields and implementing levels like a province")
    func spread() {
        let fields = Set(procedures.map(\.field))
        for field in [
            "Hộ tịch", "Chứng thực", "Đất đai", "Xây dựng", "Tư pháp", "Lao động - Thương binh và Xã hội", "Giáo dục", "Y tế",
            "Nông nghiệp", "Giao thông vận tải", "Tài nguyên và Môi trường", "Kế hoạch và Đầu tư", "Công thương", "Văn hóa",
            "Nội vụ", "Tài chính", "Công an",
        ] {
            #expect(fields.contains(field), "missing field \(field)")
        }
        let levels = Dictionary(grouping: procedures, by: \.implementingLevel).mapValues(\.count)
        #expect(levels[.province] == 1_413)
        #expect(levels[.district] == 232)
        #expect(levels[.commune] == 119)
        let onlineLevels = Dictionary(grouping: procedures, by: \.onlineLevel).mapValues(\.count)
        #expect(onlineLevels.keys.count == 4)
        #expect(procedures.contains { $0.legalDeadline.unit == .calendarDays })
        #expect(procedures.contains { $0.legalDeadline.unit == .hours })
        #expect(procedures.contains { $0.legalDeadline.unit == .months })
        #expect(procedures.contains { $0.fees.isEmpty } && procedures.contains { !$0.fees.isEmpty })
    }

    @Test("Commune-level procedures carry their real names", arguments: [
        "Đăng ký khai sinh", "Đăng ký khai tử", "Đăng ký kết hôn", "Xác nhận thông tin về cư trú", "Đăng ký thường trú",
        "Chứng thực chữ ký trong các giấy tờ, văn bản",
    ])
    func realNames(name: String) {
        let matches = procedures.filter { $0.name == name }
        #expect(matches.count == 1)
        #expect(matches.first?.implementingLevel == .commune)
    }

    @Test("Birth registration is DEMO-HT-X001, fully online, due in 1 working day, free")
    func birthRegistration() throws {
        let birth = try #require(procedures.first { $0.code.rawValue == "DEMO-HT-X001" })
        #expect(birth.name == "Đăng ký khai sinh")
        #expect(birth.field == "Hộ tịch")
        #expect(birth.onlineLevel == .fullyOnline && birth.onlineScheme == .fullProcess)
        #expect(birth.legalDeadline == .workingDays(1))
        #expect(birth.fees.isEmpty)
        #expect(procedures.contains { $0.name.hasPrefix("Chứng thực bản sao từ bản chính") && $0.implementingLevel == .commune })
    }
}
