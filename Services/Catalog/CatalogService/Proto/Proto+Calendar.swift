internal import DomainModel
internal import RPCProtobuf

extension Motcua_Catalog_V1_CalendarDay {
    init(_ day: CalendarDay) {
        self.init()
        self.date = Motcua_Catalog_V1_Date(day.date)
        self.kind = Motcua_Catalog_V1_CalendarDayKind(day.kind)
        self.name = day.name
    }

    /// The entry, or every violation found with field paths under `path` (e.g. `days[2].kind`).
    func domain(path: String) -> Result<CalendarDay, DomainError> {
        var problems: [FieldViolation] = []
        var date: CivilDate?
        if let proto = self.date {
            switch proto.civilDate(field: "\(path).date") {
            case .success(let parsed): date = parsed
            case .failure(let error): problems += error.violations
            }
        } else {
            problems.append(FieldViolation(field: "\(path).date", reason: "is required"))
        }
        let (kind, kindProblems) = collectingViolations { () throws(DomainError) in try self.kind.domain(field: "\(path).kind") }
        problems += kindProblems
        if case .some(nil) = kind { problems.append(FieldViolation(field: "\(path).kind", reason: "is required")) }
        guard let date, let kind = kind ?? nil else { return .failure(.invalid(problems)) }
        let day = CalendarDay(date: date, kind: kind, name: self.name)
        problems += day.violations().map { $0.nested(under: path) }
        return problems.isEmpty ? .success(day) : .failure(.invalid(problems))
    }
}

extension Motcua_Catalog_V1_ComputeDueDateResponse {
    init(_ due: DueDate) {
        self.init()
        self.dueAt = Google_Protobuf_Timestamp(due.dueAt)
        self.dueDate = Motcua_Catalog_V1_Date(due.dueDate)
        self.receivedOn = Motcua_Catalog_V1_Date(due.receivedOn)
        self.deadline = Motcua_Catalog_V1_LegalDeadline(due.deadline)
        self.daysOff = due.daysOff.map(Motcua_Catalog_V1_CalendarDay.init)
        self.explanation = due.explanation
    }
}

extension Motcua_Catalog_V1_CatalogChange {
    init(_ change: CatalogChange) {
        self.init()
        self.sequence = change.sequence
        self.action = Motcua_Catalog_V1_ChangeAction(change.action)
        self.changedAt = Google_Protobuf_Timestamp(change.changedAt)
        switch change.subject {
        case .procedure(let code): self.subject = .procedureCode(code.rawValue)
        case .unit(let code): self.subject = .unitCode(code.rawValue)
        case .calendarDay(let date): self.subject = .calendarDate(Motcua_Catalog_V1_Date(date))
        }
    }
}
