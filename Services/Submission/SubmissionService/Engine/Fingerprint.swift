public import DomainModel

/// A canonical encoding of a request's content, stored with its retry key: a retry is recognised as "the same
/// request" when its fingerprint is byte for byte the same. Every field is written with its length, in a fixed order,
/// so different contents never share a fingerprint.
public struct Fingerprint: Hashable, Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(kind: String) {
        self.add(kind)
    }

    public mutating func add(_ text: String) {
        self.add(Int64(text.utf8.count))
        self.bytes.append(contentsOf: text.utf8)
    }

    public mutating func add(_ value: Int64) {
        var remaining = UInt64(bitPattern: value)
        repeat {
            var byte = UInt8(remaining & 0x7F)
            remaining >>= 7
            if remaining != 0 { byte |= 0x80 }
            self.bytes.append(byte)
        } while remaining != 0
    }

    public mutating func add(_ value: Int) { self.add(Int64(value)) }

    public mutating func add(_ value: Bool) { self.bytes.append(value ? 1 : 0) }

    public mutating func add(_ applicant: Applicant) {
        for field in [applicant.fullName, applicant.idNumber, applicant.phone, applicant.email, applicant.address] { self.add(field) }
    }

    public mutating func add(_ attachments: [Attachment]) {
        self.add(attachments.count)
        for attachment in attachments {
            for field in [attachment.name, attachment.component, attachment.mediaType, attachment.sha256] { self.add(field) }
            self.add(attachment.sizeBytes)
        }
    }

    public mutating func add(_ action: DossierAction) {
        self.add(action.kind.rawValue)
        if let payment = action.payment {
            self.add(payment.method.rawValue)
            self.add(payment.amountVND)
        }
        if let apology = action.apology {
            self.add(apology.newDate.daysSinceEpoch)
            self.add(apology.reason)
        }
    }
}
