/// How fees or charges were paid.
public enum PaymentMethod: Int, CaseIterable, Hashable, Sendable {
    /// At the one-stop desk.
    case atDesk = 1
    /// Online through the National Public Service Portal (DuocThanhToanTrucTuyen = 1).
    case onlineNationalPortal = 2
    /// Online through the provincial payment portal (DuocThanhToanTrucTuyen = 2).
    case onlineProvincialPortal = 3

    /// Whether the payment was made online (the Decision 766 online-payment indicator).
    public var isOnline: Bool { self != .atDesk }
}

/// A payment of the fees or charges of a dossier.
public struct Payment: Hashable, Sendable {
    public static let allowedAmounts: ClosedRange<Int64> = 0...1_000_000_000_000

    public var method: PaymentMethod
    public var amountVND: Int64

    public init(method: PaymentMethod, amountVND: Int64) {
        self.method = method
        self.amountVND = amountVND
    }

    /// What is wrong with the payment, with field names relative to it.
    public func violations() -> [FieldViolation] {
        guard Self.allowedAmounts.contains(self.amountVND) else {
            return [FieldViolation(
                field: "amount_vnd", reason: "must be between 0 and \(Self.allowedAmounts.upperBound) (got \(self.amountVND))")]
        }
        return []
    }
}
