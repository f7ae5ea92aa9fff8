internal import DomainModel
internal import RPCProtobuf

extension Motcua_Catalog_V1_Unit {
    init(_ unit: AdministrativeUnit) {
        self.init()
        self.code = unit.code.rawValue
        self.name = unit.name
        self.level = Motcua_Catalog_V1_UnitLevel(unit.level)
        self.type = Motcua_Catalog_V1_UnitType(unit.type)
        self.typeName = unit.type.vietnameseName
        self.parentCode = unit.parentCode?.rawValue ?? ""
        self.validFrom = Motcua_Catalog_V1_Date(unit.validity.from)
        self.validTo = unit.validity.through.map(Motcua_Catalog_V1_Date.init)
    }

    /// The unit version this message describes, or every violation found, with field paths under `path`
    /// (e.g. `units[3].parent_code`). An unspecified level is taken from the code's length; `type_name` is ignored.
    func domain(path: String) -> Result<AdministrativeUnit, DomainError> {
        var problems: [FieldViolation] = []
        func field(_ name: String) -> String { "\(path).\(name)" }
        let (code, codeProblems) = collectingViolations { () throws(DomainError) in try UnitCode.parse(self.code, field: field("code")) }
        problems += codeProblems
        let (level, levelProblems) = collectingViolations { () throws(DomainError) in try self.level.domain(field: field("level")) }
        problems += levelProblems
        let (type, typeProblems) = collectingViolations { () throws(DomainError) in try self.type.domain(field: field("type")) }
        problems += typeProblems
        if case .some(nil) = type { problems.append(FieldViolation(field: field("type"), reason: "is required")) }
        var parent: UnitCode?
        if !self.parentCode.isEmpty {
            let (parsed, parentProblems) = collectingViolations { () throws(DomainError) in
                try UnitCode.parse(self.parentCode, field: field("parent_code"))
            }
            parent = parsed
            problems += parentProblems
        }
        var from: CivilDate?
        if let validFrom = self.validFrom {
            switch validFrom.civilDate(field: field("valid_from")) {
            case .success(let date): from = date
            case .failure(let error): problems += error.violations
            }
        } else {
            problems.append(FieldViolation(field: field("valid_from"), reason: "is required"))
        }
        var through: CivilDate?
        if let validTo = self.validTo {
            switch validTo.civilDate(field: field("valid_to")) {
            case .success(let date): through = date
            case .failure(let error): problems += error.violations
            }
        }
        guard problems.isEmpty, let code, let type = type ?? nil, let from else { return .failure(.invalid(problems)) }
        let unit = AdministrativeUnit(
            code: code, name: self.name, level: (level ?? nil) ?? code.level, type: type, parentCode: parent,
            validity: Validity(from: from, through: through))
        return .success(unit)
    }
}
