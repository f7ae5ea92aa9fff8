public import DomainModel

/// A unit as the statistics show it.
public struct UnitInfo: Hashable, Sendable {
    public var code: String
    /// Full Vietnamese name, e.g. `Xã Nậm Kè`.
    public var name: String
    public var level: UnitLevel
    /// The unit one tier up; nil for a province.
    public var parentCode: String?

    public init(code: String, name: String, level: UnitLevel, parentCode: String?) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }
}

/// The administrative units in force on one date, arranged as a tree.
public struct UnitTree: Sendable {
    public let units: [String: UnitInfo]
    private let childCodes: [String: [String]]

    /// The tree of a list of units (a unit whose parent is not listed is a root).
    public init(_ list: [UnitInfo]) {
        var units: [String: UnitInfo] = [:]
        for unit in list { units[unit.code] = unit }
        var children: [String: [String]] = [:]
        for unit in units.values {
            if let parent = unit.parentCode, units[parent] != nil { children[parent, default: []].append(unit.code) }
        }
        self.units = units
        self.childCodes = children.mapValues { $0.sorted() }
    }

    public func unit(_ code: String) -> UnitInfo? { self.units[code] }

    /// The direct children, by code.
    public func children(of code: String) -> [UnitInfo] {
        (self.childCodes[code] ?? []).compactMap { self.units[$0] }
    }

    /// Every unit below `code` (not itself), of a level when given, by code.
    public func descendants(of code: String, level: UnitLevel? = nil) -> [UnitInfo] {
        var result: [UnitInfo] = []
        var pending = self.childCodes[code] ?? []
        while let next = pending.popLast() {
            guard let unit = self.units[next] else { continue }
            if level == nil || unit.level == level { result.append(unit) }
            pending += self.childCodes[next] ?? []
        }
        return result.sorted { $0.code < $1.code }
    }

    /// The codes of a unit and of every unit below it.
    public func subtree(of code: String) -> [String] {
        [code] + self.descendants(of: code).map(\.code)
    }
}

/// A procedure as the statistics need it.
public struct CatalogProcedure: Hashable, Sendable {
    public var code: String
    public var name: String
    public var field: String
    public var implementingLevel: ImplementingLevel?
    /// Old level 1–4 (0 unknown).
    public var onlineLevel: Int
    public var onlineScheme: OnlineScheme?

    public init(code: String, name: String, field: String, implementingLevel: ImplementingLevel?, onlineLevel: Int, onlineScheme: OnlineScheme?) {
        self.code = code
        self.name = name
        self.field = field
        self.implementingLevel = implementingLevel
        self.onlineLevel = onlineLevel
        self.onlineScheme = onlineScheme
    }

    /// Offered online: a partial or full-process online service, or old level 3/4.
    public var isOfferedOnline: Bool {
        self.onlineLevel >= 3 || self.onlineScheme == .fullProcess || self.onlineScheme == .partial
    }
}

/// Unit names and levels, and procedures, from the catalog.
public protocol CatalogDirectory: Sendable {
    /// The units in force on a date.
    ///
    /// - Throws: ``StatisticsError`` `unavailable` when the catalog cannot be reached and nothing is cached.
    func units(asOf date: CivilDate) async throws -> UnitTree

    /// Every procedure of the catalog.
    ///
    /// - Throws: ``StatisticsError`` `unavailable` when the catalog cannot be reached and nothing is cached.
    func procedures() async throws -> [CatalogProcedure]
}

/// A fixed catalog (tests, tools).
public struct StaticCatalogDirectory: CatalogDirectory {
    public var unitList: [UnitInfo]
    public var procedureList: [CatalogProcedure]

    public init(units: [UnitInfo], procedures: [CatalogProcedure] = []) {
        self.unitList = units
        self.procedureList = procedures
    }

    public func units(asOf date: CivilDate) async throws -> UnitTree { UnitTree(self.unitList) }

    public func procedures() async throws -> [CatalogProcedure] { self.procedureList }
}
