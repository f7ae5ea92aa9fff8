internal import RPCProtobuf

/// Messages the fake servers answer with.
enum Fixtures {
    static func date(_ year: Int32, _ month: Int32, _ day: Int32) -> Motcua_Catalog_V1_Date {
        .with {
            $0.year = year
            $0.month = month
            $0.day = day
        }
    }

    static let namKe = Motcua_Catalog_V1_Unit.with {
        $0.code = "03162"
        $0.name = "Xã Nậm Kè"
        $0.level = .commune
        $0.type = .commune
        $0.typeName = "Xã"
        $0.parentCode = "096"
        $0.validFrom = date(2021, 1, 1)
    }

    static let muongNhe = Motcua_Catalog_V1_Unit.with {
        $0.code = "096"
        $0.name = "Huyện Mường Nhé"
        $0.level = .district
        $0.type = .district
        $0.typeName = "Huyện"
        $0.parentCode = "11"
        $0.validFrom = date(2021, 1, 1)
    }

    static let birthRegistration = Motcua_Catalog_V1_Procedure.with {
        $0.code = "1.001193"
        $0.name = "Đăng ký khai sinh"
        $0.field = "Hộ tịch"
        $0.implementingLevel = .commune
        $0.onlineLevel = 4
        $0.onlineScheme = .fullProcess
        $0.legalDeadline = .with {
            $0.amount = 1
            $0.unit = .workingDays
        }
        $0.issuesPaperResult = true
        $0.updatedAt = .with { $0.seconds = 1_643_337_000 }
        $0.revision = 3
    }

    static func procedure(_ index: Int) -> Motcua_Catalog_V1_Procedure {
        var procedure = birthRegistration
        procedure.code = "DEMO-\(index)"
        procedure.name = "Thủ tục số \(index)"
        return procedure
    }

    static func counts(new: Int64, online: Int64) -> Motcua_Statistics_V1_Counts {
        .with {
            $0.newOnline = online
            $0.newDirect = new - online
            $0.newTotal = new
            $0.toHandle = new
            $0.inProgressWithin = new
            $0.inProgressTotal = new
            $0.onlineRate = new == 0 ? 0 : Double(online) / Double(new)
        }
    }

    static let period = Motcua_Statistics_V1_Period.with {
        $0.fromDate = date(2022, 1, 1)
        $0.toDate = date(2022, 2, 17)
    }

    static let dossier = Motcua_Submission_V1_Dossier.with {
        $0.code = "03162-220128-0001"
        $0.procedureCode = "1.001193"
        $0.procedureName = "Đăng ký khai sinh"
        $0.procedureField = "Hộ tịch"
        $0.unitCode = "03162"
        $0.unitName = "Xã Nậm Kè"
        $0.channel = .direct
        $0.status = .accepted
        $0.version = 1
        $0.applicant = .with {
            $0.fullName = "Lò Văn Páo"
            $0.idNumber = "011234567890"
        }
        $0.receivedAt = .with { $0.seconds = 1_643_337_000 }
        $0.receivedOn = date(2022, 1, 28)
        $0.dueDate = date(2022, 2, 9)
        $0.history = [
            .with {
                $0.step = 1
                $0.action = .submit
                $0.status = .accepted
                $0.occurredAt = .with { $0.seconds = 1_643_337_000 }
                $0.actor = "desk-03162"
                $0.dueDate = date(2022, 2, 9)
            }
        ]
    }
}
