internal import DomainModel
internal import Logging
public import RPCCore
public import RPCProtobuf

extension CatalogService {
    /// ImportProcedures: reads the whole stream, checks every row, then writes all rows in one transaction — or, when
    /// any row is rejected (or `validate_only` is set), writes nothing and reports every rejected row.
    public func importProcedures(
        _ messages: RPCAsyncSequence<Motcua_Catalog_V1_ImportProceduresRequest>
    ) async throws -> Motcua_Catalog_V1_ImportProceduresResponse {
        try await self.handling {
            var rows: [Motcua_Catalog_V1_Procedure] = []
            var validateOnly = false
            for try await message in messages {
                validateOnly = validateOnly || message.validateOnly
                guard rows.count + message.procedures.count <= Self.maximumImportRows else {
                    throw DomainError.invalid(field: "procedures", "at most \(Self.maximumImportRows) rows per import; split the catalog")
                }
                rows += message.procedures
            }

            var accepted: [Procedure] = []
            var rejected: [Motcua_Catalog_V1_RejectedRow] = []
            var firstPosition: [ProcedureCode: Int] = [:]
            for (index, row) in rows.enumerated() {
                let position = index + 1
                func reject(_ field: String, _ reason: String) {
                    var entry = Motcua_Catalog_V1_RejectedRow()
                    entry.position = Int32(position)
                    entry.code = row.code
                    entry.field = field
                    entry.reason = reason
                    rejected.append(entry)
                }
                var duplicate = false
                if let code = ProcedureCode(row.code) {
                    if let first = firstPosition[code] {
                        reject("code", "duplicate: code \(code) already appears at position \(first)")
                        duplicate = true
                    } else {
                        firstPosition[code] = position
                    }
                }
                switch row.importedProcedure() {
                case .success(let procedure) where !duplicate:
                    accepted.append(procedure)
                case .success:
                    break
                case .failure(let error):
                    for violation in error.violations { reject(violation.field, violation.reason) }
                }
            }

            let apply = rejected.isEmpty && !validateOnly
            let result = try await self.store.importProcedures(accepted, validateOnly: !apply, at: self.clock())
            if apply && result.wroteChanges { self.notifier.publish() }
            self.logger.info(
                apply ? "import applied" : "import not applied",
                metadata: [
                    "received": "\(rows.count)", "rejected_rows": "\(Set(rejected.map(\.position)).count)", "validate_only": "\(validateOnly)",
                    "created": "\(result.created)", "updated": "\(result.updated)", "unchanged": "\(result.unchanged)",
                ])
            var response = Motcua_Catalog_V1_ImportProceduresResponse()
            response.applied = apply
            response.received = Int32(rows.count)
            response.created = Int32(result.created)
            response.updated = Int32(result.updated)
            response.unchanged = Int32(result.unchanged)
            response.rejected = rejected
            response.sequence = result.sequence
            return response
        }
    }
}
