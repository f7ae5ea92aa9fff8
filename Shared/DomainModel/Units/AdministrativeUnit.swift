/// One version of an administrative unit (đơn vị hành chính): a province, district or commune.
///
/// Units change over time (mergers, renamings, codes reused after a reorganisation), so a unit is identified by
/// its code together with the first day of its ``validity``.
public struct AdministrativeUnit: Hashable, Sendable {
    /// Longest accepted name, in characters.
    public static let maximumNameLength = 200

    public var code: UnitCode
    /// Full Vietnamese name with the type, e.g. `Xã Nậm Kè`.
    public var name: String
    public var level: UnitLevel
    public var type: UnitType
    /// The unit one tier up; nil for a province.
    public var parentCode: UnitCode?
    public var validity: Validity

    public init(code: UnitCode, name: String, level: UnitLevel, type: UnitType, parentCode: UnitCode?, validity: Validity) {
        self.code = code
        self.name = name
        self.level = level
        self.type = type
        self.parentCode = parentCode
        self.validity = validity
    }

    /// Whether this version is in force on the date.
    public func isInForce(on date: CivilDate) -> Bool { self.validity.contains(date) }

    /// What is wrong with this version on its own (field names as in the public API, relative to the unit).
    public func violations() -> [FieldViolation] {
        var problems: [FieldViolation] = []
        if self.code.level != self.level {
            problems.append(FieldViolation(
                field: "code", reason: "a \(self.level.rawValue) code has \(self.level.codeLength) digits (got \(self.code))"))
        }
        if !self.type.allowedLevels.contains(self.level) {
            problems.append(FieldViolation(
                field: "type", reason: "\(self.type.vietnameseName) is not a \(self.level.rawValue)-level unit type"))
        }
        let trimmed = self.name.trimmingWhitespace
        if trimmed.isEmpty {
            problems.append(FieldViolation(field: "name", reason: "is required"))
        } else if self.name.count > Self.maximumNameLength {
            problems.append(FieldViolation(field: "name", reason: "must be at most \(Self.maximumNameLength) characters"))
        } else if trimmed != self.name {
            problems.append(FieldViolation(field: "name", reason: "must not start or end with spaces"))
        }
        switch (self.level.parentLevel, self.parentCode) {
        case (nil, let parent?):
            problems.append(FieldViolation(field: "parent_code", reason: "a province has no parent (got \(parent))"))
        case (let parentLevel?, nil):
            problems.append(FieldViolation(field: "parent_code", reason: "is required for a \(self.level.rawValue) (a \(parentLevel.rawValue) code)"))
        case (let parentLevel?, let parent?) where parent.level != parentLevel:
            problems.append(FieldViolation(
                field: "parent_code", reason: "must be a \(parentLevel.rawValue) code of \(parentLevel.codeLength) digits (got \(parent))"))
        default:
            break
        }
        if let through = self.validity.through, through < self.validity.from {
            problems.append(FieldViolation(field: "valid_to", reason: "must not be before valid_from (\(self.validity.from))"))
        }
        return problems
    }
}
