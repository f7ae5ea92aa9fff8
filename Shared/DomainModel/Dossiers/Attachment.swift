/// Metadata of a file attached to a dossier (the file itself is kept elsewhere).
public struct Attachment: Hashable, Sendable {
    public static let maximumNameLength = 255
    public static let maximumComponentLength = 300
    public static let maximumMediaTypeLength = 100
    public static let allowedSizes: ClosedRange<Int64> = 0...(1 << 40)
    /// Most attachments a dossier may have.
    public static let maximumCount = 100

    public var name: String
    /// The dossier component (thành phần hồ sơ) the file is.
    public var component: String
    public var mediaType: String
    public var sizeBytes: Int64
    /// SHA-256 of the content, 64 lower-case hex digits, or empty.
    public var sha256: String

    public init(name: String, component: String = "", mediaType: String = "", sizeBytes: Int64 = 0, sha256: String = "") {
        self.name = name
        self.component = component
        self.mediaType = mediaType
        self.sizeBytes = sizeBytes
        self.sha256 = sha256
    }

    /// What is wrong with the attachment, with field names relative to it.
    public func violations() -> [FieldViolation] {
        var problems: [FieldViolation] = []
        if self.name.trimmingWhitespace.isEmpty {
            problems.append(FieldViolation(field: "name", reason: "is required"))
        } else if self.name.count > Self.maximumNameLength {
            problems.append(FieldViolation(field: "name", reason: "must be at most \(Self.maximumNameLength) characters"))
        }
        if self.component.count > Self.maximumComponentLength {
            problems.append(FieldViolation(field: "component", reason: "must be at most \(Self.maximumComponentLength) characters"))
        }
        if self.mediaType.count > Self.maximumMediaTypeLength {
            problems.append(FieldViolation(field: "media_type", reason: "must be at most \(Self.maximumMediaTypeLength) characters"))
        }
        if !Self.allowedSizes.contains(self.sizeBytes) {
            problems.append(FieldViolation(field: "size_bytes", reason: "must be between 0 and \(Self.allowedSizes.upperBound)"))
        }
        if !self.sha256.isEmpty,
            self.sha256.utf8.count != 64 || !self.sha256.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        {
            problems.append(FieldViolation(field: "sha256", reason: "must be 64 lower-case hex digits"))
        }
        return problems
    }
}
