internal import DomainModel
internal import Foundation
internal import GRDB

/// ``SubmissionTransaction`` on one GRDB write transaction.
struct GRDBSubmissionTransaction: SubmissionTransaction {
    let db: Database
    let counters: WriteCounters

    func dossier(code: DossierCode) throws -> Dossier? {
        try GRDBSubmissionStore.readDossier(self.db, code: code)
    }

    func requestRecord(caller: String, requestID: String) throws -> RequestRecord? {
        try GRDBSubmissionStore.readRecord(
            self.db, sql: "SELECT fingerprint, code FROM requests WHERE caller = ? AND request_id = ?", arguments: [caller, requestID])
    }

    func importRecord(_ origin: ImportOrigin) throws -> RequestRecord? {
        try GRDBSubmissionStore.readRecord(
            self.db, sql: "SELECT fingerprint, code FROM imports WHERE source_system = ? AND source_id = ?",
            arguments: [origin.sourceSystem, origin.sourceID])
    }

    func nextDailyNumber(unit: UnitCode, on date: CivilDate) throws -> Int {
        try self.counters.highestNumber(WriteCounters.DailyKey(unit: unit, day: date), self.db) + 1
    }

    func isCodeInUse(_ code: DossierCode) throws -> Bool {
        try Bool.fetchOne(self.db.cachedStatement(sql: "SELECT 1 FROM dossiers WHERE code = ?"), arguments: [code.rawValue]) ?? false
    }

    @discardableResult
    func insert(_ dossier: Dossier) throws -> [Int64] {
        try Self.run(self.db.cachedStatement(sql: StoredDossier.insertSQL), StoredDossier.insertValues(dossier))
        let id = self.db.lastInsertedRowID
        let key = WriteCounters.DailyKey(unit: dossier.code.unitCode, day: dossier.code.receiptDate)
        _ = try self.counters.highestNumber(key, self.db)
        self.counters.claim(key, number: dossier.code.number)
        return try self.writeEntries(dossier.history[...], dossierID: id)
    }

    @discardableResult
    func append(_ dossier: Dossier, newEntries: Int) throws -> [Int64] {
        guard let id = try Int64.fetchOne(
            self.db.cachedStatement(sql: "SELECT id FROM dossiers WHERE code = ?"), arguments: [dossier.code.rawValue])
        else { throw SubmissionError.notFound("no dossier \(dossier.code)") }
        try Self.run(self.db.cachedStatement(sql: StoredDossier.updateSQL), StoredDossier.updateValues(dossier, id: id))
        return try self.writeEntries(dossier.history.suffix(newEntries), dossierID: id)
    }

    func recordRequest(caller: String, requestID: String, fingerprint: [UInt8], code: DossierCode) throws {
        try self.db.cachedStatement(sql: "INSERT INTO requests (caller, request_id, fingerprint, code) VALUES (?, ?, ?, ?)")
            .execute(arguments: [caller, requestID, Self.blob(fingerprint), code.rawValue])
    }

    func recordImport(_ origin: ImportOrigin, fingerprint: [UInt8], code: DossierCode) throws {
        try self.db.cachedStatement(sql: "INSERT INTO imports (source_system, source_id, fingerprint, code) VALUES (?, ?, ?, ?)")
            .execute(arguments: [origin.sourceSystem, origin.sourceID, Self.blob(fingerprint), code.rawValue])
    }

    /// Inserts history entries and one event each (the next sequences).
    private func writeEntries(_ entries: ArraySlice<DossierHistoryEntry>, dossierID: Int64) throws -> [Int64] {
        let history = try self.db.cachedStatement(sql: StoredDossier.insertHistorySQL)
        let events = try self.db.cachedStatement(sql: "INSERT INTO events (sequence, dossier_id, step) VALUES (?, ?, ?)")
        var sequences: [Int64] = []
        sequences.reserveCapacity(entries.count)
        for entry in entries {
            try Self.run(history, StoredDossier.historyValues(entry, dossierID: dossierID))
            let sequence = self.counters.nextSequence()
            try Self.run(events, StatementArguments([sequence.databaseValue, dossierID.databaseValue, entry.step.databaseValue]))
            sequences.append(sequence)
        }
        return sequences
    }

    static func blob(_ bytes: [UInt8]) -> Data { Data(bytes) }

    private static func run(_ statement: Statement, _ arguments: StatementArguments) throws {
        try statement.execute(arguments: arguments)
    }
}
