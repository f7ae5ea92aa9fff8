/// What a dossier keeps of its procedure as the catalog described it at receipt (the catalog may change later).
public struct ProcedureSnapshot: Hashable, Sendable {
    public var code: ProcedureCode
    public var name: String
    /// Field (lĩnh vực).
    public var field: String
    public var onlineLevel: OnlineServiceLevel
    public var onlineScheme: OnlineScheme
    public var legalDeadline: LegalDeadline
    /// Whether any fee or charge was above zero.
    public var feeBearing: Bool

    public init(
        code: ProcedureCode, name: String, field: String, onlineLevel: OnlineServiceLevel, onlineScheme: OnlineScheme,
        legalDeadline: LegalDeadline, feeBearing: Bool
    ) {
        self.code = code
        self.name = name
        self.field = field
        self.onlineLevel = onlineLevel
        self.onlineScheme = onlineScheme
        self.legalDeadline = legalDeadline
        self.feeBearing = feeBearing
    }

    /// The snapshot of a catalog procedure.
    public init(_ procedure: Procedure) {
        self.init(
            code: procedure.code, name: procedure.name, field: procedure.field, onlineLevel: procedure.onlineLevel,
            onlineScheme: procedure.onlineScheme, legalDeadline: procedure.legalDeadline,
            feeBearing: procedure.fees.contains { $0.amountVND > 0 })
    }
}

/// What a dossier keeps of its receiving unit at receipt.
public struct UnitSnapshot: Hashable, Sendable {
    public var code: UnitCode
    /// Full name, e.g. `Xã Nậm Kè`.
    public var name: String

    public init(code: UnitCode, name: String) {
        self.code = code
        self.name = name
    }
}

/// Where an imported dossier came from: its system and its id there (the import's idempotency key).
public struct ImportOrigin: Hashable, Sendable {
    public var sourceSystem: String
    public var sourceID: String

    public init(sourceSystem: String, sourceID: String) {
        self.sourceSystem = sourceSystem
        self.sourceID = sourceID
    }
}
