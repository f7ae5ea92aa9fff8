internal import DomainModel

/// A field (lĩnh vực) of the demo catalog: how many procedures it has at each implementing level, and the words the
/// generator combines into the names of those that are not ``DemoKnownProcedure``s.
struct DemoField {
    var name: String
    /// Two letters in the demo codes, e.g. `HT` in `DEMO-HT-X001`.
    var abbreviation: String
    /// Procedures at province, district and commune level (known ones included).
    var counts: (province: Int, district: Int, commune: Int)
    /// Generated names are `action + " " + object + qualifier`.
    var actions: [String] = DemoField.standardActions
    var objects: [String]
    /// Suffixes; the first is empty, so plain names come first.
    var qualifiers: [String]
    /// Typical legal deadlines of the field, picked at random for generated procedures.
    var deadlines: [LegalDeadline]
    /// The usual fee of the field and its typical amounts.
    var feeName: String
    var feeAmounts: [Int64]
    /// Share of generated procedures without any fee, 0 to 1.
    var freeShare: Double
    /// How readily the field's procedures go online, 0 to 1 (agencies with their own national systems — police,
    /// business registration — went online first; land and certification need originals and presence).
    var onlineAffinity: Double

    static let standardActions = ["Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh", "Gia hạn", "Thu hồi"]

    func count(at level: ImplementingLevel) -> Int {
        switch level {
        case .province: self.counts.province
        case .district: self.counts.district
        case .commune: self.counts.commune
        }
    }

    /// How many different names the generator can make from the field's words.
    var nameCapacity: Int { self.actions.count * self.objects.count * self.qualifiers.count }
}

/// A procedure of the demo catalog with its real name (as provincial portals list it). Its deadline, fee and online
/// level are typical values for the demo, not official data.
struct DemoKnownProcedure {
    var field: String
    var level: ImplementingLevel
    var name: String
    var onlineLevel: OnlineServiceLevel
    var deadline: LegalDeadline
    var fees: [Fee]
    var issuesPaperResult: Bool
}

extension LegalDeadline {
    static func wd(_ amount: Int) -> LegalDeadline { LegalDeadline(amount: amount, unit: .workingDays) }
    static func cd(_ amount: Int) -> LegalDeadline { LegalDeadline(amount: amount, unit: .calendarDays) }
    static func h(_ amount: Int) -> LegalDeadline { LegalDeadline(amount: amount, unit: .hours) }
    static func m(_ amount: Int) -> LegalDeadline { LegalDeadline(amount: amount, unit: .months) }
}
