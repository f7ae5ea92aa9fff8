/// Which units a listing returns, besides the date they must be in force on.
public struct UnitFilter: Hashable, Sendable {
    public var level: UnitLevel?
    /// Only direct children of this unit.
    public var parentCode: UnitCode?
    /// Only units whose name contains every word (folded).
    public var query: SearchQuery?

    public init(level: UnitLevel? = nil, parentCode: UnitCode? = nil, query: SearchQuery? = nil) {
        self.level = level
        self.parentCode = parentCode
        self.query = query
    }

    public func matches(_ unit: AdministrativeUnit) -> Bool {
        if let level = self.level, unit.level != level { return false }
        if let parent = self.parentCode, unit.parentCode != parent { return false }
        if let query = self.query, !query.matches(folded: VietnameseFolding.fold(unit.name)) { return false }
        return true
    }

    /// Provinces, then districts, then communes, each by code.
    public static func listingOrder(_ lhs: AdministrativeUnit, _ rhs: AdministrativeUnit) -> Bool {
        (lhs.level, lhs.code) < (rhs.level, rhs.code)
    }
}
