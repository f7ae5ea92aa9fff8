public import DomainModel
public import Logging

/// The submission service's behaviour, independent of the wire: submissions, workflow steps, imports and queries over
/// a ``SubmissionStore`` and a ``CatalogGateway``.
///
/// Everything the catalog must say is fetched before the write starts, so a write never waits on the network, and when
/// the catalog cannot answer nothing is written.
public struct SubmissionEngine: Sendable {
    public let store: any SubmissionStore
    public let catalog: any CatalogGateway
    /// The current instant (injectable for tests).
    public let clock: @Sendable () -> UnixInstant
    let logger: Logger

    public init(
        store: any SubmissionStore, catalog: any CatalogGateway, clock: @escaping @Sendable () -> UnixInstant = SystemClock.now,
        logger: Logger = Logger(label: "motcua.submission")
    ) {
        self.store = store
        self.catalog = catalog
        self.clock = clock
        self.logger = logger
    }

    // MARK: - Submit

    /// Registers a dossier (or, for a known retry key, returns the one registered the first time).
    ///
    /// - Returns: the dossier and whether this was a retry.
    public func submit(_ command: SubmitCommand) async throws(SubmissionError) -> (dossier: Dossier, replayed: Bool) {
        let fingerprint = command.fingerprint
        let receivedAt = self.clock()
        let receivedOn = VietnamTime.date(of: receivedAt)
        let prepared: (procedure: ProcedureSnapshot, unit: UnitSnapshot, due: DueDate)
        do {
            prepared = try await self.prepareSubmission(command, receivedAt: receivedAt)
        } catch {
            // A retry of a request that succeeded before is answered even when the catalog cannot answer now (down,
            // or changed since): the dossier exists already. New requests get the error.
            if let replay = try await self.replay(command.key, fingerprint: fingerprint) { return (replay, true) }
            throw error
        }
        let (snapshot, unitSnapshot, due) = prepared
        let key = command.key
        do {
            return try await self.store.write { transaction in
                if let record = try transaction.requestRecord(caller: key.caller, requestID: key.requestID) {
                    return (try Self.replayed(record, fingerprint: fingerprint, key: key, transaction: transaction), true)
                }
                let number = try transaction.nextDailyNumber(unit: unitSnapshot.code, on: receivedOn)
                guard let code = DossierCode(unitCode: unitSnapshot.code, receiptDate: receivedOn, number: number) else {
                    throw SubmissionError.invalid(field: "received_at", "a dossier code cannot name \(receivedOn) (years 2000–2099)")
                }
                let dossier = Dossier.received(
                    code: code, procedure: snapshot, unit: unitSnapshot, channel: command.channel, assistedByStaff: command.assistedByStaff,
                    applicant: command.applicant, attachments: command.attachments, receivedAt: receivedAt, due: due,
                    actor: command.receivedBy, note: command.note, recordedAt: receivedAt)
                try transaction.insert(dossier)
                try transaction.recordRequest(caller: key.caller, requestID: key.requestID, fingerprint: fingerprint, code: code)
                return (dossier, false)
            }
        } catch {
            throw SubmissionError(mapping: error)
        }
    }

    /// What the catalog says about a submission: the procedure, the unit in force on the day, the appointment date.
    private func prepareSubmission(
        _ command: SubmitCommand, receivedAt: UnixInstant
    ) async throws(SubmissionError) -> (procedure: ProcedureSnapshot, unit: UnitSnapshot, due: DueDate) {
        let receivedOn = VietnamTime.date(of: receivedAt)
        guard let procedure = try await self.catalog.procedure(code: command.procedureCode) else {
            throw SubmissionError.invalid(field: "procedure_code", "no procedure \(command.procedureCode) in the catalog")
        }
        if command.channel == .online && !procedure.onlineLevel.allowsOnlineSubmission {
            throw SubmissionError.invalid(
                field: "channel",
                "procedure \(procedure.code) is at online level \(procedure.onlineLevel.rawValue): it cannot be submitted online (levels 3 and 4 can)")
        }
        guard let unit = try await self.catalog.unit(code: command.unitCode, on: receivedOn) else {
            throw SubmissionError.invalid(field: "unit_code", "no unit \(command.unitCode) is in force on \(receivedOn)")
        }
        let calendar = try await self.catalog.calendar()
        do {
            let due = try calendar.dueDate(receivedAt: receivedAt, deadline: procedure.legalDeadline)
            return (ProcedureSnapshot(procedure), UnitSnapshot(code: unit.code, name: unit.name), due)
        } catch {
            throw SubmissionError(error)
        }
    }

    // MARK: - Transition

    /// Applies one workflow step (or, for a known retry key, returns the dossier as it is now).
    public func transition(_ command: TransitionCommand) async throws(SubmissionError) -> (dossier: Dossier, replayed: Bool) {
        let fingerprint = command.fingerprint
        if let key = command.key, let replay = try await self.replay(key, fingerprint: fingerprint) { return (replay, true) }
        let calendar = command.needsCalendar ? try await self.catalog.calendar() : WorkingCalendar(days: [])
        let now = self.clock()
        do {
            return try await self.store.write { transaction in
                if let key = command.key, let record = try transaction.requestRecord(caller: key.caller, requestID: key.requestID) {
                    return (try Self.replayed(record, fingerprint: fingerprint, key: key, transaction: transaction), true)
                }
                guard var dossier = try transaction.dossier(code: command.code) else {
                    throw SubmissionError.notFound("no dossier \(command.code)")
                }
                guard dossier.version == command.expectedVersion else {
                    throw SubmissionError(
                        code: .aborted,
                        message: "dossier \(command.code) is at version \(dossier.version), not \(command.expectedVersion) "
                            + "(expected_version): it changed since it was read; read it again and retry")
                }
                // A step never happens before the previous one, even if this clock is behind.
                let at = max(now, dossier.workflow.lastChangeAt)
                do throws(DomainError) {
                    try dossier.apply(command.action, at: at, actor: command.actor, note: command.note, recordedAt: now, calendar: calendar)
                } catch {
                    var mapped = SubmissionError(error)
                    if error.code == .failedPrecondition { mapped.message = "dossier \(command.code): \(error.message)" }
                    throw mapped
                }
                try transaction.append(dossier, newEntries: 1)
                if let key = command.key {
                    try transaction.recordRequest(caller: key.caller, requestID: key.requestID, fingerprint: fingerprint, code: dossier.code)
                }
                return (dossier, false)
            }
        } catch {
            throw SubmissionError(mapping: error)
        }
    }

    // MARK: - Retries

    private func replay(_ key: RetryKey, fingerprint: [UInt8]) async throws(SubmissionError) -> Dossier? {
        do {
            guard let record = try await self.store.requestRecord(caller: key.caller, requestID: key.requestID) else { return nil }
            guard record.fingerprint == fingerprint else { throw Self.reused(key, code: record.code) }
            guard let dossier = try await self.store.dossier(code: record.code) else {
                throw SubmissionError(code: .internal, message: "the retry key refers to a missing dossier \(record.code)")
            }
            return dossier
        } catch {
            throw SubmissionError(mapping: error)
        }
    }

    private static func replayed(
        _ record: RequestRecord, fingerprint: [UInt8], key: RetryKey, transaction: any SubmissionTransaction
    ) throws -> Dossier {
        guard record.fingerprint == fingerprint else { throw self.reused(key, code: record.code) }
        guard let dossier = try transaction.dossier(code: record.code) else {
            throw SubmissionError(code: .internal, message: "the retry key refers to a missing dossier \(record.code)")
        }
        return dossier
    }

    private static func reused(_ key: RetryKey, code: DossierCode) -> SubmissionError {
        SubmissionError(
            code: .alreadyExists,
            message: "request_id \"\(key.requestID)\" of caller \"\(key.caller)\" was already used, with different content, "
                + "for dossier \(code): use a new request_id for a new request")
    }

    // MARK: - Queries

    /// The full view of a dossier.
    public func dossier(code: DossierCode) async throws(SubmissionError) -> Dossier {
        let found: Dossier?
        do {
            found = try await self.store.dossier(code: code)
        } catch {
            throw SubmissionError(mapping: error)
        }
        guard let found else { throw SubmissionError.notFound("no dossier \(code)") }
        return found
    }

    /// The dossier if `idNumber` is its applicant's (compared normalised); NOT_FOUND otherwise, exactly as for an
    /// unknown code, so that the answer gives no hint.
    public func lookup(code: DossierCode, idNumber: String) async throws(SubmissionError) -> Dossier {
        let notFound = SubmissionError.notFound("no dossier \(code) for this ID number")
        let found: Dossier?
        do {
            found = try await self.store.dossier(code: code)
        } catch {
            throw SubmissionError(mapping: error)
        }
        let normalized = Applicant.normalizedIDNumber(idNumber)
        guard let found, !normalized.isEmpty, Self.constantTimeEquals(found.applicant.idNumber, normalized) else { throw notFound }
        return found
    }

    /// One page of dossiers.
    public func list(_ query: DossierQuery) async throws(SubmissionError) -> DossierPage {
        do {
            return try await self.store.listDossiers(query)
        } catch {
            throw SubmissionError(mapping: error)
        }
    }

    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<min(a.count, b.count) { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
