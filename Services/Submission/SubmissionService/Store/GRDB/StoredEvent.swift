internal import DomainModel
internal import GRDB

/// Events as the feed reads them: one query joining `events`, `history` and `dossiers`, decoded by column position
/// (the feed is read at catch-up speed, so no column is looked up by name).
enum StoredEvent {
    typealias Corrupt = StoredValues.Corrupt

    /// The selected columns, in order.
    private static let columns = [
        "e.sequence", "d.unit_code", "d.receipt_day", "d.daily_number", "d.procedure_code", "d.procedure_name", "d.procedure_field",
        "d.online_level", "d.online_scheme", "d.deadline_amount", "d.deadline_unit", "d.fee_bearing", "d.channel", "d.assisted",
        "d.received_at", "d.source_system", "h.step", "h.action", "h.from_status", "h.occurred_at", "h.recorded_at", "h.apology_day",
        "h.apology_reason", "h.payment_method", "h.payment_amount",
    ] + StoredValues.workflowColumns.map { "h.\($0)" }

    static let sql =
        "SELECT \(columns.joined(separator: ", ")) FROM events e "
        + "JOIN history h ON h.dossier_id = e.dossier_id AND h.step = e.step JOIN dossiers d ON d.id = e.dossier_id "
        + "WHERE e.sequence > ? ORDER BY e.sequence LIMIT ?"

    static func decode(_ row: Row) throws(Corrupt) -> DossierEvent {
        let unitText = try self.text(row, 1)
        guard let unit = UnitCode(unitText),
            let code = DossierCode(unitCode: unit, receiptDate: StoredValues.date(try self.int(row, 2)), number: Int(try self.int(row, 3)))
        else { throw Corrupt(description: "event of unit \(unitText): no valid dossier code") }
        let procedureText = try self.text(row, 4)
        guard let procedureCode = ProcedureCode(procedureText),
            let onlineLevel = OnlineServiceLevel(rawValue: Int(try self.int(row, 7))),
            let scheme = OnlineScheme(rawValue: try self.text(row, 8)), let deadlineUnit = DeadlineUnit(rawValue: try self.text(row, 10)),
            let channel = DossierChannel(rawValue: Int(try self.int(row, 12))),
            let action = DossierActionKind(rawValue: Int(try self.int(row, 17))),
            let status = DossierStatus(rawValue: Int(try self.int(row, 25)))
        else { throw Corrupt(description: "event of dossier \(code): unknown enumeration value") }
        let deadline = LegalDeadline(amount: Int(try self.int(row, 9)), unit: deadlineUnit)
        let procedure = ProcedureSnapshot(
            code: procedureCode, name: try self.text(row, 5), field: try self.text(row, 6), onlineLevel: onlineLevel, onlineScheme: scheme,
            legalDeadline: deadline, feeBearing: try self.int(row, 11) != 0)
        let occurredAt = StoredValues.instant(try self.int(row, 19))
        let apology = try self.optionalInt(row, 21).map { day throws(Corrupt) in
            Apology(newDate: StoredValues.date(day), reason: try self.optionalText(row, 22) ?? "")
        }
        var payment: Payment?
        if let method = try self.optionalInt(row, 23) {
            guard let method = PaymentMethod(rawValue: Int(method)) else { throw Corrupt(description: "payment method \(method)") }
            payment = Payment(method: method, amountVND: try self.optionalInt(row, 24) ?? 0)
        }
        let after = DossierWorkflow(
            status: status, resumeStatus: try self.optionalInt(row, 26).flatMap { DossierStatus(rawValue: Int($0)) }, deadline: deadline,
            dueDate: StoredValues.date(try self.int(row, 27)), dueAt: StoredValues.instant(try self.int(row, 28)),
            promisedDate: try self.optionalInt(row, 29).map(StoredValues.date),
            pausedSince: try self.optionalInt(row, 30).map(StoredValues.instant), supplementRequests: Int(try self.int(row, 31)),
            apologies: Int(try self.int(row, 32)), finishedAt: try self.optionalInt(row, 33).map(StoredValues.instant),
            returnedAt: try self.optionalInt(row, 34).map(StoredValues.instant), lastChangeAt: occurredAt)
        let fromStatus = try self.optionalInt(row, 18).flatMap { DossierStatus(rawValue: Int($0)) }
        return DossierEvent(
            sequence: try self.int(row, 0), dossierCode: code, dossierVersion: try self.int(row, 16), action: action, fromStatus: fromStatus,
            occurredAt: occurredAt, recordedAt: StoredValues.instant(try self.int(row, 20)), imported: try self.optionalText(row, 15) != nil,
            unitCode: unit, procedure: procedure, channel: channel, assistedByStaff: try self.int(row, 13) != 0,
            receivedAt: StoredValues.instant(try self.int(row, 14)), payment: payment, apology: apology, after: after)
    }

    // MARK: Positional access
    //
    // SQLite's own column accessors (GRDB's `StatementColumnConvertible` fast path). The columns read as non-optional
    // are NOT NULL in the schema; SQLite converts a value of another storage class rather than failing.

    private static func int(_ row: Row, _ index: Int) throws(Corrupt) -> Int64 {
        let value: Int64 = row[index]
        return value
    }

    private static func optionalInt(_ row: Row, _ index: Int) throws(Corrupt) -> Int64? {
        let value: Int64? = row[index]
        return value
    }

    private static func text(_ row: Row, _ index: Int) throws(Corrupt) -> String {
        let value: String = row[index]
        return value
    }

    private static func optionalText(_ row: Row, _ index: Int) throws(Corrupt) -> String? {
        let value: String? = row[index]
        return value
    }
}
