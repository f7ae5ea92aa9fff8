internal import RPCCore
internal import DomainModel
internal import Logging
public import RPCProtobuf

extension CatalogService {
    /// ListUnits: the units in force on `as_of` (today in Vietnam when absent), filtered, provinces first.
    public func listUnits(_ request: Motcua_Catalog_V1_ListUnitsRequest) async throws -> Motcua_Catalog_V1_ListUnitsResponse {
        try await self.handling {
            let asOf = try request.asOf.parsedIfPresent(field: "as_of") ?? self.today
            let level = try request.level.domain(field: "level")
            let parent = request.parentCode.isEmpty ? nil : try UnitCode.parse(request.parentCode, field: "parent_code")
            let query = try SearchQuery.parse(request.query, field: "query")
            let filter = UnitFilter(level: level, parentCode: parent, query: query)
            let units = try await self.store.units(inForceOn: asOf).filter(filter.matches).sorted(by: UnitFilter.listingOrder)
            var response = Motcua_Catalog_V1_ListUnitsResponse()
            response.units = units.map(Motcua_Catalog_V1_Unit.init)
            response.asOf = Motcua_Catalog_V1_Date(asOf)
            return response
        }
    }

    /// GetUnit: the version in force on `as_of`; without it, the version in force today or else the latest one.
    public func getUnit(_ request: Motcua_Catalog_V1_GetUnitRequest) async throws -> Motcua_Catalog_V1_Unit {
        try await self.handling {
            let code = try UnitCode.parse(request.code, field: "code")
            let asOf = try request.asOf.parsedIfPresent(field: "as_of")
            let versions = try await self.store.unitVersions(code: code)
            guard !versions.isEmpty else { throw DomainError.notFound("no unit has the code \(code)") }
            if let asOf {
                guard let version = versions.first(where: { $0.isInForce(on: asOf) }) else {
                    throw DomainError.notFound("unit \(code) is not in force on \(asOf)")
                }
                return Motcua_Catalog_V1_Unit(version)
            }
            let today = self.today
            let version = versions.first { $0.isInForce(on: today) } ?? versions.max { $0.validity.from < $1.validity.from }
            return Motcua_Catalog_V1_Unit(version ?? versions[0])
        }
    }

    /// UpsertUnits: all-or-nothing; every offending field of every unit is named.
    public func upsertUnits(_ request: Motcua_Catalog_V1_UpsertUnitsRequest) async throws -> Motcua_Catalog_V1_UpsertUnitsResponse {
        try await self.handling {
            guard request.units.count <= Self.maximumUnitsPerUpsert else {
                throw DomainError.invalid(field: "units", "at most \(Self.maximumUnitsPerUpsert) units per call (got \(request.units.count))")
            }
            var units: [AdministrativeUnit] = []
            var problems: [FieldViolation] = []
            for (index, proto) in request.units.enumerated() {
                switch proto.domain(path: "units[\(index)]") {
                case .success(let unit): units.append(unit)
                case .failure(let error): problems += error.violations
                }
            }
            guard problems.isEmpty else { throw DomainError.invalid(problems) }
            let result = try await self.store.upsertUnits(units, at: self.clock())
            if result.wroteChanges {
                self.notifier.publish()
                self.logger.info(
                    "units upserted", metadata: ["created": "\(result.created)", "updated": "\(result.updated)", "sequence": "\(result.sequence)"])
            }
            var response = Motcua_Catalog_V1_UpsertUnitsResponse()
            response.created = Int32(result.created)
            response.updated = Int32(result.updated)
            response.unchanged = Int32(result.unchanged)
            response.sequence = result.sequence
            return response
        }
    }
}
