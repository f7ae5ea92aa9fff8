public import RPCProtobuf

/// The CSV format of `motcua procedures import` (documented in docs/cli.md):
///
/// ```
/// code,name,field,implementing_level,online_level,online_scheme,deadline_amount,deadline_unit,fees,issues_paper_result
/// 1.001193,Đăng ký khai sinh,Hộ tịch,commune,4,full-process,1,working-days,,true
/// 2.000986,"Cấp giấy phép xây dựng, sửa chữa",Xây dựng,district,3,,15,working-days,Lệ phí cấp phép=75.000,true
/// ```
public enum ProcedureCSV {
    /// Columns that must be in the header.
    public static let requiredColumns = [
        "code", "name", "field", "implementing_level", "online_level", "deadline_amount", "deadline_unit",
    ]

    /// Every column the format knows.
    public static let columns = requiredColumns + ["online_scheme", "fees", "issues_paper_result"]

    /// The procedures of a CSV file and the line number of each (for the server's rejected positions).
    ///
    /// - Throws: ``CSVProblems`` listing every malformed cell and row.
    public static func parse(_ bytes: [UInt8]) throws(CSVProblems) -> (
        procedures: [Motcua_Catalog_V1_Procedure], lines: [Int]
    ) {
        let table: CSVTable
        do {
            table = try CSVTable(bytes, required: Self.requiredColumns, known: Self.columns)
        } catch {
            throw CSVProblems([error])
        }
        var procedures: [Motcua_Catalog_V1_Procedure] = []
        var lines: [Int] = []
        var problems: [CSVError] = []
        for record in table.records {
            var row = CSVRowReader(table: table, record: record)
            var procedure = Motcua_Catalog_V1_Procedure()
            procedure.code = row.required("code")
            procedure.name = row.required("name")
            procedure.field = row.required("field")
            procedure.implementingLevel = row.choice("implementing_level", required: true)
            procedure.onlineLevel = Int32(row.int("online_level", in: 1...4, required: true))
            procedure.onlineScheme = row.choice("online_scheme", required: false)
            procedure.legalDeadline = Motcua_Catalog_V1_LegalDeadline.with {
                $0.amount = Int32(row.int("deadline_amount", in: 1...8_760, required: true))
                $0.unit = row.choice("deadline_unit", required: true)
            }
            procedure.fees = Self.fees(row.text("fees"), row: &row)
            procedure.issuesPaperResult = row.bool("issues_paper_result")
            problems += row.problems
            procedures.append(procedure)
            lines.append(record.line)
        }
        if !problems.isEmpty { throw CSVProblems(problems) }
        return (procedures, lines)
    }

    /// `Lệ phí đăng ký=8000; Phí thẩm định=50.000`: fees separated by `;`, each `name=amount`.
    static func fees(_ text: String, row: inout CSVRowReader) -> [Motcua_Catalog_V1_Fee] {
        guard !text.isEmpty else { return [] }
        var fees: [Motcua_Catalog_V1_Fee] = []
        for entry in text.split(separator: ";") {
            let entry = entry.trimmingWhitespace()
            if entry.isEmpty { continue }
            guard let equals = entry.lastIndex(of: "=") else {
                row.problem("fees", "expected 'name=amount' entries separated by ';', got '\(entry)'")
                continue
            }
            let name = entry[..<equals].trimmingWhitespace()
            let amountText = entry[entry.index(after: equals)...].trimmingWhitespace()
            if name.isEmpty { row.problem("fees", "a fee has no name in '\(entry)'") }
            guard let amount = row.amount(amountText, column: "fees") else { continue }
            fees.append(
                Motcua_Catalog_V1_Fee.with {
                    $0.name = name
                    $0.amountVnd = amount
                })
        }
        return fees
    }
}
