/// Rules for writing unit versions into a set of existing ones (all-or-nothing upserts).
public enum UnitVersionRules {
    /// The violations of writing `incoming` (keyed by code and valid_from) over `existing`, with field paths
    /// `units[i].…`.
    ///
    /// Checks each unit on its own, duplicate keys within `incoming`, overlapping versions of one code, and that
    /// each unit's parent is in force on the unit's first day (in the result of the write).
    public static func violations(incoming: [AdministrativeUnit], existing: [AdministrativeUnit]) -> [FieldViolation] {
        var problems: [FieldViolation] = []
        struct Key: Hashable {
            var code: UnitCode
            var from: CivilDate
        }
        var firstIndex: [Key: Int] = [:]
        for (index, unit) in incoming.enumerated() {
            let path = "units[\(index)]"
            problems += unit.violations().map { $0.nested(under: path) }
            let key = Key(code: unit.code, from: unit.validity.from)
            if let first = firstIndex[key] {
                problems.append(FieldViolation(
                    field: "\(path).valid_from", reason: "unit \(unit.code) from \(unit.validity.from) already appears at units[\(first)]"))
            } else {
                firstIndex[key] = index
            }
        }
        // The state after the write: existing versions not replaced, plus the incoming ones.
        let replaced = Set(firstIndex.keys)
        var result = existing.filter { !replaced.contains(Key(code: $0.code, from: $0.validity.from)) }
        result += incoming
        let byCode = Dictionary(grouping: result, by: \.code)
        for (index, unit) in incoming.enumerated() where firstIndex[Key(code: unit.code, from: unit.validity.from)] == index {
            let path = "units[\(index)]"
            let others = (byCode[unit.code] ?? []).filter { $0.validity.from != unit.validity.from }
            if let clash = others.first(where: { $0.validity.overlaps(unit.validity) }) {
                problems.append(FieldViolation(
                    field: "\(path).valid_from",
                    reason: "overlaps the version of \(unit.code) in force \(clash.validity); close it with valid_to first"))
            }
            if let parent = unit.parentCode {
                let parentVersions = byCode[parent] ?? []
                if !parentVersions.contains(where: { $0.isInForce(on: unit.validity.from) }) {
                    problems.append(FieldViolation(
                        field: "\(path).parent_code", reason: "no unit \(parent) is in force on \(unit.validity.from)"))
                } else if let parentLevel = unit.level.parentLevel,
                    parentVersions.contains(where: { $0.isInForce(on: unit.validity.from) && $0.level != parentLevel })
                {
                    problems.append(FieldViolation(field: "\(path).parent_code", reason: "\(parent) is not a \(parentLevel.rawValue)"))
                }
            }
        }
        return problems
    }
}
