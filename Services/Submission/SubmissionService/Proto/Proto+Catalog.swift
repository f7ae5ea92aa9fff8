internal import DomainModel
internal import RPCProtobuf

/// Conversions between the catalog contract and the domain (what the gateway reads, what dossiers carry).
enum CatalogProto {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func procedure(_ message: Motcua_Catalog_V1_Procedure) throws(Malformed) -> Procedure {
        guard let code = ProcedureCode(message.code) else { throw Malformed(description: "procedure code \"\(message.code)\"") }
        guard let level = OnlineServiceLevel(rawValue: Int(message.onlineLevel)) else {
            throw Malformed(description: "procedure \(code): online_level \(message.onlineLevel)")
        }
        let scheme = self.onlineScheme(message.onlineScheme) ?? OnlineScheme.derived(from: level)
        guard let deadline = message.legalDeadline, let unit = self.deadlineUnit(deadline.unit) else {
            throw Malformed(description: "procedure \(code): legal_deadline")
        }
        let implementing: ImplementingLevel
        switch message.implementingLevel.rawValue {
        case 1: implementing = .province
        case 2: implementing = .district
        default: implementing = .commune
        }
        return Procedure(
            code: code, name: message.name, field: message.field, implementingLevel: implementing, onlineLevel: level,
            onlineScheme: scheme, legalDeadline: LegalDeadline(amount: Int(deadline.amount), unit: unit),
            fees: message.fees.map { Fee(name: $0.name, amountVND: $0.amountVnd) }, issuesPaperResult: message.issuesPaperResult,
            isDemo: message.demo, revision: message.revision)
    }

    static func unit(_ message: Motcua_Catalog_V1_Unit) throws(Malformed) -> AdministrativeUnit {
        guard let code = UnitCode(message.code),
            let from = message.validFrom.flatMap({ CivilDate(year: Int($0.year), month: Int($0.month), day: Int($0.day)) })
        else { throw Malformed(description: "unit \"\(message.code)\"") }
        let through = message.validTo.flatMap { CivilDate(year: Int($0.year), month: Int($0.month), day: Int($0.day)) }
        let level: UnitLevel
        switch message.level.rawValue {
        case 1: level = .province
        case 2: level = .district
        default: level = .commune
        }
        let types: [Int32: UnitType] = [1: .province, 2: .city, 3: .town, 4: .district, 5: .commune, 6: .ward, 7: .township]
        return AdministrativeUnit(
            code: code, name: message.name, level: level, type: types[message.type.rawValue] ?? .commune,
            parentCode: UnitCode(message.parentCode), validity: Validity(from: from, through: through))
    }

    static func calendarDay(_ message: Motcua_Catalog_V1_CalendarDay) throws(Malformed) -> CalendarDay {
        guard let date = message.date.flatMap({ CivilDate(year: Int($0.year), month: Int($0.month), day: Int($0.day)) }) else {
            throw Malformed(description: "calendar day without a valid date")
        }
        let kind: CalendarDayKind
        switch message.kind.rawValue {
        case 1: kind = .publicHoliday
        case 2: kind = .compensatoryDayOff
        case 3: kind = .swappedDayOff
        case 4: kind = .makeUpWorkingDay
        default: throw Malformed(description: "calendar day \(date): kind \(message.kind.rawValue)")
        }
        return CalendarDay(date: date, kind: kind, name: message.name)
    }

    static func onlineScheme(_ value: Motcua_Catalog_V1_OnlineScheme) -> OnlineScheme? {
        switch value.rawValue {
        case 1: .fullProcess
        case 2: .partial
        case 3: .notOnline
        default: nil
        }
    }

    static func onlineScheme(_ scheme: OnlineScheme) -> Motcua_Catalog_V1_OnlineScheme {
        switch scheme {
        case .fullProcess: Motcua_Catalog_V1_OnlineScheme(rawValue: 1)
        case .partial: Motcua_Catalog_V1_OnlineScheme(rawValue: 2)
        case .notOnline: Motcua_Catalog_V1_OnlineScheme(rawValue: 3)
        }
    }

    static func deadlineUnit(_ value: Motcua_Catalog_V1_DeadlineUnit) -> DeadlineUnit? {
        switch value.rawValue {
        case 1: .workingDays
        case 2: .calendarDays
        case 3: .hours
        case 4: .months
        default: nil
        }
    }

    static func legalDeadline(_ deadline: LegalDeadline) -> Motcua_Catalog_V1_LegalDeadline {
        var message = Motcua_Catalog_V1_LegalDeadline()
        message.amount = Int32(clamping: deadline.amount)
        switch deadline.unit {
        case .workingDays: message.unit = Motcua_Catalog_V1_DeadlineUnit(rawValue: 1)
        case .calendarDays: message.unit = Motcua_Catalog_V1_DeadlineUnit(rawValue: 2)
        case .hours: message.unit = Motcua_Catalog_V1_DeadlineUnit(rawValue: 3)
        case .months: message.unit = Motcua_Catalog_V1_DeadlineUnit(rawValue: 4)
        }
        return message
    }
}
