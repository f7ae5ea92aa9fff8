public import DomainModel
internal import GRDB

extension GRDBCatalogStore {
    public func units(inForceOn date: CivilDate) async throws -> [AdministrativeUnit] {
        try await self.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM admin_unit WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)",
                arguments: [date.iso8601, date.iso8601]
            ).map(CatalogRows.unit)
        }
    }

    public func unitVersions(code: UnitCode) async throws -> [AdministrativeUnit] {
        try await self.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM admin_unit WHERE code = ? ORDER BY valid_from", arguments: [code.rawValue])
                .map(CatalogRows.unit)
        }
    }

    public func upsertUnits(_ units: [AdministrativeUnit], at instant: UnixInstant) async throws -> CatalogWriteResult {
        try await self.write { db in
            let existing = try Row.fetchAll(db, sql: "SELECT * FROM admin_unit").map(CatalogRows.unit)
            let problems = UnitVersionRules.violations(incoming: units, existing: existing)
            guard problems.isEmpty else { throw DomainError.invalid(problems) }
            var result = CatalogWriteResult()
            for unit in units {
                let previous = existing.first { $0.code == unit.code && $0.validity.from == unit.validity.from }
                if previous == unit {
                    result.unchanged += 1
                    continue
                }
                try db.execute(sql: CatalogRows.insertUnitSQL, arguments: CatalogRows.unitArguments(unit))
                let action: CatalogChange.Action = previous == nil ? .created : .updated
                if previous == nil { result.created += 1 } else { result.updated += 1 }
                _ = try Self.record(action, .unit(unit.code), at: instant, db)
            }
            try Self.pruneChangeLog(db)
            result.sequence = try Self.latestSequence(db)
            return result
        }
    }
}
