/// A text query over Vietnamese names: the folded words of what the user typed.
///
/// A name matches when it contains every word (as a substring of the folded name), in any order:
/// `"dang ky khai sinh"` matches `"Đăng ký khai sinh"` and `"Đăng ký lại khai sinh"`.
public struct SearchQuery: Hashable, Sendable {
    /// Longest accepted query, in characters.
    public static let maximumLength = 200

    /// The folded words, in the order typed (at least one).
    public let words: [String]

    /// The query for a text, or nil when it has no letters or digits.
    public init?(_ text: String) {
        let words = VietnameseFolding.words(text)
        guard !words.isEmpty else { return nil }
        self.words = words
    }

    /// Parses the `field` of a request: nil for blank text (no filter), an `invalidArgument` error for text
    /// longer than ``maximumLength``.
    public static func parse(_ text: String, field: String) throws(DomainError) -> SearchQuery? {
        guard text.count <= self.maximumLength else {
            throw DomainError.invalid(field: field, "must be at most \(self.maximumLength) characters (got \(text.count))")
        }
        return SearchQuery(text)
    }

    /// The words joined by single spaces: the folded phrase.
    public var phrase: String { self.words.joined(separator: " ") }

    /// Whether folded text contains every word.
    public func matches(folded text: String) -> Bool {
        self.words.allSatisfy { text.contains($0) }
    }

    /// Relevance of a matching folded name, lower is better: 0 the name is the phrase, 1 the name starts with
    /// it, 2 the name contains it, 3 the words are spread out.
    public func rank(folded name: String) -> Int {
        let phrase = self.phrase
        if name == phrase { return 0 }
        if name.hasPrefix(phrase) { return 1 }
        if name.contains(phrase) { return 2 }
        return 3
    }
}
