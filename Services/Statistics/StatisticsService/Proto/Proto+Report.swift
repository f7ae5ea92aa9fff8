internal import DomainModel
internal import RPCProtobuf

extension Motcua_Statistics_V1_Counts {
    init(_ counts: ReportCounts) {
        self.init()
        self.carriedOver = counts.carriedOver
        self.newOnline = counts.newOnline
        self.newDirect = counts.newDirect
        self.newPostal = counts.newPostal
        self.newAssisted = counts.newAssisted
        self.newTotal = counts.newTotal
        self.toHandle = counts.toHandle
        self.resolvedEarly = counts.resolvedEarly
        self.resolvedOnTime = counts.resolvedOnTime
        self.resolvedLate = counts.resolvedLate
        self.resolvedLateWithApology = counts.resolvedLateWithApology
        self.resolvedLateWithoutApology = counts.resolvedLateWithoutApology
        self.resolvedTotal = counts.resolvedTotal
        self.returned = counts.returned
        self.inProgressWithin = counts.inProgressWithin
        self.inProgressOverdue = counts.inProgressOverdue
        self.inProgressTotal = counts.inProgressTotal
        self.onlineRate = counts.onlineRate
        self.onTimeRate = counts.onTimeRate
    }
}

extension Motcua_Catalog_V1_UnitLevel {
    init(_ level: UnitLevel) {
        switch level {
        case .province: self = .province
        case .district: self = .district
        case .commune: self = .commune
        }
    }

    var unitLevel: UnitLevel? {
        switch self {
        case .province: .province
        case .district: .district
        case .commune: .commune
        default: nil
        }
    }
}

extension Motcua_Statistics_V1_UnitRef {
    init(_ unit: UnitInfo) {
        self.init()
        self.code = unit.code
        self.name = unit.name
        self.level = Motcua_Catalog_V1_UnitLevel(unit.level)
        self.parentCode = unit.parentCode ?? ""
    }
}

extension Motcua_Catalog_V1_OnlineScheme {
    init(_ scheme: OnlineScheme?) {
        switch scheme {
        case .fullProcess?: self = .fullProcess
        case .partial?: self = .partial
        case .notOnline?: self = .none
        case nil: self = .unspecified
        }
    }
}

extension OnlineScheme? {
    /// How reports label a scheme.
    var label: String {
        switch self {
        case .fullProcess?: "Toàn trình"
        case .partial?: "Một phần"
        case .notOnline?: "Không trực tuyến"
        case nil: "Không xác định"
        }
    }

    /// Report order: full process, partial, none, unspecified.
    var rank: Int {
        switch self {
        case .fullProcess?: 0
        case .partial?: 1
        case .notOnline?: 2
        case nil: 3
        }
    }
}
