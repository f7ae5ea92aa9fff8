extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, line breaks, other Unicode spaces).
    public var trimmingWhitespace: String {
        let scalars = Array(self.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }
}
