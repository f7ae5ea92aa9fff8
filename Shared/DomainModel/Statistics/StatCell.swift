/// The key of the finest counters: the receiving unit and the procedure as the dossier recorded it at receipt (its
/// field and online levels may differ between dossiers of one procedure when the catalog changed in between).
public struct StatCell: Hashable, Sendable, CustomStringConvertible {
    /// GSO code of the receiving unit.
    public var unitCode: String
    public var procedureCode: String
    /// Field (lĩnh vực).
    public var field: String
    /// Old online level 1–4; 0 when unknown.
    public var onlineLevel: Int
    /// 2022 classification; nil when unspecified.
    public var onlineScheme: OnlineScheme?

    public init(unitCode: String, procedureCode: String, field: String, onlineLevel: Int, onlineScheme: OnlineScheme?) {
        self.unitCode = unitCode
        self.procedureCode = procedureCode
        self.field = field
        self.onlineLevel = onlineLevel
        self.onlineScheme = onlineScheme
    }

    /// Whether the procedure accepts online filing: old level 3 or 4, or a full-process or partial online service.
    public var isOnlineCapable: Bool {
        self.onlineLevel >= 3 || self.onlineScheme == .fullProcess || self.onlineScheme == .partial
    }

    public var description: String {
        "\(self.unitCode)/\(self.procedureCode) (\(self.field), level \(self.onlineLevel), \(self.onlineScheme?.rawValue ?? "unspecified"))"
    }
}
