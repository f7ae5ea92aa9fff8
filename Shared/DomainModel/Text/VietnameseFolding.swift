/// Folds Vietnamese text for search: lower case, no diacritics (tones, circumflex, breve, horn), đ → d,
/// every run of characters other than letters and digits → one space.
///
/// `"Đăng ký  khai-sinh"` → `"dang ky khai sinh"`. Works on precomposed (NFC) and decomposed (NFD) input alike:
/// precomposed letters are mapped through a table, combining marks are dropped.
public enum VietnameseFolding {
    /// The folded text.
    public static func fold(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if self.isCombiningMark(scalar) { continue }
            let mapped: Unicode.Scalar
            if let base = self.baseLetters[scalar] {
                mapped = base
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                mapped = scalar
            } else {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(" ")
                pendingSpace = false
            }
            output.append(mapped)
        }
        return String(output)
    }

    /// The folded words of the text: `"Đăng ký khai sinh"` → `["dang", "ky", "khai", "sinh"]`.
    public static func words(_ text: String) -> [String] {
        self.fold(text).split(separator: " ").map(String.init)
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
    }

    /// Lower-case letters with diacritics → their base letter: all of Vietnamese, plus Latin-1 and a few others.
    private static let baseLetters: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáảãạăằắẳẵặâầấẩẫậäåāąǎ"),
            ("e", "èéẻẽẹêềếểễệëēęěė"),
            ("i", "ìíỉĩịîïīįǐı"),
            ("o", "òóỏõọôồốổỗộơờớởỡợöøōǒő"),
            ("u", "ùúủũụưừứửữựûüūůǔű"),
            ("y", "ỳýỷỹỵÿŷ"),
            ("d", "đðď"),
            ("c", "çćč"),
            ("n", "ñńň"),
            ("s", "śšş"),
            ("z", "źżž"),
            ("r", "ř"),
            ("t", "ťţ"),
            ("g", "ğ"),
            ("l", "ł"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (base, variants) in groups {
            for variant in variants.unicodeScalars { table[variant] = base }
        }
        return table
    }()
}
