internal import DomainModel

/// Every problem found in a CSV file; nothing is sent when there is one.
public struct CSVProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [CSVError]

    public init(_ problems: [CSVError]) {
        self.problems = problems.sorted { $0.line < $1.line }
    }

    public var description: String {
        self.problems.map(\.description).joined(separator: "\n")
    }
}

/// Reads typed cells of one CSV record, collecting a problem for each bad cell (so that a row's
/// problems are all reported at once) instead of stopping at the first.
struct CSVRowReader {
    let table: CSVTable
    let record: CSVRecord
    private(set) var problems: [CSVError] = []

    init(table: CSVTable, record: CSVRecord) {
        self.table = table
        self.record = record
        if record.fields.count > table.columns.count {
            self.problems.append(
                CSVError(
                    line: record.line,
                    "\(record.fields.count) fields, but the header has \(table.columns.count) columns "
                        + "(quote fields that contain a comma)"))
        }
    }

    var line: Int { self.record.line }

    mutating func problem(_ column: String, _ message: String) {
        self.problems.append(CSVError(line: self.record.line, "\(column): \(message)"))
    }

    /// The trimmed text of a cell ("" when absent).
    func text(_ column: String) -> String {
        self.table.value(column, in: self.record)
    }

    /// The text of a cell that must not be empty.
    mutating func required(_ column: String) -> String {
        let value = self.text(column)
        if value.isEmpty { self.problem(column, "is empty") }
        return value
    }

    /// An integer in `range`; 0 when empty and not required.
    mutating func int(_ column: String, in range: ClosedRange<Int64>, required: Bool) -> Int64 {
        let value = required ? self.required(column) : self.text(column)
        guard !value.isEmpty else { return 0 }
        guard let number = Int64(value), range.contains(number) else {
            self.problem(
                column, "expected a whole number from \(range.lowerBound) to \(range.upperBound), got '\(value)'")
            return 0
        }
        return number
    }

    /// An amount in đồng: digits, optionally grouped with `.`, `,`, spaces or `_` (`8.000`).
    mutating func amount(_ text: String, column: String) -> Int64? {
        let digits = text.filter { !".,_ ".contains($0) }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let amount = Int64(digits) else {
            self.problem(column, "expected an amount in đồng (digits), got '\(text)'")
            return nil
        }
        return amount
    }

    /// `true`/`false`, `yes`/`no`, `1`/`0`, `x`/empty, `có`/`không`; false when empty.
    mutating func bool(_ column: String) -> Bool {
        let value = self.text(column).lowercased()
        switch value {
        case "", "false", "no", "0", "n", "không", "khong": return false
        case "true", "yes", "1", "y", "x", "có", "co": return true
        default:
            self.problem(column, "expected true or false, got '\(value)'")
            return false
        }
    }

    /// A choice (see ``Choice``); 0 (unspecified) when empty and not required.
    mutating func choice<Value: Choice>(_ column: String, _ type: Value.Type = Value.self, required: Bool) -> Value {
        let value = required ? self.required(column) : self.text(column)
        guard !value.isEmpty else { return Value(rawValue: 0) }
        guard let parsed = Value(choice: value) else {
            self.problem(column, "expected \(Value.choiceList), got '\(value)'")
            return Value(rawValue: 0)
        }
        return parsed
    }

    /// A date (`YYYY-MM-DD` or `DD/MM/YYYY`); nil when empty (a problem when required).
    mutating func date(_ column: String, required: Bool) -> CivilDate? {
        let value = required ? self.required(column) : self.text(column)
        guard !value.isEmpty else { return nil }
        guard let date = TimeInput.date(value) else {
            self.problem(column, "expected a date YYYY-MM-DD or DD/MM/YYYY, got '\(value)'")
            return nil
        }
        return date
    }

    /// An instant (see ``TimeInput/instant(_:)``); nil when empty (a problem when required).
    mutating func instant(_ column: String, required: Bool) -> UnixInstant? {
        let value = required ? self.required(column) : self.text(column)
        guard !value.isEmpty else { return nil }
        guard let instant = TimeInput.instant(value) else {
            self.problem(
                column,
                "expected a time such as 2022-01-28 09:30 (Vietnam) or 2022-01-28T02:30:00Z, got '\(value)'")
            return nil
        }
        return instant
    }
}
