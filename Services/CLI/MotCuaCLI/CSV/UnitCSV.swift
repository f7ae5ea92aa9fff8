public import RPCProtobuf

/// The CSV format of `motcua units import` (documented in docs/cli.md):
///
/// ```
/// code,name,type,parent_code,valid_from,valid_to
/// 03162,Xã Nậm Kè,commune,096,2008-01-01,
/// ```
///
/// `level` may be given too; when empty it follows from the code's length (2 province, 3 district,
/// 5 commune).
public enum UnitCSV {
    public static let requiredColumns = ["code", "name", "type", "valid_from"]
    public static let columns = requiredColumns + ["level", "parent_code", "valid_to"]

    /// The units of a CSV file and the line number of each.
    public static func parse(_ bytes: [UInt8]) throws(CSVProblems) -> (units: [Motcua_Catalog_V1_Unit], lines: [Int]) {
        let table: CSVTable
        do {
            table = try CSVTable(bytes, required: Self.requiredColumns, known: Self.columns)
        } catch {
            throw CSVProblems([error])
        }
        var units: [Motcua_Catalog_V1_Unit] = []
        var lines: [Int] = []
        var problems: [CSVError] = []
        for record in table.records {
            var row = CSVRowReader(table: table, record: record)
            var unit = Motcua_Catalog_V1_Unit()
            unit.code = row.required("code")
            unit.name = row.required("name")
            unit.type = row.choice("type", required: true)
            unit.level = row.choice("level", required: false)
            if unit.level.rawValue == 0 {
                switch unit.code.count {
                case 2: unit.level = .province
                case 3: unit.level = .district
                case 5: unit.level = .commune
                default:
                    row.problem("level", "is empty and cannot be derived from code '\(unit.code)' (2, 3 or 5 digits)")
                }
            }
            unit.parentCode = row.text("parent_code")
            unit.validFrom = row.date("valid_from", required: true)?.proto
            unit.validTo = row.date("valid_to", required: false)?.proto
            problems += row.problems
            units.append(unit)
            lines.append(record.line)
        }
        if !problems.isEmpty { throw CSVProblems(problems) }
        return (units, lines)
    }
}
