/// A legal processing deadline: an amount of a ``DeadlineUnit``, e.g. 3 working days.
public struct LegalDeadline: Hashable, Sendable, CustomStringConvertible {
    public var amount: Int
    public var unit: DeadlineUnit

    public init(amount: Int, unit: DeadlineUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// Working days, the usual unit.
    public static func workingDays(_ amount: Int) -> LegalDeadline { LegalDeadline(amount: amount, unit: .workingDays) }

    /// What is wrong with the deadline (field `amount`), if anything.
    public func violations() -> [FieldViolation] {
        let allowed = self.unit.allowedAmounts
        guard allowed.contains(self.amount) else {
            return [FieldViolation(
                field: "amount",
                reason: "must be between \(allowed.lowerBound) and \(allowed.upperBound) for \(self.unit.rawValue) (got \(self.amount))")]
        }
        return []
    }

    public var description: String { self.unit.describe(self.amount) }
}
