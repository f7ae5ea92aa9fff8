internal import DomainModel

/// A small comma-separated table as the built-in data files use it: UTF-8, one record per line, no quoting,
/// `#` comment lines and blank lines ignored, an optional header line.
struct CSVTable {
    /// One record with the line it came from (1-based), for error messages.
    struct Record {
        var line: Int
        var fields: [String]
    }

    var records: [Record]

    /// Parses `text`, requiring `columns` fields on every record; skips the first record when it equals `header`.
    ///
    /// - Throws: ``BuiltInDataError`` naming the file and line of a malformed record.
    init(text: String, file: String, columns: Int, header: [String]? = nil) throws(BuiltInDataError) {
        var records: [Record] = []
        var isFirst = true
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingWhitespace
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.contains("\"") {
                throw BuiltInDataError(file: file, line: index + 1, reason: "quoted fields are not supported")
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace }
            guard fields.count == columns else {
                throw BuiltInDataError(file: file, line: index + 1, reason: "expected \(columns) fields, found \(fields.count)")
            }
            defer { isFirst = false }
            if isFirst, let header, fields == header { continue }
            records.append(Record(line: index + 1, fields: fields))
        }
        self.records = records
    }
}
