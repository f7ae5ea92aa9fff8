/// A problem in a CSV file, with the line it is on (from 1).
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(self.line): \(self.message)" }
}

/// One record of a CSV file: its fields and the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    public var fields: [String]
    /// The line number (from 1) the record starts on; a quoted field may span several lines.
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// An RFC 4180 CSV reader for UTF-8 text.
///
/// - Fields are separated by commas, or by semicolons when the first line has semicolons and no
///   comma (as spreadsheets in some locales save them).
/// - A field may be quoted with `"`; inside quotes, `""` is a quote and separators and line breaks
///   are text. A quote inside an unquoted field, or text after a closing quote, is an error.
/// - Lines end with LF, CRLF or CR. A UTF-8 byte order mark is skipped. Blank lines are skipped.
/// - Bytes that are not UTF-8 are an error naming the line.
public enum CSVReader {
    /// The records of `bytes`, in order.
    public static func records(_ bytes: [UInt8]) throws(CSVError) -> [CSVRecord] {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let separator = Self.separator(of: bytes)
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = bytes.startIndex
        var quoted = false  // inside quotes
        var wasQuoted = false  // the current field was quoted (closing quote seen)
        var fieldStarted = false  // the current record has content

        func finishField() throws(CSVError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw CSVError(line: line, "the text is not valid UTF-8 (save the file as UTF-8)")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }

        func finishRecord() throws(CSVError) {
            try finishField()
            if fieldStarted {
                records.append(CSVRecord(fields: fields, line: recordLine))
            }
            fields.removeAll()
            fieldStarted = false
        }

        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                        wasQuoted = true
                    }
                } else {
                    if byte == 0x0A || (byte == 0x0D && (index == bytes.endIndex || bytes[index] != 0x0A)) {
                        line += 1
                    }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case separator:
                fieldStarted = true
                try finishField()
            case 0x0A, 0x0D:
                if byte == 0x0D, index < bytes.endIndex, bytes[index] == 0x0A { index += 1 }
                try finishRecord()
                line += 1
                recordLine = line
            case UInt8(ascii: "\""):
                // Spaces before the opening quote are ignored.
                guard field.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }), !wasQuoted else {
                    throw CSVError(
                        line: line, "a quote inside an unquoted field (quote the whole field and double inner quotes)")
                }
                field.removeAll(keepingCapacity: true)
                quoted = true
                fieldStarted = true
            default:
                if wasQuoted {
                    // Spaces after the closing quote are ignored.
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { continue }
                    throw CSVError(line: line, "text after a closing quote (a field must be quoted as a whole)")
                }
                if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") || !field.isEmpty {
                    fieldStarted = true
                }
                field.append(byte)
            }
        }
        if quoted {
            throw CSVError(line: recordLine, "a quoted field is not closed before the end of the file")
        }
        try finishRecord()
        return records
    }

    private static func separator(of bytes: ArraySlice<UInt8>) -> UInt8 {
        let firstLine = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        if firstLine.contains(UInt8(ascii: ";")) && !firstLine.contains(UInt8(ascii: ",")) {
            return UInt8(ascii: ";")
        }
        return UInt8(ascii: ",")
    }
}

/// A CSV file with a header line: column lookup by name.
public struct CSVTable: Sendable {
    /// The header names, trimmed and lower-cased.
    public var columns: [String]
    /// The records after the header.
    public var records: [CSVRecord]
    /// The header's line number.
    public var headerLine: Int

    /// Reads `bytes`: the first record is the header; column names are matched without case, spaces
    /// and with `-` or space equal to `_`.
    ///
    /// - Throws: ``CSVError`` for malformed CSV, an empty file, a duplicate or unknown column (when
    ///   `known` is given) or a missing required column.
    public init(_ bytes: [UInt8], required: [String], known: [String]? = nil) throws(CSVError) {
        var records = try CSVReader.records(bytes)
        guard !records.isEmpty else { throw CSVError(line: 1, "the file is empty (expected a header line)") }
        let header = records.removeFirst()
        self.headerLine = header.line
        self.columns = header.fields.map(Self.normalize)
        self.records = records
        var seen: Set<String> = []
        for column in self.columns {
            if column.isEmpty { throw CSVError(line: header.line, "the header has an empty column name") }
            if !seen.insert(column).inserted {
                throw CSVError(line: header.line, "column '\(column)' appears twice in the header")
            }
            if let known, !known.contains(column) {
                throw CSVError(
                    line: header.line, "unknown column '\(column)' (known: \(known.joined(separator: ", ")))")
            }
        }
        let missing = required.filter { !self.columns.contains($0) }
        if !missing.isEmpty {
            throw CSVError(
                line: header.line,
                "missing column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", "))")
        }
    }

    /// The value of `column` in `record`, trimmed; empty when the column is absent or the record short.
    public func value(_ column: String, in record: CSVRecord) -> String {
        guard let index = self.columns.firstIndex(of: column), index < record.fields.count else { return "" }
        return record.fields[index].trimmingWhitespace()
    }

    /// `full_name`, from `Full Name`, `full-name` or ` FULL_NAME `.
    static func normalize(_ name: String) -> String {
        String(name.trimmingWhitespace().lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }
}
