/// The code of an administrative procedure, unique in a catalog.
///
/// National codes look like `1.001193` or, on provincial portals, `2.000986.000.00.00.H18`. Accepted: 1 to 40
/// characters among `A`–`Z`, `0`–`9`, `.`, `-` and `_`, starting with a letter or digit.
public struct ProcedureCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Longest accepted code.
    public static let maximumLength = 40
    /// The prefix of every code of the generated demo catalog.
    public static let demoPrefix = "DEMO-"

    public let rawValue: String

    /// A code, or nil when `text` breaks the format.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard (1...Self.maximumLength).contains(bytes.count), Self.isAlphanumeric(bytes[0]),
            bytes.allSatisfy({ Self.isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        else { return nil }
        self.rawValue = text
    }

    /// Parses a code, or throws an `invalidArgument` error for `field` that says what is wrong.
    public static func parse(_ text: String, field: String) throws(DomainError) -> ProcedureCode {
        if let code = ProcedureCode(text) { return code }
        let reason: String
        if text.isEmpty {
            reason = "is required"
        } else if text.utf8.count > self.maximumLength {
            reason = "must be at most \(self.maximumLength) characters"
        } else {
            reason = "must use only A-Z, 0-9, '.', '-' and '_' and start with a letter or digit (got \"\(text.prefix(60))\")"
        }
        throw DomainError.invalid(field: field, reason)
    }

    /// Whether the code is one of the generated demo catalog's.
    public var isDemo: Bool { self.rawValue.hasPrefix(Self.demoPrefix) }

    public var description: String { self.rawValue }

    public static func < (lhs: ProcedureCode, rhs: ProcedureCode) -> Bool {
        // Byte order, as SQL's BINARY collation sorts.
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
