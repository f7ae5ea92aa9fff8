/// What a write to the catalog did.
public struct CatalogWriteResult: Hashable, Sendable {
    /// Entries that did not exist before.
    public var created = 0
    /// Entries that existed and changed.
    public var updated = 0
    /// Entries that existed with the same content.
    public var unchanged = 0
    /// Entries removed.
    public var removed = 0
    /// The latest sequence after the write (unchanged when nothing was written).
    public var sequence: Int64 = 0
    /// Whether anything was written (false for a validation-only run or when nothing changed).
    public var wroteChanges: Bool { self.created + self.updated + self.removed > 0 }

    public init(created: Int = 0, updated: Int = 0, unchanged: Int = 0, removed: Int = 0, sequence: Int64 = 0) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.removed = removed
        self.sequence = sequence
    }
}

/// A field (lĩnh vực) and its procedures.
public struct FieldSummary: Hashable, Sendable {
    public var name: String
    public var procedureCount: Int
    public var onlineLevel4Count: Int

    public init(name: String, procedureCount: Int, onlineLevel4Count: Int) {
        self.name = name
        self.procedureCount = procedureCount
        self.onlineLevel4Count = onlineLevel4Count
    }
}
