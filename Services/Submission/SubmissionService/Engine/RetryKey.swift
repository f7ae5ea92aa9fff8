public import DomainModel

/// A caller and its id for one request: the key that makes submissions and steps safe to retry.
public struct RetryKey: Hashable, Sendable {
    public static let maximumLength = 100

    /// The calling system or desk, e.g. `portal`, `desk-03162`.
    public var caller: String
    /// The caller's id of the request, e.g. a UUID.
    public var requestID: String

    public init(caller: String, requestID: String) {
        self.caller = caller
        self.requestID = requestID
    }

    /// Parses a key; nil when both parts are empty and the key is optional.
    ///
    /// - Throws: ``DomainError`` `invalidArgument` naming `caller` or `request_id`.
    public static func parse(caller: String, requestID: String, required: Bool) throws(DomainError) -> RetryKey? {
        if !required && caller.isEmpty && requestID.isEmpty { return nil }
        var problems: [FieldViolation] = []
        if let reason = self.callerProblem(caller) { problems.append(FieldViolation(field: "caller", reason: reason)) }
        if requestID.isEmpty {
            problems.append(FieldViolation(field: "request_id", reason: "is required"))
        } else if requestID.utf8.count > self.maximumLength || !requestID.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) {
            problems.append(FieldViolation(field: "request_id", reason: "must be 1 to 100 printable ASCII characters without spaces"))
        }
        guard problems.isEmpty else { throw DomainError.invalid(problems) }
        return RetryKey(caller: caller, requestID: requestID)
    }

    /// What is wrong with a caller or system name (letters, digits, `.`, `-`, `_`, `:`; 1 to 100), if anything.
    public static func callerProblem(_ text: String) -> String? {
        if text.isEmpty { return "is required" }
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || ".-_:".utf8.contains(byte)
        }
        guard allowed, text.utf8.count <= self.maximumLength else {
            return "must be 1 to 100 characters among letters, digits, '.', '-', '_' and ':'"
        }
        return nil
    }
}
