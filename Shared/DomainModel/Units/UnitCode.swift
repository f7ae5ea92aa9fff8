/// A GSO administrative-unit code: 2 (province), 3 (district) or 5 (commune) ASCII digits, zero-padded.
public struct UnitCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// A code, or nil unless `text` is 2, 3 or 5 ASCII digits.
    public init?(_ text: String) {
        guard UnitLevel(codeLength: text.utf8.count) != nil, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        self.rawValue = text
    }

    /// Parses a code, or throws an `invalidArgument` error for `field`.
    public static func parse(_ text: String, field: String) throws(DomainError) -> UnitCode {
        guard let code = UnitCode(text) else {
            throw DomainError.invalid(field: field, text.isEmpty ? "is required" : "must be a GSO code of 2, 3 or 5 digits (got \"\(text.prefix(40))\")")
        }
        return code
    }

    /// The level the code's length implies.
    public var level: UnitLevel { UnitLevel(codeLength: self.rawValue.utf8.count) ?? .commune }

    public var description: String { self.rawValue }

    public static func < (lhs: UnitCode, rhs: UnitCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
