public import DomainModel

/// The generated DEMO procedure catalog: 1,764 procedures, 587 of them at old online level 4, spread over fields
/// and implementing levels like a provincial catalog around 2022 (the size Điện Biên published).
///
/// Clearly labelled: every code starts with `DEMO-` (e.g. `DEMO-HT-X001`: field Hộ tịch, commune level — `T` tỉnh,
/// `H` huyện, `X` xã — first procedure) and every procedure has `isDemo` set. Procedures whose real names are known
/// (``DemoVocabulary/known``) come first in each field and level; the others are named by combining the field's
/// vocabulary. Deadlines, fees and online levels are typical values, not official data.
///
/// Deterministic: a fixed seed drives one ``SplitMix64`` in a fixed order, so every build on every platform
/// generates the same catalog.
public enum DemoCatalog {
    /// Procedures in the catalog.
    public static let procedureCount = 1_764
    /// Procedures at old online level 4 (fully online).
    public static let fullyOnlineCount = 587
    /// Procedures at old online level 3 (online submission).
    static let onlineSubmissionCount = 320
    /// Procedures at old online level 1 (information only); the rest are at level 2.
    static let informationOnlyCount = 60
    /// The generator's seed.
    static let seed: UInt64 = 0x4D6F_7443_7561_2022

    /// The demo procedures, ordered by field (as listed in ``DemoVocabulary/fields``), level and number.
    public static func procedures() -> [Procedure] {
        var random = SplitMix64(seed: self.seed)
        var drafts: [Draft] = []
        for field in DemoVocabulary.fields {
            drafts += self.drafts(for: field, random: &random)
        }
        precondition(drafts.count == self.procedureCount, "demo field counts add up to \(drafts.count), not \(self.procedureCount)")
        self.assignOnlineLevels(&drafts)
        return drafts.map { draft in
            let level = draft.onlineLevel ?? .downloadableForms
            // Results of fully online services are often electronic only; the others hand out paper.
            let paper = draft.issuesPaperResult ?? (level == .fullyOnline ? random.unit() < 0.6 : true)
            return Procedure(
                code: draft.code, name: draft.name, field: draft.field, implementingLevel: draft.level,
                onlineLevel: level, onlineScheme: OnlineScheme.derived(from: level), legalDeadline: draft.deadline,
                fees: draft.fees, issuesPaperResult: paper, isDemo: true)
        }
    }

    // MARK: - Generation

    private struct Draft {
        var code: ProcedureCode
        var name: String
        var field: String
        var level: ImplementingLevel
        var deadline: LegalDeadline
        var fees: [Fee]
        /// Fixed for known procedures; assigned by score for the others.
        var onlineLevel: OnlineServiceLevel?
        var issuesPaperResult: Bool?
        /// Higher: more likely to be online.
        var score: Double
    }

    private static func drafts(for field: DemoField, random: inout SplitMix64) -> [Draft] {
        let known = DemoVocabulary.known.filter { $0.field == field.abbreviation }
        var names = self.generatedNames(for: field, excluding: Set(known.map(\.name)), random: &random)[...]
        var drafts: [Draft] = []
        for level in [ImplementingLevel.province, .district, .commune] {
            let knownHere = known.filter { $0.level == level }
            let count = field.count(at: level)
            precondition(knownHere.count <= count, "\(field.name): more known \(level) procedures than \(count)")
            for index in 0..<count {
                let number = index + 1
                let code = self.code(field: field, level: level, number: number)
                if number <= knownHere.count {
                    let procedure = knownHere[number - 1]
                    drafts.append(Draft(
                        code: code, name: procedure.name, field: field.name, level: level, deadline: procedure.deadline,
                        fees: procedure.fees, onlineLevel: procedure.onlineLevel, issuesPaperResult: procedure.issuesPaperResult, score: 0))
                    continue
                }
                guard let name = names.popFirst() else {
                    preconditionFailure("\(field.name): the vocabulary makes only \(field.nameCapacity) names")
                }
                let deadline = random.pick(field.deadlines)
                let fees = random.unit() < field.freeShare ? [] : [Fee(name: field.feeName, amountVND: random.pick(field.feeAmounts))]
                let score = field.onlineAffinity + 0.7 * random.unit()
                drafts.append(Draft(
                    code: code, name: name, field: field.name, level: level, deadline: deadline, fees: fees,
                    onlineLevel: nil, issuesPaperResult: nil, score: score))
            }
        }
        return drafts
    }

    /// Every `action object qualifier` name of the field: plain names (first qualifier) first, each tier shuffled.
    private static func generatedNames(for field: DemoField, excluding known: Set<String>, random: inout SplitMix64) -> [String] {
        var names: [String] = []
        for qualifier in field.qualifiers {
            var tier: [String] = []
            for action in field.actions {
                for object in field.objects { tier.append("\(action) \(object)\(qualifier)") }
            }
            names += random.shuffled(tier).filter { !known.contains($0) }
        }
        return names
    }

    /// Gives the drafts without a fixed level theirs, by descending score, so that the catalog has exactly
    /// ``fullyOnlineCount`` at level 4, ``onlineSubmissionCount`` at level 3 and ``informationOnlyCount`` at level 1.
    private static func assignOnlineLevels(_ drafts: inout [Draft]) {
        func fixed(_ level: OnlineServiceLevel) -> Int { drafts.count(where: { $0.onlineLevel == level }) }
        let need4 = self.fullyOnlineCount - fixed(.fullyOnline)
        let need3 = self.onlineSubmissionCount - fixed(.onlineSubmission)
        let need1 = self.informationOnlyCount - fixed(.informationOnly)
        let open = drafts.indices.filter { drafts[$0].onlineLevel == nil }
            .sorted { (drafts[$0].score, drafts[$1].code) > (drafts[$1].score, drafts[$0].code) }
        precondition(need4 >= 0 && need3 >= 0 && need1 >= 0 && need4 + need3 + need1 <= open.count, "demo online-level quotas do not fit")
        for (rank, index) in open.enumerated() {
            let level: OnlineServiceLevel
            if rank < need4 {
                level = .fullyOnline
            } else if rank < need4 + need3 {
                level = .onlineSubmission
            } else if rank >= open.count - need1 {
                level = .informationOnly
            } else {
                level = .downloadableForms
            }
            drafts[index].onlineLevel = level
        }
    }

    /// `DEMO-<field>-<T|H|X><number, 3 digits>`.
    private static func code(field: DemoField, level: ImplementingLevel, number: Int) -> ProcedureCode {
        let letter: String
        switch level {
        case .province: letter = "T"
        case .district: letter = "H"
        case .commune: letter = "X"
        }
        let digits = String(number)
        let text = ProcedureCode.demoPrefix + field.abbreviation + "-" + letter + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        guard let code = ProcedureCode(text) else { preconditionFailure("malformed demo code \(text)") }
        return code
    }
}
