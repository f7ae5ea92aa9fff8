/// A fee or charge (phí, lệ phí) of a procedure, in Vietnamese đồng.
public struct Fee: Hashable, Sendable {
    public static let maximumNameLength = 200
    public static let allowedAmounts: ClosedRange<Int64> = 0...1_000_000_000_000

    /// What it is for, e.g. `Lệ phí đăng ký kết hôn`.
    public var name: String
    public var amountVND: Int64

    public init(name: String, amountVND: Int64) {
        self.name = name
        self.amountVND = amountVND
    }

    /// What is wrong with the fee, with field names relative to it.
    public func violations() -> [FieldViolation] {
        var problems: [FieldViolation] = []
        let trimmed = self.name.trimmingWhitespace
        if trimmed.isEmpty {
            problems.append(FieldViolation(field: "name", reason: "is required"))
        } else if self.name.count > Self.maximumNameLength {
            problems.append(FieldViolation(field: "name", reason: "must be at most \(Self.maximumNameLength) characters"))
        }
        if !Self.allowedAmounts.contains(self.amountVND) {
            problems.append(FieldViolation(
                field: "amount_vnd", reason: "must be between 0 and \(Self.allowedAmounts.upperBound) (got \(self.amountVND))"))
        }
        return problems
    }
}
