internal import DomainModel
internal import Foundation
internal import GRDB

/// How domain values are stored in SQLite columns.
enum StoredValues {
    struct Corrupt: Error, CustomStringConvertible {
        var description: String
    }

    // MARK: Instants and dates

    /// Nanoseconds since 1970-01-01T00:00:00Z (saturating outside 1677–2262, which dossiers never reach).
    static func nanos(_ instant: UnixInstant) -> Int64 {
        let (scaled, overflow) = instant.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return instant.seconds < 0 ? Int64.min : Int64.max }
        let (sum, overflow2) = scaled.addingReportingOverflow(Int64(instant.nanoseconds))
        return overflow2 ? Int64.max : sum
    }

    static func instant(_ nanos: Int64) -> UnixInstant {
        var seconds = nanos / 1_000_000_000
        var remainder = nanos % 1_000_000_000
        if remainder < 0 {
            seconds -= 1
            remainder += 1_000_000_000
        }
        return UnixInstant(seconds: seconds, nanoseconds: Int32(remainder)) ?? UnixInstant(seconds: 0)!
    }

    static func day(_ date: CivilDate) -> Int64 { Int64(date.daysSinceEpoch) }

    static func date(_ day: Int64) -> CivilDate { CivilDate(daysSinceEpoch: Int(day)) }

    // MARK: Attachments (a JSON array of arrays)

    static func attachmentsJSON(_ attachments: [Attachment]) -> String {
        guard !attachments.isEmpty else { return "[]" }
        let rows: [[Any]] = attachments.map { [$0.name, $0.component, $0.mediaType, $0.sizeBytes, $0.sha256] }
        guard let data = try? JSONSerialization.data(withJSONObject: rows), let text = String(data: data, encoding: .utf8) else {
            return "[]"
        }
        return text
    }

    static func attachments(_ json: String) throws(Corrupt) -> [Attachment] {
        guard json != "[]" else { return [] }
        guard let rows = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]] else {
            throw Corrupt(description: "attachments: not a JSON array of arrays")
        }
        var result: [Attachment] = []
        for row in rows {
            guard row.count == 5, let name = row[0] as? String, let component = row[1] as? String, let media = row[2] as? String,
                let size = (row[3] as? NSNumber)?.int64Value, let sha = row[4] as? String
            else { throw Corrupt(description: "attachments: malformed entry") }
            result.append(Attachment(name: name, component: component, mediaType: media, sizeBytes: size, sha256: sha))
        }
        return result
    }

    // MARK: Workflow columns

    /// The workflow columns shared by `dossiers` and `history`, in this order.
    static let workflowColumns = [
        "status", "resume_status", "due_day", "due_at", "promised_day", "paused_since", "supplement_requests", "apologies",
        "finished_at", "returned_at",
    ]

    static func appendWorkflowValues(_ workflow: DossierWorkflow, to values: inout [DatabaseValue]) {
        values.append(workflow.status.rawValue.databaseValue)
        values.append(self.value(workflow.resumeStatus?.rawValue))
        values.append(self.day(workflow.dueDate).databaseValue)
        values.append(self.nanos(workflow.dueAt).databaseValue)
        values.append(self.value(workflow.promisedDate.map(self.day)))
        values.append(self.value(workflow.pausedSince.map(self.nanos)))
        values.append(workflow.supplementRequests.databaseValue)
        values.append(workflow.apologies.databaseValue)
        values.append(self.value(workflow.finishedAt.map(self.nanos)))
        values.append(self.value(workflow.returnedAt.map(self.nanos)))
    }

    /// The value, or NULL.
    @inline(__always)
    static func value(_ value: (some DatabaseValueConvertible)?) -> DatabaseValue {
        value?.databaseValue ?? .null
    }

    static func workflow(_ row: Row, deadline: LegalDeadline, lastChangeAt: UnixInstant) throws(Corrupt) -> DossierWorkflow {
        DossierWorkflow(
            status: try self.enumeration(row, "status"), resumeStatus: try self.optionalEnumeration(row, "resume_status"),
            deadline: deadline, dueDate: self.date(try self.int(row, "due_day")), dueAt: self.instant(try self.int(row, "due_at")),
            promisedDate: try self.optionalInt(row, "promised_day").map(self.date),
            pausedSince: try self.optionalInt(row, "paused_since").map(self.instant),
            supplementRequests: Int(try self.int(row, "supplement_requests")), apologies: Int(try self.int(row, "apologies")),
            finishedAt: try self.optionalInt(row, "finished_at").map(self.instant),
            returnedAt: try self.optionalInt(row, "returned_at").map(self.instant), lastChangeAt: lastChangeAt)
    }

    // MARK: Typed column access (a damaged row fails one call, not the process)

    static func int(_ row: Row, _ column: String) throws(Corrupt) -> Int64 {
        guard let value = try self.optionalInt(row, column) else { throw Corrupt(description: "column \(column) is NULL") }
        return value
    }

    static func optionalInt(_ row: Row, _ column: String) throws(Corrupt) -> Int64? {
        let raw: DatabaseValue = row[column]
        if raw.isNull { return nil }
        guard let value = Int64.fromDatabaseValue(raw) else { throw Corrupt(description: "column \(column) holds \(raw), not an integer") }
        return value
    }

    static func text(_ row: Row, _ column: String) throws(Corrupt) -> String {
        guard let value = try self.optionalText(row, column) else { throw Corrupt(description: "column \(column) is NULL") }
        return value
    }

    static func optionalText(_ row: Row, _ column: String) throws(Corrupt) -> String? {
        let raw: DatabaseValue = row[column]
        if raw.isNull { return nil }
        guard let value = String.fromDatabaseValue(raw) else { throw Corrupt(description: "column \(column) holds \(raw), not text") }
        return value
    }

    static func enumeration<E: RawRepresentable>(_ row: Row, _ column: String) throws(Corrupt) -> E where E.RawValue == Int {
        guard let value: E = try self.optionalEnumeration(row, column) else { throw Corrupt(description: "column \(column) is NULL") }
        return value
    }

    static func optionalEnumeration<E: RawRepresentable>(_ row: Row, _ column: String) throws(Corrupt) -> E? where E.RawValue == Int {
        guard let raw = try self.optionalInt(row, column) else { return nil }
        guard let value = E(rawValue: Int(raw)) else { throw Corrupt(description: "column \(column) holds unknown value \(raw)") }
        return value
    }
}
