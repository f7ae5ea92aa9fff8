public import RPCProtobuf

/// The CSV format of `motcua dossiers import` (documented in docs/cli.md): one row per dossier,
/// plus one row per further step of its history.
///
/// The first row of a dossier carries the dossier (source, procedure, unit, channel, applicant,
/// receipt) and optionally its first step; the rows right after it with the same `source_system`
/// and `source_id` carry one more step each and leave the dossier columns empty.
///
/// ```
/// source_system,source_id,procedure_code,unit_code,channel,applicant_name,applicant_id_number,received_at,step_action,step_at,step_note
/// igate,HS-1,1.001193,03162,direct,Lò Văn Páo,011234567890,2021-12-20 08:15,start-processing,2021-12-20 09:00,
/// igate,HS-1,,,,,,,resolve,2021-12-21 16:00,
/// igate,HS-2,1.001193,03162,online,Quàng Thị Mai,011234567891,2022-01-05 10:00,,,
/// ```
public enum DossierCSV {
    /// Columns of the dossier itself (first row of a dossier).
    public static let dossierColumns = [
        "code", "procedure_code", "unit_code", "channel", "assisted_by_staff", "applicant_name", "applicant_id_number",
        "applicant_phone", "applicant_email", "applicant_address", "received_at", "due_date", "received_by",
    ]

    /// Columns of a history step.
    public static let stepColumns = [
        "step_action", "step_at", "step_actor", "step_note", "step_status", "apology_date", "apology_reason",
        "payment_method", "payment_amount",
    ]

    public static let requiredColumns = [
        "source_system", "source_id", "procedure_code", "unit_code", "channel", "applicant_name",
        "applicant_id_number", "received_at",
    ]

    public static let columns = ["source_system", "source_id"] + dossierColumns + stepColumns

    /// The dossiers of a CSV file and the first line of each.
    ///
    /// - Throws: ``CSVProblems`` listing every malformed cell and row.
    public static func parse(_ bytes: [UInt8]) throws(CSVProblems) -> (
        dossiers: [Motcua_Submission_V1_ImportedDossier], lines: [Int]
    ) {
        let table: CSVTable
        do {
            table = try CSVTable(bytes, required: Self.requiredColumns, known: Self.columns)
        } catch {
            throw CSVProblems([error])
        }
        var dossiers: [Motcua_Submission_V1_ImportedDossier] = []
        var lines: [Int] = []
        var problems: [CSVError] = []
        var firstLineOf: [String: Int] = [:]
        var current: (key: String, firstValues: [String: String])? = nil

        for record in table.records {
            var row = CSVRowReader(table: table, record: record)
            let sourceSystem = row.required("source_system")
            let sourceID = row.required("source_id")
            let key = sourceSystem + "\u{0}" + sourceID

            if let open = current, open.key == key, !dossiers.isEmpty {
                // A continuation row: one more step; the dossier columns must be empty or repeat the first row.
                for column in Self.dossierColumns {
                    let value = row.text(column)
                    if !value.isEmpty, value != open.firstValues[column] {
                        row.problem(
                            column,
                            "differs from the dossier's first row (line \(lines.last!)); leave it empty on step rows")
                    }
                }
                if row.text("step_action").isEmpty {
                    row.problem(
                        "step_action", "is empty on a step row (a row repeating source_id \(sourceID) adds a step)")
                } else if let step = Self.step(&row) {
                    dossiers[dossiers.count - 1].history.append(step)
                }
                problems += row.problems
                continue
            }

            if !sourceID.isEmpty, let earlier = firstLineOf[key] {
                row.problem(
                    "source_id",
                    "'\(sourceID)' already started a dossier on line \(earlier); the rows of a dossier must be consecutive"
                )
            }
            firstLineOf[key] = record.line
            var dossier = Motcua_Submission_V1_ImportedDossier()
            dossier.sourceSystem = sourceSystem
            dossier.sourceID = sourceID
            dossier.code = row.text("code")
            dossier.procedureCode = row.required("procedure_code")
            dossier.unitCode = row.required("unit_code")
            dossier.channel = row.choice("channel", required: true)
            dossier.assistedByStaff = row.bool("assisted_by_staff")
            dossier.applicant = Motcua_Submission_V1_Applicant.with {
                $0.fullName = row.required("applicant_name")
                $0.idNumber = row.required("applicant_id_number")
                $0.phone = row.text("applicant_phone")
                $0.email = row.text("applicant_email")
                $0.address = row.text("applicant_address")
            }
            dossier.receivedAt = row.instant("received_at", required: true)?.proto
            dossier.dueDate = row.date("due_date", required: false)?.proto
            dossier.receivedBy = row.text("received_by")
            if !row.text("step_action").isEmpty, let step = Self.step(&row) {
                dossier.history.append(step)
            } else if Self.stepColumns.dropFirst().contains(where: { !row.text($0).isEmpty }) {
                row.problem("step_action", "is empty but other step columns are set")
            }
            var firstValues: [String: String] = [:]
            for column in Self.dossierColumns { firstValues[column] = row.text(column) }
            current = (key, firstValues)
            problems += row.problems
            dossiers.append(dossier)
            lines.append(record.line)
        }
        if !problems.isEmpty { throw CSVProblems(problems) }
        return (dossiers, lines)
    }

    /// The step of a row whose `step_action` is set.
    private static func step(_ row: inout CSVRowReader) -> Motcua_Submission_V1_ImportedStep? {
        var step = Motcua_Submission_V1_ImportedStep()
        step.action = row.choice("step_action", required: true)
        step.occurredAt = row.instant("step_at", required: true)?.proto
        step.actor = row.text("step_actor")
        step.note = row.text("step_note")
        step.status = row.choice("step_status", required: false)
        let apologyDate = row.date("apology_date", required: false)
        let apologyReason = row.text("apology_reason")
        if apologyDate != nil || !apologyReason.isEmpty {
            step.apology = Motcua_Submission_V1_Apology.with {
                $0.newDate = apologyDate?.proto
                $0.reason = apologyReason
            }
        }
        let method: Motcua_Submission_V1_PaymentMethod = row.choice("payment_method", required: false)
        let amountText = row.text("payment_amount")
        if method.rawValue != 0 || !amountText.isEmpty {
            let amount = amountText.isEmpty ? 0 : row.amount(amountText, column: "payment_amount") ?? 0
            step.payment = Motcua_Submission_V1_Payment.with {
                $0.method = method
                $0.amountVnd = amount
            }
        }
        return step
    }
}
