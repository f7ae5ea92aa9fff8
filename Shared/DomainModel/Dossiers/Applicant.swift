/// The person or organisation a dossier is filed for. Personal data: it appears only in the full (staff) view of a
/// dossier, never in the citizen's lookup view or in events.
public struct Applicant: Hashable, Sendable {
    public static let maximumNameLength = 200
    public static let idNumberLengths: ClosedRange<Int> = 5...20
    public static let maximumPhoneLength = 20
    public static let maximumEmailLength = 254
    public static let maximumAddressLength = 500

    public var fullName: String
    /// Identity document number (CCCD, old ID card, passport, or tax code), normalised by ``normalizedIDNumber(_:)``.
    public var idNumber: String
    public var phone: String
    public var email: String
    public var address: String

    public init(fullName: String, idNumber: String, phone: String = "", email: String = "", address: String = "") {
        self.fullName = fullName
        self.idNumber = idNumber
        self.phone = phone
        self.email = email
        self.address = address
    }

    /// The applicant with its ID number normalised and its text fields trimmed.
    public var normalized: Applicant {
        Applicant(
            fullName: Self.trimmed(self.fullName), idNumber: Self.normalizedIDNumber(self.idNumber), phone: Self.trimmed(self.phone),
            email: Self.trimmed(self.email), address: Self.trimmed(self.address))
    }

    /// An ID number as compared: surrounding whitespace removed, letters upper-cased.
    public static func normalizedIDNumber(_ text: String) -> String {
        let trimmed = self.trimmed(text)
        // Most ID numbers are digits only: nothing to upper-case.
        return trimmed.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x80 }) ? trimmed.uppercased() : trimmed
    }

    /// The text without surrounding whitespace (the text itself, uncopied, when it has none).
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return text }
        return text.trimmingWhitespace
    }

    /// What is wrong with the (normalised) applicant, with field names relative to it.
    public func violations() -> [FieldViolation] {
        var problems: [FieldViolation] = []
        if self.fullName.isEmpty {
            problems.append(FieldViolation(field: "full_name", reason: "is required"))
        } else if self.fullName.count > Self.maximumNameLength {
            problems.append(FieldViolation(field: "full_name", reason: "must be at most \(Self.maximumNameLength) characters"))
        }
        let id = self.idNumber.utf8
        if id.isEmpty {
            problems.append(FieldViolation(field: "id_number", reason: "is required"))
        } else if !Self.idNumberLengths.contains(id.count)
            || !id.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: "-") })
        {
            problems.append(FieldViolation(
                field: "id_number", reason: "must be 5 to 20 characters among A-Z, 0-9 and '-' (a CCCD has 12 digits)"))
        }
        if self.phone.utf8.count > Self.maximumPhoneLength
            || !self.phone.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || " +-.()".utf8.contains($0) })
        {
            problems.append(FieldViolation(
                field: "phone", reason: "must be at most 20 characters among digits, spaces, '+', '-', '.', '(' and ')'"))
        }
        if !self.email.isEmpty {
            let parts = self.email.split(separator: "@", omittingEmptySubsequences: false)
            if self.email.utf8.count > Self.maximumEmailLength || parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty
                || self.email.contains(" ")
            {
                problems.append(FieldViolation(field: "email", reason: "must be an e-mail address (name@domain), at most 254 characters"))
            }
        }
        if self.address.count > Self.maximumAddressLength {
            problems.append(FieldViolation(field: "address", reason: "must be at most \(Self.maximumAddressLength) characters"))
        }
        return problems
    }
}
