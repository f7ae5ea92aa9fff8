import DomainModel
import Testing

@Suite("Administrative units")
struct AdministrativeUnitTests {
    static func unit(
        _ code: String, _ name: String, _ level: UnitLevel, _ type: UnitType, parent: String?,
        from: CivilDate = date(2021, 1, 1), through: CivilDate? = nil
    ) -> AdministrativeUnit {
        AdministrativeUnit(
            code: UnitCode(code)!, name: name, level: level, type: type, parentCode: parent.flatMap(UnitCode.init),
            validity: Validity(from: from, through: through))
    }

    static let province = unit("11", "Tỉnh Điện Biên", .province, .province, parent: nil)
    static let district = unit("096", "Huyện Mường Nhé", .district, .district, parent: "11")
    static let commune = unit("03162", "Xã Nậm Kè", .commune, .commune, parent: "096")

    @Test("GSO codes: 2, 3 or 5 digits, level from the length")
    func codes() {
        #expect(UnitCode("11")?.level == .province)
        #expect(UnitCode("094")?.level == .district)
        #expect(UnitCode("03124")?.level == .commune)
        for bad in ["", "1", "1234", "123456", "03a24", " 11", "١١", "0312４"] {
            #expect(UnitCode(bad) == nil, "\(bad)")
        }
        let error = #expect(throws: DomainError.self) { try UnitCode.parse("x", field: "code") }
        #expect(error?.violations.first?.field == "code")
    }

    @Test("Unit types from their Vietnamese names, any case, with or without diacritics")
    func types() {
        #expect(UnitType(vietnameseName: "Thị xã") == .town)
        #expect(UnitType(vietnameseName: "Thị Xã") == .town)
        #expect(UnitType(vietnameseName: "thi tran") == .township)
        #expect(UnitType(vietnameseName: "Thành phố") == .city)
        #expect(UnitType(vietnameseName: "Phường") == .ward)
        #expect(UnitType(vietnameseName: "Quận") == nil)
        #expect(UnitType.city.allowedLevels == [.province, .district])
        #expect(UnitType.allCases.map(\.vietnameseName) == ["Tỉnh", "Thành phố", "Thị xã", "Huyện", "Xã", "Phường", "Thị trấn"])
    }

    @Test("Validity is inclusive at both ends")
    func validity() {
        let closed = Validity(from: date(2021, 1, 1), through: date(2025, 6, 30))
        #expect(closed.contains(date(2021, 1, 1)))
        #expect(closed.contains(date(2025, 6, 30)))
        #expect(!closed.contains(date(2025, 7, 1)))
        #expect(!closed.contains(date(2020, 12, 31)))
        let open = Validity(from: date(2025, 7, 1))
        #expect(open.contains(date(2099, 1, 1)))
        #expect(!closed.overlaps(open))
        #expect(closed.overlaps(Validity(from: date(2025, 6, 30))))
        #expect(open.overlaps(Validity(from: date(2030, 1, 1), through: date(2030, 1, 2))))
    }

    @Test("A well-formed unit has no violations")
    func valid() {
        #expect(Self.province.violations().isEmpty)
        #expect(Self.district.violations().isEmpty)
        #expect(Self.commune.violations().isEmpty)
        #expect(Self.unit("094", "Thành phố Điện Biên Phủ", .district, .city, parent: "11").violations().isEmpty)
    }

    @Test("Rules of a single unit name the offending fields")
    func singleUnitRules() {
        #expect(Self.unit("096", "Xã X", .commune, .commune, parent: "096").violations().map(\.field).contains("code"))
        #expect(Self.unit("03162", "Huyện X", .commune, .district, parent: "096").violations().map(\.field) == ["type"])
        #expect(Self.unit("11", "Tỉnh", .province, .province, parent: "11").violations().map(\.field) == ["parent_code"])
        #expect(Self.unit("03162", "Xã", .commune, .commune, parent: nil).violations().map(\.field) == ["parent_code"])
        #expect(Self.unit("03162", "Xã", .commune, .commune, parent: "11").violations().map(\.field) == ["parent_code"])
        #expect(Self.unit("03162", " ", .commune, .commune, parent: "096").violations().map(\.field) == ["name"])
        let backwards = Self.unit("03162", "Xã", .commune, .commune, parent: "096", from: date(2022, 1, 1), through: date(2021, 1, 1))
        #expect(backwards.violations().map(\.field) == ["valid_to"])
    }

    @Test("A merger: close old communes, open a new one under the same district")
    func merger() {
        let existing = [Self.province, Self.district, Self.commune, Self.unit("03157", "Xã Chung Chải", .commune, .commune, parent: "096")]
        let closedA = Self.unit("03162", "Xã Nậm Kè", .commune, .commune, parent: "096", through: date(2025, 6, 30))
        let closedB = Self.unit("03157", "Xã Chung Chải", .commune, .commune, parent: "096", through: date(2025, 6, 30))
        let merged = Self.unit("03158", "Xã Nậm Kè Mới", .commune, .commune, parent: "096", from: date(2025, 7, 1))
        #expect(UnitVersionRules.violations(incoming: [closedA, closedB, merged], existing: existing).isEmpty)
    }

    @Test("Versions of one code must not overlap; parents must be in force; keys must be unique")
    func versionRules() {
        let existing = [Self.province, Self.district, Self.commune]
        let overlapping = Self.unit("03162", "Xã Nậm Kè", .commune, .commune, parent: "096", from: date(2023, 1, 1))
        #expect(UnitVersionRules.violations(incoming: [overlapping], existing: existing).map(\.field) == ["units[0].valid_from"])
        let orphan = Self.unit("03999", "Xã Mới", .commune, .commune, parent: "099")
        #expect(UnitVersionRules.violations(incoming: [orphan], existing: existing).map(\.field) == ["units[0].parent_code"])
        let early = Self.unit("03998", "Xã Sớm", .commune, .commune, parent: "096", from: date(2019, 1, 1))
        #expect(UnitVersionRules.violations(incoming: [early], existing: existing).map(\.field) == ["units[0].parent_code"])
        let twice = UnitVersionRules.violations(incoming: [Self.commune, Self.commune], existing: existing)
        #expect(twice.map(\.field) == ["units[1].valid_from"])
        // Replacing a version by its key is not an overlap.
        var renamed = Self.commune
        renamed.name = "Xã Nậm Kè (mới)"
        #expect(UnitVersionRules.violations(incoming: [renamed], existing: existing).isEmpty)
    }

    @Test("Filters and listing order")
    func filters() {
        let units = [Self.commune, Self.district, Self.province]
        #expect(units.sorted(by: UnitFilter.listingOrder).map(\.code.rawValue) == ["11", "096", "03162"])
        #expect(units.filter(UnitFilter(level: .commune).matches).count == 1)
        #expect(units.filter(UnitFilter(parentCode: UnitCode("096")).matches).map(\.name) == ["Xã Nậm Kè"])
        #expect(units.filter(UnitFilter(query: SearchQuery("nam ke")).matches).map(\.name) == ["Xã Nậm Kè"])
        #expect(units.filter(UnitFilter(query: SearchQuery("muong nhe")).matches).map(\.name) == ["Huyện Mường Nhé"])
    }
}
