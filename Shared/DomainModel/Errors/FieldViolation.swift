/// One problem with one field of an input, e.g. `legal_deadline.amount: must be between 1 and 365`.
///
/// Field paths use the public (proto) field names so that callers can find the offending field.
public struct FieldViolation: Hashable, Sendable, CustomStringConvertible {
    /// The field path, e.g. `code`, `fees[2].amount_vnd`, `units[0].parent_code`.
    public var field: String
    /// Why the value is not accepted.
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// The same violation under a parent path: `fees[2]` + `amount_vnd` → `fees[2].amount_vnd`.
    public func nested(under parent: String) -> FieldViolation {
        FieldViolation(field: self.field.isEmpty ? parent : "\(parent).\(self.field)", reason: self.reason)
    }

    public var description: String { "\(self.field): \(self.reason)" }
}
