/// Which procedures a listing returns. Every set criterion must hold.
public struct ProcedureFilter: Hashable, Sendable {
    /// Words that must all appear in the folded code and name.
    public var query: SearchQuery?
    /// The folded field (``Procedure/fieldKey``) the procedure must have.
    public var fieldKey: String?
    public var implementingLevel: ImplementingLevel?
    public var onlineLevel: OnlineServiceLevel?
    public var onlineScheme: OnlineScheme?

    public init(
        query: SearchQuery? = nil, fieldKey: String? = nil, implementingLevel: ImplementingLevel? = nil,
        onlineLevel: OnlineServiceLevel? = nil, onlineScheme: OnlineScheme? = nil
    ) {
        self.query = query
        self.fieldKey = fieldKey
        self.implementingLevel = implementingLevel
        self.onlineLevel = onlineLevel
        self.onlineScheme = onlineScheme
    }

    /// A field filter from what the user typed (folded; nil when blank).
    public static func fieldKey(_ text: String) -> String? {
        let key = VietnameseFolding.fold(text)
        return key.isEmpty ? nil : key
    }

    public func matches(_ procedure: Procedure) -> Bool {
        if let query = self.query, !query.matches(folded: procedure.searchText) { return false }
        if let key = self.fieldKey, procedure.fieldKey != key { return false }
        if let level = self.implementingLevel, procedure.implementingLevel != level { return false }
        if let level = self.onlineLevel, procedure.onlineLevel != level { return false }
        if let scheme = self.onlineScheme, procedure.onlineScheme != scheme { return false }
        return true
    }

    /// The listing position of a matching procedure: relevance rank (0 without a query), then code.
    public func cursor(of procedure: Procedure) -> ProcedureCursor {
        ProcedureCursor(rank: self.query?.rank(folded: procedure.foldedName) ?? 0, code: procedure.code)
    }

    /// A stable 64-bit fingerprint of the criteria (FNV-1a), to tie page tokens to the filter they were made for.
    public var fingerprint: UInt64 {
        let canonical = [
            "q=" + (self.query?.phrase ?? ""),
            "f=" + (self.fieldKey ?? ""),
            "l=" + (self.implementingLevel?.rawValue ?? ""),
            "o=" + (self.onlineLevel.map { String($0.rawValue) } ?? ""),
            "s=" + (self.onlineScheme?.rawValue ?? ""),
        ].joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonical.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// A position in a procedure listing: listings are ordered by ``rank`` and then ``code``.
public struct ProcedureCursor: Hashable, Sendable, Comparable {
    public var rank: Int
    public var code: ProcedureCode

    public init(rank: Int, code: ProcedureCode) {
        self.rank = rank
        self.code = code
    }

    public static func < (lhs: ProcedureCursor, rhs: ProcedureCursor) -> Bool {
        lhs.rank != rhs.rank ? lhs.rank < rhs.rank : lhs.code < rhs.code
    }
}

/// One page of a procedure listing.
public struct ProcedurePage: Hashable, Sendable {
    public var procedures: [Procedure]
    /// Where the next page starts (after this cursor); nil on the last page.
    public var next: ProcedureCursor?
    /// Matching procedures in all.
    public var total: Int

    public init(procedures: [Procedure], next: ProcedureCursor?, total: Int) {
        self.procedures = procedures
        self.next = next
        self.total = total
    }
}
