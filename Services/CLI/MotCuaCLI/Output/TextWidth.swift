/// How many terminal columns text takes: one per grapheme cluster (user-perceived character), so
/// that Vietnamese letters with stacked diacritics count once whether they are precomposed
/// (`ậ`, U+1EAD) or decomposed (`a` + U+0323 + U+0302); two for East Asian wide characters and
/// emoji; none for control characters.
public enum TextWidth {
    /// The columns of a string.
    public static func columns(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text {
            total += Self.columns(of: character)
        }
        return total
    }

    /// The columns of one grapheme cluster: 0, 1 or 2.
    public static func columns(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if first.properties.isEmojiPresentation { return 2 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        if Self.isWide(first.value) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode UAX #11), coarse.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The text cut to at most `width` columns, ending with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard Self.columns(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let columns = Self.columns(of: character)
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        return result + "…"
    }

    /// The text followed (`left`) or preceded (right alignment) by spaces up to `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - Self.columns(text)))
        return alignRight ? padding + text : text + padding
    }
}
