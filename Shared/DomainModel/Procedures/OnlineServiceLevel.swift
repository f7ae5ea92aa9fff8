/// The online service level of a procedure under the old four-level scheme (Decree 43/2011/NĐ-CP, Art. 3(4)).
public enum OnlineServiceLevel: Int, CaseIterable, Hashable, Sendable, Comparable {
    /// Mức độ 1: full information about the procedure online.
    case informationOnly = 1
    /// Mức độ 2: level 1 plus downloadable forms; the dossier is still handed in.
    case downloadableForms = 2
    /// Mức độ 3: level 2 plus online submission; fees paid and result collected in person.
    case onlineSubmission = 3
    /// Mức độ 4: level 3 plus online payment; nothing in person.
    case fullyOnline = 4

    /// Whether the dossier can be submitted online (levels 3 and 4).
    public var allowsOnlineSubmission: Bool { self >= .onlineSubmission }

    public static func < (lhs: OnlineServiceLevel, rhs: OnlineServiceLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
