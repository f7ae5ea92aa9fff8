internal import DomainModel
public import RPCProtobuf

extension CatalogService {
    /// ListProcedures: one page of the procedures matching the filters, with the total and the next page's token.
    public func listProcedures(_ request: Motcua_Catalog_V1_ListProceduresRequest) async throws -> Motcua_Catalog_V1_ListProceduresResponse {
        try await self.handling {
            let filter = try Self.procedureFilter(request)
            guard request.pageSize >= 0 else { throw DomainError.invalid(field: "page_size", "must not be negative (got \(request.pageSize))") }
            let pageSize = request.pageSize == 0 ? Self.defaultPageSize : min(Int(request.pageSize), Self.maximumPageSize)
            let cursor = request.pageToken.isEmpty ? nil : try ProcedurePageToken.decode(request.pageToken, filter: filter)
            let page = try await self.store.procedures(matching: filter, after: cursor, limit: pageSize)
            var response = Motcua_Catalog_V1_ListProceduresResponse()
            response.procedures = page.procedures.map(Motcua_Catalog_V1_Procedure.init)
            response.nextPageToken = page.next.map { ProcedurePageToken.encode($0, filter: filter) } ?? ""
            response.totalSize = Int32(clamping: page.total)
            return response
        }
    }

    /// GetProcedure: one procedure by code.
    public func getProcedure(_ request: Motcua_Catalog_V1_GetProcedureRequest) async throws -> Motcua_Catalog_V1_Procedure {
        try await self.handling {
            let code = try ProcedureCode.parse(request.code, field: "code")
            guard let procedure = try await self.store.procedure(code: code) else {
                throw DomainError.notFound("no procedure has the code \(code)")
            }
            return Motcua_Catalog_V1_Procedure(procedure)
        }
    }

    /// ListFields: the fields with their procedure counts.
    public func listFields(_ request: Motcua_Catalog_V1_ListFieldsRequest) async throws -> Motcua_Catalog_V1_ListFieldsResponse {
        try await self.handling {
            let level = try request.implementingLevel.domain(field: "implementing_level")
            var response = Motcua_Catalog_V1_ListFieldsResponse()
            response.fields = try await self.store.fields(implementingLevel: level).map(Motcua_Catalog_V1_FieldSummary.init)
            return response
        }
    }

    static func procedureFilter(_ request: Motcua_Catalog_V1_ListProceduresRequest) throws(DomainError) -> ProcedureFilter {
        let query = try SearchQuery.parse(request.query, field: "query")
        guard request.field.count <= Procedure.maximumFieldLength else {
            throw DomainError.invalid(field: "field", "must be at most \(Procedure.maximumFieldLength) characters (got \(request.field.count))")
        }
        let implementingLevel = try request.implementingLevel.domain(field: "implementing_level")
        var onlineLevel: OnlineServiceLevel?
        if request.onlineLevel != 0 {
            guard let level = OnlineServiceLevel(rawValue: Int(request.onlineLevel)) else {
                throw DomainError.invalid(field: "online_level", "must be 0 (any) or 1 to 4 (got \(request.onlineLevel))")
            }
            onlineLevel = level
        }
        let scheme = try request.onlineScheme.domain(field: "online_scheme")
        return ProcedureFilter(
            query: query, fieldKey: ProcedureFilter.fieldKey(request.field), implementingLevel: implementingLevel,
            onlineLevel: onlineLevel, onlineScheme: scheme)
    }
}
