internal import DomainModel
internal import GRDB
internal import Storage

/// Mapping between catalog values and `catalog.sqlite` rows. Reading a damaged row throws `StorageError.corrupt`.
enum CatalogRows {
    static func unit(_ row: Row) throws -> AdministrativeUnit {
        let codeText: String = try row.decode("code")
        guard let code = UnitCode(codeText) else { throw corrupt("admin_unit.code \(codeText)") }
        let parent: UnitCode?
        if let parentText = try row.decodeIfPresent("parent_code", as: String.self) {
            guard let parsed = UnitCode(parentText) else { throw corrupt("admin_unit.parent_code \(parentText)") }
            parent = parsed
        } else {
            parent = nil
        }
        return AdministrativeUnit(
            code: code,
            name: try row.decode("name"),
            level: try row.decode("level", as: UnitLevel.self),
            type: try row.decode("type", as: UnitType.self),
            parentCode: parent,
            validity: Validity(from: try date(row, "valid_from"), through: try optionalDate(row, "valid_to")))
    }

    static func unitArguments(_ unit: AdministrativeUnit) -> StatementArguments {
        [
            unit.code.rawValue, unit.validity.from.iso8601, unit.validity.through?.iso8601, unit.name,
            unit.level.rawValue, unit.type.rawValue, unit.parentCode?.rawValue,
        ]
    }

    static func procedure(_ row: Row, fees: [Fee]) throws -> Procedure {
        let codeText: String = try row.decode("code")
        guard let code = ProcedureCode(codeText) else { throw corrupt("procedure.code \(codeText)") }
        let levelNumber: Int = try row.decode("online_level")
        guard let onlineLevel = OnlineServiceLevel(rawValue: levelNumber) else { throw corrupt("procedure.online_level \(levelNumber)") }
        let seconds: Int64 = try row.decode("updated_at")
        return Procedure(
            code: code,
            name: try row.decode("name"),
            field: try row.decode("field"),
            implementingLevel: try row.decode("implementing_level", as: ImplementingLevel.self),
            onlineLevel: onlineLevel,
            onlineScheme: try row.decode("online_scheme", as: OnlineScheme.self),
            legalDeadline: LegalDeadline(amount: try row.decode("deadline_amount"), unit: try row.decode("deadline_unit", as: DeadlineUnit.self)),
            fees: fees,
            issuesPaperResult: try row.decode("issues_paper_result"),
            isDemo: try row.decode("is_demo"),
            revision: try row.decode("revision"),
            updatedAt: UnixInstant(seconds: seconds))
    }

    static func procedureArguments(_ procedure: Procedure, revision: Int64, updatedAt: UnixInstant) -> StatementArguments {
        [
            procedure.code.rawValue, procedure.name, procedure.foldedName, procedure.searchText, procedure.field,
            procedure.fieldKey, procedure.implementingLevel.rawValue, procedure.onlineLevel.rawValue,
            procedure.onlineScheme.rawValue, procedure.legalDeadline.amount, procedure.legalDeadline.unit.rawValue,
            procedure.issuesPaperResult, procedure.isDemo, revision, updatedAt.seconds,
        ]
    }

    static let insertProcedureSQL = """
        INSERT OR REPLACE INTO procedure (code, name, name_folded, search_text, field, field_key, implementing_level,
            online_level, online_scheme, deadline_amount, deadline_unit, issues_paper_result, is_demo, revision, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let insertUnitSQL = """
        INSERT OR REPLACE INTO admin_unit (code, valid_from, valid_to, name, level, type, parent_code)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    static func fee(_ row: Row) throws -> Fee {
        Fee(name: try row.decode("name"), amountVND: try row.decode("amount_vnd"))
    }

    static func calendarDay(_ row: Row) throws -> CalendarDay {
        CalendarDay(date: try date(row, "date"), kind: try row.decode("kind", as: CalendarDayKind.self), name: try row.decode("name"))
    }

    static func change(_ row: Row) throws -> CatalogChange {
        let kind: String = try row.decode("subject_kind")
        let key: String = try row.decode("subject_key")
        let subject: CatalogChange.Subject
        switch kind {
        case "procedure":
            guard let code = ProcedureCode(key) else { throw corrupt("change_log.subject_key \(key)") }
            subject = .procedure(code)
        case "unit":
            guard let code = UnitCode(key) else { throw corrupt("change_log.subject_key \(key)") }
            subject = .unit(code)
        case "calendar_day":
            guard let date = CivilDate(iso8601: key) else { throw corrupt("change_log.subject_key \(key)") }
            subject = .calendarDay(date)
        default:
            throw corrupt("change_log.subject_kind \(kind)")
        }
        let seconds: Int64 = try row.decode("changed_at")
        guard let changedAt = UnixInstant(seconds: seconds) else { throw corrupt("change_log.changed_at \(seconds)") }
        return CatalogChange(
            sequence: try row.decode("sequence"), action: try row.decode("action", as: CatalogChange.Action.self),
            subject: subject, changedAt: changedAt)
    }

    static func subjectColumns(_ subject: CatalogChange.Subject) -> (kind: String, key: String) {
        switch subject {
        case .procedure(let code): ("procedure", code.rawValue)
        case .unit(let code): ("unit", code.rawValue)
        case .calendarDay(let date): ("calendar_day", date.iso8601)
        }
    }

    private static func date(_ row: Row, _ column: String) throws -> CivilDate {
        guard let date = try optionalDate(row, column) else { throw corrupt("\(column) is NULL") }
        return date
    }

    private static func optionalDate(_ row: Row, _ column: String) throws -> CivilDate? {
        guard let text = try row.decodeIfPresent(column, as: String.self) else { return nil }
        guard let date = CivilDate(iso8601: text) else { throw corrupt("\(column) \(text) is not a date") }
        return date
    }

    private static func corrupt(_ detail: String) -> StorageError {
        StorageError(code: .corrupt, message: "unexpected value in catalog.sqlite: \(detail)")
    }
}
