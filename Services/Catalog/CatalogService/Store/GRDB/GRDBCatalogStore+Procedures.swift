public import DomainModel
internal import GRDB
internal import Storage

extension GRDBCatalogStore {
    public func procedure(code: ProcedureCode) async throws -> Procedure? {
        try await self.read { db in try Self.fetchProcedure(code, db) }
    }

    public func procedures(matching filter: ProcedureFilter, after cursor: ProcedureCursor?, limit: Int) async throws -> ProcedurePage {
        let limit = max(0, limit)
        return try await self.read { db in
            let (whereSQL, whereArguments) = Self.whereClause(filter)
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM procedure \(whereSQL)", arguments: whereArguments) ?? 0
            guard limit > 0 else { return ProcedurePage(procedures: [], next: nil, total: total) }
            var rankSQL = "0"
            var arguments: StatementArguments = []
            if let query = filter.query {
                let phrase = Self.likeEscaped(query.phrase)
                rankSQL = """
                    CASE WHEN name_folded = ? THEN 0 WHEN name_folded LIKE ? ESCAPE '\\' THEN 1 \
                    WHEN name_folded LIKE ? ESCAPE '\\' THEN 2 ELSE 3 END
                    """
                arguments += [query.phrase, phrase + "%", "%" + phrase + "%"]
            }
            arguments += whereArguments
            var cursorSQL = ""
            if let cursor {
                cursorSQL = "WHERE rank > ? OR (rank = ? AND code > ?)"
                arguments += [cursor.rank, cursor.rank, cursor.code.rawValue]
            }
            arguments += [limit + 1]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM (SELECT procedure.*, \(rankSQL) AS rank FROM procedure \(whereSQL)) AS matched
                    \(cursorSQL) ORDER BY rank, code LIMIT ?
                    """,
                arguments: arguments)
            let pageRows = rows.prefix(limit)
            let fees = try Self.fetchFees(codes: pageRows.map { try $0.decode("code", as: String.self) }, db)
            let procedures = try pageRows.map { row in
                try CatalogRows.procedure(row, fees: fees[try row.decode("code", as: String.self)] ?? [])
            }
            var next: ProcedureCursor?
            if rows.count > limit, let last = pageRows.last, let code = procedures.last?.code {
                next = ProcedureCursor(rank: try last.decode("rank", as: Int.self), code: code)
            }
            return ProcedurePage(procedures: procedures, next: next, total: total)
        }
    }

    public func fields(implementingLevel: ImplementingLevel?) async throws -> [FieldSummary] {
        try await self.read { db in
            var sql = """
                SELECT MIN(field) AS name, field_key, COUNT(*) AS total, SUM(online_level = 4) AS level4
                FROM procedure
                """
            var arguments: StatementArguments = []
            if let implementingLevel {
                sql += " WHERE implementing_level = ?"
                arguments += [implementingLevel.rawValue]
            }
            sql += " GROUP BY field_key ORDER BY field_key"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                FieldSummary(name: try row.decode("name"), procedureCount: try row.decode("total"), onlineLevel4Count: try row.decode("level4"))
            }
        }
    }

    public func importProcedures(_ procedures: [Procedure], validateOnly: Bool, at instant: UnixInstant) async throws -> CatalogWriteResult {
        if validateOnly {
            return try await self.read { db in
                var result = CatalogWriteResult()
                for procedure in procedures {
                    switch try Self.fetchProcedure(procedure.code, db) {
                    case nil: result.created += 1
                    case let previous? where previous.hasSameContent(as: procedure): result.unchanged += 1
                    default: result.updated += 1
                    }
                }
                result.sequence = try Self.latestSequence(db)
                return result
            }
        }
        return try await self.write { db in
            var result = CatalogWriteResult()
            for procedure in procedures {
                let previous = try Self.fetchProcedure(procedure.code, db)
                if let previous, previous.hasSameContent(as: procedure) {
                    result.unchanged += 1
                    continue
                }
                let action: CatalogChange.Action = previous == nil ? .created : .updated
                if previous == nil { result.created += 1 } else { result.updated += 1 }
                let sequence = try Self.record(action, .procedure(procedure.code), at: instant, db)
                try Self.insert(procedure, revision: sequence, updatedAt: instant, db)
            }
            try Self.pruneChangeLog(db)
            result.sequence = try Self.latestSequence(db)
            return result
        }
    }

    // MARK: - SQL helpers

    static func insert(_ procedure: Procedure, revision: Int64, updatedAt: UnixInstant, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM procedure_fee WHERE procedure_code = ?", arguments: [procedure.code.rawValue])
        try db.execute(sql: CatalogRows.insertProcedureSQL, arguments: CatalogRows.procedureArguments(procedure, revision: revision, updatedAt: updatedAt))
        for (position, fee) in procedure.fees.enumerated() {
            try db.execute(
                sql: "INSERT INTO procedure_fee (procedure_code, position, name, amount_vnd) VALUES (?, ?, ?, ?)",
                arguments: [procedure.code.rawValue, position, fee.name, fee.amountVND])
        }
    }

    static func fetchProcedure(_ code: ProcedureCode, _ db: Database) throws -> Procedure? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM procedure WHERE code = ?", arguments: [code.rawValue]) else {
            return nil
        }
        return try CatalogRows.procedure(row, fees: try self.fetchFees(codes: [code.rawValue], db)[code.rawValue] ?? [])
    }

    static func fetchFees(codes: [String], _ db: Database) throws -> [String: [Fee]] {
        guard !codes.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: codes.count).joined(separator: ", ")
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM procedure_fee WHERE procedure_code IN (\(placeholders)) ORDER BY procedure_code, position",
            arguments: StatementArguments(codes))
        var fees: [String: [Fee]] = [:]
        for row in rows {
            fees[try row.decode("procedure_code", as: String.self), default: []].append(try CatalogRows.fee(row))
        }
        return fees
    }

    static func whereClause(_ filter: ProcedureFilter) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        for word in filter.query?.words ?? [] {
            conditions.append("search_text LIKE ? ESCAPE '\\'")
            arguments += ["%" + self.likeEscaped(word) + "%"]
        }
        if let key = filter.fieldKey {
            conditions.append("field_key = ?")
            arguments += [key]
        }
        if let level = filter.implementingLevel {
            conditions.append("implementing_level = ?")
            arguments += [level.rawValue]
        }
        if let level = filter.onlineLevel {
            conditions.append("online_level = ?")
            arguments += [level.rawValue]
        }
        if let scheme = filter.onlineScheme {
            conditions.append("online_scheme = ?")
            arguments += [scheme.rawValue]
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
