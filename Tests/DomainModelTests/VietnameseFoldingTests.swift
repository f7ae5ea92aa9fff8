import DomainModel
import Testing

@Suite("Vietnamese folding and search")
struct VietnameseFoldingTests {
    @Test("Folding removes case, diacritics and punctuation", arguments: [
        ("Đăng ký khai sinh", "dang ky khai sinh"),
        ("ĐĂNG KÝ KẾT HÔN", "dang ky ket hon"),
        ("Xác nhận thông tin về cư trú", "xac nhan thong tin ve cu tru"),
        ("Chứng thực bản sao từ bản chính", "chung thuc ban sao tu ban chinh"),
        ("  Giấy phép -- xây dựng!!  ", "giay phep xay dung"),
        ("Ẳng Tở, Ẳng Nưa; Nặm Lịch", "ang to ang nua nam lich"),
        ("Thủ tục 1.001193", "thu tuc 1 001193"),
        ("Tủa Chùa", "tua chua"),
        ("ưỡng ượng ỹ ỵ", "uong uong y y"),
        ("", ""),
        ("!!!", ""),
    ])
    func fold(text: String, folded: String) {
        #expect(VietnameseFolding.fold(text) == folded)
    }

    @Test("Decomposed (NFD) input folds like precomposed input")
    func decomposed() {
        // "Đăng ký" with combining breve (U+0306) and acute (U+0301).
        let nfd = "\u{0110}a\u{0306}ng ky\u{0301}"
        #expect(VietnameseFolding.fold(nfd) == "dang ky")
        // ư as u + combining horn (U+031B) + hook above (U+0309).
        #expect(VietnameseFolding.fold("Mu\u{031B}\u{0300}ng") == "mung")
    }

    @Test("Every Vietnamese vowel with every tone folds to its base letter")
    func allVowels() {
        let vowels: [(String, String)] = [
            ("a", "aàáảãạ"), ("a", "ăằắẳẵặ"), ("a", "âầấẩẫậ"), ("e", "eèéẻẽẹ"), ("e", "êềếểễệ"), ("i", "iìíỉĩị"),
            ("o", "oòóỏõọ"), ("o", "ôồốổỗộ"), ("o", "ơờớởỡợ"), ("u", "uùúủũụ"), ("u", "ưừứửữự"), ("y", "yỳýỷỹỵ"),
        ]
        for (base, variants) in vowels {
            for variant in variants {
                #expect(VietnameseFolding.fold(String(variant)) == base, "\(variant)")
                #expect(VietnameseFolding.fold(String(variant).uppercased()) == base, "\(variant) upper")
            }
        }
        #expect(VietnameseFolding.fold("đĐ") == "dd")
    }

    @Test("A query matches names with or without diacritics, words in any order")
    func queryMatching() throws {
        let name = VietnameseFolding.fold("Đăng ký khai sinh có yếu tố nước ngoài")
        for text in ["dang ky khai sinh", "Đăng ký khai sinh", "KHAI SINH dang ky", "yeu to nuoc ngoai", "khai"] {
            let query = try #require(SearchQuery(text))
            #expect(query.matches(folded: name), "\(text)")
        }
        let other = try #require(SearchQuery("dang ky ket hon"))
        #expect(!other.matches(folded: name))
    }

    @Test("Relevance: exact name, prefix, phrase, scattered words")
    func rank() throws {
        let query = try #require(SearchQuery("dang ky khai sinh"))
        #expect(query.rank(folded: "dang ky khai sinh") == 0)
        #expect(query.rank(folded: "dang ky khai sinh co yeu to nuoc ngoai") == 1)
        #expect(query.rank(folded: "thu tuc dang ky khai sinh") == 2)
        #expect(query.rank(folded: "dang ky lai khai sinh") == 3)
    }

    @Test("Blank queries are no filter; long ones are rejected with the field named")
    func parse() throws {
        #expect(try SearchQuery.parse("   ", field: "query") == nil)
        #expect(try SearchQuery.parse("?!", field: "query") == nil)
        #expect(try SearchQuery.parse("khai sinh", field: "query")?.words == ["khai", "sinh"])
        let error = #expect(throws: DomainError.self) { try SearchQuery.parse(String(repeating: "a", count: 201), field: "query") }
        #expect(error?.code == .invalidArgument)
        #expect(error?.violations.first?.field == "query")
    }

    @Test("Trimming whitespace")
    func trimming() {
        #expect("  a b \n".trimmingWhitespace == "a b")
        #expect("\u{00A0}Xã\u{2003}".trimmingWhitespace == "Xã")
        #expect("   ".trimmingWhitespace == "")
    }
}
