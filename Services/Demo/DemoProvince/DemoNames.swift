/// Fictitious applicants: common family and given names of the Thái, H'Mông, Khơ Mú and Kinh communities of Điện
/// Biên, citizen ID numbers with the province's prefix 011, village (bản) names.
enum DemoNames {
    struct Community {
        var families: [String]
        var male: [String]
        var female: [String]
        /// The middle name of men (`Văn`, `A`) and women (`Thị`).
        var maleMiddle: String
        var femaleMiddle: String
    }

    static let thai = Community(
        families: ["Lò", "Lường", "Quàng", "Cầm", "Tòng", "Lù", "Điêu", "Hoàng", "Bạc", "Khoàng"],
        male: ["Páo", "Xuân", "Thanh", "Ơn", "Bun", "Tiến", "Hưng", "Pánh", "Chăn", "Phong", "Inh", "Kiên"],
        female: ["Mai", "Ơn", "Xiêng", "Bua", "Hoa", "Lả", "Phương", "Ngọc", "Xuân", "Thoa", "Pọm", "Hương"],
        maleMiddle: "Văn", femaleMiddle: "Thị")
    static let hmong = Community(
        families: ["Giàng", "Sùng", "Vàng", "Mùa", "Thào", "Lầu", "Lý", "Hạng", "Chá", "Tráng"],
        male: ["Dế", "Chứ", "Pó", "Lử", "Thái", "Vừ", "Sử", "Páo", "Dình", "Chinh", "Tủa", "Lồng"],
        female: ["Dua", "Mỷ", "Sua", "Chú", "Mai", "Dợ", "Pà", "Xi", "Cở", "Chở", "Ly", "Nu"],
        maleMiddle: "A", femaleMiddle: "Thị")
    static let khmu = Community(
        families: ["Lò", "Quàng", "Cà", "Vi", "Lò Văn"],
        male: ["Ín", "Sương", "Thiêm", "Khăm", "Phăn", "Tuân"],
        female: ["Ón", "Xuân", "Pâng", "Ngân", "Hiên", "Loan"],
        maleMiddle: "Văn", femaleMiddle: "Thị")
    static let kinh = Community(
        families: ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đỗ", "Vũ", "Bùi", "Đặng", "Ngô"],
        male: ["Hùng", "Dũng", "Tuấn", "Nam", "Minh", "Quang", "Đức", "Long", "Hải", "Sơn", "Thắng", "Cường"],
        female: ["Lan", "Hương", "Hằng", "Thủy", "Linh", "Trang", "Hà", "Nga", "Yến", "Hạnh", "Thảo", "Huyền"],
        maleMiddle: "Văn", femaleMiddle: "Thị")

    static let villages = [
        "Bản Mới", "Bản Na Sang", "Bản Huổi Lếch", "Bản Nậm Cáy", "Bản Pá Hốc", "Bản Co Sản", "Bản Phiêng Ban",
        "Bản Huổi Cang", "Bản Nà Pen", "Bản Sín Chải", "Bản Pa Có", "Bản Tà Cáng", "Bản Hô Hài", "Bản Xá Nhù",
        "Tổ dân phố 1", "Tổ dân phố 3", "Tổ dân phố 5", "Tổ dân phố 7",
    ]

    /// A community mix by kind of unit: wards and townships are mostly Kinh and Thái; highland communes mostly H'Mông.
    static func community(urban: Bool, random: inout SplitMix64) -> Community {
        let draw = random.unit()
        if urban {
            return draw < 0.55 ? kinh : draw < 0.9 ? thai : hmong
        }
        return draw < 0.45 ? hmong : draw < 0.8 ? thai : draw < 0.9 ? khmu : kinh
    }

    /// A fictitious adult applicant's name and citizen ID number (born 1950–2004).
    static func person(urban: Bool, random: inout SplitMix64) -> (name: String, idNumber: String) {
        let community = self.community(urban: urban, random: &random)
        let female = random.chance(0.48)
        let family = random.pick(community.families)
        let given = random.pick(female ? community.female : community.male)
        let middle = female ? community.femaleMiddle : community.maleMiddle
        let name = family.hasSuffix(" Văn") ? "\(family) \(given)" : "\(family) \(middle) \(given)"
        let year = random.int(1950...2004)
        // CCCD: province of birth (011 Điện Biên), century and sex (0/1 for the 1900s, 2/3 for the 2000s), the last two
        // digits of the year of birth, six digits.
        let centurySex = (year >= 2000 ? 2 : 0) + (female ? 1 : 0)
        let serial = random.int(0...999_999)
        let id = "011" + String(centurySex) + Self.padded(year % 100, 2) + Self.padded(serial, 6)
        return (name, id)
    }

    /// A phone number for about a third of the applicants, else empty.
    static func phone(random: inout SplitMix64) -> String {
        guard random.chance(0.35) else { return "" }
        let prefix = random.pick(["086", "096", "097", "098", "032", "033", "035", "038", "091", "094", "088", "083"])
        return prefix + Self.padded(random.int(0...9_999_999), 7)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
