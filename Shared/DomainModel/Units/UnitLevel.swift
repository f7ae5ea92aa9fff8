/// The tier of an administrative unit. Vietnam had three tiers until mid-2025: province, district, commune.
public enum UnitLevel: String, CaseIterable, Hashable, Sendable, Comparable {
    /// Cấp tỉnh: a 2-digit GSO code.
    case province
    /// Cấp huyện: a 3-digit GSO code.
    case district
    /// Cấp xã (xã, phường, thị trấn): a 5-digit GSO code.
    case commune

    /// Digits of the GSO code of a unit of this level.
    public var codeLength: Int {
        switch self {
        case .province: 2
        case .district: 3
        case .commune: 5
        }
    }

    /// The level one tier up (nil for a province).
    public var parentLevel: UnitLevel? {
        switch self {
        case .province: nil
        case .district: .province
        case .commune: .district
        }
    }

    /// The level whose codes have `length` digits.
    public init?(codeLength length: Int) {
        guard let level = Self.allCases.first(where: { $0.codeLength == length }) else { return nil }
        self = level
    }

    private var rank: Int {
        switch self {
        case .province: 0
        case .district: 1
        case .commune: 2
        }
    }

    public static func < (lhs: UnitLevel, rhs: UnitLevel) -> Bool { lhs.rank < rhs.rank }
}
