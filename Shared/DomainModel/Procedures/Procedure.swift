/// An administrative procedure (thủ tục hành chính, TTHC) of the catalog.
public struct Procedure: Hashable, Sendable {
    public static let maximumNameLength = 500
    public static let maximumFieldLength = 200
    public static let maximumFees = 20

    public var code: ProcedureCode
    /// Vietnamese name, e.g. `Đăng ký khai sinh`.
    public var name: String
    /// Field (lĩnh vực), e.g. `Hộ tịch`.
    public var field: String
    public var implementingLevel: ImplementingLevel
    /// Old four-level classification.
    public var onlineLevel: OnlineServiceLevel
    /// 2022 classification.
    public var onlineScheme: OnlineScheme
    public var legalDeadline: LegalDeadline
    /// Empty when free.
    public var fees: [Fee]
    /// Whether the result is (also) a paper document.
    public var issuesPaperResult: Bool
    /// Whether it comes from the generated demo catalog.
    public var isDemo: Bool
    /// The catalog sequence of its last change (0: the built-in seed).
    public var revision: Int64
    /// When it was last created or changed; nil before it is stored.
    public var updatedAt: UnixInstant?

    public init(
        code: ProcedureCode, name: String, field: String, implementingLevel: ImplementingLevel,
        onlineLevel: OnlineServiceLevel, onlineScheme: OnlineScheme, legalDeadline: LegalDeadline,
        fees: [Fee] = [], issuesPaperResult: Bool = true, isDemo: Bool = false, revision: Int64 = 0,
        updatedAt: UnixInstant? = nil
    ) {
        self.code = code
        self.name = name
        self.field = field
        self.implementingLevel = implementingLevel
        self.onlineLevel = onlineLevel
        self.onlineScheme = onlineScheme
        self.legalDeadline = legalDeadline
        self.fees = fees
        self.issuesPaperResult = issuesPaperResult
        self.isDemo = isDemo
        self.revision = revision
        self.updatedAt = updatedAt
    }

    /// Whether the two procedures say the same thing (bookkeeping — ``revision``, ``updatedAt`` — ignored).
    public func hasSameContent(as other: Procedure) -> Bool {
        var this = self
        this.revision = other.revision
        this.updatedAt = other.updatedAt
        return this == other
    }

    /// The folded name, for search.
    public var foldedName: String { VietnameseFolding.fold(self.name) }

    /// The folded code and name: the text a ``SearchQuery`` is matched against.
    public var searchText: String { VietnameseFolding.fold(self.code.rawValue) + " " + self.foldedName }

    /// The folded field, the key the field filter compares.
    public var fieldKey: String { VietnameseFolding.fold(self.field) }

    /// What is wrong with the procedure, with public field names relative to it.
    public func violations() -> [FieldViolation] {
        var problems: [FieldViolation] = []
        problems += Self.textViolations(self.name, field: "name", maximumLength: Self.maximumNameLength)
        problems += Self.textViolations(self.field, field: "field", maximumLength: Self.maximumFieldLength)
        if !self.onlineScheme.isConsistent(with: self.onlineLevel) {
            let reason = self.onlineScheme == .fullProcess
                ? "a full-process online service needs online submission (online_level 3 or 4, got \(self.onlineLevel.rawValue))"
                : "a service at online_level \(self.onlineLevel.rawValue) accepts online submission, so it is at least partial"
            problems.append(FieldViolation(field: "online_scheme", reason: reason))
        }
        problems += self.legalDeadline.violations().map { $0.nested(under: "legal_deadline") }
        if self.fees.count > Self.maximumFees {
            problems.append(FieldViolation(field: "fees", reason: "at most \(Self.maximumFees) fees (got \(self.fees.count))"))
        }
        for (index, fee) in self.fees.enumerated() {
            problems += fee.violations().map { $0.nested(under: "fees[\(index)]") }
        }
        return problems
    }

    private static func textViolations(_ text: String, field: String, maximumLength: Int) -> [FieldViolation] {
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty { return [FieldViolation(field: field, reason: "is required")] }
        if text.count > maximumLength {
            return [FieldViolation(field: field, reason: "must be at most \(maximumLength) characters (got \(text.count))")]
        }
        if trimmed != text { return [FieldViolation(field: field, reason: "must not start or end with spaces")] }
        return []
    }
}
