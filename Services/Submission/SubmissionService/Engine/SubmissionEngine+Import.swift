internal import DomainModel

extension SubmissionEngine {
    /// Why an imported dossier was not written.
    struct ImportRejection: Error {
        var violations: [FieldViolation]

        init(_ violations: [FieldViolation]) { self.violations = violations }

        init(field: String, _ reason: String) { self.violations = [FieldViolation(field: field, reason: reason)] }
    }

    /// Imports dossiers with their history: each is checked against the catalog and replayed through the workflow, then
    /// written on its own (with one event per history entry); the writes of one call are committed together where
    /// possible. One outcome per dossier, in order.
    ///
    /// - Throws: ``SubmissionError`` `unavailable` when the catalog or the database cannot answer; the dossiers already
    ///   written stay written, and importing them again is harmless.
    public func importDossiers(_ commands: [ImportCommand]) async throws(SubmissionError) -> [ImportOutcome] {
        let now = self.clock()
        var outcomes: [ImportOutcome?] = Array(repeating: nil, count: commands.count)
        var works: [@Sendable (any SubmissionTransaction) throws -> ImportOutcome] = []
        var workIndexes: [Int] = []
        for (index, command) in commands.enumerated() {
            switch try await self.prepareImport(command, now: now) {
            case .failure(let rejection):
                outcomes[index] = .rejected(position: command.position, origin: command.origin, violations: rejection.violations)
            case .success(let dossier):
                works.append { transaction in try Self.writeImport(command, dossier: dossier, transaction: transaction) }
                workIndexes.append(index)
            }
        }
        let results = await self.store.writeAll(works)
        for (index, result) in zip(workIndexes, results) {
            let command = commands[index]
            switch result {
            case .success(let outcome):
                outcomes[index] = outcome
            case .failure(let rejection as ImportRejection):
                outcomes[index] = .rejected(position: command.position, origin: command.origin, violations: rejection.violations)
            case .failure(let error):
                let mapped = SubmissionError(mapping: error)
                if mapped.code == .unavailable || mapped.code == .internal { throw mapped }
                outcomes[index] = .rejected(
                    position: command.position, origin: command.origin, violations: [FieldViolation(field: "", reason: mapped.message)])
            }
        }
        return outcomes.compactMap { $0 }
    }

    /// Checks one dossier against the catalog and replays its history (no write).
    private func prepareImport(_ command: ImportCommand, now: UnixInstant) async throws(SubmissionError) -> Result<Dossier, ImportRejection> {
        if command.receivedAt < ImportCommand.earliestReceipt || command.receivedAt > now {
            return .failure(ImportRejection(field: "received_at", "must be between 2000-01-01 (Vietnam) and now (got \(command.receivedAt))"))
        }
        let receivedOn = VietnamTime.date(of: command.receivedAt)
        if let code = command.code, code.unitCode != command.unitCode || code.receiptDate != receivedOn {
            return .failure(ImportRejection(
                field: "code", "\(code) must name unit \(command.unitCode) and the date of receipt \(receivedOn)"))
        }
        guard let procedure = try await self.catalog.procedure(code: command.procedureCode) else {
            return .failure(ImportRejection(field: "procedure_code", "no procedure \(command.procedureCode) in the catalog"))
        }
        guard let unit = try await self.catalog.unit(code: command.unitCode, on: receivedOn) else {
            return .failure(ImportRejection(field: "unit_code", "no unit \(command.unitCode) is in force on \(receivedOn)"))
        }
        let calendar = try await self.catalog.calendar()
        let due: DueDate
        if let given = command.dueDate {
            guard given >= receivedOn else {
                return .failure(ImportRejection(field: "due_date", "must not be before the date of receipt \(receivedOn) (got \(given))"))
            }
            due = DueDate(
                dueAt: VietnamTime.endOfDay(given), dueDate: given, receivedOn: receivedOn, deadline: procedure.legalDeadline,
                daysOff: [], weekendDays: 0, explanation: "the original appointment date")
        } else {
            do {
                due = try calendar.dueDate(receivedAt: command.receivedAt, deadline: procedure.legalDeadline)
            } catch {
                return .failure(ImportRejection(field: "received_at", error.message))
            }
        }
        let placeholder = command.code ?? DossierCode(unitCode: unit.code, receiptDate: receivedOn, number: 1)
        guard let placeholder else {
            return .failure(ImportRejection(field: "received_at", "a dossier code cannot name \(receivedOn)"))
        }
        var dossier = Dossier.received(
            code: placeholder, procedure: ProcedureSnapshot(procedure), unit: UnitSnapshot(code: unit.code, name: unit.name),
            channel: command.channel, assistedByStaff: command.assistedByStaff, applicant: command.applicant,
            attachments: command.attachments, receivedAt: command.receivedAt, due: due,
            actor: command.receivedBy.isEmpty ? command.origin.sourceSystem : command.receivedBy, note: "", recordedAt: now,
            origin: command.origin)
        for (index, step) in command.history.enumerated() {
            let path = "history[\(index)]"
            if step.occurredAt > now {
                return .failure(ImportRejection(field: "\(path).occurred_at", "must not be in the future (got \(step.occurredAt))"))
            }
            do throws(DomainError) {
                try dossier.apply(
                    step.action, at: step.occurredAt, actor: step.actor.isEmpty ? command.origin.sourceSystem : step.actor, note: step.note,
                    recordedAt: now, calendar: calendar)
            } catch {
                if error.violations.isEmpty {
                    return .failure(ImportRejection(field: "\(path).action", error.message))
                }
                return .failure(ImportRejection(error.violations.map { $0.nested(under: path) }))
            }
            if let expected = step.expectedStatus, expected != dossier.status {
                return .failure(ImportRejection(
                    field: "\(path).status", "the workflow gives status \(dossier.status) after \(step.action.kind), not \(expected)"))
            }
        }
        return .success(dossier)
    }

    /// Writes one prepared dossier (inside a transaction): or finds it imported already.
    private static func writeImport(
        _ command: ImportCommand, dossier prepared: Dossier, transaction: any SubmissionTransaction
    ) throws -> ImportOutcome {
        let fingerprint = command.fingerprint
        if let record = try transaction.importRecord(command.origin) {
            guard record.fingerprint == fingerprint else {
                throw ImportRejection(
                    field: "source_id",
                    "\(command.origin.sourceSystem)/\(command.origin.sourceID) was imported before, with different content, as dossier \(record.code)")
            }
            return .alreadyImported(position: command.position, sourceID: command.origin.sourceID, code: record.code)
        }
        var dossier = prepared
        if let code = command.code {
            if try transaction.isCodeInUse(code) { throw ImportRejection(field: "code", "\(code) is already in use") }
        } else {
            let number = try transaction.nextDailyNumber(unit: dossier.unit.code, on: dossier.receivedOn)
            guard let code = DossierCode(unitCode: dossier.unit.code, receiptDate: dossier.receivedOn, number: number) else {
                throw ImportRejection(field: "received_at", "no dossier code for \(dossier.receivedOn)")
            }
            dossier.code = code
        }
        try transaction.insert(dossier)
        try transaction.recordImport(command.origin, fingerprint: fingerprint, code: dossier.code)
        return .imported(position: command.position, sourceID: command.origin.sourceID, code: dossier.code)
    }
}
