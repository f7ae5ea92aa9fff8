/// The level of government that carries out a procedure (cấp thực hiện).
public enum ImplementingLevel: String, CaseIterable, Hashable, Sendable {
    /// Provincial departments and the provincial Public Administration Service Centre.
    case province
    /// District People's Committees.
    case district
    /// Commune, ward and township People's Committees.
    case commune
}
