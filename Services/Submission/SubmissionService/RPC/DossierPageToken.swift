internal import DomainModel
internal import Foundation

/// The opaque `page_token` of ListDossiers: where the next page starts and a digest of the filters it was issued for
/// (a token used with other filters is refused).
enum DossierPageToken {
    private static let version = "d1"

    static func encode(_ cursor: DossierQuery.Cursor, filters: DossierQuery) -> String {
        let text = "\(self.version)|\(self.digest(filters))|\(StoredValues.nanos(cursor.receivedAt))|\(cursor.row)"
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ token: String, filters: DossierQuery) throws(SubmissionError) -> DossierQuery.Cursor {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard token.utf8.count <= 200, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            throw SubmissionError.invalid(field: "page_token", "is not a token issued by ListDossiers")
        }
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == self.version, let nanos = Int64(parts[2]), let row = Int64(parts[3]) else {
            throw SubmissionError.invalid(field: "page_token", "is not a token issued by ListDossiers")
        }
        guard parts[1] == self.digest(filters) else {
            throw SubmissionError.invalid(field: "page_token", "was issued for other filters: pass the same filters as the first page")
        }
        return DossierQuery.Cursor(receivedAt: StoredValues.instant(nanos), row: row)
    }

    /// FNV-1a (64 bits) of the filters, in hexadecimal.
    private static func digest(_ query: DossierQuery) -> String {
        var fingerprint = Fingerprint(kind: "list")
        fingerprint.add(query.unitCode?.rawValue ?? "")
        fingerprint.add(query.procedureCode?.rawValue ?? "")
        fingerprint.add(query.statuses.map(\.rawValue).sorted().map(String.init).joined(separator: ","))
        fingerprint.add(query.channel?.rawValue ?? 0)
        fingerprint.add(query.receivedFrom?.daysSinceEpoch ?? Int.min)
        fingerprint.add(query.receivedTo?.daysSinceEpoch ?? Int.min)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fingerprint.bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
