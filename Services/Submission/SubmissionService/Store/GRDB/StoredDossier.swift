internal import DomainModel
internal import GRDB

/// Rows of `dossiers` and `history`: the SQL that writes them and the decoding of what is read.
enum StoredDossier {
    typealias Corrupt = StoredValues.Corrupt

    /// What does not change after receipt (the part of a dossier every event repeats).
    struct Header {
        var code: DossierCode
        var procedure: ProcedureSnapshot
        var unit: UnitSnapshot
        var channel: DossierChannel
        var assistedByStaff: Bool
        var receivedAt: UnixInstant
        var origin: ImportOrigin?
    }

    /// The header columns of `dossiers` (none of them is also a column of `history`).
    static let headerColumns = [
        "code", "unit_code", "unit_name", "procedure_code", "procedure_name", "procedure_field", "online_level", "online_scheme",
        "deadline_amount", "deadline_unit", "fee_bearing", "channel", "assisted", "received_at", "source_system", "source_id",
    ]

    // MARK: Writing

    static let insertSQL: String = {
        let columns = headerColumns + [
            "receipt_day", "daily_number", "applicant_name", "applicant_id_number", "applicant_phone", "applicant_email",
            "applicant_address", "attachments", "version", "updated_at", "last_change_at",
        ] + StoredValues.workflowColumns
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO dossiers (\(columns.joined(separator: ", "))) VALUES (\(marks))"
    }()

    static func insertValues(_ dossier: Dossier) -> StatementArguments {
        let procedure = dossier.procedure
        let applicant = dossier.applicant
        var values: [DatabaseValue] = []
        values.reserveCapacity(48)
        values.append(dossier.code.rawValue.databaseValue)
        values.append(dossier.unit.code.rawValue.databaseValue)
        values.append(dossier.unit.name.databaseValue)
        values.append(procedure.code.rawValue.databaseValue)
        values.append(procedure.name.databaseValue)
        values.append(procedure.field.databaseValue)
        values.append(procedure.onlineLevel.rawValue.databaseValue)
        values.append(procedure.onlineScheme.rawValue.databaseValue)
        values.append(procedure.legalDeadline.amount.databaseValue)
        values.append(procedure.legalDeadline.unit.rawValue.databaseValue)
        values.append(procedure.feeBearing.databaseValue)
        values.append(dossier.channel.rawValue.databaseValue)
        values.append(dossier.assistedByStaff.databaseValue)
        values.append(StoredValues.nanos(dossier.receivedAt).databaseValue)
        values.append(StoredValues.value(dossier.origin?.sourceSystem))
        values.append(StoredValues.value(dossier.origin?.sourceID))
        values.append(StoredValues.day(dossier.code.receiptDate).databaseValue)
        values.append(dossier.code.number.databaseValue)
        values.append(applicant.fullName.databaseValue)
        values.append(applicant.idNumber.databaseValue)
        values.append(applicant.phone.databaseValue)
        values.append(applicant.email.databaseValue)
        values.append(applicant.address.databaseValue)
        values.append(StoredValues.attachmentsJSON(dossier.attachments).databaseValue)
        values.append(dossier.version.databaseValue)
        values.append(StoredValues.nanos(dossier.updatedAt).databaseValue)
        values.append(StoredValues.nanos(dossier.workflow.lastChangeAt).databaseValue)
        StoredValues.appendWorkflowValues(dossier.workflow, to: &values)
        return StatementArguments(values)
    }

    static let updateSQL: String = {
        let assignments = (["version", "updated_at", "last_change_at"] + StoredValues.workflowColumns).map { "\($0) = ?" }
        return "UPDATE dossiers SET \(assignments.joined(separator: ", ")) WHERE id = ?"
    }()

    static func updateValues(_ dossier: Dossier, id: Int64) -> StatementArguments {
        var values: [DatabaseValue] = [
            dossier.version.databaseValue, StoredValues.nanos(dossier.updatedAt).databaseValue,
            StoredValues.nanos(dossier.workflow.lastChangeAt).databaseValue,
        ]
        StoredValues.appendWorkflowValues(dossier.workflow, to: &values)
        values.append(id.databaseValue)
        return StatementArguments(values)
    }

    static let historyColumns = [
        "dossier_id", "step", "action", "from_status", "occurred_at", "recorded_at", "actor", "note", "apology_day", "apology_reason",
        "payment_method", "payment_amount",
    ] + StoredValues.workflowColumns

    static let insertHistorySQL =
        "INSERT INTO history (\(historyColumns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: historyColumns.count).joined(separator: ", ")))"

    static func historyValues(_ entry: DossierHistoryEntry, dossierID: Int64) -> StatementArguments {
        var values: [DatabaseValue] = []
        values.reserveCapacity(22)
        values.append(dossierID.databaseValue)
        values.append(entry.step.databaseValue)
        values.append(entry.action.rawValue.databaseValue)
        values.append(StoredValues.value(entry.fromStatus?.rawValue))
        values.append(StoredValues.nanos(entry.occurredAt).databaseValue)
        values.append(StoredValues.nanos(entry.recordedAt).databaseValue)
        values.append(entry.actor.databaseValue)
        values.append(entry.note.databaseValue)
        values.append(StoredValues.value(entry.apology.map { StoredValues.day($0.newDate) }))
        values.append(StoredValues.value(entry.apology?.reason))
        values.append(StoredValues.value(entry.payment?.method.rawValue))
        values.append(StoredValues.value(entry.payment?.amountVND))
        StoredValues.appendWorkflowValues(entry.after, to: &values)
        return StatementArguments(values)
    }

    // MARK: Reading

    static func header(_ row: Row) throws(Corrupt) -> Header {
        let codeText = try StoredValues.text(row, "code")
        guard let code = DossierCode(codeText) else { throw Corrupt(description: "code \(codeText)") }
        let procedureText = try StoredValues.text(row, "procedure_code")
        guard let procedureCode = ProcedureCode(procedureText) else { throw Corrupt(description: "procedure_code \(procedureText)") }
        guard let scheme = OnlineScheme(rawValue: try StoredValues.text(row, "online_scheme")),
            let unit = DeadlineUnit(rawValue: try StoredValues.text(row, "deadline_unit"))
        else { throw Corrupt(description: "online_scheme or deadline_unit of \(code)") }
        let procedure = ProcedureSnapshot(
            code: procedureCode, name: try StoredValues.text(row, "procedure_name"), field: try StoredValues.text(row, "procedure_field"),
            onlineLevel: try StoredValues.enumeration(row, "online_level"), onlineScheme: scheme,
            legalDeadline: LegalDeadline(amount: Int(try StoredValues.int(row, "deadline_amount")), unit: unit),
            feeBearing: try StoredValues.int(row, "fee_bearing") != 0)
        let origin: ImportOrigin?
        if let system = try StoredValues.optionalText(row, "source_system") {
            origin = ImportOrigin(sourceSystem: system, sourceID: try StoredValues.optionalText(row, "source_id") ?? "")
        } else {
            origin = nil
        }
        return Header(
            code: code, procedure: procedure, unit: UnitSnapshot(code: code.unitCode, name: try StoredValues.text(row, "unit_name")),
            channel: try StoredValues.enumeration(row, "channel"), assistedByStaff: try StoredValues.int(row, "assisted") != 0,
            receivedAt: StoredValues.instant(try StoredValues.int(row, "received_at")), origin: origin)
    }

    static func historyEntry(_ row: Row, deadline: LegalDeadline) throws(Corrupt) -> DossierHistoryEntry {
        let occurredAt = StoredValues.instant(try StoredValues.int(row, "occurred_at"))
        let apology = try StoredValues.optionalInt(row, "apology_day").map { day throws(Corrupt) in
            Apology(newDate: StoredValues.date(day), reason: try StoredValues.optionalText(row, "apology_reason") ?? "")
        }
        let payment: Payment?
        if let method: PaymentMethod = try StoredValues.optionalEnumeration(row, "payment_method") {
            payment = Payment(method: method, amountVND: try StoredValues.optionalInt(row, "payment_amount") ?? 0)
        } else {
            payment = nil
        }
        return DossierHistoryEntry(
            step: Int(try StoredValues.int(row, "step")), action: try StoredValues.enumeration(row, "action"),
            fromStatus: try StoredValues.optionalEnumeration(row, "from_status"), occurredAt: occurredAt,
            recordedAt: StoredValues.instant(try StoredValues.int(row, "recorded_at")), actor: try StoredValues.text(row, "actor"),
            note: try StoredValues.text(row, "note"), apology: apology, payment: payment,
            after: try StoredValues.workflow(row, deadline: deadline, lastChangeAt: occurredAt))
    }

    /// A whole dossier from its `dossiers` row and its `history` rows (by step).
    static func dossier(_ row: Row, history: [Row]) throws(Corrupt) -> Dossier {
        let header = try self.header(row)
        let deadline = header.procedure.legalDeadline
        var entries: [DossierHistoryEntry] = []
        entries.reserveCapacity(history.count)
        for entry in history { entries.append(try self.historyEntry(entry, deadline: deadline)) }
        guard !entries.isEmpty else { throw Corrupt(description: "dossier \(header.code) has no history") }
        let applicant = Applicant(
            fullName: try StoredValues.text(row, "applicant_name"), idNumber: try StoredValues.text(row, "applicant_id_number"),
            phone: try StoredValues.text(row, "applicant_phone"), email: try StoredValues.text(row, "applicant_email"),
            address: try StoredValues.text(row, "applicant_address"))
        let workflow = try StoredValues.workflow(
            row, deadline: deadline, lastChangeAt: StoredValues.instant(try StoredValues.int(row, "last_change_at")))
        return Dossier(
            code: header.code, procedure: header.procedure, unit: header.unit, channel: header.channel,
            assistedByStaff: header.assistedByStaff, applicant: applicant,
            attachments: try StoredValues.attachments(try StoredValues.text(row, "attachments")), receivedAt: header.receivedAt,
            workflow: workflow, history: entries, origin: header.origin)
    }

    static func summary(_ row: Row) throws(Corrupt) -> DossierSummary {
        let header = try self.header(row)
        return DossierSummary(
            code: header.code, procedureCode: header.procedure.code, procedureName: header.procedure.name, channel: header.channel,
            assistedByStaff: header.assistedByStaff, status: try StoredValues.enumeration(row, "status"),
            version: try StoredValues.int(row, "version"), applicantName: try StoredValues.text(row, "applicant_name"),
            receivedAt: header.receivedAt, dueDate: StoredValues.date(try StoredValues.int(row, "due_day")),
            promisedDate: try StoredValues.optionalInt(row, "promised_day").map(StoredValues.date),
            finishedAt: try StoredValues.optionalInt(row, "finished_at").map(StoredValues.instant))
    }
}
