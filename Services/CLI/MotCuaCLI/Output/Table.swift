/// A text table: a header, rows, optional rule-separated total rows; columns aligned by display
/// width (see ``TextWidth``), numbers to the right.
///
/// ```
/// CODE   NAME             NEW  ONLINE
/// -----  ---------------  ---  ------
/// 03162  Xã Nậm Kè          0       0
/// -----  ---------------  ---  ------
///        Total             12       3
/// ```
public struct Table: Sendable {
    /// One column: its header, alignment and widest allowed content.
    public struct Column: Sendable {
        public var header: String
        public var alignRight: Bool
        /// Cells wider than this are cut with `…`; nil: never cut.
        public var maxWidth: Int?

        public init(_ header: String, alignRight: Bool = false, maxWidth: Int? = nil) {
            self.header = header
            self.alignRight = alignRight
            self.maxWidth = maxWidth
        }

        /// A right-aligned column (numbers).
        public static func number(_ header: String) -> Column {
            Column(header, alignRight: true)
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []
    public private(set) var totals: [[String]] = []

    public init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row (missing cells are empty).
    public mutating func add(_ cells: [String]) {
        self.rows.append(cells)
    }

    /// Adds a total row, shown after a rule below the rows.
    public mutating func addTotal(_ cells: [String]) {
        self.totals.append(cells)
    }

    public var isEmpty: Bool { self.rows.isEmpty && self.totals.isEmpty }

    /// The table as lines of text, without trailing spaces.
    public func render() -> String {
        let cells = (self.rows + self.totals).map { row in
            self.columns.indices.map { index -> String in
                let text = index < row.count ? Self.clean(row[index]) : ""
                if let limit = self.columns[index].maxWidth { return TextWidth.truncate(text, to: limit) }
                return text
            }
        }
        var widths = self.columns.map { TextWidth.columns($0.header) }
        for row in cells {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], TextWidth.columns(cell))
            }
        }
        var lines: [String] = []
        lines.append(self.line(self.columns.map(\.header), widths: widths))
        let rule = self.line(widths.map { String(repeating: "-", count: $0) }, widths: widths)
        lines.append(rule)
        for (index, row) in cells.enumerated() {
            if index == self.rows.count, !self.totals.isEmpty { lines.append(rule) }
            lines.append(self.line(row, widths: widths))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            parts.append(TextWidth.pad(cell, to: widths[index], alignRight: self.columns[index].alignRight))
        }
        var text = parts.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Line breaks and tabs in a cell would break the layout: they become spaces.
    private static func clean(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}

/// Label–value lines for one record:
///
/// ```
/// Code            1.001193
/// Name            Đăng ký khai sinh
/// ```
public struct DetailList: Sendable {
    public private(set) var entries: [(label: String, value: String)] = []

    public init() {}

    /// Adds a line; empty values are skipped unless `always`.
    public mutating func add(_ label: String, _ value: String, always: Bool = false) {
        if always || !value.isEmpty { self.entries.append((label, value)) }
    }

    public func render() -> String {
        let width = self.entries.map { TextWidth.columns($0.label) }.max() ?? 0
        return self.entries.map { entry in
            let value = entry.value.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\n" + String(repeating: " ", count: width + 2))
            return TextWidth.pad(entry.label, to: width) + "  " + value
        }.joined(separator: "\n") + "\n"
    }
}
