/// The kind of an administrative unit, as the GSO catalogue names it.
public enum UnitType: String, CaseIterable, Hashable, Sendable {
    /// Tỉnh.
    case province
    /// Thành phố: a centrally governed city (province level) or a provincial city (district level).
    case city
    /// Thị xã (district level).
    case town
    /// Huyện (district level).
    case district
    /// Xã (commune level).
    case commune
    /// Phường (commune level).
    case ward
    /// Thị trấn (commune level).
    case township

    /// The Vietnamese name: `Tỉnh`, `Thành phố`, `Thị xã`, `Huyện`, `Xã`, `Phường`, `Thị trấn`.
    public var vietnameseName: String {
        switch self {
        case .province: "Tỉnh"
        case .city: "Thành phố"
        case .town: "Thị xã"
        case .district: "Huyện"
        case .commune: "Xã"
        case .ward: "Phường"
        case .township: "Thị trấn"
        }
    }

    /// The levels a unit of this kind can have.
    public var allowedLevels: Set<UnitLevel> {
        switch self {
        case .province: [.province]
        case .city: [.province, .district]
        case .town, .district: [.district]
        case .commune, .ward, .township: [.commune]
        }
    }

    /// The type named in Vietnamese, in any case, with or without diacritics (`Thị Xã`, `thi xa`).
    public init?(vietnameseName name: String) {
        let key = VietnameseFolding.fold(name)
        guard let type = Self.allCases.first(where: { VietnameseFolding.fold($0.vietnameseName) == key }) else {
            return nil
        }
        self = type
    }
}
