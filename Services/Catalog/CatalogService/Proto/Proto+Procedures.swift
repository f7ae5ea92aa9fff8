internal import DomainModel
internal import RPCProtobuf

extension Motcua_Catalog_V1_Procedure {
    init(_ procedure: Procedure) {
        self.init()
        self.code = procedure.code.rawValue
        self.name = procedure.name
        self.field = procedure.field
        self.implementingLevel = Motcua_Catalog_V1_ImplementingLevel(procedure.implementingLevel)
        self.onlineLevel = Int32(procedure.onlineLevel.rawValue)
        self.onlineScheme = Motcua_Catalog_V1_OnlineScheme(procedure.onlineScheme)
        self.legalDeadline = Motcua_Catalog_V1_LegalDeadline(procedure.legalDeadline)
        self.fees = procedure.fees.map(Motcua_Catalog_V1_Fee.init)
        self.issuesPaperResult = procedure.issuesPaperResult
        self.demo = procedure.isDemo
        self.updatedAt = procedure.updatedAt.map(Google_Protobuf_Timestamp.init)
        self.revision = procedure.revision
    }

    /// The procedure an import row describes (never demo), or every violation found, with field names relative to
    /// the row (`code`, `legal_deadline.amount`, `fees[1].name`…). `demo`, `updated_at` and `revision` are ignored.
    func importedProcedure() -> Result<Procedure, DomainError> {
        var problems: [FieldViolation] = []
        let (code, codeProblems) = collectingViolations { () throws(DomainError) in try ProcedureCode.parse(self.code, field: "code") }
        problems += codeProblems
        if let code, code.isDemo {
            problems.append(FieldViolation(field: "code", reason: "the \(ProcedureCode.demoPrefix) prefix is reserved for the generated demo catalog"))
        }
        let (implementingLevel, levelProblems) = collectingViolations { () throws(DomainError) in
            try self.implementingLevel.domain(field: "implementing_level")
        }
        problems += levelProblems
        if case .some(nil) = implementingLevel { problems.append(FieldViolation(field: "implementing_level", reason: "is required")) }
        let onlineLevel = OnlineServiceLevel(rawValue: Int(self.onlineLevel))
        if onlineLevel == nil {
            problems.append(FieldViolation(field: "online_level", reason: "must be 1 to 4 (got \(self.onlineLevel))"))
        }
        let (scheme, schemeProblems) = collectingViolations { () throws(DomainError) in try self.onlineScheme.domain(field: "online_scheme") }
        problems += schemeProblems
        var deadline: LegalDeadline?
        if let proto = self.legalDeadline {
            let (unit, unitProblems) = collectingViolations { () throws(DomainError) in try proto.unit.domain(field: "legal_deadline.unit") }
            problems += unitProblems
            if case .some(nil) = unit { problems.append(FieldViolation(field: "legal_deadline.unit", reason: "is required")) }
            if let unit = unit ?? nil { deadline = LegalDeadline(amount: Int(proto.amount), unit: unit) }
        } else {
            problems.append(FieldViolation(field: "legal_deadline", reason: "is required"))
        }
        guard let code, let implementingLevel = implementingLevel ?? nil, let onlineLevel, let deadline, schemeProblems.isEmpty else {
            return .failure(.invalid(problems))
        }
        let procedure = Procedure(
            code: code, name: self.name, field: self.field, implementingLevel: implementingLevel, onlineLevel: onlineLevel,
            onlineScheme: (scheme ?? nil) ?? OnlineScheme.derived(from: onlineLevel), legalDeadline: deadline,
            fees: self.fees.map { Fee(name: $0.name, amountVND: $0.amountVnd) }, issuesPaperResult: self.issuesPaperResult,
            isDemo: false)
        problems += procedure.violations()
        return problems.isEmpty ? .success(procedure) : .failure(.invalid(problems))
    }
}

extension Motcua_Catalog_V1_LegalDeadline {
    init(_ deadline: LegalDeadline) {
        self.init()
        self.amount = Int32(clamping: deadline.amount)
        self.unit = Motcua_Catalog_V1_DeadlineUnit(deadline.unit)
    }

    /// The deadline, or throws `invalidArgument` for fields under `path` (`deadline.unit`, `deadline.amount`).
    func parsed(path: String) throws(DomainError) -> LegalDeadline {
        guard let unit = try self.unit.domain(field: "\(path).unit") else {
            throw DomainError.invalid(field: "\(path).unit", "is required")
        }
        let deadline = LegalDeadline(amount: Int(self.amount), unit: unit)
        let problems = deadline.violations().map { $0.nested(under: path) }
        guard problems.isEmpty else { throw DomainError.invalid(problems) }
        return deadline
    }
}

extension Motcua_Catalog_V1_Fee {
    init(_ fee: Fee) {
        self.init()
        self.name = fee.name
        self.amountVnd = fee.amountVND
    }
}

extension Motcua_Catalog_V1_FieldSummary {
    init(_ summary: FieldSummary) {
        self.init()
        self.name = summary.name
        self.procedureCount = Int32(clamping: summary.procedureCount)
        self.onlineLevel4Count = Int32(clamping: summary.onlineLevel4Count)
    }
}
