internal import DomainModel
public import RPCProtobuf

/// Tables and detail views of catalog responses.
public enum CatalogRendering {
    public typealias Unit = Motcua_Catalog_V1_Unit
    public typealias Procedure = Motcua_Catalog_V1_Procedure

    // MARK: - Units

    /// Units, one per row.
    public static func units(_ units: [Unit], asOf: Motcua_Catalog_V1_Date?) -> String {
        guard !units.isEmpty else {
            return "No unit matches" + (asOf.map { " on \(Format.date($0))" } ?? "") + ".\n"
        }
        var table = Table([
            .init("CODE"), .init("NAME", maxWidth: 40), .init("LEVEL"), .init("TYPE"), .init("PARENT"),
            .init("VALID FROM"), .init("VALID TO"),
        ])
        for unit in units {
            table.add([
                unit.code, unit.name, unit.level.token, unit.typeName.isEmpty ? unit.type.token : unit.typeName,
                unit.parentCode, Format.date(unit.validFrom), Format.date(unit.validTo),
            ])
        }
        let counts = [Motcua_Catalog_V1_UnitLevel.province, .district, .commune].compactMap { level -> String? in
            let count = units.filter { $0.level == level }.count
            guard count > 0 else { return nil }
            return "\(count) \(level.token)\(count == 1 ? "" : "s")"
        }
        let day = asOf.map { " in force on \(Format.date($0))" } ?? ""
        return table.render() + "\(units.count) unit\(units.count == 1 ? "" : "s")\(day): "
            + counts.joined(separator: ", ") + "\n"
    }

    /// One unit version.
    public static func unit(_ unit: Unit) -> String {
        var list = DetailList()
        list.add("Code", unit.code)
        list.add("Name", unit.name)
        list.add("Level", unit.level.token)
        list.add("Type", unit.typeName.isEmpty ? unit.type.token : "\(unit.typeName) (\(unit.type.token))")
        list.add("Parent", unit.parentCode.isEmpty ? "—" : unit.parentCode)
        list.add("Valid from", Format.date(unit.validFrom))
        list.add("Valid to", unit.validTo.map { Format.date($0) } ?? "in force")
        return list.render()
    }

    /// The outcome of UpsertUnits.
    public static func upsertUnits(_ response: Motcua_Catalog_V1_UpsertUnitsResponse) -> String {
        "Units: \(response.created) created, \(response.updated) updated, \(response.unchanged) unchanged "
            + "(catalog sequence \(response.sequence)).\n"
    }

    // MARK: - Procedures

    /// Procedures, one per row.
    public static func procedures(_ procedures: [Procedure]) -> String {
        var table = Table([
            .init("CODE"), .init("NAME", maxWidth: 60), .init("FIELD", maxWidth: 28), .init("LEVEL"),
            .number("ONLINE"), .init("SCHEME"), .init("DEADLINE"), .number("FEES"),
        ])
        for procedure in procedures {
            table.add([
                procedure.code, procedure.name, procedure.field, procedure.implementingLevel.token,
                procedure.onlineLevel == 0 ? "" : String(procedure.onlineLevel), procedure.onlineScheme.token,
                Format.deadline(procedure.legalDeadline),
                procedure.fees.isEmpty ? "free" : String(procedure.fees.count),
            ])
        }
        return table.render()
    }

    /// "Showing 50 of 1764 procedures" and how to see more.
    public static func pageFooter(shown: Int, total: Int, noun: String, hasMore: Bool) -> String {
        if !hasMore || shown >= total {
            return "\(total) \(noun)\(total == 1 ? "" : "s").\n"
        }
        return "Showing \(shown) of \(total) \(noun)s (--limit N or --all for more).\n"
    }

    /// One procedure with every field.
    public static func procedure(_ procedure: Procedure) -> String {
        var list = DetailList()
        list.add("Code", procedure.code)
        list.add("Name", procedure.name)
        list.add("Field", procedure.field)
        list.add("Implementing level", procedure.implementingLevel.token)
        list.add("Online level", procedure.onlineLevel == 0 ? "" : "\(procedure.onlineLevel)")
        list.add("Online scheme (2022)", procedure.onlineScheme.token)
        list.add("Legal deadline", Format.deadline(procedure.legalDeadline))
        let fees = procedure.fees.map { "\($0.name): \(Format.vnd($0.amountVnd))" }
        list.add("Fees", fees.isEmpty ? "none" : fees.joined(separator: "\n"))
        list.add("Paper result", procedure.issuesPaperResult ? "yes" : "no")
        list.add("Demo", procedure.demo ? "yes (generated demo data)" : "no")
        list.add("Updated", Format.dateTime(procedure.updatedAt))
        list.add("Revision", String(procedure.revision))
        return list.render()
    }

    /// The fields with their procedure counts and a total row.
    public static func fields(_ fields: [Motcua_Catalog_V1_FieldSummary]) -> String {
        var table = Table([.init("FIELD", maxWidth: 60), .number("PROCEDURES"), .number("LEVEL 4")])
        for field in fields {
            table.add([field.name, String(field.procedureCount), String(field.onlineLevel4Count)])
        }
        table.addTotal([
            "Total (\(fields.count) fields)", String(fields.reduce(0) { $0 + Int64($1.procedureCount) }),
            String(fields.reduce(0) { $0 + Int64($1.onlineLevel4Count) }),
        ])
        return table.render()
    }

    /// The outcome of ImportProcedures; `lines` maps row positions (from 1) to CSV line numbers.
    public static func importProcedures(_ response: Motcua_Catalog_V1_ImportProceduresResponse, lines: [Int]) -> String
    {
        var text = ""
        if !response.rejected.isEmpty {
            var table = Table([.number("LINE"), .number("ROW"), .init("CODE"), .init("FIELD"), .init("REASON")])
            for row in response.rejected {
                let index = Int(row.position) - 1
                let line = lines.indices.contains(index) ? String(lines[index]) : ""
                table.add([line, String(row.position), row.code, row.field, row.reason])
            }
            text += table.render()
        }
        let counts =
            "\(response.received) rows: \(response.created) new, \(response.updated) changed, "
            + "\(response.unchanged) unchanged, \(response.rejected.count) rejected"
        if response.applied {
            text += "Imported: \(counts) (catalog sequence \(response.sequence)).\n"
        } else if response.rejected.isEmpty {
            text += "Checked, nothing written (--validate-only): \(counts).\n"
        } else {
            text += "Nothing imported (the import is all-or-nothing): \(counts).\n"
        }
        return text
    }

    // MARK: - Calendar

    /// The result of ComputeDueDate.
    public static func dueDate(_ response: Motcua_Catalog_V1_ComputeDueDateResponse) -> String {
        var list = DetailList()
        list.add("Received on", Format.date(response.receivedOn))
        list.add("Deadline", Format.deadline(response.deadline))
        let weekday = response.dueDate?.civilDate.map { " (\($0.weekday.name))" } ?? ""
        list.add("Due date", Format.date(response.dueDate) + weekday)
        list.add("Due by", Format.dateTime(response.dueAt, seconds: true) + " (Vietnam time)")
        let daysOff = response.daysOff.map { "\(Format.date($0.date))  \($0.name)" }
        list.add("Days off skipped", daysOff.joined(separator: "\n"))
        list.add("Explanation", response.explanation)
        return list.render()
    }

    /// Calendar entries, one per row.
    public static func calendarDays(_ response: Motcua_Catalog_V1_ListCalendarDaysResponse) -> String {
        var table = Table([.init("DATE"), .init("DAY"), .init("KIND"), .init("NAME", maxWidth: 60)])
        for day in response.days {
            table.add([
                Format.date(day.date), day.date?.civilDate?.weekday.name ?? "", day.kind.token, day.name,
            ])
        }
        let years = response.coveredYears.map(String.init).joined(separator: ", ")
        return (response.days.isEmpty ? "No calendar entry in that range.\n" : table.render())
            + "Years covered: \(years.isEmpty ? "none" : years).\n"
    }

    /// The outcome of SetCalendarDays.
    public static func setCalendarDays(_ response: Motcua_Catalog_V1_SetCalendarDaysResponse) -> String {
        "Calendar: \(response.upserted) entries added or changed, \(response.removed) removed "
            + "(catalog sequence \(response.sequence)).\n"
    }

    // MARK: - Change feed

    /// One message of WatchCatalog as a line.
    public static func catalogEvent(_ response: Motcua_Catalog_V1_WatchCatalogResponse) -> String {
        switch response.event {
        case .started(let started)?:
            return "watching from sequence \(started.currentSequence)"
                + (started.resetRequired ? " (reset required: reload cached data)" : "") + "\n"
        case .change(let change)?:
            let subject: String
            switch change.subject {
            case .procedureCode(let code)?: subject = "procedure \(code)"
            case .unitCode(let code)?: subject = "unit \(code)"
            case .calendarDate(let date)?: subject = "calendar day \(Format.date(date))"
            case nil: subject = "?"
            }
            return
                "\(change.sequence)  \(Format.dateTime(change.changedAt, seconds: true))  \(change.action.token)  \(subject)\n"
        case nil:
            return ""
        }
    }
}
